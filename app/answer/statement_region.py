"""The region a statement is about: the place its sentence names as the actor, else the
place of the sentences it continues, else its document's.

>>> statement_region("海南省对新建的每个基地补助100万元", "青岛高新技术产业开发区")
'海南省'
>>> statement_region("对新建的每个基地补助100万元", "青岛市")
'青岛市'
>>> statement_region("对委托单位为湖北省的企业，免除检测费用", "天津市")  # who benefits
'天津市'
>>> statement_region("按照《关于做好进出武汉交通运输工具管控的通知》要求做好运输", "全国")
'全国'
"""

from __future__ import annotations

import re
from functools import lru_cache

from app.answer.script import simplified
from lexicon import NATIONAL, Place, gazetteer, region_cues, region_relation

_BOOK_TITLE = re.compile(r"《[^《》]{0,80}》")


@lru_cache(maxsize=200_000)
def named_region(text: str) -> str | None:
    """The narrowest place a text names as its actor: not a destination or origin (赴湖北,
    威海籍), nor part of a name (哈尔滨工业大学) or of a cited document's title
    (按照《…进出武汉交通运输工具管控…》要求), by the lexicon's region cues. Memoised:
    corpus sentences recur per question."""
    flat = _untitled(text)
    cues = region_cues()
    actors = tuple(m for m in gazetteer().find(flat, unknown=False)
                   if not any(flat[max(0, m.start - 2):m.start].endswith(w)
                              for w in cues["not_before"])
                   and not any(flat[m.end:m.end + 2].startswith(w) for w in cues["not_after"]))
    found = gazetteer().narrowest(actors)
    if found is None:  # 「目前我国技能人才总量超过2亿人」 in a city's report
        return NATIONAL if any(w in flat for w in cues.get("national", ())) else None
    return found.place.name


def mentions(text: str, place: Place) -> bool:
    """True when ``text`` names ``place`` in any role, outside a cited title (《四川…证明》
    names no place the text is about)."""
    return any(m.place.code == place.code
               for m in gazetteer().find(_untitled(text), unknown=False))


def speaks_of(text: str, place: Place) -> bool:
    """True when ``text`` names ``place`` or a place inside it, outside a cited title (a
    paper by 兰溪市委党校 speaks of 金华; one naming only 长三角 speaks of no county), or
    writes the place's English name as a word (an author's affiliation: Lanxi …, Jinhua).

    >>> from lexicon import resolve
    >>> speaks_of("中共兰溪市委党校", resolve("金华")), speaks_of("长三角地区", resolve("鄱阳县"))
    (True, False)
    >>> speaks_of("Party School, Jinhua", resolve("金华")), speaks_of("Jinhuan", resolve("金华"))
    (True, False)
    """
    return place.code in _named_places(text) or bool(
        place.en and re.search(rf"\b{re.escape(place.en)}\b", text, re.IGNORECASE))


@lru_cache(maxsize=64)
def _named_places(text: str) -> frozenset[str]:
    """The codes of the places ``text`` names and of every place holding one. Memoised:
    the same few documents are read for many questions."""
    g = gazetteer()
    return frozenset(p.code for m in g.find(_untitled(text), unknown=False)
                     for p in (m.place, *g.ancestors(m.place)))


def _untitled(text: str) -> str:
    """``text`` simplified, without spaces, each cited title (《…》) blanked out."""
    return _BOOK_TITLE.sub(lambda m: "□" * len(m[0]), re.sub(r"\s+", "", simplified(text)))


@lru_cache(maxsize=200_000)
def statement_region(sentence: str, doc_region: str | None, *context: str) -> str | None:
    """The region a statement is about: a place the sentence (else its ``context``: the
    sentence it leans on, its heading) names, unless that place merely contains the
    document's own region (a 威海 mention in a notice of a 威海 zone keeps the zone);
    else the document's region."""
    named = named_region(sentence) or next(
        (r for r in map(named_region, filter(None, context)) if r), None)
    if named is None or (named == NATIONAL and doc_region is None):
        return doc_region  # 我国 in a document of no region: it stays unplaced
    if doc_region and region_relation(named, doc_region) in ("same", "inside"):
        return doc_region
    return named

