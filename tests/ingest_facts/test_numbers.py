"""The amount parser as a pure function on hand-written cases."""

from __future__ import annotations

import pytest

from ingest.facts_numbers import find_amounts, parse_amount, parse_cn_numeral, parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("5000", 5000.0),
        ("5,000", 5000.0),
        ("１２００", 1200.0),
        ("1.5万", 15000.0),
        ("2亿", 2e8),
        ("一万", 10000.0),
        ("两千", 2000.0),
        ("十五万", 150000.0),
        ("三千五百", 3500.0),
        ("一亿五千万", 1.5e8),
        ("千亿", 1e11),
        ("abc", None),
    ],
)
def test_parse_number(text: str, value: float | None) -> None:
    assert parse_number(text) == value


def test_parse_cn_numeral_rejects_other_characters() -> None:
    assert parse_cn_numeral("十五个") is None
    assert parse_cn_numeral("") is None


@pytest.mark.parametrize(
    ("text", "amount_text", "vmin", "vmax", "unit", "period"),
    [
        ("每月5000元", "每月5000元", 5000, 5000, "元", "每月"),
        ("给予5,000元补贴", "5,000元", 5000, 5000, "元", None),
        ("奖励1万元", "1万元", 10000, 10000, "元", None),
        ("奖励一万元", "一万元", 10000, 10000, "元", None),
        ("补贴两千元", "两千元", 2000, 2000, "元", None),
        ("资助十五万元", "十五万元", 150000, 150000, "元", None),
        ("发放1.5万元", "1.5万元", 15000, 15000, "元", None),
        ("每人每年１２０００元", "每人每年１２０００元", 12000, 12000, "元", "每人每年"),
        ("一次性补贴3万元", "3万元", 30000, 30000, "元", None),
        ("给予一次性3万元安家费", "一次性3万元", 30000, 30000, "元", "一次性"),
        ("最高15万元", "最高15万元", None, 150000, "元", None),
        ("不超过5万元", "不超过5万元", None, 50000, "元", None),
        ("补助100万-300万元", "100万-300万元", 1e6, 3e6, "元", None),
        ("补助100万—300万元", "100万—300万元", 1e6, 3e6, "元", None),
        ("补助 100\n万-300 万元", "100\n万-300 万元", 1e6, 3e6, "元", None),
        ("补助10-20万元", "10-20万元", 1e5, 2e5, "元", None),
        ("规模突破120亿元", "突破120亿元", 1.2e10, None, "元", None),
        ("融资近亿元", "近亿元", None, 1e8, "元", None),
        ("节约200余万元", "200余万元", 2e6, None, "元", None),
        ("引聚青年人才15万人以上", "15万人以上", 150000, None, "人", None),
        ("全年达到15万人以上", "达到15万人以上", 150000, None, "人", None),
        ("新增2.6万人次", "2.6万人次", 26000, 26000, "人次", None),
        ("壮大至6000多万人", "6000多万人", 6e7, None, "人", None),
        ("培育超过2500名高技能人才", "超过2500名", 2500, None, "人", None),
        ("首批上百套房源", "上百套", 100, None, "套", None),
        ("输送万名技能人才", "万名", 10000, 10000, "人", None),
        ("总量已超过 1.1 亿人", "超过 1.1 亿人", 1.1e8, None, "人", None),
    ],
)
def test_parse_amount(
    text: str,
    amount_text: str,
    vmin: float | None,
    vmax: float | None,
    unit: str,
    period: str | None,
) -> None:
    found = parse_amount(text)
    assert found is not None
    assert (found.text, found.value_min, found.value_max, found.unit, found.period) == (
        amount_text,
        vmin,
        vmax,
        unit,
        period,
    )
    assert text[found.start : found.end] == found.text


def test_per_month_suffix_sets_the_period() -> None:
    found = find_amounts("扣除限额为2400元/年（200元/月）")
    assert [(a.text, a.period) for a in found] == [("2400元/年", "每年"), ("200元/月", "每月")]


def test_money_in_a_quoted_sentence_is_kept_but_not_in_a_quoted_name() -> None:
    assert [a.text for a in find_amounts("推出“首贴最高7500元减息优惠”等措施")] == ["最高7500元"]
    assert find_amounts("开展“万元贷款助力计划”") == []


def test_parser_expects_simplified_text() -> None:
    # 萬 is Traditional: extract_facts matches on a Simplified shadow instead.
    assert parse_amount("15萬人以上") is None
    assert parse_amount("15万人以上") is not None


def test_list_of_amounts_keeps_each_span() -> None:
    text = "分别给予每月1000元、2000元、5000元的生活津贴"
    found = find_amounts(text)
    assert [a.text for a in found] == ["每月1000元", "2000元", "5000元"]
    assert [text[a.start : a.end] for a in found] == [a.text for a in found]


@pytest.mark.parametrize(
    "text",
    [
        "3 人才赋能新质生产力发展",  # section number before 人才
        "将原有7个工作日的审批流程压缩",  # duration
        "如图 1 所示",
        "承担了一项国家级项目",  # 一项 is an article
        "两家企业一家是国企",  # small Chinese counts are prose
        "万人高价值发明专利",  # 万人 as a rate
        "举办“百所高校千名博士青岛行”活动",  # quoted event name
        "占技能人才总量的30%",
        "2025年4月7日",
        "第3名",
        "实施“万名大学生聚集计划”",
    ],
)
def test_not_amounts(text: str) -> None:
    assert find_amounts(text) == []


def test_amount_match_is_frozen() -> None:
    found = parse_amount("5000元")
    assert found is not None
    with pytest.raises(AttributeError):
        found.unit = "人"  # type: ignore[misc]
