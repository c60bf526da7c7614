"""Calibrate the answer engine's support thresholds on NCP dev plus a leave-out set.

Answerable questions are NCP dev's; unanswerable ones come from leaving a seeded
quarter of the gold documents out of the retriever's view (their hits are dropped and
the answer engine never sees them) and keeping the questions whose reference answer
no longer occurs anywhere in the remaining documents. Candidates are computed once per
question; every threshold pair of the grid is then decided and composed from them, so
the sweep costs one retrieval per question.

    python -m bench.calibrate_answers --index-dir IDX --out bench/results/calibration.json

IDX is an index of the NCP corpus (``python -m index build
../shared/benchmarks/ncp_policies/corpus --index-dir IDX``). The report gives, per
threshold pair: reference contained and ROUGE-L on dev, dev refusals, leave-out refusals
of unanswerable and of answerable questions. Not a test: a measurement.
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from app.answer.compose import compose
from app.answer.config import AnswerConfig
from app.answer.engine import QAEngine
from app.answer.evidence import candidates
from app.answer.followup import rewrite
from app.answer.plan import asked_region, keyword_query, retrieve
from app.answer.question import analyze_query
from app.answer.rules import decide
from app.answer.script import detect_script
from eval.answer_metrics import fact_present, fold_text, rouge_l
from index import Retriever

log = logging.getLogger("bench.calibrate_answers")
NCP = Path(__file__).resolve().parents[1].parent / "shared" / "benchmarks" / "ncp_policies"
SUPPORT_GRID = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6)
COVERAGE_GRID = (0.1, 0.15, 0.2, 0.25)


class Without:
    """A retriever seen without some documents: their hits and facts never surface."""

    def __init__(self, retriever: Any, drop: set[str]) -> None:
        self._r, self._drop = retriever, drop
        self.documents = {d: doc for d, doc in retriever.documents.items() if d not in drop}
        self.chunks = [c for c in retriever.chunks if c.doc_id not in drop]
        self.facts = tuple(f for f in retriever.facts if f.doc_id not in drop)
        self.aliases = retriever.aliases

    def facts_for(self, **filters: Any) -> tuple[Any, ...]:
        return tuple(f for f in self._r.facts_for(**filters) if f.doc_id not in self._drop)

    def embed_query(self, query: str) -> Any:
        return self._r.embed_query(query)

    def embed_queries(self, queries: Any) -> Any:
        return self._r.embed_queries(queries)

    def search(self, query: str, k: int = 5, **kw: Any) -> list[Any]:
        hits = self._r.search(query, k=min(50, k + 25), **kw)
        kept = [h for h in hits if h.chunk.doc_id not in self._drop][:k]
        return [replace(h, rank=i) for i, h in enumerate(kept, start=1)]


@dataclass(frozen=True)
class Case:
    """One question's analysis and candidates, decided again for every grid point."""

    question: dict[str, Any]
    answerable: bool
    info: Any
    hits: tuple[Any, ...]
    keys: Mapping[str, float]
    region: str | None
    place: Any


def gold_doc(retriever: Any, stem: str) -> str | None:
    for doc_id, doc in retriever.documents.items():
        if Path(doc.source).stem == stem:
            return doc_id
    for source, doc_id in retriever.aliases.items():
        if Path(source).stem == stem:
            return doc_id
    return None


def prepare(engine: QAEngine, questions: Sequence[dict[str, Any]], answerable: bool) -> list[Case]:
    """Retrieve and build candidates once per question (as the engine does)."""
    out = []
    corpus = engine._corpus
    for q in questions:
        script = detect_script(q["question"])
        query = rewrite(q["question"], ())
        info = analyze_query(query, q["question"], script)
        region, place = asked_region(info, None)
        hits = retrieve(engine.retriever, (query, keyword_query(info)),
                        engine.config.candidate_k, region)
        out.append(Case(q, answerable, info, tuple(hits), corpus.keys(info.content), region,
                        place))
    return out


def score(engine: QAEngine, cases: Sequence[Case], config: AnswerConfig) -> dict[str, float]:
    """Refusal rate, and for answerable cases reference-contained and ROUGE-L."""
    refused = contained = rouge = 0.0
    corpus = engine._corpus
    for case in cases:
        cands = candidates(case.info, case.hits, engine.retriever.documents, corpus.sentences,
                           case.keys, config, case.place, corpus.terms(case.info))
        decision = decide(case.info, cands, config, case.keys, corpus.unseen(case.info))
        if decision.refused:
            refused += 1
            continue
        if case.answerable and decision.chosen:
            text, _ = compose(case.info, decision, engine.retriever.documents,
                              engine._corpus.sentences, engine.factbook.facts, case.region,
                              config)
            contained += fact_present(case.question["answer"], text)
            rouge += rouge_l(case.question["answer"], text)
    n = max(1, len(cases))
    return {"refused": refused / n, "contained": contained / n, "rouge_l": rouge / n}


def leave_out(retriever: Any, questions: Sequence[dict[str, Any]], seed: int
              ) -> tuple[Without, list[dict[str, Any]], list[dict[str, Any]]]:
    """The reduced view, the questions it cannot answer, and as many it still can."""
    rng = random.Random(seed)
    golds = sorted({g for q in questions if (g := gold_doc(retriever, q["doc"]))})
    drop = set(rng.sample(golds, len(golds) // 4))
    view = Without(retriever, drop)
    remaining = [fold_text(d.text) for d in view.documents.values()]
    grams = [_bigrams(text) for text in remaining]

    def absent(answer: str) -> bool:
        folded = fold_text(answer)
        mine = _bigrams(folded)
        return not any(folded in text for text in remaining) and all(
            len(mine & other) < 0.5 * len(mine) for other in grams)

    gone = [q for q in questions if gold_doc(retriever, q["doc"]) in drop and absent(q["answer"])]
    kept = [q for q in questions if gold_doc(retriever, q["doc"]) not in drop]
    return view, gone, rng.sample(kept, min(len(gone), len(kept)))


def _bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.calibrate_answers",
                                description=__doc__.splitlines()[0])
    p.add_argument("--index-dir", type=Path, required=True)
    p.add_argument("--questions", type=Path, default=NCP / "dev_questions.jsonl")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--out", type=Path, default=None)
    args = p.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if not args.questions.is_file():
        log.error("no question file at %s", args.questions)
        return 2
    questions = [json.loads(line) for line in args.questions.read_text(encoding="utf-8")
                 .splitlines() if line.strip()]
    retriever = Retriever.load(args.index_dir)
    full = QAEngine(retriever)
    dev = prepare(full, questions, answerable=True)
    view, gone, kept = leave_out(retriever, questions, args.seed)
    reduced = QAEngine(view)
    out_cases = prepare(reduced, gone, False) + prepare(reduced, kept, True)
    rows = []
    for support in SUPPORT_GRID:
        for cov in COVERAGE_GRID:
            config = replace(AnswerConfig(), min_support=support, min_coverage=cov)
            d = score(full, dev, config)
            u = score(reduced, [c for c in out_cases if not c.answerable], config)
            a = score(reduced, [c for c in out_cases if c.answerable], config)
            rows.append({"min_support": support, "min_coverage": cov,
                         "dev_contained": d["contained"], "dev_rouge_l": d["rouge_l"],
                         "dev_refused": d["refused"], "leaveout_unanswerable_refused":
                         u["refused"], "leaveout_answerable_refused": a["refused"]})
    print(f"{'sup':>5} {'cov':>5} {'contain':>8} {'rougeL':>7} {'refused':>8} "
          f"{'LO-unans':>9} {'LO-ans':>7}   (leave-out: {len(gone)} unanswerable, "
          f"{len(kept)} answerable, seed {args.seed})")
    for r in rows:
        print(f"{r['min_support']:5.2f} {r['min_coverage']:5.2f} {r['dev_contained']:8.3f} "
              f"{r['dev_rouge_l']:7.3f} {r['dev_refused']:8.3f} "
              f"{r['leaveout_unanswerable_refused']:9.3f} {r['leaveout_answerable_refused']:7.3f}")
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps({"seed": args.seed, "n_unanswerable": len(gone),
                                        "n_answerable_leaveout": len(kept), "grid": rows},
                                       ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
