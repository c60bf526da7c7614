"""Region matching for the optional region boost (pure functions).

A document's region matches a requested region when one names the other
(``青岛市`` / ``青岛``) or the document's district lies in the requested city.

>>> region_matches("崂山区", "青岛")
True
>>> region_matches("青岛", "崂山区")
True
>>> region_matches("济南市", "青岛")
False
"""

from __future__ import annotations

from functools import lru_cache

#: District -> city, for districts that documents name without their city.
PARENT_REGION: dict[str, str] = {
    "崂山区": "青岛",
    "市南区": "青岛",
    "市北区": "青岛",
    "李沧区": "青岛",
    "城阳区": "青岛",
    "黄岛区": "青岛",
    "西海岸新区": "青岛",
    "即墨区": "青岛",
    "胶州市": "青岛",
    "平度市": "青岛",
    "莱西市": "青岛",
    "浦东新区": "上海",
    "滨海新区": "天津",
    "南山区": "深圳",
    "福田区": "深圳",
}

_SUFFIXES = ("特别行政区", "自治区", "省", "市", "区", "县")


def _core(name: str) -> str:
    name = name.strip()
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)]
    return name


@lru_cache(maxsize=4096)
def region_matches(doc_region: str | None, wanted: str) -> bool:
    """True when a document's region is, contains or lies within ``wanted``.

    Memoised: the region boost asks this for every candidate chunk of every
    question, with only a handful of distinct regions (pure, constant tables).
    """
    if not doc_region or not wanted.strip():
        return False
    doc, want = _core(doc_region), _core(wanted)
    if want in doc_region or doc in wanted:
        return True
    for district, city in PARENT_REGION.items():
        if district in doc_region and want in city:
            return True  # a district document matches its city
        if _core(district) == want and city in doc_region:
            return True  # a city-wide document applies to its districts
    return False
