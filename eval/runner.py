"""Run a question set through the retriever (and the answer engine) and score it.

The retriever and engine are duck-typed (``search(q, k)``, ``answer(q, history,
k)``) so tests can pass small fakes; :func:`load_retriever` loads the real one.
"""

from __future__ import annotations

import logging
import time
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path, PurePath
from typing import Any, Protocol

from tqdm import tqdm

from eval.answer_metrics import (
    QuoteCheck,
    fact_present,
    quote_is_verbatim,
    refusal_scores,
    rouge_l,
)
from eval.errors import EvalError
from eval.metrics import (
    average_records,
    evidence_in_text,
    first_relevant_rank,
    latency_summary,
    ranking_metrics,
    recall_curve,
)
from eval.questions import Question

log = logging.getLogger(__name__)
RETRIEVAL_K = 10
ANSWER_TOP = 5


class SearchesChunks(Protocol):
    def search(self, query: str, k: int = 5) -> list[Any]: ...


@dataclass(frozen=True)
class RunResult:
    """Aggregate metrics (flat keys plus ``by_lang``/``by_kind``) and per-question records."""

    metrics: dict[str, Any]
    records: list[dict[str, Any]]
    chunk_curve: list[float]
    doc_curve: list[float]


def load_retriever(index_dir: Path, model: str | None = None) -> Any:
    """Load ``index.Retriever`` from ``index_dir``; index errors become :class:`EvalError`."""
    from index import IndexError_, Retriever

    if not Path(index_dir).exists():
        raise EvalError(f"index directory not found: {index_dir} "
                        f"(build it with: python -m index build CORPUS --index-dir {index_dir})")
    try:
        return Retriever.load(Path(index_dir), model=model)
    except IndexError_ as exc:
        raise EvalError(str(exc)) from exc


def doc_matches(chunk: Any, gold: str | None) -> bool:
    """A chunk belongs to the gold document when its source stem or doc id equals ``gold``."""
    if not gold:
        return False
    stem = PurePath(str(chunk.source)).stem
    return gold in (stem, PurePath(str(chunk.source)).name, chunk.doc_id)


def _hit_json(hit: Any, relevant: bool, in_doc: bool) -> dict[str, Any]:
    data = dict(hit.to_json())
    data["relevant"] = relevant
    data["gold_doc"] = in_doc
    return data


def chunk_targets(q: Question) -> tuple[str, ...]:
    """Strings that make a chunk relevant: the evidence quotes, else the reference answer
    (the NCP dev set has answer spans but no separate evidence)."""
    return q.targets or ((q.answer,) if q.answer else ())


def score_retrieval(q: Question, hits: Sequence[Any]) -> dict[str, Any]:
    """Per-question retrieval record: ranks, metrics and the annotated hits."""
    targets = chunk_targets(q)
    texts = [h.chunk.text for h in hits]
    relevant = [evidence_in_text(t, targets) for t in texts] if targets else []
    in_doc = [doc_matches(h.chunk, q.doc) for h in hits]
    metrics: dict[str, float | None] = {}
    if targets:
        metrics.update(ranking_metrics(relevant))
    metrics.update(ranking_metrics(in_doc, prefix="doc_"))
    if q.answer:
        top = "\n".join(texts[:ANSWER_TOP])
        metrics["answer_in_top5"] = 1.0 if top and fact_present(q.answer, top) else 0.0
    return {
        "chunk_target": "evidence" if q.targets else ("answer" if targets else None),
        "chunk_rank": first_relevant_rank(relevant[:RETRIEVAL_K]) if targets else None,
        "doc_rank": first_relevant_rank(in_doc[:RETRIEVAL_K]),
        "retrieval": metrics,
        "hits": [_hit_json(h, bool(relevant and relevant[i]), in_doc[i])
                 for i, h in enumerate(hits)],
    }


def _timed(fn: Callable[[], Any]) -> tuple[Any, float]:
    start = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - start


def run_retrieval(
    retriever: SearchesChunks, questions: Sequence[Question], *, progress: bool = True
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Retrieval metrics over answerable questions (unanswerable ones are excluded)."""
    missing = gold_docs_not_indexed(retriever, questions)
    if missing:
        log.warning("%d question(s) name a gold document that is not in the index "
                    "(e.g. dropped by ingest as a duplicate): %s", len(missing),
                    ", ".join(missing[:5]))
    aliases = alias_map(retriever)
    records: list[dict[str, Any]] = []
    for q in tqdm(questions, desc="retrieval", unit="q", disable=not progress):
        hits, seconds = _timed(lambda q=q: retriever.search(q.question, k=RETRIEVAL_K))
        rec = {"id": q.id, "question": q.question, "lang": q.lang, "kind": q.kind,
               "answerable": q.answerable, "doc": q.doc, "evidence": q.evidence,
               "reference_answer": q.answer, "retrieval_seconds": seconds}
        gold = replace(q, doc=aliases[q.doc]) if q.doc in aliases else q
        rec.update(score_retrieval(gold, hits))
        records.append(rec)
    summary = retrieval_summary(records)
    summary["n_gold_doc_not_in_index"] = len(missing)
    return summary, records


def alias_map(retriever: Any) -> dict[str, str]:
    """Gold-document names (path, file name, stem) of dropped duplicates -> kept doc_id."""
    out: dict[str, str] = {}
    for source, doc_id in dict(getattr(retriever, "aliases", {}) or {}).items():
        path = PurePath(str(source))
        out.update({str(source): doc_id, path.name: doc_id, path.stem: doc_id})
    return out


def gold_docs_not_indexed(retriever: Any, questions: Sequence[Question]) -> list[str]:
    """Ids of answerable questions whose gold doc matches no indexed document."""
    documents = getattr(retriever, "documents", None)
    if not documents:
        return []
    known: set[str] = set()
    for doc_id, d in documents.items():
        known.update({doc_id, PurePath(str(d.source)).stem, PurePath(str(d.source)).name})
    known.update(alias_map(retriever))
    return [q.id for q in questions if q.answerable and q.doc and q.doc not in known]


def retrieval_summary(records: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Flat retrieval metrics with counts of what was scored and excluded."""
    scored = [r for r in records if r["answerable"]]
    out: dict[str, Any] = {"n": len(scored),
                           "n_excluded_unanswerable": len(records) - len(scored),
                           "n_chunk_scored": sum(1 for r in scored if r["chunk_target"]),
                           "n_chunk_target_from_answer": sum(
                               1 for r in scored if r["chunk_target"] == "answer")}
    order = ["recall@1", "recall@3", "recall@5", "recall@10", "mrr@10", "ndcg@10"]
    avg = average_records([r["retrieval"] for r in scored])
    for key in order + [f"doc_{k}" for k in order] + ["answer_in_top5"]:
        if key in avg:
            out[key] = avg[key]
    out.update(latency_summary([r["retrieval_seconds"] for r in records], "retrieval_latency"))
    return out


def score_answer(q: Question, answer: Any, documents: Mapping[str, str],
                 chunk_texts: Mapping[str, str]) -> dict[str, Any]:
    """Per-question answer metrics for one :class:`app.answer.types.Answer`."""
    checks = [QuoteCheck(c.doc_id, c.char_start, c.char_end, c.quote) for c in answer.citations]
    valid = [quote_is_verbatim(c, documents) for c in checks]
    m: dict[str, float | None] = {"refused": 1.0 if answer.refused else 0.0,
                                  "answer_fact": None, "rouge_l": None,
                                  "citation_support": None,
                                  "citation_validity": sum(valid) / len(valid) if valid else None}
    if q.answerable and q.answer:
        m["answer_fact"] = 0.0 if answer.refused else float(fact_present(q.answer, answer.text))
        m["rouge_l"] = 0.0 if answer.refused else rouge_l(q.answer, answer.text)
    targets = chunk_targets(q)
    if q.answerable and targets and not answer.refused:
        cited = [chunk_texts.get(c.chunk_id, c.quote) for c in answer.citations]
        m["citation_support"] = float(any(evidence_in_text(t, targets) for t in cited))
    return {"answer": {"text": answer.text, "refused": answer.refused,
                       "reason": getattr(answer, "reason", ""),
                       "mode": getattr(answer, "mode", None)},
            "citations": [dict(c.to_json(), verbatim=ok)
                          for c, ok in zip(answer.citations, valid, strict=True)],
            "n_citations": len(valid), "n_invalid_citations": len(valid) - sum(valid),
            "answer_metrics": m}


def answer_summary(records: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Answer metrics over records that carry ``answer_metrics``."""
    ans = [r["answer_metrics"] for r in records]
    n_cit = sum(r["n_citations"] for r in records)
    n_bad = sum(r["n_invalid_citations"] for r in records)
    out: dict[str, Any] = {}
    avg = average_records(ans)
    for key in ("answer_fact", "rouge_l", "citation_support"):
        if key in avg:
            out[key] = avg[key]
    out["citation_validity"] = (n_cit - n_bad) / n_cit if n_cit else None
    out["n_citations"] = n_cit
    out["n_invalid_citations"] = n_bad
    out.update(refusal_scores([r["answerable"] for r in records],
                              [bool(m["refused"]) for m in ans]))
    out.update(latency_summary([r["answer_seconds"] for r in records], "latency"))
    lengths = sorted(len(r["answer"]["text"]) for r in records if not r["answer"]["refused"])
    out["answer_chars_p50"] = float(lengths[len(lengths) // 2]) if lengths else None
    return out


def _group_metrics(records: Sequence[dict[str, Any]], with_answers: bool) -> dict[str, Any]:
    out = {"n_questions": len(records), **retrieval_summary(records)}
    if with_answers:
        out.update(answer_summary(records))
    return {k: v for k, v in out.items() if "latency" not in k}


def breakdowns(records: Sequence[dict[str, Any]], with_answers: bool) -> dict[str, Any]:
    """Metrics grouped by ``lang`` and by ``kind``."""
    result: dict[str, Any] = {}
    for field in ("lang", "kind"):
        groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for r in records:
            groups[r[field]].append(r)
        result[f"by_{field}"] = {g: _group_metrics(rs, with_answers)
                                 for g, rs in sorted(groups.items())}
    return result


def run_full(retriever: Any, questions: Sequence[Question], k: int = 5, *,
             engine: Any = None, progress: bool = True) -> RunResult:
    """Retrieval metrics, then answers from ``engine`` (default ``app.answer.engine.QAEngine``)."""
    _, records = run_retrieval(retriever, questions, progress=progress)
    if engine is None:
        from app.answer.engine import QAEngine

        engine = QAEngine(retriever)
    documents = {doc_id: d.text for doc_id, d in retriever.documents.items()}
    chunk_texts = {c.chunk_id: c.text for c in retriever.chunks}
    for q, rec in tqdm(list(zip(questions, records, strict=True)), desc="answers",
                       unit="q", disable=not progress):
        answer, seconds = _timed(lambda q=q: engine.answer(q.question, (), k=k))
        rec["answer_seconds"] = seconds
        rec.update(score_answer(q, answer, documents, chunk_texts))
    metrics: dict[str, Any] = {"n_questions": len(records)}
    metrics.update(retrieval_summary(records))
    metrics.update(answer_summary(records))
    metrics["k"] = k
    metrics.update(breakdowns(records, with_answers=True))
    ranks_c = [r["chunk_rank"] for r in records if r["answerable"] and r["chunk_target"]]
    ranks_d = [r["doc_rank"] for r in records if r["answerable"]]
    return RunResult(metrics, records, recall_curve(ranks_c), recall_curve(ranks_d))
