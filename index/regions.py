"""Region matching for the region boost and the other-region demotion (pure functions).

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

from collections.abc import Iterable
from functools import lru_cache

from ingest.regions import heading_region, places_named, province_of
from ingest.script import to_simplified
from ingest.types import Document

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


def document_provinces(documents: Iterable[Document]) -> tuple[str | None, ...]:
    """The province-level unit each document's own title or issuer names (None: national
    or unknown), in the order given.

    Only the heading counts: a national notice that keeps mentioning 武汉 in its body
    is not a 湖北 notice for this purpose.
    """
    return tuple(
        province_of(heading_region(to_simplified(d.title), to_simplified(d.issuer or "")))
        for d in documents
    )


def asked_provinces(query: str) -> frozenset[str]:
    """Province-level units the places a question names belong to.

    >>> sorted(asked_provinces("崂山区和天津的人才补贴"))
    ['天津', '山东']
    >>> asked_provinces("高校毕业生有哪些补贴")
    frozenset()
    """
    named = (province_of(p) for p in places_named(to_simplified(query)))
    return frozenset(p for p in named if p)


def from_elsewhere(doc_province: str | None, asked: frozenset[str]) -> bool:
    """True when a question names places and the document is from another province.

    National and unplaced documents are never from elsewhere.

    >>> from_elsewhere("重庆", frozenset({"天津"}))
    True
    >>> [from_elsewhere(p, frozenset({"山东"})) for p in ("山东", None)]
    [False, False]
    >>> from_elsewhere("重庆", frozenset())
    False
    """
    return bool(asked) and doc_province is not None and doc_province not in asked
