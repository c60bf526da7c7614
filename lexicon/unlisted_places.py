"""Places the table does not list, recognised in a question by their suffix alone.

A name of two to four characters with an administrative suffix after a lead word
(去临江新区) or opening a clause (菊园新区所设置的隔离点) is a place of unknown
parentage: no document's region can be it, and only its name shows it is meant.

>>> names = UnlistedNames(["新区", "县"], ["去", "在"], ["高新区"])
>>> [(m.text, m.place.level, m.place.listed) for m in names.find("毕业去临江新区工作", [])]
[('临江新区', 'zone', False)]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

import jieba

from lexicon.place_types import UNLISTED, Level, Mention, Place, starts_a_word
from lexicon.question_words import (
    anaphor_words,
    ask_words,
    determiner_pattern,
    whole_place_words,
)
from lexicon.segmenter import JIEBA_LOCK, dictionary_verb

#: characters that never belong to an unlisted place's name (function characters)
_NAME_CHAR = r"[^\W\d_的了是在对和与跟及或等为把被从向给到去来回于至么吗呢着过说]"


#: characters a county's own name does not hold where it follows its province: levels and
#: words for all or each (全省各市, 各县市)
_UNNAMING = re.compile(r"[各全每本该此其省市县区州]")


class UnlistedNames:
    """Recognises names known only by their administrative suffix."""

    def __init__(self, admin_suffixes: Iterable[str], lead_words: Iterable[str],
                 generic_names: Iterable[str] = (), facility_words: Iterable[str] = ()
                 ) -> None:
        # words naming a neighbourhood or site (社区, 小区): a name ending in one is no place
        self._facilities = tuple(facility_words)
        suffixes = sorted(set(admin_suffixes), key=len, reverse=True)
        self._suffixes = frozenset(suffixes)
        self._longest_first = tuple(suffixes)
        self._generic = frozenset(generic_names)
        admin = "|".join(map(re.escape, suffixes))
        leads = "".join(sorted(w for w in set(lead_words) if len(w) == 1))
        # after a lead word, two to four characters that are not function characters,
        # then a suffix (provinces are all known: no 省 here)
        self._led = re.compile(
            rf"(?<=[{leads}])({_NAME_CHAR}{{2,4}}?(?:{admin}))"
        ) if admin and leads else None
        # … or opening a clause, where the name must also end a word
        self._opening = re.compile(
            rf"(?:^|(?<=[，。；：、？！,;:?!\s]))({_NAME_CHAR}{{2,4}}?(?:{admin}))"
        ) if admin else None
        # … or right after a listed province (山东桃花县: a county of it)
        self._after_place = re.compile(rf"({_NAME_CHAR}{{2,4}}?(?:{admin}))") if admin else None
        # … or a name in Latin letters an English question gave before county or district
        # (Yangu县: see app.answer.english), standing as a word of its own
        self._latin = re.compile(
            rf"(?:^|(?<=[\s，。,.;?!]))([A-Z][a-z]{{2,11}}(?:{admin}))(?=\s|$|[，。,.;?!])"
        ) if admin else None

    def _candidates(self, text: str, after: Sequence[int] = ()) -> Iterator[re.Match[str]]:
        """Names with an administrative suffix after a lead word that is a word of its own
        (去临江新区; not 对于保障城市) or opening a clause (菊园新区所…), where jieba ends
        a word with the name (not 休市期间市民, 人才冷点区域, 运输区段), the name is more
        than a bare suffix (高新区), it asks nothing (是哪年建区), points at nothing (用那个
        高新区, 今年全市: the whole of a place left unnamed) and it does not open with a verb
        (申请高新区的住房, 入驻新区), nor names a neighbourhood or site (青年社区)."""
        whole = whole_place_words()
        led = [m for m in self._led.finditer(text)  # the lead a word of its own
               if starts_a_word(text, m.start(1) - 1)] if self._led is not None else []
        opening = list(self._opening.finditer(text)) if self._opening is not None else []
        latin = list(self._latin.finditer(text)) if self._latin is not None else []
        # after a province, a name whose stem holds no level or determiner (全省各市 is
        # every city of it, not one)
        placed = [m for end in after if self._after_place is not None
                  and (m := self._after_place.match(text, end)) is not None
                  and not _UNNAMING.search(m.group(1)[:-1])]
        for m in (*led, *opening, *latin, *placed):
            name = m.group(1)
            if (name not in self._suffixes and not any(w in name for w in ask_words())
                    and not determiner_pattern().search(name)  # 用那个高新区
                    and not name.endswith(whole)  # 今年全市
                    and not name.endswith(self._facilities)  # 住青年社区
                    and not self._points_back(name)  # 目前该区
                    and starts_a_word(text, m.end(1)) and not _verb_led(name)):
                yield m

    def _points_back(self, name: str) -> bool:
        """True when ``name`` is a word pointing back at a place and a suffix (目前该区, 本市,
        贵区) or opens with such a word (你们园区, 那边驻区): the place meant is one named
        before, or the reader's own.

        >>> UnlistedNames(["区", "市"], ["去"])._points_back("目前该区")
        True
        >>> UnlistedNames(["区", "市"], ["去"])._points_back("临江区")
        False
        >>> UnlistedNames(["区"], ["去"])._points_back("你们园区")
        True
        """
        stem = next((name[:-len(s)] for s in self._longest_first if name.endswith(s)), name)
        # 你们园区, 那边驻区: a pronoun of two characters or more opens no place's name
        return stem.endswith(anaphor_words()) or any(
            name.startswith(a) for a in anaphor_words() if len(a) > 1)

    def find(self, text: str, known: Sequence[Mention]) -> list[Mention]:
        """Unlisted names in ``text`` that overlap none of the ``known`` mentions nor each
        other, and are no generic name (开发区, 经济开发区) nor one plus a character."""
        taken = [(m.start, m.end) for m in known]
        after = [m.end for m in known if m.known and m.place.level == "province"]
        found: list[Mention] = []
        for m in self._candidates(text, after):
            name, start, end = m.group(1), m.start(1), m.end(1)
            if name in self._generic or any(s < end and start < e for s, e in taken):
                continue
            taken.append((start, end))
            if any(name.endswith(g) and len(g) >= len(name) - 1 for g in self._generic):
                continue
            place = Place(f"{UNLISTED}{name}", name, name, _suffix_level(name),
                          _beside(text, start, end, known))
            found.append(Mention(name, start, end, place, known=False))
        return found


def _beside(text: str, start: int, end: int, known: Sequence[Mention]) -> str | None:
    """The code of the listed province or city named right before or after a name known
    only by its suffix (山东桃花县, Yangu县 山东): the place it lies in, so that the
    hierarchy nests it there; None when there is none."""
    for m in known:
        if m.known and m.place.level in ("province", "city") and (
                not text[m.end:start].strip() if m.end <= start else
                not text[end:m.start].strip()):
            return m.place.code
    return None


def _verb_led(name: str) -> bool:
    """True when ``name`` opens with a word jieba's dictionary calls a verb (申请高新区).

    >>> _verb_led("申请高新区"), _verb_led("临江新区")
    (True, False)
    """
    with JIEBA_LOCK:
        first = jieba.lcut(name, HMM=False)[0]
    return len(first) > 1 and dictionary_verb(first)


def _suffix_level(name: str) -> Level:
    if name.endswith(("新区", "开发区", "高新区", "园区")):
        return "zone"
    if name.endswith(("省", "自治区")):
        return "province"
    if name.endswith(("州", "盟")):
        return "city"
    return "county"
