"""Next-question suggestions: built from the facts beside the answer, and never a
question the library cannot answer (each is asked for real before it is offered)."""

from __future__ import annotations

import doctest

import pytest

import app.answer.coverage
import app.answer.suggest
from app.answer.engine import QAEngine
from app.answer.suggest import (
    Span,
    Suggester,
    Suggestion,
    answers_it,
    candidates,
    starter_candidates,
    verified,
)
from ingest.facts import extract_facts
from ingest.script import is_traditional
from ingest.types import Document

TEXT = (
    "一、生活补贴\n按照本科、硕士、博士学历分别给予每月1000元、2000元、5000元的生活津贴；"
    "对博士研究生发放一次性安家补贴3万元。\n二、其他\n全年引进人才目标100亿元。"
)
DOC = Document("d1", "a.txt", "某市人才政策", None, "2024-01-01", None, "某市", TEXT, TEXT)


@pytest.mark.parametrize("module", [app.answer.suggest, app.answer.coverage])
def test_docstring_examples(module: object) -> None:
    result = doctest.testmod(module)  # type: ignore[arg-type]
    assert result.attempted > 0 and result.failed == 0


def test_the_other_degree_levels_in_the_cited_clause_come_first() -> None:
    facts = extract_facts(DOC)
    clause = next(f for f in facts if f.beneficiary == "硕士")
    spans = [Span("d1", clause.char_start, clause.char_end)]
    questions = [c.question for c in candidates("我是硕士，每月生活补贴多少？", spans, facts,
                                                {"d1": DOC})]
    assert questions[:2] == ["某市本科每月生活津贴是多少？", "某市博士每月生活津贴是多少？"]
    assert not any("硕士" in q and "生活" in q for q in questions)  # not what was just asked
    assert not any("100亿" in q or "目标" in q for q in questions)  # a bare target is no question
    assert len(questions) == len(set(questions))


def test_candidates_only_come_from_the_documents_the_answer_rests_on() -> None:
    other = Document("d2", "b.txt", "外地", None, None, None, "外地", TEXT, TEXT)
    facts = extract_facts(DOC) + extract_facts(other)
    found = candidates("问题", [Span("d2", 0, 10)], facts, {"d1": DOC, "d2": other})
    assert found and all(c.doc_id == "d2" and c.question.startswith("外地") for c in found)
    assert candidates("问题", [], facts, {"d1": DOC, "d2": other}) == []


def test_every_suggestion_is_answered_by_the_library(engine: QAEngine) -> None:
    asked = ["我是硕士，去威海工作每个月有多少生活补贴？", "深圳落户需要什么条件？",
             "崂山区2023年引进了多少人才？", "青岛对青年人才有什么住房支持？"]
    offered = 0
    suggester = Suggester(engine, seconds=60)
    for question in asked:
        answer = engine.answer(question)
        suggestions = suggester.next(question, answer)
        assert len(suggestions) <= 3 and question not in suggestions
        for s in suggestions:
            offered += 1
            assert not engine.answer(s).refused, s
    assert offered >= 2 * len(asked)  # the chips are not empty either


def test_after_the_master_allowance_it_offers_the_other_degrees(engine: QAEngine) -> None:
    question = "我是硕士，去威海工作每个月有多少生活补贴？"
    suggestions = Suggester(engine, seconds=60).next(question, engine.answer(question))
    assert 2 <= len(suggestions) <= 3
    assert any("博士" in s for s in suggestions) and any("本科" in s for s in suggestions)


def test_unanswerable_candidates_are_dropped(engine: QAEngine) -> None:
    good = starter_candidates(engine.factbook.facts, engine.retriever.documents)[0]
    # a real clause, but a question about a place the library does not cover
    bad = Suggestion("深圳博士每月生活津贴是多少？", good.doc_id, good.start, good.end)
    assert engine.answer(bad.question).refused
    suggester = Suggester(engine)
    assert verified([bad, good], suggester.accepts) == (good.question,)
    assert not answers_it(good, engine.answer("深圳落户需要什么条件？"))


def test_checks_are_remembered_and_stop_at_the_time_limit(engine: QAEngine) -> None:
    asked: list[str] = []

    class Counting:
        factbook, retriever = engine.factbook, engine.retriever

        def answer(self, question: str, history=(), k: int = 5, filters=None):
            asked.append(question)
            return engine.answer(question, history, k, filters)

    suggester = Suggester(Counting(), seconds=60)  # type: ignore[arg-type]
    question = "我是硕士，去威海工作每个月有多少生活补贴？"
    answer = engine.answer(question)
    first = suggester.next(question, answer)
    checked = len(asked)
    assert first and checked >= len(first)
    assert suggester.next(question, answer) == first and len(asked) == checked  # remembered
    ticks = iter(range(100))
    timed = Suggester(Counting(), seconds=0.5, clock=lambda: float(next(ticks)))  # type: ignore[arg-type]
    assert timed.next(question, answer) == () and len(asked) == checked  # past the deadline


def test_suggestions_follow_the_script_and_skip_english(engine: QAEngine) -> None:
    question = "碩士在威海每月生活補貼多少？"
    suggester = Suggester(engine, seconds=60)
    hant = suggester.next(question, engine.answer(question))
    assert hant and all(is_traditional(s) for s in hant)
    english = "How much is the monthly living allowance for a master's graduate in Weihai?"
    assert suggester.next(english, engine.answer(english)) == ()


def test_starter_questions_span_the_regions_and_are_answered(engine: QAEngine) -> None:
    starters = Suggester(engine).starters()
    assert len(starters) == 3
    regions = {r for r in engine.coverage.region_names if any(r in s for s in starters)}
    assert len(regions) >= 2  # not three questions about one city
    assert all(not engine.answer(s).refused for s in starters)
