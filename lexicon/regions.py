"""How a document's region stands to a place a question asks about.

Regions are stored as names (``Document.region``: 青岛市, 崂山区, 山东省, 全国, or a
short form such as 青岛 in older indexes); these functions resolve them through the
gazetteer's hierarchy.

>>> region_relation("南阳", "河南省"), region_relation("南阳", "威海市")
('contains', 'other')
>>> region_relation("青岛", "崂山区"), region_relation("崂山区", "青岛")
('inside', 'contains')
>>> region_relation("青岛", "全国"), region_relation("青岛", None)
('national', 'unknown')
>>> region_label("青岛"), region_label("全国"), region_label("绵阳高新区")
('青岛市', '国家层面', '绵阳高新区')
"""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from lexicon.places import NATIONAL, Place, gazetteer

Relation = Literal["same", "inside", "contains", "national", "other", "unknown"]
#: Relations under which a document's rules hold for the asked place (a district's
#: rules hold for part of its city: they apply, but answers name the district).
APPLIES: frozenset[str] = frozenset({"same", "inside", "contains", "national"})
#: Of those, the relations under which a rule holds only through a wider region (the
#: province of an asked city, or national): answers say so first, and rank such rules
#: after the asked place's own.
WIDER: frozenset[str] = frozenset({"contains", "national"})


def resolve(name: str | Place | None) -> Place | None:
    """The place a region name refers to (None for 全国, empty or unrecognised names)."""
    if isinstance(name, Place) or name is None:
        return name
    return _resolve(name.strip())


@lru_cache(maxsize=8192)
def _resolve(name: str) -> Place | None:
    return gazetteer().resolve(name)


def _chain(place: Place) -> tuple[Place, ...]:
    """The place and its ancestors; an unknown place recognised by suffix has none."""
    return (place, *gazetteer().ancestors(place))


@lru_cache(maxsize=65_536)
def region_relation(asked: str | Place, doc_region: str | None) -> Relation:
    """``same``, ``contains`` (the document's region holds the asked place: a province
    for one of its cities), ``inside`` (the document's region lies in the asked place: a
    district of the asked city), ``national``, ``other`` or ``unknown`` (no region)."""
    if not doc_region:
        return "unknown"
    if doc_region == NATIONAL:
        return "national"
    want, have = resolve(asked), resolve(doc_region)
    if want is None or have is None:
        same = isinstance(asked, str) and asked.strip() == doc_region.strip()
        return "same" if same else ("unknown" if have is None else "other")
    if want.code == have.code or want.name == have.name:
        return "same"
    if any(a.code == have.code for a in _chain(want)[1:]):
        return "contains"
    if any(a.code == want.code for a in _chain(have)[1:]):
        return "inside"
    return "other"


@lru_cache(maxsize=16384)
def region_matches(doc_region: str | None, wanted: str) -> bool:
    """True when a document's region is, contains or lies within ``wanted`` (a region
    filter: 崂山区 documents count for 青岛, a 山东 document for 青岛 too)."""
    if not wanted or not wanted.strip():
        return False
    return region_relation(wanted, doc_region) in {"same", "inside", "contains"}


def applies_to(doc_region: str | None, wanted: str) -> bool:
    """True when a document's rules hold for ``wanted``: same place, a place containing
    it, a part of it, or national. A document with no known region does not count."""
    return region_relation(wanted, doc_region) in APPLIES


def province_of(name: str | None) -> str | None:
    """The province-level unit's short name for a region name (None: national/unknown).

    >>> [province_of(p) for p in ("青岛", "南阳", "天津", "湖北", "全国", "绵阳高新区")]
    ['山东', '河南', '天津', '湖北', None, '四川']
    """
    place = resolve(name) if name else None
    if place is None:
        return None
    top = gazetteer().province_of(place)
    if top is None and place.parent:
        top = gazetteer().province_of(gazetteer().get(place.parent))
    return top.short if top else None


def region_label(name: str) -> str:
    """How an answer names a region: 青岛 -> 青岛市, 山东 -> 山东省, 全国 -> 国家层面."""
    if name == NATIONAL:
        return "国家层面"
    place = resolve(name)
    return place.name if place is not None else name
