"""Which years a question asks about, and which years a sentence speaks of.

A sentence about another year does not answer 「2023年新建了多少个基地」: 「今年新建30个」
in a notice dated 2025 speaks of 2025. A sentence's years are those it writes out
(2023年, 2021—2025年) and those it names relative to its document's date (今年, 去年:
``lexicon/data/relative_years.tsv``); a sentence that names none, or only relative ones in
an undated document, speaks of no known year and is never judged by this rule.

A year the asker gives about themselves (2023年毕业, 2024届) says who asks, not which year
is asked about (the lexicon's ``cohort`` words), nor does a year in an aside clause.

>>> asked_years("海南2023年新建了多少个培训基地？")
((2023, 2023),)
>>> asked_years("我2023年毕业的，能领多少补贴"), asked_years("2021-2025年计划引进多少人")
((), ((2021, 2025),))
>>> asked_years("2020年以来引进多少人"), asked_years("How many in 2024?")
(((2020, 9999),), ((2024, 2024),))
>>> spoken_years("今年将新建30个工作室", 2025), spoken_years("今年将新建30个", None)
(frozenset({2025}), None)
>>> spoken_years("未来3年内将合作百所院校", 2025) is None
True
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from app.answer.citing import without_titles
from app.answer.claims import checks
from app.answer.clauses import asked_text
from app.answer.question import QuestionInfo
from app.answer.story import without_asides
from lexicon import (
    NUMERAL_CHARS,
    cohort_words,
    document_reference_pattern,
    part_year_words,
    plan_periods,
    present_words,
    relative_years,
    whole_year_words,
)

#: a year as Chinese text writes it (2023年, 2023年度), or a span of years (2021—2025年,
#: 2023年至2025年); not part of a longer number
_YEAR = r"(?<![\d.,])((?:19|20)\d\d)"
_WRITTEN = re.compile(_YEAR + r"(?:\s*年?\s*(?:[-—–~～]|至|到)\s*((?:19|20)\d\d))?\s*年")
#: a year a search-box question writes bare (「崂山 2024 人才住房」); not a sum, a count or
#: a cohort (2024元, 2024人, 2024届)
_BARE = re.compile(_YEAR + r"(?!\s*年)(?![\d.%万亿人名家个元届])")
#: a document number's year (青人社字〔2025〕12号, [2024]3号): it names a notice, not the
#: time asked about (the 发文字号 of GB/T 9704 puts the year in brackets)
_DOCUMENT_NUMBER = re.compile(r"[〔\[［【(（]\s*(?:19|20)\d\d\s*[〕\]］】)）](?=\s*第?\s*\d+\s*号)"
                              r"|〔\s*(?:19|20)\d\d\s*〕")
_SINCE = re.compile(r"\s*(?:以来|以后|之后|起)")
_UNTIL = re.compile(r"\s*(?:以前|之前)")
_DATE_YEAR = re.compile(r"\s*((?:19|20)\d\d)")
#: an English question's year (in 2023, by 2025, since 2020)
_EN_YEAR = re.compile(r"\b(since|in|by|for|during|of|from|until|before|after)\s+"
                      r"((?:19|20)\d\d)\b(?!\s*(?:yuan|rmb|people|persons))", re.IGNORECASE)
_EN_OPEN = {"since": "since", "from": "since", "after": "since", "until": "until",
            "before": "until"}

#: part of a year written with months (前三个月, 1-9月, 1至11月)
_MONTHS = re.compile(rf"前[0-9{NUMERAL_CHARS}]+个?月|(?<!\d)\d{{1,2}}\s*(?:[-—–~～]|至|到)\s*"
                     rf"\d{{1,2}}\s*月")

Span = tuple[int, int]
OPEN_END = 9999


_CN_DIGITS = "〇一二三四五六七八九"
#: a year written in Chinese numerals (二〇二三年, 二零二三年)
_CN_YEAR = re.compile(f"[{_CN_DIGITS}零]{{4}}(?=年)")


def _arabic_years(text: str) -> str:
    """``text`` with years written in Chinese numerals in Arabic digits, and a five-year
    plan named (“十五五”末) as the span of years it covers.

    >>> _arabic_years("截至二〇二三年底，二零二四年呢")
    '截至2023年底，2024年呢'
    >>> _arabic_years("到“十五五”末达到多少")
    '到“2026-2030年”末达到多少'
    """
    text = _plan_pattern().sub(lambda m: "{}-{}年".format(*plan_periods()[m[0]]), text)
    return _CN_YEAR.sub(lambda m: "".join(
        str(_CN_DIGITS.index(ch)) if ch in _CN_DIGITS else "0" for ch in m.group()), text)


@cache
def _plan_pattern() -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, plan_periods())))


def asked_years(question: str) -> tuple[Span, ...]:
    """The years ``question`` asks about, as closed spans (``OPEN_END`` for 「以来」);
    not a year the asker gives about themselves or in an aside, nor one of what they
    recall when the clauses that ask name their own (「论文说截至2020年底…，那截至2023年底是
    多少？」 asks 2023).

    >>> asked_years("论文说截至2020年底超过1.1亿人，那截至2023年底是多少？")
    ((2023, 2023),)
    >>> asked_years("截至二〇二三年底，科技人力资源总量有多少？")
    ((2023, 2023),)
    >>> asked_years("青人社字〔2025〕12号里硕士补贴多少"), asked_years("[2024]3号文的补贴")
    ((), ())
    """
    question = _DOCUMENT_NUMBER.sub(lambda m: " " * len(m[0]), _arabic_years(question))
    asking = asked_text(question)
    text = asking if _WRITTEN.search(asking) else without_asides(question)
    spans: list[Span] = []
    for m in _WRITTEN.finditer(text):
        if _cohort(text, m.end()) or _names_document(text, m.end()):
            continue
        year = int(m[1])
        if m[2]:
            spans.append((year, int(m[2])))
        elif _SINCE.match(text, m.end()):
            spans.append((year, OPEN_END))
        elif _UNTIL.match(text, m.end()):
            spans.append((0, year))
        else:
            spans.append((year, year))
    read = [m.span() for m in _WRITTEN.finditer(text)]
    for m in _EN_YEAR.finditer(text):
        year, how = int(m[2]), _EN_OPEN.get(m[1].lower())
        spans.append((year, OPEN_END) if how == "since" else (0, year) if how == "until"
                     else (year, year))
        read.append(m.span())
    spans += [(int(m[1]), int(m[1])) for m in _BARE.finditer(text)
              if not any(lo <= m.start() < hi for lo, hi in read)]
    return tuple(dict.fromkeys(spans))


def whole_year_kept_to(q: QuestionInfo) -> bool:
    """True when ``q`` asks a figure for a whole year (「2023年全年生产总值增长了多少」;
    not in an aside, nor when it asks when or checks a belief): a figure for part of the
    year (前三季度) does not answer it.

    >>> from app.answer.question import QuestionInfo
    >>> asked = "崂山2023年全年GDP增长多少"
    >>> whole_year_kept_to(QuestionInfo(asked, "hans", asked))
    True
    """
    if not _keeps_to_time(q):
        return False
    # an English question is read in its Chinese reading (full year: 全年)
    text = q.query if q.script == "en" else without_asides(q.text)
    return any(w in text for w in whole_year_words())


def _keeps_to_time(q: QuestionInfo) -> bool:
    """False for a question that asks when, or checks a belief: the time it names is to be
    confirmed or corrected, not kept to."""
    return not ({"date", "day", "year"} & set(q.kinds) or checks(q.query))


def part_of_year(sentence: str) -> bool:
    """True when ``sentence`` gives its figures for part of a year only (前三季度, 上半年,
    1-9月) and never for the whole year.

    >>> part_of_year("2023年前三季度，崂山区生产总值增长7.0%"), part_of_year("1-9月新增2万人")
    (True, True)
    >>> part_of_year("全年新增2万人，其中上半年1万人"), part_of_year("2023年新增2万人")
    (False, False)
    """
    if any(w in sentence for w in whole_year_words()):
        return False
    return any(w in sentence for w in part_year_words()) or bool(_MONTHS.search(sentence))


def years_kept_to(q: QuestionInfo) -> tuple[Span, ...]:
    """The years a sentence must speak of to answer ``q`` (see :func:`asked_years`): none
    for a question that asks when, or checks a belief (是2024年发的吧, 听说2024年…？): its
    year is to be confirmed or corrected, not kept to."""
    return (asked_years(without_titles(q.text, q.cited, every_use=True))
            if _keeps_to_time(q) else ())


def _names_document(text: str, end: int) -> bool:
    """True when the year ending at ``end`` names the document the asker points at
    (「那篇2023年人才工作综述里」), not the time of the fact asked.

    >>> _names_document("崂山那篇2023年人才工作综述里，干部联系多少专家", 11)
    True
    >>> _names_document("2023年人才总量多少", 5)
    False
    """
    rest = _CLAUSE_END.split(text[end:end + 16], maxsplit=1)[0]
    return bool(document_reference_pattern().search(rest))


_CLAUSE_END = re.compile(r"[，,。？?！!；;：:\s]")


def _cohort(text: str, end: int) -> bool:
    """True when the year ending at ``end`` dates the asker (2023年毕业, 2024届)."""
    rest = text[end:end + 6]
    return any(rest.startswith(w) for w in cohort_words()) or text[end - 1:end] == "届"


@lru_cache(maxsize=100_000)
def spoken_years(sentence: str, doc_year: int | None) -> frozenset[int] | None:
    """The years ``sentence`` speaks of: those it writes (spans expanded) and those it names
    relative to ``doc_year``; None when it names none this can place. Memoised: corpus
    sentences recur per question."""
    years: set[int] = set()
    # a five-year plan names its years where the sentence writes none (「面向“十五五”」;
    # 「2024年是实现“十四五”规划目标任务的关键一年」 speaks of 2024)
    written = list(_WRITTEN.finditer(sentence)) or list(_WRITTEN.finditer(
        _arabic_years(sentence)))
    for m in written:
        low, high = sorted((int(m[1]), int(m[2] or m[1])))
        years.update(range(low, high + 1))
    if doc_year is not None:
        years.update(doc_year + offset for offset in _relative_offsets(sentence))
        if not years and any(w in sentence for w in present_words()):
            years.update((doc_year - 1, doc_year))  # 截至目前: a current figure
    return frozenset(years) if years else None


def _relative_offsets(text: str) -> set[int]:
    return {relative_years()[m[1]] for m in _relative_pattern().finditer(text)}


@cache
def _relative_pattern() -> re.Pattern[str]:
    # a numeral or 几/多 before the word makes it a span (三年内, 两年前), not a year
    words = sorted(relative_years(), key=len, reverse=True)
    return re.compile(f"(?<![0-9{NUMERAL_CHARS}几多半个])({'|'.join(map(re.escape, words))})")


def document_year(date: str | None) -> int | None:
    """The year of an ISO-like date (2025-04-07 -> 2025); None when there is none."""
    m = _DATE_YEAR.match(date or "")
    return int(m[1]) if m else None


def off_year(sentence: str, doc_year: int | None, asked: Sequence[Span],
             context: str = "", *, current: bool = False) -> bool:
    """True when ``sentence`` speaks only of years outside every asked span; a sentence
    that names no year speaks of its ``context``'s (its heading and the sentence before).

    >>> off_year("今年将新建30个工作室", 2025, ((2023, 2023),))
    True
    >>> asked = ((2023, 2023),)
    >>> off_year("2023年共有5031人", None, asked), off_year("新建30个", 2025, asked)
    (False, False)
    >>> off_year("共有5031人", None, asked, "2024年人才住房分配情况")
    True
    >>> now = "截至目前，人才总量突破23万"  # a current figure: 2024 or the year before
    >>> off_year(now, 2024, ((2021, 2021),)), off_year(now, 2024, asked)
    (True, False)

    With ``current`` (the question asks a count), a figure that names no year, nor does
    its context, is the document's current one: its year or the year before.

    >>> off_year("人才总量突破23万人", 2024, ((2021, 2021),), current=True)
    True
    >>> off_year("人才总量突破23万人", 2024, asked, current=True)
    False
    """
    if not asked:
        return False
    years = spoken_years(sentence, doc_year)
    if years is None and context:
        years = spoken_years(context, doc_year)
    if years is None and current and doc_year is not None:
        years = frozenset((doc_year - 1, doc_year))
    return years is not None and not any(lo <= y <= hi for y in years for lo, hi in asked)


def years_named(asked: Sequence[Span]) -> str:
    """The asked years as a question would write them (2023年, 2021-2025年, 2020年以来)."""
    def one(span: Span) -> str:
        lo, hi = span
        if lo == hi:
            return f"{lo}年"
        if hi == OPEN_END:
            return f"{lo}年以来"
        return f"{hi}年以前" if lo == 0 else f"{lo}-{hi}年"
    return "、".join(one(s) for s in asked)


@dataclass(frozen=True)
class AskedTime:
    """The time a question asks about: its years (:func:`years_kept_to`) and whether it
    asks for a whole year (:func:`whole_year_kept_to`)."""

    years: tuple[Span, ...] = ()
    whole_year: bool = False
    current: bool = False  # a count asked: a figure without a year is the document's

    @classmethod
    def of(cls, q: QuestionInfo) -> AskedTime:
        return cls(years_kept_to(q), whole_year_kept_to(q), "count" in q.kinds)

    def missed_by(self, sentence: str, doc_year: int | None, context: str = "") -> bool:
        """True when ``sentence`` speaks only of other years (:func:`off_year`) or, for a
        whole year asked, of part of one (:func:`part_of_year`)."""
        return (off_year(sentence, doc_year, self.years, context, current=self.current)
                or (self.whole_year and part_of_year(sentence)))

    def named(self) -> str:
        """The asked time as a question would write it (2023年, 全年)."""
        return "、".join(filter(None, (years_named(self.years),
                                       "全年" if self.whole_year else "")))
