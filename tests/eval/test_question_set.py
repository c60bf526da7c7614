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
    texts = load_corpus_texts(CORPUS)
    for name in ("blind", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7",
                 "blind8", "blind9", "blind10", "blind11", "blind12", "blind13", "blind14",
                 "blind15", "blind16", "blind17", "blind18", "blind19", "blind20",
                 "blind21", "blind22", "blind23", "blind24", "blind25", "blind26",
                 "blind27", "blind28", "blind29", "blind30", "blind31", "blind32",
                 "blind33", "blind34", "blind35", "blind36", "blind37", "blind38",
                 "blind39", "blind40", "blind41", "blind42", "blind43", "blind44",
                 "blind45", "blind46", "blind47", "blind48", "blind49", "blind50",
                 "blind51", "blind52", "blind53", "blind54", "blind55", "blind56",
                 "blind57", "blind58", "blind59", "blind60", "blind61", "blind62",
                 "blind63", "blind64", "blind65", "blind66", "blind67", "blind68",
                 "blind69", "blind70", "blind71", "blind72", "blind73", "blind74",
                 "blind75", "blind76", "blind77", "blind78", "blind79", "blind80",
                 "blind81", "blind82", "blind83", "blind84", "blind85", "blind86",
                 "blind87", "blind88", "blind89", "blind90", "blind91", "blind92",
                 "blind93", "blind94", "blind95", "blind96", "blind97", "blind98",
                 "blind99", "blind100", "blind101", "blind102", "blind103", "blind104",
                 "blind105", "blind106", "blind107", "blind108", "blind109", "blind110",
                 "blind111", "blind112", "blind113", "blind114", "blind115", "blind116",
                 "blind117", "blind118", "blind119", "blind120",
                 "blind121", "blind122", "blind123", "blind124", "blind125", "blind126",
                 "blind127", "blind128", "blind129", "blind130", "blind131", "blind132",
                 "blind133", "blind134", "blind135", "blind136",
                 "blind137", "blind138", "blind139", "blind140", "blind141", "blind142",
                 "blind143", "blind144", "blind145", "blind146", "blind147", "blind148",
                 "blind149", "blind150", "blind151", "blind152", "blind153", "blind154",
                 "blind155", "blind156", "blind157", "blind158", "blind159",
                 "blind160", "blind161", "blind162", "blind163", "blind164"):
        qs = load_questions(ROOT / "eval" / "data" / f"{name}_questions.jsonl")
        assert len(qs) >= 60, name
        assert validate_questions(qs, texts).problems == (), name
