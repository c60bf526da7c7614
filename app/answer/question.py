"""Question analysis: the constraints an answer must cover.

A question is reduced to a simplified-Chinese query plus its key constraints:
places (from the gazetteer), programme names (quoted names and …计划/工程),
degrees, policy topics, and the kind of fact asked for (amount, count, date,
department, condition). English questions are mapped to Chinese through a
small glossary so retrieval and coverage work on the Chinese corpus.

>>> q = analyze("我是硕士，去威海工作每个月有多少生活补贴？")
>>> (q.places, q.degrees, q.kinds)
(('威海',), ('硕士',), ('amount',))
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from app.answer.lexicon import DEGREE_ALIASES, GLOSSARY, PLACES, STOPWORDS, TOPICS
from app.answer.script import Script, detect_script, simplified

# Question-side patterns for the kind of fact asked for (on simplified text).
_MONEY = r"(?:补贴|津贴|补助|奖励|资金|钱|安家费|房租|租金|工资|薪资|薪酬|费用|资助|奖金|金额)"
KIND_PATTERNS: dict[str, re.Pattern[str]] = {
    "amount": re.compile(
        rf"多少钱|几万|多少元|金额|收费|{_MONEY}.{{0,8}}(?:多少|几|标准|怎么算|多高)"
        rf"|(?:多少|几).{{0,6}}{_MONEY}|给多少|发多少|拿多少|领多少|补多少|贷多少"
        r"|how much|amount|maximum .*(?:subsidy|allowance)", re.I),
    "count": re.compile(
        r"多少(?!钱|元)|几(?:个|家|名|所|位|条|项|套|次)|人数|数量|比例|多大|规模"
        r"|how many|how big|number of|what share", re.I),
    "duration": re.compile(r"多久|多长时间|几天|几年|几个月|how long", re.I),
    "date": re.compile(r"什么时候|何时|哪一?年|哪天|几月|几号|日期|截止|when\b|what date", re.I),
    "department": re.compile(
        r"哪个(?:部门|处室|处|单位|机构)|哪些(?:部门|处室|单位)|什么(?:部门|处室|单位)|归哪|"
        r"谁(?:负责|牵头|主办|管|领导)|由谁|是谁|负责(?:部门|单位|处室)|主管部门|牵头|联系哪"
        r"|which (?:office|department)|who is responsible|who (?:runs|organi[sz]es)", re.I),
    "condition": re.compile(
        r"条件|资格|门槛|需要满足|符合什么|什么(?:样的)?(?:人|企业)(?:可以|能)|哪些人可以|谁可以|什么人(?:可以|能)"
        r"|eligib|requirement|qualif", re.I),
}

_QUOTED = re.compile(r"[“\"「『《]([^”\"」』》]{2,20})[”\"」』》]")
_PROGRAMME = re.compile(r"([\u4e00-\u9fff]{2,8}(?:计划|工程|行动|专项))")
_GENERIC_PROGRAMME = re.compile(r"^(?:什么|哪些|哪个|这个|那个|有关|相关|人才|引才|实施|这些)")
_PROGRAMME_TRIM = re.compile(r"^(?:的|了|在|对|有|是|和|与)+")


@dataclass(frozen=True)
class QuestionInfo:
    """What the question asks for, in simplified Chinese."""

    text: str
    script: Script
    query: str
    places: tuple[str, ...] = ()
    programmes: tuple[str, ...] = ()
    degrees: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    content: tuple[str, ...] = ()


def english_query(question: str) -> str:
    """Chinese query terms for an English question via the glossary, in question order.

    >>> english_query("What about PhDs in Qingdao?")
    '博士 青岛'
    """
    lowered = f" {question.lower()} "
    found: list[tuple[int, str]] = []
    for word, chinese in GLOSSARY:
        pattern = re.compile(rf"(?<![a-z']){re.escape(word)}(?![a-z])")
        for m in pattern.finditer(lowered):
            found.append((m.start(), chinese))
            lowered = lowered[: m.start()] + " " * len(m.group()) + lowered[m.end():]
    terms: list[str] = []
    for _, chinese in sorted(found):
        if chinese not in terms:
            terms.append(chinese)
    return " ".join(terms)


@lru_cache(maxsize=200_000)
def find_places(text: str) -> tuple[str, ...]:
    """Gazetteer places named in ``text`` (simplified), longest names first, no overlaps."""
    found: list[str] = []
    masked = text
    for place in PLACES:
        if place in masked:
            found.append(place)
            masked = masked.replace(place, "□" * len(place))
    return tuple(sorted(found, key=text.find))


def find_degrees(text: str) -> tuple[str, ...]:
    """Degree names in ``text``; 博士后 is not counted as 博士."""
    found: dict[str, int] = {}
    masked = text
    for alias, degree in DEGREE_ALIASES:
        pos = masked.find(alias)
        if pos >= 0:
            found.setdefault(degree, pos)
            masked = masked.replace(alias, "□" * len(alias))
    return tuple(sorted(found, key=found.__getitem__))


def find_programmes(text: str) -> tuple[str, ...]:
    """Programme names: quoted names and …计划/工程/行动 names that are not generic."""
    names = [m.group(1) for m in _QUOTED.finditer(text)]
    for m in _PROGRAMME.finditer(_QUOTED.sub(" ", text)):
        name = _PROGRAMME_TRIM.sub("", m.group(1))
        if len(name) >= 4 and not _GENERIC_PROGRAMME.match(name):
            names.append(name)
    return tuple(dict.fromkeys(names))


def find_kinds(text: str) -> tuple[str, ...]:
    """Kinds of fact asked for: amount, count, duration, date, department, condition.

    A bare 多少 counts as ``count`` only when no amount is asked for.
    """
    kinds = [kind for kind, pattern in KIND_PATTERNS.items() if pattern.search(text)]
    if "amount" in kinds and "count" in kinds and not re.search(r"多少(?:人|名|家|个|次)", text):
        kinds.remove("count")
    return tuple(kinds)


def content_segments(text: str, remove: tuple[str, ...] = ()) -> tuple[str, ...]:
    """Topic-bearing pieces of ``text``: stopwords, ``remove`` and punctuation cut out.

    >>> content_segments("我是硕士，去威海工作每个月有多少生活补贴？", ("威海", "硕士"))
    ('工作每个月有', '生活补贴')
    """
    masked = text
    for word in (*remove, *STOPWORDS):
        if word:
            masked = masked.replace(word, " ")
    pieces = re.split(r"[^\u4e00-\u9fffA-Za-z0-9]+", masked)
    return tuple(p for p in pieces if len(p) >= 2)


def query_for(question: str, script: Script) -> str:
    """The simplified-Chinese retrieval query for a question in any supported script."""
    if script == "en":
        return english_query(question)
    return simplified(question).strip()


def analyze_query(query: str, original: str, script: Script) -> QuestionInfo:
    """Constraints of an already simplified query (used after follow-up rewriting)."""
    places = find_places(query)
    degrees = find_degrees(query)
    programmes = find_programmes(query)
    topics = tuple(t for t in TOPICS if t in query)
    kinds = find_kinds(query if script != "en" else f"{query} {original}")
    content = content_segments(query, (*places, *degrees))
    return QuestionInfo(
        text=original, script=script, query=query, places=places, programmes=programmes,
        degrees=degrees, topics=_outermost(topics), kinds=kinds, content=content,
    )


def analyze(question: str) -> QuestionInfo:
    """Analyse a question in simplified, traditional or English form."""
    script = detect_script(question)
    return analyze_query(query_for(question, script), question, script)


def _outermost(terms: tuple[str, ...]) -> tuple[str, ...]:
    """Drop terms contained in a longer term of the same list (住房 inside 住房补贴)."""
    return tuple(t for t in terms if not any(t != o and t in o for o in terms))
