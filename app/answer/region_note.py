"""Which region a question is about, and a note when the answer comes from elsewhere.

>>> from app.answer.types import Citation
>>> c = Citation(1, "c", "d", "s", "t", None, None, "", "q", 0, 1)
>>> other_region_note("威海", [c], {"d": "青岛"})
'注意：以下内容来自青岛市的政策，不是威海市的政策。'
>>> other_region_note("青岛", [c], {"d": "崂山区"}) is None
True
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from app.answer.lexicon import PLACE_CHILDREN
from app.answer.question import QuestionInfo
from app.answer.types import Citation
from lexicon import region_matches

NATIONAL = "全国"
_PROVINCES = frozenset((
    "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建",
    "江西", "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州",
    "云南", "陕西", "甘肃", "青海", "台湾", "内蒙古", "广西", "西藏", "宁夏",
    "新疆", "香港", "澳门",
))


def asked_region(q: QuestionInfo, region_filter: str | None) -> str | None:
    """The widget's/caller's region, else the one place the question names."""
    if region_filter:
        return region_filter
    return q.places[0] if len(q.places) == 1 else None


def place_label(region: str) -> str:
    """青岛 -> 青岛市, 山东 -> 山东省, 全国 -> 国家层面; names with a suffix stay.

    >>> [place_label(r) for r in ("青岛", "山东", "全国", "崂山区")]
    ['青岛市', '山东省', '国家层面', '崂山区']
    """
    if region == NATIONAL:
        return "国家层面"
    if region.endswith(("省", "市", "区", "县", "自治区")):
        return region
    return f"{region}省" if region in _PROVINCES else f"{region}市"


def applies_to(doc_region: str | None, wanted: str) -> bool:
    """A document applies to ``wanted`` when it is national, the same place, a part of
    it, or the province containing it."""
    if not doc_region:
        return True  # unknown region: do not claim it is from elsewhere
    if doc_region == NATIONAL or region_matches(doc_region, wanted):
        return True
    return any(wanted.startswith(child) for child in PLACE_CHILDREN.get(doc_region, ()))


def other_region_note(wanted: str | None, citations: Iterable[Citation],
                      regions_of: Mapping[str, str | None]) -> str | None:
    """「注意：以下内容来自青岛市的政策，不是威海市的政策。」 when no citation applies."""
    if not wanted:
        return None
    cited = [regions_of.get(c.doc_id) for c in citations]
    if not cited or any(applies_to(r, wanted) for r in cited):
        return None
    others = "、".join(dict.fromkeys(place_label(r) for r in cited if r))
    return f"注意：以下内容来自{others}的政策，不是{place_label(wanted)}的政策。"
