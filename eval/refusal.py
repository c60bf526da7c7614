"""Leave-documents-out refusal test: does the engine refuse once the answer has left?

Any maintainer can run it on their own corpus and question set (JSON lines with
``question``, ``doc`` and ``answer``) without writing a single unanswerable
question: a seeded share of the gold documents leaves a fresh index, the questions
whose answer left with them are asked beside as many still-answerable ones, and the
refusal and false-refusal rates are the figures. What leaves and which questions
count is decided in :mod:`eval.holdout`; this module builds the index and asks.
"""

from __future__ import annotations

import logging
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tqdm import tqdm

from eval.errors import EvalError
from eval.holdout import (
    QuestionSplit,
    answer_location,
    check_holdout,
    choose_held_out,
    fold_documents,
    gold_lookup,
    leaving_sources,
    split_questions,
)
from eval.questions import Question, QuestionSetError, load_questions

if TYPE_CHECKING:  # the index and its model libraries load only when a run starts
    from index import IndexConfig, Retriever
    from ingest import IngestResult

log = logging.getLogger(__name__)

# --- the run ------------------------------------------------------------------------------


@dataclass(frozen=True)
class RefusalConfig:
    """Parameters of one run (recorded in the report)."""

    corpus: Path
    questions: Path
    holdout: float
    seed: int
    model: str | None = None  # None: the index's default embedding model
    k: int = 5
    min_questions: int = 5
    index_dir: Path | None = None  # None: a temporary folder removed afterwards

    def __post_init__(self) -> None:
        check_holdout(self.holdout)
        if self.k < 1:
            raise EvalError(f"--k must be at least 1, got {self.k}")
        if self.min_questions < 1:
            raise EvalError(f"--min-questions must be at least 1, got {self.min_questions}")


def _usable(questions: Sequence[Question], path: Path) -> list[Question]:
    usable = [q for q in questions if q.doc and q.answer and q.answer.strip()]
    if not usable:
        raise QuestionSetError(f"{path}: no question has both a 'doc' and an 'answer' field; "
                               f"the refusal test needs each question's gold document and "
                               f"reference answer")
    if len(usable) < len(questions):
        log.info("%d question(s) without a gold 'doc' or an 'answer' are skipped",
                 len(questions) - len(usable))
    return usable


def _ingest(config: RefusalConfig, index_config: IndexConfig, progress: bool) -> IngestResult:
    from ingest import IngestError, ingest_corpus

    try:
        return ingest_corpus(config.corpus, index_config.chunking, progress=progress,
                             fold_threshold=index_config.fold_threshold)
    except IngestError as exc:
        raise EvalError(str(exc)) from exc


@dataclass(frozen=True)
class HoldOutPlan:
    """What leaves the corpus and which questions are asked (before any index is built)."""

    held_out: tuple[str, ...]  # gold documents chosen (sources of indexed documents)
    leaving: frozenset[str]  # those plus every copy folded into them
    gold_of: Mapping[str, str]  # question id -> gold document source
    split: QuestionSplit
    n_questions_in_file: int
    n_gold_doc_missing: int


def plan_holdout(questions: Sequence[Question], result: IngestResult,
                 config: RefusalConfig) -> HoldOutPlan:
    """Choose the held-out documents of an ingest ``result`` and split ``questions``."""
    usable = _usable(questions, config.questions)
    aliases = result.report.aliases
    lookup = gold_lookup(((d.source, d.doc_id) for d in result.documents), aliases)
    gold_of = {q.id: lookup[q.doc] for q in usable if q.doc in lookup}
    missing = [q for q in usable if q.doc not in lookup]
    if missing:
        log.warning("%d question(s) name a gold document not in %s (e.g. %s); skipped",
                    len(missing), config.corpus, ", ".join(str(q.doc) for q in missing[:3]))
    held = choose_held_out(gold_of.values(), config.holdout, config.seed)
    leaving = frozenset(leaving_sources(held, aliases))
    corpus = fold_documents({d.source: d.text for d in result.documents
                             if d.source not in leaving})
    split = split_questions(usable, gold_of, leaving,
                            lambda answer: answer_location(answer, corpus), config.seed)
    log.info("left out %d of %d gold documents (%d files with their copies); "
             "%d question(s) lost their answer, %d still find it elsewhere",
             len(held), len(set(gold_of.values())), len(leaving), len(split.unanswerable),
             len(split.answer_remains))
    if min(len(split.unanswerable), len(split.answerable)) < config.min_questions:
        raise EvalError(
            f"too few questions left: {len(split.unanswerable)} unanswerable and "
            f"{len(split.answerable)} answerable, at least {config.min_questions} of each needed "
            f"(--min-questions); raise --holdout, try another --seed or use more questions")
    return HoldOutPlan(held, leaving, gold_of, split, len(questions), len(missing))


def _retriever(result: IngestResult, plan: HoldOutPlan, config: RefusalConfig,
               index_dir: Path, progress: bool) -> Retriever:
    """Index the documents that stay (chunks and aliases from the same ingest) and load it."""
    from index import IndexConfig, IndexError_, Retriever, build_from_chunks, load_embedder

    documents = [d for d in result.documents if d.source not in plan.leaving]
    kept_ids = {d.doc_id for d in documents}
    try:
        embedder = load_embedder(model_name(config))
        build_from_chunks(documents, [c for c in result.chunks if c.doc_id in kept_ids],
                          index_dir, IndexConfig(model=model_name(config)), progress=progress,
                          embedder=embedder, corpus_dir=config.corpus,
                          aliases=[a for a in result.report.aliases if a[0] not in plan.leaving])
        return Retriever.load(index_dir, embedder=embedder)
    except IndexError_ as exc:
        raise EvalError(str(exc)) from exc


def model_name(config: RefusalConfig) -> str:
    """The embedding model of the run: ``--model``, else the index default."""
    from index import DEFAULT_MODEL

    return config.model or DEFAULT_MODEL


def _ask(retriever: Retriever, plan: HoldOutPlan, k: int, progress: bool) -> list[dict[str, Any]]:
    from app.answer.engine import QAEngine

    engine = QAEngine(retriever)
    asked = [(q, "unanswerable") for q in plan.split.unanswerable]
    asked += [(q, "answerable") for q in plan.split.answerable]
    records = []
    for q, group in tqdm(asked, desc="answers", unit="q", disable=not progress):
        answer = engine.answer(q.question, (), k=k)
        records.append({"id": q.id, "group": group, "question": q.question, "doc": q.doc,
                        "gold_source": plan.gold_of[q.id], "reference_answer": q.answer,
                        "refused": answer.refused, "answer": answer.text,
                        "reason": answer.reason,
                        "place_not_covered": not answer.refused
                        and answer.region_note is not None})
    return records


def run_refusal(config: RefusalConfig, *, command: str, progress: bool = False) -> dict[str, Any]:
    """Build the held-out index, ask both question sets, and return the report (JSON-ready)."""
    from eval.refusal_report import refusal_report  # it imports this module
    from index import IndexConfig

    started = time.perf_counter()
    questions = load_questions(config.questions)
    _usable(questions, config.questions)  # a file without doc/answer fails before ingest
    result = _ingest(config, IndexConfig(model=model_name(config)), progress)
    plan = plan_holdout(questions, result, config)
    if config.index_dir is not None:
        records = _ask(_retriever(result, plan, config, config.index_dir, progress), plan,
                       config.k, progress)
    else:
        with tempfile.TemporaryDirectory(prefix="refusal-index-") as tmp:
            retriever = _retriever(result, plan, config, Path(tmp) / "index", progress)
            records = _ask(retriever, plan, config.k, progress)
    return refusal_report(config, command, plan, records,
                          n_corpus_documents=len(result.documents),
                          seconds=time.perf_counter() - started)
