"""Question analysis: places, degrees, programmes, topics and the asked-for kind."""

from __future__ import annotations

import pytest

from app.answer.question import analyze, english_query, find_programmes


def test_weihai_master_question() -> None:
    q = analyze("我是硕士，去威海工作每个月有多少生活补贴？")
    assert q.script == "hans"
    assert q.places == ("威海",)
    assert q.degrees == ("硕士",)
    assert q.kinds == ("amount",)
    assert "生活补贴" in q.topics


def test_traditional_question_is_matched_in_simplified_form() -> None:
    q = analyze("青島職稱評審歸哪個處室管？")
    assert q.script == "hant"
    assert q.query.startswith("青岛职称评审")
    assert q.places == ("青岛",)
    assert q.kinds == ("department",)


def test_postdoc_is_not_a_phd() -> None:
    assert analyze("崂山区博士后有什么待遇？").degrees == ("博士后",)
    assert analyze("我是大专学历").degrees == ("专科",)


@pytest.mark.parametrize(("question", "kind"), [
    ("青岛全年要引聚多少青年人才？", "count"),
    ("房租能减免多久？", "duration"),
    ("方案是哪天发的？", "date"),
    ("返乡补贴什么人可以领？", "condition"),
    ("海南每个工作室补助多少钱？", "amount"),
])
def test_kind_of_fact(question: str, kind: str) -> None:
    assert kind in analyze(question).kinds


def test_programme_names() -> None:
    assert find_programmes("北汽新能源的青领计划要合作多少所技校") == ("北汽新能源的青领计划",)
    assert "安居无忧" in find_programmes("“安居无忧”计划怎么申请")
    assert find_programmes("有哪些人才计划") == ()


def test_english_question_maps_to_chinese_terms() -> None:
    q = analyze("How much is the monthly living allowance for a master's graduate in Weihai?")
    assert q.script == "en"
    assert english_query("What about PhDs in Qingdao?") == "博士 青岛"
    assert q.places == ("威海",) and q.degrees == ("硕士",) and "amount" in q.kinds
