"""Unit checks of the fact rules: benefit or not, region, stated validity, departments."""

from __future__ import annotations

import pytest

from ingest.facts import extract_facts
from ingest.facts_departments import find_departments
from ingest.facts_region import RegionReader, issuer_first, national_subject, subject_place
from ingest.facts_validity import document_until, stated_until
from ingest.types import Document


def _doc(text: str, title: str = "通知", issuer: str | None = None,
         region: str | None = None) -> Document:
    return Document("d", "a.txt", title, issuer, "2020-02-10", None, region, text, text)


def _amounts(text: str, **kw: str | None) -> list[tuple[str, str, str | None]]:
    return [(f.kind, f.amount_text, f.region)
            for f in extract_facts(_doc(text, **kw)) if f.unit == "元"]


@pytest.mark.parametrize("text", [
    "每年可为公司节约200余万元。",
    "累计兑现人才政策资金超过8294万元。",
    "年产业规模突破120亿元。",
    "2023年A轮融资近亿元。",
    "驻区高校院所共实现技术合同成交额15.8亿元。",
    "“崂山区给我们投入500万元的引导资金。",
    "市财政安排500万元专项资金。",
    "对超过500万元的部分，减半征收企业所得税。",
    "处以警告或者100元以上5000元以下的罚款。",
    "大白菜价从3.16元/公斤猛涨。",
    "海伦堡向慈善总会捐赠500万元资金。",
    "国家开发银行向某市发放应急贷款20亿元。",
])
def test_not_a_benefit(text: str) -> None:
    assert _amounts(text) == []


@pytest.mark.parametrize(("text", "figure"), [
    ("对新建基地，每个基地补助100万-300万元。", "100万-300万元"),
    ("给予单笔补贴金额最高不超过3万元。", "最高不超过3万元"),
    ("对单家机构的补贴上限为100万元。", "100万元"),
    ("求职创业补贴标准提高至每人3000元。", "3000元"),
    ("单户最高可贷500万元。", "500万元"),
    ("对实习学生给予每人100元/月的补贴。", "100元/月"),
])
def test_a_benefit(text: str, figure: str) -> None:
    assert [(k, t) for k, t, _ in _amounts(text)] == [("amount", figure)]


def test_region_from_sentence_heading_or_nothing() -> None:
    # a story placed only by its opening lines takes the region its sentence names
    text = ("青岛高新区人才工作综述。今年2月，海南省宣布新建一批基地。"
            "其中对新建基地，每个基地补助100万元。")
    assert _amounts(text, region="青岛高新区") == [("amount", "100万元", "海南省")]
    # a manifest region is a stated region: kept unless the sentence narrows it
    assert _amounts(text, region="青岛市") == [("amount", "100万元", "青岛市")]
    # a notice whose heading names its region keeps it; a district narrows it
    assert _amounts("对赴湖北的医务人员每人每天补助300元。", title="北京市关于关爱医务人员的通知"
                    ) == [("amount", "300元", "北京市")]
    assert _amounts("本市每人每天补助300元。") == [("amount", "300元", None)]
    assert issuer_first("关于本区落实北京市政策的通知", "北京市海淀区人民政府") == "海淀区"


def test_region_helpers() -> None:
    assert subject_place("在湖北相邻的安徽省，政府对企业给予补助") == "安徽省"
    assert subject_place("对威海籍毕业生发放补贴") is None
    assert national_subject("补助资金由中央财政全额负担")
    assert not national_subject("根据《国务院办公厅关于做好就业工作的通知》")
    doc = _doc("根据国务院部署，现就有关事项通知如下。对企业每人补助500元。")
    assert RegionReader(doc, doc.text).region_at(30) is None  # opening 全国 is a citation


def test_stated_validity() -> None:
    assert stated_until("实施期限至2020年12月31日") == "2020-12-31"
    assert stated_until("本办法自2020年3月1日起施行，有效期2年。") == "2022-02-28"
    assert stated_until("本通知自印发之日起施行，有效期三年。", "2020-02-10") == "2023-02-09"
    assert stated_until("本通知自印发之日起施行。") is None
    assert document_until("对企业补助。本通知有效期至2020年6月30日。") == "2020-06-30"
    assert document_until("对企业补助，执行至2020年6月30日。") is None  # not the notice's own
    fact = next(f for f in extract_facts(_doc("对企业每人补助500元，实施期限至2020年12月31日。"))
                if f.kind == "amount")
    assert fact.valid_until == "2020-12-31"


def test_department_forms() -> None:
    text = ("落实保障。(责任单位：市卫生健康委、各相关区人民政府)补贴到位。"
            "（牵头部门：组宣部  配合部门：财政局）"
            "责任单位：省药监局（四）加强用工保障。"
            "本办法由市人力资源和社会保障局负责解释。由专人负责。由各区负责。")
    found = [(label, names) for label, names, _, _ in find_departments(text)]
    assert found == [
        ("责任单位", ("市卫生健康委", "各相关区人民政府")),
        ("牵头部门", ("组宣部",)),
        ("配合部门", ("财政局",)),
        ("责任单位", ("省药监局",)),
        ("负责", ("市人力资源和社会保障局",)),
    ]
    assert find_departments("各区商务主管部门、外资招商部门：为贯彻落实通知。") == []
