"""The types places are told in: a division of China (:class:`Place`) and a place
named in a text (:class:`Mention`), with the word-boundary test both recognisers use.

>>> Place("371000", "威海市", "威海", "city", "370000").label
'威海市'
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import jieba

from lexicon.segmenter import JIEBA_LOCK

Level = Literal["province", "city", "county", "zone"]
UNLISTED = "?"  # the code of a place known only by its suffix is this and its name
#: characters of context either side segmented to see where the words around a name begin
WORD_WINDOW = 6


def starts_a_word(text: str, start: int) -> bool:
    """True when a word begins at ``start`` of ``text`` in jieba's segmentation (its
    dictionary only, over a window around ``start``): 保定 does not begin a word in
    确保定点, nor 成都 in 形成都是.

    >>> starts_a_word("确保定点医疗机构", 1), starts_a_word("我在保定工作", 2)
    (False, True)
    """
    left = max(0, start - WORD_WINDOW)
    with JIEBA_LOCK:
        words = jieba.lcut(text[left:start + WORD_WINDOW], HMM=False)
    at = left
    for word in words:
        if at >= start:
            return at == start
        at += len(word)
    return at == start


@dataclass(frozen=True)
class Place:
    """One administrative division (or zone). ``parent`` is the parent's code."""

    code: str
    name: str
    short: str
    level: Level
    parent: str | None
    en: str = ""

    @property
    def label(self) -> str:
        """How answers name it: the full name (南阳市, 崂山区, 山东省)."""
        return self.name

    @property
    def listed(self) -> bool:
        """False for a place recognised only by its suffix (菊园新区): not in the table, so
        no document's region can be it and only its name in a text shows it is meant."""
        return not self.code.startswith(UNLISTED)


@dataclass(frozen=True)
class Mention:
    """A place named in a text: ``text[start:end]``; ``place`` is the best reading and
    ``others`` the other places sharing that name (朝阳: a city and a district)."""

    text: str
    start: int
    end: int
    place: Place
    others: tuple[Place, ...] = ()
    known: bool = True  # False: recognised only by its suffix, not in the table


def lend_suffix(found: list[tuple[int, int, tuple[Place, ...]]]
                ) -> list[tuple[int, int, tuple[Place, ...]]]:
    """Readings ``(start, end, places)`` with a city's full name whose 市 begins a district
    of that city (青岛市南区: 青岛 + 市南区, 济南市中区: 济南 + 市中区) read as its short
    name, so the district is not lost to the longer city reading."""
    out = []
    for start, end, places in found:
        lent = any(s == end - 1 and p.parent == places[0].code
                   and p.name.startswith(places[0].name[-1])
                   for s, _, ps in found for p in ps)
        out.append((start, end - 1, places) if lent and end - 1 > start + 1 else
                   (start, end, places))
    return out


def read_in_context(mentions: list[Mention], within: Callable[[Place, Place], bool]
                    ) -> list[Mention]:
    """Each name several places share read as the one that lies in another place the text
    names (潍坊昌邑 and 昌邑 after it: 潍坊's 昌邑市, not 吉林's 昌邑区); ``within(inner,
    outer)`` tells whether a place lies in another."""
    out = []
    for m in mentions:
        inside = [p for p in (m.place, *m.others) if any(
            o is not m and o.place.code != p.code and within(p, o.place)
            for o in mentions)] if m.others else []
        if inside and inside[0] is not m.place:
            rest = tuple(p for p in (m.place, *m.others) if p is not inside[0])
            m = Mention(m.text, m.start, m.end, inside[0], rest, m.known)
        out.append(m)
    return out


def read_rows(path: Path) -> Iterator[dict[str, str]]:
    """Rows of a tab-separated data file with a header; lines opening with # skipped."""
    with path.open(encoding="utf-8") as fh:
        yield from csv.DictReader((line for line in fh if not line.startswith("#")),
                                  delimiter="\t")


def read_words(path: Path) -> frozenset[str]:
    """The whitespace-separated words of a data file; lines opening with # skipped."""
    with path.open(encoding="utf-8") as fh:
        return frozenset(w for line in fh if not line.startswith("#")
                         for w in line.split())


def load_places(*paths: Path) -> list[Place]:
    """Places from TSV files with columns ``code name short level parent en``."""
    out: list[Place] = []
    for path in paths:
        for r in read_rows(path):
            out.append(Place(r["code"], r["name"], r["short"], r["level"],  # type: ignore[arg-type]
                             r["parent"] or None, r.get("en") or ""))
    return out
