"""Is a money figure a benefit, a target, or something else (a statistic, budget,
threshold, penalty, price or a news report)? Read from the words around it.

A benefit is what a policy grants to (or requires for) a person or an employer:
「给予每人每月1000元」, 「补贴上限为100万元」. Economic figures are not:
「年产业规模突破120亿元」 (a statistic noun governs the figure), 「设立1亿元专项资金」
(a budget), 「年应纳税所得额不超过100万元的部分」 (a threshold), 「处五百元以下罚款」.
The cue words are data (:func:`lexicon.fact_cues`); this module only knows where to
look for them: the words right before the figure, its comma segment, the words after
it, and its clause.

>>> from ingest.facts_numbers import find_amounts
>>> def read(text):
...     found = find_amounts(text)
...     return [classify(text, found, i, [i], (0, len(text))) for i in range(len(found))]
>>> read("对博士每月给予5000元生活补贴。")
['benefit']
>>> read("年产业规模突破120亿元。"), read("市财政设立1亿元专项资金。")
(['other'], ['other'])
>>> read("冲击千亿元目标。")
['target']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Literal

from ingest.facts_numbers import AmountMatch
from lexicon import fact_cues

Reading = Literal["benefit", "target", "other"]

_SEGMENT_END = "，,；;：:。！？!?\n"
_NARROW_END = _SEGMENT_END + "、"
_TAIL_CHARS = 24
_FUND_AFTER = 8  # a fund noun this close after the figure names what the figure is
_APPROXIMATE = ("多", "左右", "近")  # qualifiers of reported, not granted, figures


@cache
def _cue_re(kind: str) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w in fact_cues()[kind]))


def _has(kind: str, text: str) -> bool:
    return bool(text) and _cue_re(kind).search(text) is not None


def _ends_with(kind: str, text: str) -> bool:
    return any(text.endswith(w) for w in fact_cues()[kind])


def _strip_links(text: str, nouns: bool = True) -> str:
    """``text`` without trailing linking words, bounds and (with ``nouns``) neutral amount
    nouns (「补贴金额最高不超过」 -> 「补贴」, 「贷款额度在」 -> 「贷款」)."""
    words = fact_cues()["link"] + fact_cues()["cap"] + (
        fact_cues()["amount_noun"] if nouns else ())
    changed = True
    while changed and text:
        changed = False
        for w in words:
            if text.endswith(w):
                text, changed = text[: -len(w)], True
                break
    return text


def _segment_start(text: str, lo: int, pos: int, ends: str) -> int:
    return max([lo] + [text.rfind(ch, lo, pos) + 1 for ch in ends])


def _segment_end(text: str, pos: int, hi: int) -> int:
    found = [j for j in (text.find(ch, pos, hi) for ch in _SEGMENT_END) if j >= 0]
    return min(found, default=hi)


_QUALIFIER = re.compile(r"^\s*(?:及|或)?(?:以上|以下|以内)?的?")


def _qualifies(tail: str) -> bool:
    """True when the figure qualifies a following noun (「…以下的政策性项目」)."""
    m = _QUALIFIER.match(tail)
    rest = tail[m.end() : m.end() + 7] if m else ""
    hit = _cue_re("qualified").search(rest)
    return hit is not None and hit.start() <= 4 and not _has("benefit_noun", rest[: hit.end()])


def _last_noun(text: str) -> str | None:
    """Kind of the last statistic, fund, benefit-noun or grant cue in ``text``."""
    best: tuple[int, str] | None = None
    for kind in ("statistic", "benefit_noun", "grant"):
        for m in _cue_re(kind).finditer(text):
            if best is None or m.end() > best[0] or (m.end() == best[0] and kind == "statistic"):
                best = (m.end(), kind)
    return best[1] if best else None


def classify(
    shadow: str,
    amounts: Sequence[AmountMatch],
    i: int,
    run: Sequence[int],
    clause: tuple[int, int],
    previous: Reading | None = None,
) -> Reading:
    """How the money figure ``amounts[i]`` (listed with ``run``) reads in its clause.

    ``previous`` is the reading of the figure before it in the same comma segment,
    used when nothing stands between the two (「经营额超过10万元的调整至10万元以下」).
    """
    a, first, last = amounts[i], amounts[run[0]], amounts[run[-1]]
    c_start, c_end = clause
    seg = _segment_start(shadow, c_start, first.start, _SEGMENT_END)
    prev_end = max([b.end for b in amounts[: run[0]] if b.end <= first.start], default=seg)
    narrow = shadow[max(prev_end, _segment_start(shadow, c_start, first.start, _NARROW_END))
                    : first.start]
    lead = shadow[seg : first.start]
    tail = shadow[last.end : min(_segment_end(shadow, last.end, c_end), last.end + _TAIL_CHARS)]
    own = a.text
    bounded = _has("cap", narrow + own) or _has("per_unit", lead + first.text + own) or _has(
        "per_unit", tail[:4])
    if _has("penalty", lead + tail) or _has("donation", lead + tail):
        return "other"
    if _has("price", tail[:4]) or _has("price", lead[-4:]):
        return "other"
    if _has("target", tail[:3]) or _has("target", lead):
        return "target"
    if a.qualifier in _APPROXIMATE or _has("approximate", narrow[-1:]):
        return "other"  # 200余万元, 170万元左右, 近亿元, 约30亿元: a reported figure
    if _qualifies(tail):
        return "other"  # 300万元以下的项目, 超过500万元的部分: a threshold
    head = _strip_links(narrow)
    noun = _last_noun(narrow)
    if noun is None and previous is not None and prev_end > seg and not head:
        return previous
    if noun == "statistic" or (_ends_with("total", head) and not bounded):
        return "other"
    if not bounded:
        if _ends_with("fund_noun", _strip_links(narrow, nouns=False)) or _has(
                "fund_noun", tail[:_FUND_AFTER]):
            return "other"
        if _has("budget_verb", lead) and not _has("grant", lead):
            return "other"
        sentence = shadow[c_start : c_end]
        if _has("aggregate", sentence) or _has("report", sentence):
            return "other"
    if bounded or _has("grant", lead) or _has("benefit_noun", lead + tail):
        return "benefit"
    return "other"
