"""The place a question asks about: the one it names, the one named where it asks, the one
the library has documents of, or none (a comparison of places; the asker's whereabouts when
they ask about the whole country or a document).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from functools import cache
from itertools import pairwise

from app.answer.clauses import YES_NO, asides, asked_text, clauses
from app.answer.correction import retraction
from app.answer.kinds import quote_said
from app.answer.programmes import find_programmes
from app.answer.question import QuestionInfo, compares, find_places, query_for
from app.answer.script import simplified
from app.answer.story import whereabouts
from lexicon import (
    APPLIES,
    Place,
    document_reference_pattern,
    document_words_en,
    gazetteer,
    national_bodies,
    region_relation,
    resolve,
    whereabouts_words,
)

__all__ = ["LOCAL", "asked_region", "english_document"]

#: how a document's region must relate to a place for the place to have documents of
#: its own: any relation under which its rules apply there, but national
LOCAL = APPLIES - {"national"}


def asked_region(q: QuestionInfo, region_filter: str | None,
                 regions: Collection[str] = (), *,
                 ties: Callable[[QuestionInfo], bool] | None = None
                 ) -> tuple[str | None, Place | None]:
    """The place an answer must hold in: the one place the question names (the narrowest
    of a nested chain such as 北京市东城区), else the caller's region filter (a widget's
    page region). A comparison of places has none, unless the library has no documents
    for one of them: that one is asked, so the answer says so. Of places that do not nest, the one
    that has documents of its own among ``regions`` (the library's) when only one has
    (「我是台湾应届毕业生，去青岛工作…」), and the first named, narrowed to a place named
    inside it, when none has (「我是江西师大毕业的，老家赣州，在广东干了两年…」);
    none when several have. Where the asker says they are or come from is not asked when
    they ask about the whole country or a document (see :func:`_whereabouts_aside`), nor a
    place they take back for another (see :func:`taken_back`). ``ties`` tells whether the
    question names what only a document or two speak of (a firm: 北汽新能源)."""
    away = (*_whereabouts_aside(q, ties), *taken_back(q))
    if q.places and not set(q.places) <= set(away):
        g = gazetteer()
        pairs = [(name, _covered(name, place, regions))
                 for name, place in zip(q.places, q.place_refs, strict=True)
                 if name not in away]
        chain = sorted(pairs, key=lambda pr: len(g.ancestors(pr[1])))
        nested = all(g.within(inner, outer) for (_, outer), (_, inner) in pairwise(chain))
        if nested:
            return chain[-1]
        if compares(q):  # one side the library lacks cannot be compared
            lacking = [pr for pr in pairs if not has_documents(pr[1], regions)]
            return lacking[0] if lacking and regions else (None, None)
        # the place of the clause that asks (「潍坊昌邑跟威海两个offer，昌邑那边…多少？」)
        asked = _named_where_asked(q, pairs)
        if len({r.code for _, r in asked}) == 1:
            return asked[0]
        local = [pr for pr in pairs if has_documents(pr[1], regions)]
        if len({r for _, r in local}) == 1:
            return local[0]
        if local:
            return None, None
        first = pairs[0][1]
        inside = [pr for pr in pairs if g.within(pr[1], first)]
        return max(inside, key=lambda pr: len(g.ancestors(pr[1])), default=pairs[0])
    if not region_filter:
        return None, None
    place = resolve(region_filter)
    if place is None:
        found = gazetteer().find(region_filter)
        place = found[0].place if found else None
    return region_filter, place


def _named_where_asked(q: QuestionInfo, pairs: Sequence[tuple[str, Place]]
                       ) -> list[tuple[str, Place]]:
    """The (name, place) pairs of listed places (not 那边高新区 or 我们园区, read by their
    suffix alone) named in the clauses of a Chinese question that ask; of an English one,
    those not told in its statements (「I'm studying in Hefei. … had Bengbu's …?」)."""
    named = set(_named_in_asking(q))
    return [pr for pr in pairs if pr[1].listed and pr[0] in named]


def _covered(name: str, place: Place, regions: Collection[str]) -> Place:
    """``place``, or the one other place of the same ``name`` the library has documents
    of (长宁: 上海's 长宁区 is read first, 宜宾's 长宁县 when the library covers only that)."""
    if not regions or has_documents(place, regions):
        return place
    owners = [p for p in gazetteer().named(name) if has_documents(p, regions)]
    return owners[0] if len(owners) == 1 else place


def has_documents(place: Place, regions: Collection[str]) -> bool:
    """True when one of the library's ``regions`` is ``place``, holds it or lies in it."""
    return any(region_relation(place, r) in LOCAL for r in regions)


def taken_back(q: QuestionInfo) -> tuple[str, ...]:
    """The places named only before the asker takes back what they wrote and names
    another place after (「威海本科生津贴多少？哦不是，我问的是平南县…」, 「…in Qingdao high-tech
    zone... sorry I meant Youxi county」: see :func:`app.answer.correction.retraction`)."""
    split = retraction(simplified(q.text)) if q.places else None
    if split is None:
        return ()
    kept = find_places(query_for(split[1], q.script))
    if not kept:
        return ()
    return tuple(name for name in q.places if name not in kept)


def _whereabouts_aside(q: QuestionInfo, ties: Callable[[QuestionInfo], bool] | None = None
                       ) -> tuple[str, ...]:
    """The places where the asker says they are or come from (see
    :func:`app.answer.story.whereabouts`; an English question's places told in its
    statements) when what they ask is about the whole country or what a document says
    (「我在东莞厂里做钳工，人社部最新数据说我国技能人才总量有多少？」, 「我是甘肃人，现在在兰州，
    文章里说…」), about another place named where they ask, or about a programme they name
    (「呼和浩特本科在读，“汇智崂山”人才政策累计兑现了多少资金？」): where they are is not what
    they ask about."""
    chinese, english = _nationwide()
    where = asker_whereabouts(q)
    if not where:
        return ()
    if not compares(q) and any(name not in where for name in _named_in_asking(q)):
        return where  # 「邯郸读研的，去青岛高新区住房补贴…」: 青岛高新区 is asked
    if q.script == "en":
        return where if english.search(q.text) or english_document().search(q.text) else ()
    asking = asked_text(q.query)
    # what they say beyond who they are (「赣州职校老师，论文里说…一起带学生，这个制度叫啥」)
    told = set(asides(q.query))
    beyond = "，".join(c for c in clauses(q.query) if c not in told) or asking
    if (any(w in beyond for w in (*chinese, *national_bodies()))
            or document_reference_pattern().search(beyond)):
        return where  # the country, a central body (中共中央政治局) or a document named
    # a fact of a programme they name (「岳阳读书的，北汽“青领计划”几年内…」), not whether
    # they qualify for it where they are (「我在义马开了个厂，能评“工匠”吗」)
    # nor what they point at as one they heard of (那场招聘会, 那家公司): it has its own place
    # and so is a firm or event named that only a document or two speak of (「株洲做汽车装配的，
    # 北汽新能源…将培育多少名高技能人才」: ``ties``)
    named = find_programmes(asking) or (ties is not None and ties(q))
    # and so is who said a passage they quote (「九江中职老师，是谁说“高技能人才评价激励机制
    # 亟待完善”的」): words of a document, wherever the asker is
    return where if ((named and not YES_NO.search(asking)) or _POINTED.search(asking)
                     or quote_said(asking)) else ()


#: a demonstrative with the measure word of an event or a firm (那场招聘会, 那家公司), or
#: pointing at words quoted (“…”这句话): each has its own place
_POINTED = re.compile(r"[那这](?:场|家)|[那这](?:句|段)话")


def _named_in_asking(q: QuestionInfo) -> tuple[str, ...]:
    """The place names of ``q`` its asking clauses hold (an English question's: those not
    told in its statements)."""
    if q.script == "en":
        return tuple(name for name in q.places if name not in q.told)
    asking = asked_text(q.query)
    return tuple(name for name in q.places if name in asking)


def asker_whereabouts(q: QuestionInfo) -> tuple[str, ...]:
    """The places of ``q`` where the asker says they are or come from: told in a Chinese
    question's clauses that do not ask (:func:`app.answer.story.whereabouts`), or in an
    English question's statements before what it asks (``q.told``)."""
    if q.script == "en":
        return tuple(name for name in q.places if name in q.told)
    return whereabouts(q.query, q.places)


@cache
def english_document() -> re.Pattern[str]:
    """An English question pointing at a document (the paper, this notice), read once."""
    words = "|".join(map(re.escape, document_words_en()))
    return re.compile(rf"\b(?:the|this|that) (?:{words})\b", re.IGNORECASE)


@cache
def _nationwide() -> tuple[tuple[str, ...], re.Pattern[str]]:
    """The words that ask about the whole country: the Chinese ones (我国, 全国), and the
    English ones as one pattern of whole words (China's, nationwide), read once."""
    words = whereabouts_words()[2]
    english = "|".join(re.escape(w) for w in words if w.isascii())
    return (tuple(w for w in words if not w.isascii()),
            re.compile(rf"\b(?:{english})\b", re.IGNORECASE))
