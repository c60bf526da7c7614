"""End to end over a hash-embedder index of the five sample documents."""

from __future__ import annotations

import json
import re
from itertools import pairwise
from pathlib import Path

import pytest

from app.answer.engine import DEFAULT_HOTLINE, QAConfig, QAEngine
from app.answer.types import Answer
from index import Retriever
from ingest.script import is_traditional

QUESTIONS = [
    json.loads(line)
    for line in (Path(__file__).resolve().parents[1] / "fixtures" / "qa" / "questions.jsonl")
    .read_text(encoding="utf-8").splitlines() if line.strip()
]
MARKER = re.compile(r"\[(\d+)\]")


def _assert_grounded(answer: Answer, retriever: Retriever) -> None:
    """Every citation quotes its document verbatim; every marker has a citation."""
    for i, c in enumerate(answer.citations, start=1):
        assert c.n == i
        assert retriever.document(c.doc_id).text[c.char_start:c.char_end] == c.quote
    used = {int(n) for n in MARKER.findall(answer.text)}
    assert used == {c.n for c in answer.citations}


@pytest.fixture(scope="module")
def answers(engine: QAEngine) -> list[tuple[dict, Answer]]:
    return [(q, engine.answer(q["question"])) for q in QUESTIONS]


def test_every_quote_is_verbatim_at_its_offsets(answers, sample_retriever) -> None:
    for _, answer in answers:
        _assert_grounded(answer, sample_retriever)


def test_answerable_questions_get_the_fact(answers) -> None:
    answerable = [(q, a) for q, a in answers if q["answerable"]]
    refused = [q["question"] for q, a in answerable if a.refused]
    missing = [q["question"] for q, a in answerable
               if not a.refused and q["fact"] not in a.text.replace(" ", "")]
    assert len(refused) <= 0.05 * len(answerable), refused
    assert len(refused) + len(missing) <= 0.1 * len(answerable), missing


def test_out_of_corpus_questions_are_refused(answers) -> None:
    unanswerable = [(q, a) for q, a in answers if not q["answerable"]]
    leaked = [q["question"] for q, a in unanswerable if not a.refused]
    assert len(leaked) <= 0.15 * len(unanswerable), leaked
    for _, a in unanswerable:
        if a.refused and a.citations:  # another region's rules or related benefits, said so
            assert a.text.split("\n")[0].startswith(("没有找到", "政策库中没有找到")), a.text
        elif a.refused:
            assert a.related, "a refusal shows the closest related passages"


@pytest.mark.parametrize(("question", "subject"), [
    ("深圳落户需要什么条件？", "深圳的落户条件"),
    ("养老金是怎么计算的？", "养老金"),
    ("办理出国签证需要哪些材料？", "出国签证"),
])
def test_refusal_wording(engine: QAEngine, question: str, subject: str) -> None:
    answer = engine.answer(question)
    assert answer.refused
    first = answer.text.split("\n")[0]
    assert first.startswith("政策库中没有找到") and subject in first, first
    assert DEFAULT_HOTLINE in answer.text
    assert answer.reason


def test_weihai_master_gets_the_amount(engine: QAEngine, sample_retriever) -> None:
    answer = engine.answer("我是硕士，去威海工作每个月有多少生活补贴？")
    assert not answer.refused and answer.mode == "extractive"
    assert "2000元" in answer.text.replace(" ", "")
    first = answer.citations[0]
    assert "2000" in first.quote and first.source.startswith("000_")
    _assert_grounded(answer, sample_retriever)


def test_traditional_question_gets_traditional_framing(engine: QAEngine) -> None:
    answer = engine.answer("青島市重點項目引才計劃由哪個處室負責？")
    assert not answer.refused
    assert "人才開發處" in answer.text  # the quote keeps its source's own script
    refusal = engine.answer("青島市養老金每月能領多少？")
    assert refusal.refused and is_traditional(refusal.text.split("\n")[0])


def test_traditional_refusal_is_traditional(engine: QAEngine) -> None:
    answer = engine.answer("在青島買房，公積金貸款最多能貸多少？")
    assert answer.refused and answer.text.startswith("政策庫中沒有找到")


def test_english_question_gets_english_lead_and_chinese_quotes(engine: QAEngine) -> None:
    answer = engine.answer("How much is the monthly living allowance for a master's graduate "
                           "in Weihai?")
    assert not answer.refused
    lead, *lines = answer.text.split("\n")
    assert lead.startswith("master: 2,000 yuan per month") and lead.endswith("[1]")
    assert any("2000元" in line.replace(" ", "") for line in lines)
    refusal = engine.answer("What is the pension age in Qingdao?")
    assert refusal.refused
    assert refusal.text.startswith("The policy library has nothing that answers “What is the")


def test_follow_up_uses_the_history(engine: QAEngine) -> None:
    history = [{"role": "user", "content": "我是硕士，去威海工作每个月有多少生活补贴？"},
               {"role": "assistant", "content": "每月2000元[1]"}]
    answer = engine.answer("那博士呢？", history=history)
    assert not answer.refused
    assert "5000元" in answer.text.replace(" ", "")
    assert engine.answer("那博士呢？").refused  # alone, the follow-up asks nothing answerable


def test_stream_yields_growing_text_then_the_answer(engine: QAEngine) -> None:
    items = list(engine.stream("崂山区住崂两院院士有多少人？"))
    *texts, final = items
    assert isinstance(final, Answer) and texts
    assert all(isinstance(t, str) for t in texts)
    assert all(b.startswith(a) and len(b) > len(a) for a, b in pairwise(texts))
    assert texts[-1] == final.text


def test_hotline_is_optional(sample_retriever) -> None:
    answer = QAEngine(sample_retriever, QAConfig(hotline=None)).answer("养老金是怎么计算的？")
    assert answer.refused and "12333" not in answer.text


def test_an_english_refusal_ends_on_the_english_hotline(sample_retriever) -> None:
    answer = QAEngine(sample_retriever).answer("How is the state pension calculated?")
    assert answer.refused and answer.text.splitlines()[-1].startswith("For further help")
    assert "咨询" not in answer.text
    silent = QAEngine(sample_retriever, QAConfig(hotline_en=None))
    assert "12333" not in silent.answer("How is the state pension calculated?").text


def test_bad_input_gets_clear_errors(engine: QAEngine) -> None:
    with pytest.raises(ValueError, match="non-empty"):
        engine.answer("  ")
    with pytest.raises(ValueError, match="supported"):
        engine.answer("威海补贴", filters={"city": "威海"})
    with pytest.raises(ValueError, match="k must be"):
        engine.answer("威海补贴", k=0)


def test_region_filter_is_passed_to_the_retriever(engine: QAEngine) -> None:
    answer = engine.answer("青岛全年要引聚多少青年人才？", filters={"region": "青岛"})
    assert not answer.refused and "15" in answer.text


def test_injected_instruction_can_only_appear_as_a_cited_quote(injection_retriever) -> None:
    engine = QAEngine(injection_retriever)
    answer = engine.answer("临海市硕士研究生每月安居补贴是多少？")
    assert not answer.refused
    assert "1500元" in answer.text
    for line in answer.text.split("\n"):
        if "一百万元" in line:
            n = int(MARKER.findall(line)[-1])
            assert "一百万元" in answer.citations[n - 1].quote
    _assert_grounded(answer, injection_retriever)


def test_english_follow_up_uses_the_history(engine: QAEngine) -> None:
    first = "How much is the monthly living allowance for a master's graduate in Weihai?"
    history = [{"role": "user", "content": first}, {"role": "assistant", "content": "…[1]"}]
    answer = engine.answer("What about PhDs?", history=history)
    assert not answer.refused
    assert answer.text.startswith("phd: 5,000 yuan per month")
    assert "5000元" in answer.text.replace(" ", "")
