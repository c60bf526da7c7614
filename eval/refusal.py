"""Leave-documents-out refusal test: does the engine refuse once the answer has left?

Any maintainer can run it on their own corpus and question set (JSON lines with
``question``, ``doc`` and ``answer``) without writing a single unanswerable
question:

1. a seeded share of the gold documents, each with every copy ingest folded
   into it, is left out of a fresh index (:func:`choose_held_out`,
   :func:`leaving_sources`);
2. questions whose reference answer no longer occurs in any remaining document
   (:func:`answer_location`) become the unanswerable set, and as many questions
   whose gold document stayed are drawn as the answerable set
   (:func:`split_questions`);
3. both sets go through the real answer engine; the refusal rate on the first
   and the false-refusal rate on the second are the figures
   (:func:`refusal_figures`).

>>> choose_held_out(["a", "b", "c", "d"], 0.5, seed=1) == choose_held_out("dcba", 0.5, seed=1)
True
"""

from __future__ import annotations

import logging
import random
import tempfile
import time
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any

from tqdm import tqdm

from eval.answer_metrics import fold_text, refusal_scores
from eval.errors import EvalError
from eval.questions import Question, QuestionSetError, doc_stem, load_questions

if TYPE_CHECKING:  # the index and its model libraries load only when a run starts
    from index import IndexConfig, Retriever
    from ingest import IngestResult

log = logging.getLogger(__name__)

#: An answer still "occurs" in a document holding this share of its character bigrams.
BIGRAM_SHARE = 0.5


# --- pure parts ---------------------------------------------------------------------------


def check_holdout(share: float) -> float:
    """``share`` when it is strictly between 0 and 1, else :class:`EvalError`.

    >>> check_holdout(0.25)
    0.25
    """
    if not 0.0 < share < 1.0:
        raise EvalError(f"--holdout must be a share between 0 and 1 (exclusive), got {share}; "
                        f"e.g. --holdout 0.25 leaves a quarter of the gold documents out")
    return share


def _names(source: str) -> tuple[str, ...]:
    return (source, PurePath(source).name, doc_stem(source))


def gold_lookup(
    documents: Iterable[tuple[str, str]], aliases: Iterable[tuple[str, str]]
) -> dict[str, str]:
    """Every name a question may give its gold document -> the indexed document's source.

    ``documents`` are ``(source, doc_id)`` of the documents ingest kept; ``aliases``
    are its ``(kept_source, dropped_source)`` pairs (exact and folded copies), so a
    question citing a dropped copy points at the document that holds its text.

    >>> gold_lookup([("a/x.txt", "d1")], [("a/x.txt", "y.txt")])["y"]
    'a/x.txt'
    """
    out: dict[str, str] = {}
    for source, doc_id in documents:
        out.update(dict.fromkeys(_names(source), source))
        out[doc_id] = source
    for kept, dropped in aliases:
        for name in _names(dropped):
            out.setdefault(name, kept)
    return out


def choose_held_out(gold: Iterable[str], share: float, seed: int) -> tuple[str, ...]:
    """A seeded ``share`` of the distinct gold documents (at least one, never all).

    The draw depends only on the set of documents and the seed, not their order.

    >>> choose_held_out(["a", "b", "c", "d"], 0.25, seed=7)
    ('c',)
    """
    check_holdout(share)
    pool = sorted(set(gold))
    if len(pool) < 2:
        raise EvalError(f"the questions name {len(pool)} gold document(s) found in the corpus; "
                        f"leaving documents out needs at least 2")
    n = min(max(round(share * len(pool)), 1), len(pool) - 1)
    return tuple(sorted(random.Random(seed).sample(pool, n)))


def leaving_sources(held: Iterable[str], aliases: Iterable[tuple[str, str]]) -> tuple[str, ...]:
    """The held-out documents plus every copy folded into them, transitively.

    >>> leaving_sources(["a"], [("a", "a2"), ("a2", "a3"), ("b", "b2")])
    ('a', 'a2', 'a3')
    """
    copies: dict[str, list[str]] = {}
    for kept, dropped in aliases:
        copies.setdefault(kept, []).append(dropped)
    out = set(held)
    todo = list(out)
    while todo:
        for dropped in copies.get(todo.pop(), ()):
            if dropped not in out:
                out.add(dropped)
                todo.append(dropped)
    return tuple(sorted(out))


def char_bigrams(text: str) -> frozenset[str]:
    """Distinct character bigrams of ``text``.

    >>> sorted(char_bigrams("补贴补贴"))
    ['补贴', '贴补']
    """
    return frozenset(text[i : i + 2] for i in range(len(text) - 1))


def bigram_share(answer: frozenset[str], document: frozenset[str]) -> float:
    """Share of the answer's distinct bigrams that the document holds (0 for no bigrams).

    >>> bigram_share(frozenset({"ab", "bc"}), frozenset({"ab", "xy"}))
    0.5
    """
    return len(answer & document) / len(answer) if answer else 0.0


@dataclass(frozen=True)
class FoldedDoc:
    """A remaining document as the answer test sees it: folded text and its bigrams."""

    source: str
    text: str
    bigrams: frozenset[str]


def fold_documents(
    texts: Mapping[str, str], fold: Callable[[str], str] | None = None
) -> tuple[FoldedDoc, ...]:
    """Fold each ``source -> text`` once (:func:`eval.answer_metrics.fold_text`)."""
    out = []
    for source, text in texts.items():
        folded = fold_text(text, fold)
        out.append(FoldedDoc(source, folded, char_bigrams(folded)))
    return tuple(out)


def answer_location(
    answer: str,
    corpus: Sequence[FoldedDoc],
    *,
    share: float = BIGRAM_SHARE,
    fold: Callable[[str], str] | None = None,
) -> str | None:
    """The first document that still holds ``answer``, or None when it left the corpus.

    A document holds it when the folded answer is a substring of the folded
    document, or when the document has at least ``share`` of its bigrams. An
    answer with nothing left after folding is never counted as gone.

    >>> docs = (FoldedDoc("k.txt", "硕士每月2000元", char_bigrams("硕士每月2000元")),)
    >>> answer_location("每月 2000 元", docs, fold=str), answer_location("博士五千", docs, fold=str)
    ('k.txt', None)
    """
    folded = fold_text(answer, fold)
    if not folded:
        return "(empty answer)"
    grams = char_bigrams(folded)
    for doc in corpus:
        if folded in doc.text or (grams and bigram_share(grams, doc.bigrams) >= share):
            return doc.source
    return None


@dataclass(frozen=True)
class QuestionSplit:
    """Questions to ask, and the held-out ones left aside because their answer remains."""

    unanswerable: tuple[Question, ...]
    answerable: tuple[Question, ...]
    answer_remains: tuple[tuple[Question, str], ...]  # (question, source still holding it)
    n_answerable_pool: int


def split_questions(
    questions: Sequence[Question],
    gold_of: Mapping[str, str],
    leaving: Collection[str],
    locate: Callable[[str], str | None],
    seed: int,
) -> QuestionSplit:
    """Unanswerable questions and an equal-sized seeded sample of answerable ones.

    ``gold_of`` maps question id to its gold document's source (questions absent
    from it are skipped); ``locate`` is :func:`answer_location` over the
    remaining corpus. When fewer answerable questions exist, all are used.
    """
    unanswerable: list[Question] = []
    remains: list[tuple[Question, str]] = []
    pool: list[Question] = []
    for q in questions:
        gold = gold_of.get(q.id)
        if gold is None:
            continue
        if gold not in leaving:
            pool.append(q)
            continue
        where = locate(q.answer or "")
        if where is None:
            unanswerable.append(q)
        else:
            remains.append((q, where))
    n = min(len(unanswerable), len(pool))
    drawn = {q.id for q in random.Random(f"answerable:{seed}").sample(
        sorted(pool, key=lambda q: q.id), n)}
    answerable = tuple(q for q in pool if q.id in drawn)
    return QuestionSplit(tuple(unanswerable), answerable, tuple(remains), len(pool))


def refusal_figures(
    unanswerable_refused: Sequence[bool], answerable_refused: Sequence[bool]
) -> dict[str, float | int | None]:
    """Refusal rate on unanswerable questions, false-refusal rate on answerable ones.

    >>> f = refusal_figures([True, True, False], [False, True])
    >>> round(f["refusal_rate"], 3), f["false_refusal_rate"], f["n_refused_answerable"]
    (0.667, 0.5, 1)
    """
    answerable = [False] * len(unanswerable_refused) + [True] * len(answerable_refused)
    scores = refusal_scores(answerable, [*unanswerable_refused, *answerable_refused])
    return {
        "refusal_rate": scores["refusal_recall"],
        "false_refusal_rate": scores["false_refusal_rate"],
        "answered_rate": scores["answered_rate"],
        "refusal_precision": scores["refusal_precision"],
        "n_refused_unanswerable": sum(unanswerable_refused),
        "n_refused_answerable": sum(answerable_refused),
    }


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
                        "reason": answer.reason})
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
