"""Whether evidence holds a question's words: a word is present in a sentence when the
sentence writes it or, for a benefit family, kind, umbrella word or person category,
one of its members or other names (住房 is present where 人才公寓 is); *support* is
the weighted share of a question's words present, a word whose dictionary partner is
present (总量 for 总数, both 「total」 in CC-CEDICT) counting a configured share.

>>> support({"住房": 2.0, "博士": 1.0}, normalise("提供人才公寓免费住宿"))
0.6666666666666666
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache, lru_cache

from app.answer.scoring import normalise
from ingest.facts_numbers import parse_cn_numeral
from lexicon import (
    NUMERAL_CHARS,
    benefit_families,
    benefit_kinds,
    money_words,
    person_categories,
    umbrella_words,
)
from lexicon.dictionary import partner_words

#: characters a notice may put inside a benefit's name (返乡留威补贴 for 返乡补贴)
INFIX_CHARS = 4
#: a numeral abbreviation: a Chinese numeral, an optional measure word and a short head
NUMBERED = re.compile(rf"([{NUMERAL_CHARS}]{{1,2}})个?([\u4e00-\u9fff]{{1,2}})")
#: the largest count a numeral abbreviation is checked for (a sentence spells it out)
MAX_ENUMERATED = 12


@cache
def _groups() -> dict[str, tuple[str, ...]]:
    """Benefit family words, kinds and umbrella words -> the normalised words that count
    for them (an umbrella word such as 资金 or 待遇 counts for any named benefit); a person
    category's names count for one another (年轻人 is present where 青年 is)."""
    out: dict[str, tuple[str, ...]] = {}
    for family, members in benefit_families().items():
        out[normalise(family)] = tuple(normalise(w) for w in members)
    for kind, aliases in benefit_kinds().items():
        out[normalise(kind)] = tuple(normalise(w) for w in (kind, *aliases))
    named = tuple(dict.fromkeys(w for ws in out.values() for w in ws)) + tuple(
        normalise(w) for w in money_words())
    for word in umbrella_words():
        out.setdefault(normalise(word), named)
    for category, aliases in person_categories().items():
        names = tuple(normalise(w) for w in (category, *aliases))
        for name in names:
            out.setdefault(name, names)
    return out


def present(word: str, text: str) -> bool:
    """True when normalised ``text`` holds ``word`` or, for a benefit family or kind, one
    of its members or other names (购房券 for 购房补贴), also with a few characters
    inside the name before its last word (一次性返乡留威补贴 holds 返乡补贴 and
    一次性补贴).

    >>> present("一次性补贴", "发放一次性返乡留威补贴"), present("一次性补贴", "一次性告知")
    (True, False)
    """
    if word in text or spells_out(word, text):
        return True
    members = _groups().get(word)
    if not members:
        return False
    return any(m in text for m in members) or any(
        _infixed(m).search(text) for m in (word, *members) if len(m) >= 4)


def spells_out(word: str, text: str) -> bool:
    """True when ``word`` is a numeral abbreviation (五专, 四个集中) and ``text`` holds its
    head that many times (专区、专窗、专线、专网、专员 for 五专).

    >>> spells_out("五专", "推广专区、专窗、专线、专网、专员服务模式")
    True
    >>> spells_out("五专", "专区、专窗")
    False
    """
    m = NUMBERED.fullmatch(word)
    if m is None:
        return False
    n = parse_cn_numeral(m.group(1))
    return n is not None and 2 <= n <= MAX_ENUMERATED and text.count(m.group(2)) >= n


@lru_cache(maxsize=4096)
def _infixed(name: str) -> re.Pattern[str]:
    """``name`` with up to INFIX_CHARS characters allowed before its two-character head."""
    return re.compile(re.escape(name[:-2]) + f".{{1,{INFIX_CHARS}}}" + re.escape(name[-2:]))


@lru_cache(maxsize=8192)
def partners(word: str) -> tuple[str, ...]:
    """Words a notice may write for ``word``: CC-CEDICT words that share one of its first
    senses, or any sense and a character (:func:`lexicon.dictionary.partner_words`)."""
    return tuple(sorted(w for w in partner_words(word) if len(w) >= 2))


def support(terms: Mapping[str, float], text: str, partner_credit: float = 0.0) -> float:
    """Weighted share of ``terms`` present in normalised ``text`` (1.0 with no terms); a
    term absent but for a dictionary partner counts ``partner_credit`` of its weight.

    >>> support({"总数": 1.0, "蚌埠": 1.0}, normalise("蚌埠高技能人才总量达17万人"), 0.5)
    0.75
    """
    total = sum(terms.values())
    if total <= 0:
        return 1.0
    got = 0.0
    for term, weight in terms.items():
        if present(term, text):
            got += weight
        elif partner_credit and any(p in text for p in partners(term)):
            got += partner_credit * weight
    return got / total
