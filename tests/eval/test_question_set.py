"""The shipped question set meets the issue's requirements and matches the corpus."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from eval.questions import load_questions
from eval.validate import load_corpus_texts, validate_questions
from tests.paths import SAMPLE_CORPUS as CORPUS

ROOT = Path(__file__).resolve().parents[2]
QUESTIONS = ROOT / "eval" / "data" / "sample_questions.jsonl"


def test_shape_of_the_question_set() -> None:
    qs = load_questions(QUESTIONS)
    assert len(qs) >= 90
    unanswerable = [q for q in qs if not q.answerable]
    assert len(unanswerable) >= 18
    assert all(q.doc is None and not q.targets for q in unanswerable)
    langs = Counter(q.lang for q in qs)
    assert langs["zh-Hant"] >= 10 and langs["en"] >= 10
    assert len({q.doc for q in qs if q.answerable}) == 5
    kinds = Counter(q.kind for q in qs)
    for kind in ("amount", "eligibility", "department", "procedure", "count", "general",
                 "comparison"):
        assert kinds[kind] >= 5, kind
    assert all(q.answer and q.evidence for q in qs if q.answerable)


def test_every_evidence_occurs_in_its_document() -> None:
    report = validate_questions(load_questions(QUESTIONS), load_corpus_texts(CORPUS))
    assert report.problems == ()


def test_every_check_set_matches_the_corpus() -> None:
    """Every unseen set written over the sample documents (blind, blind2, …) validates."""
    texts = load_corpus_texts(CORPUS)
    names = sorted(p.name.removesuffix("_questions.jsonl")
                   for p in (ROOT / "eval" / "data").glob("blind*_questions.jsonl"))
    assert len(names) >= 196
    for name in names:
        qs = load_questions(ROOT / "eval" / "data" / f"{name}_questions.jsonl")
        assert len(qs) >= 60, name
        assert validate_questions(qs, texts).problems == (), name
