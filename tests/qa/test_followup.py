"""Follow-up rewriting is a pure function of the question and the caller's history."""

from __future__ import annotations

from app.answer.followup import is_followup, rewrite

FIRST = "我是硕士，去威海工作每个月有多少生活补贴？"


def _history(*questions: str) -> list[dict[str, str]]:
    turns: list[dict[str, str]] = []
    for q in questions:
        turns += [{"role": "user", "content": q}, {"role": "assistant", "content": "……[1]"}]
    return turns


def test_degree_slot_is_replaced() -> None:
    assert rewrite("那博士呢？", _history(FIRST)) == "我是博士，去威海工作每个月有多少生活补贴？"


def test_place_slot_is_replaced() -> None:
    assert rewrite("青岛呢？", _history(FIRST)) == "我是硕士，去青岛工作每个月有多少生活补贴？"


def test_chained_follow_ups_resolve_against_the_rewritten_turn() -> None:
    rewritten = rewrite("青岛呢？", _history(FIRST, "那博士呢？"))
    assert rewritten == "我是博士，去青岛工作每个月有多少生活补贴？"


def test_english_follow_up() -> None:
    history = _history("How much is the monthly living allowance for a master's graduate "
                       "in Weihai?")
    rewritten = rewrite("What about PhDs?", history)
    assert "博士" in rewritten and "威海" in rewritten and "硕士" not in rewritten


def test_missing_slot_is_added_and_extra_words_appended() -> None:
    assert rewrite("那博士呢？", _history("威海每月生活补贴多少？")) == "博士威海每月生活补贴多少？"
    assert rewrite("那申请条件呢？", _history(FIRST)).endswith("，申请条件？")


def test_full_questions_and_empty_history_are_left_alone() -> None:
    full = "青岛今年要引进多少青年人才？"
    assert not is_followup(full)
    assert rewrite(full, _history(FIRST)) == full
    assert rewrite("那博士呢？", []) == "那博士呢？"
    assert rewrite("那博士呢？", [{"role": "assistant", "content": "x"}]) == "那博士呢？"
