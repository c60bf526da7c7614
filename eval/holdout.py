"""Which documents leave and which questions lose their answer: the pure half of the
leave-documents-out refusal test (:mod:`eval.refusal` runs it).

1. a seeded share of the gold documents, each with every copy ingest folded into it,
   leaves (:func:`choose_held_out`, :func:`leaving_sources`);
2. questions whose reference answer no longer occurs in any remaining document
   (:func:`answer_location`) become the unanswerable set, and as many questions whose
   gold document stayed are drawn as the answerable set (:func:`split_questions`);
3. :func:`refusal_figures` turns the engine's refusals on both into the figures.

>>> choose_held_out(["a", "b", "c", "d"], 0.5, seed=1) == choose_held_out("dcba", 0.5, seed=1)
True
"""

from __future__ import annotations

import random
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePath

from eval.answer_metrics import fold_text, refusal_scores
from eval.errors import EvalError
from eval.questions import Question, doc_stem

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
