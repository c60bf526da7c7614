"""Region matching for the region boost and the other-region demotion (pure functions).

A document's region matches a requested region when it is, contains or lies within
it (the hierarchy comes from :mod:`lexicon`).

>>> region_matches("崂山区", "青岛")
True
>>> region_matches("青岛", "崂山区")
True
>>> region_matches("济南市", "青岛")
False
"""

from __future__ import annotations

from collections.abc import Iterable

from ingest.regions import heading_region, places_named
from ingest.script import to_simplified
from ingest.types import Document
from lexicon import province_of, region_matches

__all__ = ["asked_provinces", "document_provinces", "from_elsewhere", "region_matches"]


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
