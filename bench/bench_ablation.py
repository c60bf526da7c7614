"""Ablation of ``SearchConfig`` variants on NCP dev (+ two halves), LeCoQA dev and the sample set.

    python -m bench.bench_ablation --out bench/results/ablation.json [--dump-misses misses.jsonl]

Every variant runs through ``Retriever.search`` itself, so what is measured is what
ships. Document vectors come from the embedding cache (``bench.embed_cache``); query
vectors are memoised (and kept beside the cache), so variants cost only the search.
NCP dev is split into two halves with a fixed seed. NCP's questions echo the
notices' wording; LeCoQA's are everyday questions against formal text, so the
two pull the fusion weights in opposite directions and a default must hold on both.

The default is chosen by a rule over the table (``choose``): no loss on the sample
set, NCP document Recall@5 within one question of the previous default on the full
set and on each half, better than the previous default on LeCoQA (doc + any-cited
Recall@5, paired sign test) and not beaten that way by another such variant; of
those left, the first listed. Latency is
timed in the same run: search (query vector given) against embedding the query.
"""

from __future__ import annotations

import argparse
import functools
import json
import logging
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

import index.retriever as retriever_module
from bench.bench_retrieval import NCP, load_questions
from bench.bench_sample import chunk_hits, evidence_spans
from bench.choice import choose
from bench.embed_cache import CachedEnsemble, CachingEmbedder, cached_embedder
from bench.lecoqa import LECOQA, lecoqa_scores, load_lecoqa
from bench.metrics import answer_in, recall_at, reciprocal_rank
from index.build import build_from_chunks
from index.config import DEFAULT_CHUNKING, IndexConfig, SearchConfig
from index.embedder import DEFAULT_MODEL, E5_MODEL, member_slices, model_cache_dir
from index.retriever import Retriever
from index.tokenise import query_tokens
from ingest import ingest_corpus

SAMPLE_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"

logger = logging.getLogger("bench.ablation")

SEED = 20261121
PREVIOUS = "e5, coverage 0.3/0.7 + doc 0.3 (previous default)"
CHOSEN = "e5+USE 0.3, coverage 0.4/0.6 + doc 0.3 (new default)"
#: the previous default's search settings (on an index of e5 alone)
E5_COVERAGE = SearchConfig(dense_weight=0.3, bm25_weight=0.7)
FIXED = replace(E5_COVERAGE, weighting="fixed")


@dataclass(frozen=True)
class Variant:
    """One row of the table: a search config, whether queries get synonym expansion and
    the embedding model of the index it searches (e5 alone or the e5 + USE ensemble)."""

    config: SearchConfig
    synonyms: bool = True
    model: str = DEFAULT_MODEL


def _e5(config: SearchConfig, synonyms: bool = True) -> Variant:
    return Variant(config, synonyms, E5_MODEL)


#: name -> variant; the first is the baseline the rule compares against.
VARIANTS: dict[str, Variant] = {
    PREVIOUS: _e5(E5_COVERAGE),
    "e5, fixed 0.3/0.7 + doc 0.3 (first default)": _e5(FIXED),
    "e5 dense only": _e5(SearchConfig(fusion="dense", rescore=False)),
    "bm25 only": _e5(SearchConfig(fusion="bm25", rescore=False)),
    "e5, fixed 0.7/0.3 + doc 0.3": _e5(replace(FIXED, dense_weight=0.7, bm25_weight=0.3)),
    "e5, fixed 0.7/0.3, no doc prior": _e5(replace(FIXED, dense_weight=0.7, bm25_weight=0.3,
                                                   doc_weight=0.0)),
    "e5, fixed rrf 1:1": _e5(replace(FIXED, fusion="rrf", dense_weight=1.0, bm25_weight=1.0,
                                     doc_weight=0.0)),
    "e5, coverage 0.2/0.8": _e5(replace(E5_COVERAGE, dense_weight=0.2, bm25_weight=0.8)),
    "e5, coverage 0.4/0.6": _e5(replace(E5_COVERAGE, dense_weight=0.4, bm25_weight=0.6)),
    "e5, coverage + doc 0.5": _e5(replace(E5_COVERAGE, doc_weight=0.5)),
    "e5, coverage + spread 0.2": _e5(replace(E5_COVERAGE, same_doc_penalty=0.2)),
    "e5, coverage, no synonym expansion": _e5(E5_COVERAGE, synonyms=False),
    CHOSEN: Variant(SearchConfig()),
    "e5+USE 0.3, coverage 0.3/0.7 + doc 0.3": Variant(SearchConfig(dense_weight=0.3,
                                                                  bm25_weight=0.7)),
    "e5+USE 0.3, coverage 0.5/0.5": Variant(SearchConfig(dense_weight=0.5, bm25_weight=0.5)),
    "e5+USE 0.2, coverage 0.4/0.6": Variant(SearchConfig(ensemble_weight=0.2)),
    "e5+USE 0.5, coverage 0.4/0.6": Variant(SearchConfig(ensemble_weight=0.5)),
    "e5+USE 0 (e5 re-scores, ensemble candidates)": Variant(SearchConfig(ensemble_weight=0.0)),
    "e5+USE 0.3, dense only": Variant(SearchConfig(fusion="dense")),
    "USE dense only (ensemble 1.0)": Variant(SearchConfig(fusion="dense", ensemble_weight=1.0)),
    "e5+USE 0.3, fixed 0.4/0.6": Variant(SearchConfig(weighting="fixed")),
    "e5+USE 0.3, coverage, no synonym expansion": Variant(SearchConfig(), synonyms=False),
}
#: Per-question columns of ``ncp_scores``.
COLUMNS = ("doc_recall@5", "mrr@10", "answer@5", "distinct_doc_recall@5", "strict_doc_recall@5")


class MemoQueries:
    """Wraps an embedder; query vectors are memoised and, with ``path``, kept on disk."""

    def __init__(self, inner: CachingEmbedder | CachedEnsemble, path: Path | None = None) -> None:
        self.inner = inner
        self.name = inner.name
        self.dim = inner.dim
        self.member_slices = member_slices(inner)
        self.path = path
        self._memo: dict[str, np.ndarray] = {}
        if path is not None and path.is_file():
            data = np.load(path, allow_pickle=False)
            if data["vecs"].shape[1:] == (self.dim,):
                self._memo = dict(zip(data["texts"].tolist(), data["vecs"], strict=True))

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        """Memoised query vectors."""
        missing = [t for t in dict.fromkeys(texts) if t not in self._memo]
        if missing:
            for t, v in zip(missing, self.inner.embed_queries(missing), strict=True):
                self._memo[t] = v
        return np.stack([self._memo[t] for t in texts])

    def embed_documents(self, texts: Sequence[str], **kw: Any) -> np.ndarray:
        """Delegates to the caching embedder."""
        return self.inner.embed_documents(texts, **kw)

    def save(self) -> None:
        """Keep the memoised query vectors beside the document cache."""
        self.inner.save()
        if self.path is None or not self._memo:
            return
        tmp = self.path.with_suffix(".tmp.npz")
        np.savez(tmp, texts=np.array(list(self._memo)), vecs=np.stack(list(self._memo.values())))
        tmp.replace(self.path)


def build(corpus: Path, embedder: MemoQueries, tmp: Path) -> tuple[Retriever, Any]:
    """Ingest ``corpus`` with the default chunking and folding; load a retriever over it."""
    config = IndexConfig(model=embedder.name, chunking=DEFAULT_CHUNKING)
    ingested = ingest_corpus(corpus, DEFAULT_CHUNKING, fold_threshold=config.fold_threshold)
    build_from_chunks(ingested.documents, ingested.chunks, tmp, config, embedder=embedder)
    embedder.inner.save()
    return Retriever.load(tmp, embedder=embedder), ingested


@contextmanager
def synonym_expansion(enabled: bool) -> Iterator[None]:
    """Within the block, queries get (or do not get) the lexicon's synonym expansion."""
    if enabled:
        yield
        return
    retriever_module.query_tokens = functools.partial(query_tokens, groups=())
    try:
        yield
    finally:
        retriever_module.query_tokens = query_tokens


def ncp_scores(
    retriever: Retriever, questions: Sequence[dict[str, str]], dup_of: dict[str, str],
    cfg: SearchConfig,
) -> tuple[np.ndarray, list[list[str]]]:
    """Per-question rows (see ``COLUMNS``) and the top-10 document stems.

    Document recall counts the gold file or a copy folded into the hit's document
    (``dup_of``); the strict column counts the gold file name only. The distinct
    column asks whether the gold document is among the first five different
    documents of the ranking (the top 10 chunks).
    """
    rows, tops = [], []
    for q in questions:
        hits = retriever.search(q["question"], k=10, config=cfg)
        docs = [Path(h.chunk.source).stem for h in hits]
        distinct = list(dict.fromkeys(docs))
        gold = {q["doc"], dup_of.get(q["doc"], q["doc"])}
        rows.append((recall_at(docs, gold, 5), reciprocal_rank(docs, gold, 10),
                     answer_in([h.chunk.text for h in hits[:5]], q["answer"]),
                     recall_at(distinct, gold, 5), recall_at(docs, {q["doc"]}, 5)))
        tops.append(docs)
    return np.array(rows), tops


def sample_scores(retriever: Retriever, questions: Sequence[dict[str, Any]],
                  spans: Sequence[tuple[str, list[tuple[int, int]]]],
                  cfg: SearchConfig) -> tuple[float, float]:
    """Evidence-level Recall@5 and document MRR@10 on the sample corpus."""
    hits, rr = [], []
    for q, (doc_id, sp) in zip(questions, spans, strict=True):
        top = retriever.search(q["question"], k=10, config=cfg)
        hits.append(any(h.chunk.doc_id == doc_id and chunk_hits(h.chunk, sp) for h in top[:5]))
        rr.append(reciprocal_rank([h.chunk.doc_id for h in top], {doc_id}, 10))
    return statistics.fmean(hits), statistics.fmean(rr)


def _halves(n: int) -> dict[str, list[int]]:
    order = list(range(n))
    random.Random(SEED).shuffle(order)
    return {"A": sorted(order[: n // 2]), "B": sorted(order[n // 2:])}


def _latency(views: Mapping[str, Retriever], inner: Any,
             questions: Sequence[str]) -> dict[str, float]:
    """Median ms: search with the query vector memoised (per variant) and query embedding."""
    lat: dict[str, list[float]] = {name: [] for name in views}
    embed_ms = []
    for q in questions:  # interleaved so machine noise hits all alike
        t0 = time.perf_counter()
        inner.embed_queries([q])
        embed_ms.append((time.perf_counter() - t0) * 1000)
        for name, r in views.items():
            t0 = time.perf_counter()
            r.search(q, k=5, config=VARIANTS[name].config)  # vector memoised by r's embedder
            lat[name].append((time.perf_counter() - t0) * 1000)
    out = {f"{n} (search, query vector memoised)": statistics.median(v) for n, v in lat.items()}
    out["query embedding"] = statistics.median(embed_ms)
    return out


def _table(results: Mapping[str, Mapping[str, Any]]) -> list[str]:
    lines = ["| variant | NCP full R5/MRR/ans | half A | half B | LeCoQA doc R5 / any R5 / MRR"
             " | sample R5 / doc MRR |", "|---|---|---|---|---|---|"]
    for name, e in results.items():
        ncp = ["/".join(f"{x:.3f}" for x in e[h][:3]) for h in ("full", "A", "B")]
        lec = " / ".join(f"{x:.3f}" for x in e["lecoqa"])
        lines.append(f"| {name} | {' | '.join(ncp)} | {lec} | {e['sample_r5']:.3f} / "
                     f"{e['sample_doc_mrr']:.3f} |")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    """Run every variant on the three sets; log the table; write JSON and Markdown."""
    p = argparse.ArgumentParser(prog="python -m bench.bench_ablation", description=__doc__)
    p.add_argument("--out", type=Path, required=True, help="JSON results (a .md table beside)")
    p.add_argument("--cache-dir", type=Path, default=model_cache_dir().parent / "bench")
    p.add_argument("--sample-corpus", type=Path, default=SAMPLE_CORPUS)
    p.add_argument("--sample-questions", type=Path,
                   default=Path("eval/data/sample_questions.jsonl"))
    p.add_argument("--lecoqa", type=Path, default=LECOQA, help="LeCoQA folder (corpus/, dev)")
    p.add_argument("--latency-questions", type=int, default=100,
                   help="NCP and as many LeCoQA questions timed (default 100 each)")
    p.add_argument("--dump-misses", type=Path,
                   help="write the NCP Recall@5 misses of the chosen default")
    args = p.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s: %(message)s")
    logging.getLogger("bm25s").setLevel(logging.WARNING)
    for path in (NCP / "dev_questions.jsonl", args.lecoqa / "dev_questions.jsonl",
                 args.sample_questions, args.sample_corpus):
        if not path.exists():
            p.error(f"{path} does not exist")
    embedders = {
        model: MemoQueries(cached_embedder(model, args.cache_dir),
                           args.cache_dir / f"{model.replace('/', '_')}.queries.npz")
        for model in dict.fromkeys(v.model for v in VARIANTS.values())
    }
    questions = load_questions(NCP / "dev_questions.jsonl")
    halves = _halves(len(questions))
    lec_qs = load_lecoqa(args.lecoqa / "dev_questions.jsonl")
    sample_qs = [json.loads(x) for x in args.sample_questions.read_text("utf-8").splitlines()
                 if x.strip()]
    sample_qs = [q for q in sample_qs if q.get("answerable")]
    results: dict[str, Any] = {}
    per_question: dict[str, np.ndarray] = {}
    with tempfile.TemporaryDirectory() as tmp:
        views: dict[str, tuple[Retriever, Retriever, Retriever]] = {}
        for model, embedder in embedders.items():
            folder = Path(tmp) / model.replace("/", "_")
            ncp, ingested = build(NCP / "corpus", embedder, folder / "ncp")
            lec, lec_ing = build(args.lecoqa / "corpus", embedder, folder / "lecoqa")
            sample, s_ing = build(args.sample_corpus, embedder, folder / "sample")
            views[model] = (ncp, lec, sample)
        dup_of = {Path(d).stem: Path(k).stem for k, d in ingested.report.aliases}
        lec_dup = {Path(d).name: Path(k).name for k, d in lec_ing.report.aliases}
        by_stem = {Path(d.source).stem: d for d in s_ing.documents}
        spans = [(by_stem[q["doc"]].doc_id,
                  evidence_spans(by_stem[q["doc"]], [q["evidence"], *q.get("alt_evidence", [])]))
                 for q in sample_qs]
        misses: list[tuple[dict[str, str], list[str]]] = []
        for name, variant in VARIANTS.items():
            cfg = variant.config
            ncp, lec, sample = views[variant.model]
            with synonym_expansion(variant.synonyms):
                rows, tops = ncp_scores(ncp, questions, dup_of, cfg)
                entry: dict[str, Any] = {"full": rows.mean(0).tolist()}
                for h, idx in halves.items():
                    entry[h] = rows[idx].mean(0).tolist()
                    entry[f"n_{h}"] = len(idx)
                lec_rows = lecoqa_scores(lec, lec_qs, lec_dup, cfg)
                entry["lecoqa"] = lec_rows.mean(0).tolist()
                per_question[name] = lec_rows[:, 0] + lec_rows[:, 1]
                entry["sample_r5"], entry["sample_doc_mrr"] = sample_scores(
                    sample, sample_qs, spans, cfg)
            results[name] = entry
            logger.info("%s: %s", name, _table({name: entry})[-1])
            if name == CHOSEN:
                misses = [(q, top) for q, row, top in zip(questions, rows, tops, strict=True)
                          if row[0] < 1]
        for embedder in embedders.values():
            embedder.save()
        n = args.latency_questions
        before, chosen = views[VARIANTS[PREVIOUS].model], views[VARIANTS[CHOSEN].model]
        inner = embedders[VARIANTS[CHOSEN].model].inner.inner  # uncached: embedding is timed
        latency = _latency({PREVIOUS: before[0], CHOSEN: chosen[0]}, inner,
                           [q["question"] for q in questions[:n]])
        latency_lec = _latency({PREVIOUS: before[1], CHOSEN: chosen[1]}, inner,
                               [q["question"] for q in lec_qs[:n]])
        if args.dump_misses:
            with args.dump_misses.open("w", encoding="utf-8") as fh:
                for q, top in misses:
                    fh.write(json.dumps({"q": q["question"],
                                         "gold": _title(ingested, dup_of.get(q["doc"], q["doc"])),
                                         "top5": [_title(ingested, d) for d in top[:5]]},
                                        ensure_ascii=False) + "\n")
    picked = choose(results, per_question, PREVIOUS, len(questions))
    shipped = next(name for name, v in VARIANTS.items()
                   if v.config == SearchConfig() and v.synonyms and v.model == DEFAULT_MODEL)
    why = _why(results, per_question, picked)
    if picked != shipped:
        logger.warning("the rule picks %r but SearchConfig() is %r", picked, shipped)
    ratio = {
        corpus: (lat[f"{CHOSEN} (search, query vector memoised)"] + lat["query embedding"])
        / lat["query embedding"]
        for corpus, lat in (("ncp", latency), ("lecoqa", latency_lec))
    }
    table = _table(results)
    for line in table:
        logger.info("%s", line)
    logger.info("chosen: %s (%s); shipped default: %s", picked, why, shipped)
    logger.info("median latency ms NCP %s; LeCoQA %s; (embed + search) / embed = %s",
                {k: round(v, 2) for k, v in latency.items()},
                {k: round(v, 2) for k, v in latency_lec.items()},
                {k: round(v, 3) for k, v in ratio.items()})
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({
        "seed": SEED, "ncp_metrics": ", ".join(COLUMNS),
        "lecoqa_metrics": "doc_recall@5, any_cited_recall@5, mrr@10 (on doc)",
        "variants": results, "chosen": picked, "shipped_default": shipped, "why": why,
        "latency_ms_median": {"ncp": latency, "lecoqa": latency_lec},
        "retrieval_over_embedding": ratio,
    }, indent=2, ensure_ascii=False), encoding="utf-8")
    args.out.with_suffix(".md").write_text(
        "\n".join([*table, "", f"Chosen by the rule: **{picked}** ({why}).",
                   f"Shipped default (`SearchConfig()`): {shipped}.", "",
                   "Median ms, search (query vector given) / query embedding / (embed + "
                   "search) over embed:",
                   *(f"- {label}: {lat[f'{CHOSEN} (search, query vector memoised)']:.1f} / "
                     f"{lat['query embedding']:.1f} / {ratio[key]:.3f}"
                     for label, key, lat in (("NCP", "ncp", latency),
                                             ("LeCoQA", "lecoqa", latency_lec))), ""]),
        encoding="utf-8")
    return 0


def _why(results: Mapping[str, Mapping[str, Any]], per_question: Mapping[str, np.ndarray],
         picked: str) -> str:
    if picked == PREVIOUS:
        return "no variant that holds NCP and the sample beats it on LeCoQA beyond chance"
    e, b = results[picked], results[PREVIOUS]
    x, y = per_question[picked], per_question[PREVIOUS]
    return (f"LeCoQA doc/any-cited R@5 {b['lecoqa'][0]:.3f}/{b['lecoqa'][1]:.3f} -> "
            f"{e['lecoqa'][0]:.3f}/{e['lecoqa'][1]:.3f} ({int((x > y).sum())} questions "
            f"better, {int((x < y).sum())} worse), NCP doc R@5 full/A/B "
            f"{e['full'][0]:.3f}/{e['A'][0]:.3f}/{e['B'][0]:.3f} (previous "
            f"{b['full'][0]:.3f}/{b['A'][0]:.3f}/{b['B'][0]:.3f}), sample R@5 "
            f"{e['sample_r5']:.3f} (previous {b['sample_r5']:.3f}); no other variant that "
            "holds NCP and the sample beats it on LeCoQA beyond chance")


def _title(ingested: Any, stem: str) -> str:
    for d in ingested.documents:
        if Path(d.source).stem == stem:
            return f"{stem[:6]} {d.title}"
    return stem


if __name__ == "__main__":
    sys.exit(main())
