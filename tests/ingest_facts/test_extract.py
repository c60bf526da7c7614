"""extract_facts on small hand-written documents: spans, context rules, Traditional text."""

from __future__ import annotations

import pytest

import ingest.facts as facts_module
from ingest.facts import Fact, extract_facts, shadow_text, split_departments
from ingest.types import Document


def make_doc(text: str, region: str | None = "威海") -> Document:
    return Document(
        "d1", "policy.txt", "测试政策", "某市人社局", "2025-01-01", None, region, text, ""
    )


def money(doc: Document) -> list[Fact]:
    return [f for f in extract_facts(doc) if f.kind == "amount"]


def assert_spans_verbatim(doc: Document, facts: list[Fact]) -> None:
    for f in facts:
        assert doc.text[f.char_start : f.char_end] == f.quote
        assert doc.text[f.amount_start : f.amount_end] == f.amount_text
        assert f.char_start <= f.amount_start <= f.amount_end <= f.char_end


def test_respectively_list_maps_beneficiaries_in_order() -> None:
    doc = make_doc("对引进人才，按照本科、硕士、博士分别每月发放800元、1500元、3000元补贴。")
    rows = [(f.beneficiary, f.amount_text, f.value_min, f.period) for f in money(doc)]
    assert rows == [
        ("本科", "800元", 800.0, "每月"),
        ("硕士", "1500元", 1500.0, "每月"),
        ("博士", "3000元", 3000.0, "每月"),
    ]
    assert_spans_verbatim(doc, extract_facts(doc))


def test_beneficiary_written_before_each_amount_and_trailing_period() -> None:
    doc = make_doc("按博士2万元、硕士1万元、本科5000元的标准发放一次性安家费。")
    rows = [(f.beneficiary, f.value_min, f.period) for f in money(doc)]
    assert rows == [
        ("博士", 20000.0, "一次性"),
        ("硕士", 10000.0, "一次性"),
        ("本科", 5000.0, "一次性"),
    ]


def test_condition_region_issuer_and_date_are_filled() -> None:
    doc = make_doc("第一条 总则。对在本市就业的高校毕业生，给予每人每月500元租房补贴。")
    (fact,) = money(doc)
    assert fact.condition == "对在本市就业的高校毕业生"
    assert fact.beneficiary == "高校毕业生"
    assert fact.period == "每人每月"
    assert (fact.region, fact.issuer, fact.date) == ("威海", "某市人社局", "2025-01-01")
    assert fact.quote == "对在本市就业的高校毕业生，给予每人每月500元租房补贴。"


def test_programme_from_quoted_name_then_heading() -> None:
    doc = make_doc(
        "二、主要举措\n"
        "2.实施人才引进计划。对博士给予一次性10万元安家费。\n"
        "落实“青年安居计划”，对硕士每月给予1000元。"
    )
    by_value = {f.value_min: f.programme for f in money(doc)}
    assert by_value == {100000.0: "实施人才引进计划", 1000.0: "青年安居计划"}


def test_wrapped_lines_keep_the_clause_whole() -> None:
    doc = make_doc("在政策支持方面，青年人\n才可享受最高\n15万元的住房补贴。\n")
    (fact,) = money(doc)
    assert fact.amount_text == "最高\n15万元"
    assert (fact.value_min, fact.value_max) == (None, 150000.0)
    assert fact.beneficiary == "青年人才"
    assert fact.quote == "在政策支持方面，青年人\n才可享受最高\n15万元的住房补贴。"


def test_traditional_text_spans_index_the_original() -> None:
    text = (
        "（二）人才安居\n"
        "對新引進的博士研究生，每月發放生活補貼3000元；全年引進青年人才5萬人以上。"
        "(責任處室:人才開發處、就業人才中心,各區、市人力資源社會保障局)"
    )
    doc = make_doc(text, region="青岛")
    found = extract_facts(doc)
    assert_spans_verbatim(doc, found)
    amount = next(f for f in found if f.kind == "amount")
    assert (amount.amount_text, amount.value_min, amount.beneficiary, amount.period) == (
        "3000元",
        3000.0,
        "博士",
        "每月",
    )
    assert amount.condition == "對新引進的博士研究生"
    target = next(f for f in found if f.kind == "target")
    assert (target.amount_text, target.value_min, target.value_max, target.unit) == (
        "5萬人以上",
        50000.0,
        None,
        "人",
    )
    assert target.beneficiary == "青年人才"
    dept = next(f for f in found if f.kind == "department")
    assert dept.departments == ("人才開發處", "就業人才中心", "各區、市人力資源社會保障局")
    assert dept.programme == "人才安居"
    assert dept.quote.startswith("(責任處室") and dept.quote.endswith(")")


def test_full_width_department_form() -> None:
    doc = make_doc("1.实施就业服务保障计划。完善用工服务平台。（责任处室：就业处、就业人才中心）")
    (dept,) = extract_facts(doc)
    assert dept.kind == "department"
    assert dept.departments == ("就业处", "就业人才中心")
    assert dept.programme == "实施就业服务保障计划"
    assert dept.value_min is None and dept.unit is None


def test_split_departments_keeps_each_region_phrase() -> None:
    assert split_departments("专技处") == ("专技处",)
    assert split_departments("人才开发处、职建处，各区、市人社局") == (
        "人才开发处",
        "职建处",
        "各区、市人社局",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "对新引进的全日制博士研究生，给予每人10万元安家补贴，分三年发放。",
            [(100000.0, 100000.0, "博士")],
        ),
        (
            "企业吸纳登记失业人员的，按每人1000元标准给予一次性吸纳就业补贴。",
            [(1000.0, 1000.0, "企业")],
        ),
        ("对符合条件的创业者，可申请最高20万元的创业担保贷款。", [(None, 200000.0, None)]),
        ("见习补贴标准为当地最低工资标准的60%。", []),
        ("对返乡创业人员给予1万元一次性创业资助。", [(10000.0, 10000.0, None)]),
        # totals, budgets, thresholds, penalties and prices are not benefit amounts
        ("2024年共发放补贴资金3,500万元。", []),
        ("药店将一次性口罩从5元/袋哄抬到40元/袋。", []),
        ("市财政设立2亿元稳岗专项资金。", []),
        ("年应纳税所得额不超过100万元的部分，减按25%计入应纳税所得额。", []),
        ("对直接责任人员处二万元以上二十万元以下罚款。", []),
        ("截至2月14日，全省稳岗返还金额3.57亿元，惠及企业8478家。", []),
        ("公司2023年A轮融资近亿元。", []),
    ],
)
def test_unseen_sentences(text: str, expected: list[tuple]) -> None:
    doc = make_doc(text)
    assert [(f.value_min, f.value_max, f.beneficiary) for f in money(doc)] == expected


def test_disposable_is_not_a_one_off_period() -> None:
    doc = make_doc("对一次性口罩生产企业每家给予5000元补贴。")
    assert [f.period for f in money(doc)] == [None]


def test_money_target_is_a_target() -> None:
    doc = make_doc("对冲击千亿元目标企业引进的硕士，生活补贴提高至每月5000元。")
    assert [(f.kind, f.amount_text) for f in extract_facts(doc) if f.unit == "元"] == [
        ("target", "千亿元"), ("amount", "每月5000元")]


def test_fact_ids_are_stable_and_unique() -> None:
    doc = make_doc("每月1000元、2000元。全年引进2万人以上。")
    first, second = extract_facts(doc), extract_facts(doc)
    assert [f.fact_id for f in first] == [f.fact_id for f in second]
    assert len({f.fact_id for f in first}) == len(first) == 3


def test_json_round_trip() -> None:
    doc = make_doc("1.实施计划。（责任处室：就业处、专技处）对博士每月给予5000元。")
    for fact in extract_facts(doc):
        assert Fact.from_json(fact.to_json()) == fact


def _fact(**changes: object) -> Fact:
    base = dict(
        fact_id="f",
        doc_id="d",
        kind="amount",
        programme=None,
        beneficiary=None,
        amount_text="5元",
        value_min=5.0,
        value_max=5.0,
        unit="元",
        period=None,
        condition=None,
        region=None,
        issuer=None,
        date=None,
        char_start=0,
        char_end=3,
        quote="给5元",
        amount_start=1,
        amount_end=3,
    )
    base.update(changes)
    return Fact(**base)  # type: ignore[arg-type]


def test_fact_validates_itself() -> None:
    assert _fact().kind == "amount"
    with pytest.raises(ValueError, match="kind"):
        _fact(kind="money")
    with pytest.raises(ValueError, match="nest"):
        _fact(amount_end=5)
    with pytest.raises(ValueError, match="quote"):
        _fact(quote="给5元钱")


def test_shadow_falls_back_to_per_character(monkeypatch: pytest.MonkeyPatch) -> None:
    def lengthening(text: str) -> str:  # a phrase rule that changes length
        return text.replace("乾隆", "乾隆帝") if len(text) > 1 else text.replace("萬", "万")

    monkeypatch.setattr(facts_module, "to_simplified", lengthening)
    shadow = shadow_text("乾隆萬人")
    assert shadow == "乾隆万人"


def test_shadow_keeps_length_for_traditional() -> None:
    text = "關於強化人才引領支撐賦能創新型產業體系建設實施方案，全年引聚青年人才達到15萬人以上。"
    shadow = shadow_text(text)
    assert len(shadow) == len(text)
    assert "达到15万人以上" in shadow
