"""Region matching used by the region boost."""

from __future__ import annotations

import pytest

from index.regions import asked_provinces, document_provinces, from_elsewhere, region_matches
from ingest.regions import heading_region, places_named, province_of
from ingest.types import Document


@pytest.mark.parametrize(
    ("doc_region", "wanted", "expected"),
    [
        ("青岛", "青岛", True),
        ("青岛市", "青岛", True),
        ("青岛", "青岛市", True),
        ("崂山区", "青岛", True),
        ("青岛市崂山区", "青岛", True),
        ("青岛", "崂山区", True),
        ("济南市", "青岛", False),
        ("上海", "崂山区", False),
        (None, "青岛", False),
        ("青岛", "  ", False),
    ],
)
def test_region_matches(doc_region: str | None, wanted: str, expected: bool) -> None:
    assert region_matches(doc_region, wanted) is expected


def test_province_of_any_level() -> None:
    assert province_of("南阳") == "河南" and province_of("崂山区") == "山东"
    assert province_of("青岛") == province_of("威海市") == province_of("济南") == "山东"
    assert province_of("全国") is None and province_of("没有这个地方") is None


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("天津市对困难行业企业有何优惠政策？", {"天津"}),
        ("河南省南阳市的退税政策", {"河南"}),
        ("崂山区和重庆的人才补贴", {"山东", "重庆"}),
        ("內蒙古對小型微利企業有哪些規定", {"内蒙古"}),  # Traditional is folded first
        ("高校毕业生就业补贴有哪些", set()),
        ("what subsidies does Qingdao offer", set()),
    ],
)
def test_asked_provinces(question: str, expected: set[str]) -> None:
    assert asked_provinces(question) == expected


def test_from_elsewhere_spares_national_unplaced_and_same_province_notices() -> None:
    asked = frozenset({"天津"})
    assert from_elsewhere("重庆", asked)
    assert not from_elsewhere("天津", asked)
    assert not from_elsewhere(None, asked)
    assert not from_elsewhere("重庆", frozenset())
    assert not from_elsewhere("山东", frozenset({"天津", "山东"}))


def _doc(title: str, issuer: str | None, body: str) -> Document:
    return Document(doc_id=title, source=f"{title}.txt", title=title, issuer=issuer, date=None,
                    doc_number=None, region=None, text=body, search_text=body)


def test_document_province_comes_from_the_heading_only() -> None:
    docs = [
        _doc("重庆市关于亏损结转年限的通知", None, "正文"),
        _doc("关于餐饮服务单位的防控指引", None, "武汉武汉武汉，湖北湖北。"),  # body only
        _doc("关于减免质量检验检测服务收费的通知", "天津市市场监督管理委员会", "湖北"),
        _doc("财政部 税务总局关于疫情防控有关税收政策的公告", "财政部", "天津"),
        _doc("國家稅務總局四川省稅務局溫馨提示", None, "正文"),
    ]
    assert document_provinces(docs) == ("重庆", None, "天津", None, "四川")
    assert heading_region("关于餐饮服务单位的防控指引", None) is None
    assert places_named("武汉市和湖北省") == ("武汉市", "湖北省")
