"""How the documents write what people say otherwise: synonym groups, spoken question
words and words for years relative to the writing year (``synonyms.tsv``,
``colloquial.tsv``, ``relative_years.tsv``). All entries are simplified Chinese; callers
convert Traditional text before matching.

>>> dict(synonym_folds())["津贴"]
'补贴'
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType

from lexicon.question_words import NUMERAL_CHARS, ask_words
from lexicon.segmenter import dictionary_parts
from lexicon.tables import by_length, rows


def fold_synonyms(text: str) -> str:
    """``text`` with every synonym variant replaced by its canonical form, in one pass
    (longest match first): a canonical form that contains a variant (一次性 holds 一次,
    自主创业 holds 创业) is left as it is, so folding twice changes nothing.

    >>> fold_synonyms("一次性补贴和一次补贴"), fold_synonyms("自主创业")
    ('一次性补贴和一次性补贴', '自主创业')
    >>> fold_synonyms("第一次提出"), fold_synonyms("工作十一个月")
    ('第一次提出', '工作十一个月')
    """
    return _fold_table().replace(text)


def _alternative(word: str) -> str:
    """``word`` as a pattern; one that opens on a numeral (一次, 一年) only where it does
    not continue a number or an ordinal (第一年, 十一个月, 每一次 are not 每年, 每月 or
    一次性)."""
    if word[0] in NUMERAL_CHARS:
        return f"(?<![第每零〇百千万0-9{NUMERAL_CHARS}]){re.escape(word)}"
    return re.escape(word)


@dataclass(frozen=True)
class _Replacer:
    """Words -> their replacements, applied in one pass, longest match first."""

    pattern: re.Pattern[str] | None
    table: Mapping[str, str]

    @classmethod
    def of(cls, table: dict[str, str]) -> _Replacer:
        words = sorted(table, key=len, reverse=True)
        return cls(re.compile("|".join(map(_alternative, words))) if words else None,
                   MappingProxyType(table))

    def replace(self, text: str) -> str:
        if self.pattern is None:
            return text
        return self.pattern.sub(lambda m: self.table[m.group(0)], text)


@cache
def _fold_table() -> _Replacer:
    table: dict[str, str] = {}
    for group in synonym_groups():
        for variant in group[1:]:
            table.setdefault(variant, group[0])
    for group in synonym_groups():
        table.setdefault(group[0], group[0])
    return _Replacer.of(table)


@cache
def synonym_groups() -> tuple[tuple[str, ...], ...]:
    """Groups of interchangeable words, canonical form first (``synonyms.tsv``)."""
    return tuple((r["canonical"], *r["variants"].split()) for r in rows("synonyms.tsv"))


@cache
def synonym_folds() -> tuple[tuple[str, str], ...]:
    """``(variant, canonical)`` pairs, longest variant first, for folding text."""
    return by_length([(v, g[0]) for g in synonym_groups() for v in g[1:]])


def standard_wording(text: str) -> str:
    """``text`` with spoken question words in their written form (``colloquial.tsv``),
    longest first, in one pass.

    >>> standard_wording("租金咋算"), standard_wording("啥时候开始"), standard_wording("补贴")
    ('租金怎么算', '什么时候开始', '补贴')

    Then the words that stand for another only in context (``colloquial_context.tsv``):

    >>> standard_wording("招人额平台收钱不？"), standard_wording("成交额有多少？")
    ('招人的平台收钱不？', '成交额有多少？')
    >>> standard_wording("今年想引好多人才？"), standard_wording("好多人说能领，是真的吗？")
    ('今年想引多少人才？', '好多人说能领，是真的吗？')

    A year read out digit by digit (二零二三年, 二〇二四年, as voice input writes it) is
    written in digits:

    >>> standard_wording("崂山区二零二三年安家多少人"), standard_wording("一二三四五六")
    ('崂山区2023年安家多少人', '一二三四五六')
    """
    return _in_context(_colloquial_table().replace(_digit_years(text)))


_DIGITS = "零〇○一二三四五六七八九"
_SPOKEN_YEAR = re.compile(rf"(?<![{_DIGITS}十百千万])([{_DIGITS}]{{4}})(?=年)")


def _digit_years(text: str) -> str:
    return _SPOKEN_YEAR.sub(
        lambda m: "".join(str(max(_DIGITS.find(ch) - 2, 0)) for ch in m[1]), text)


@cache
def _context_rows() -> tuple[tuple[str, str, str], ...]:
    return tuple((r["colloquial"], r["standard"], r["where"])
                 for r in rows("colloquial_context.tsv"))


@cache
def _asks() -> re.Pattern[str]:
    """Any word that asks (the lexicon's, 吗, 多少, 几) or an A-not-A form (能不能)."""
    words = sorted({*ask_words(), "吗", "多少", "几"}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)) + r"|([\u4e00-\u9fff])[不没]\1")


_CLAUSE = re.compile(r"[^，,。；;！!？?\n]+[，,。；;！!？?\n]*")


def _in_context(text: str) -> str:
    for spoken, standard, where in _context_rows():
        if spoken not in text:
            continue
        if where == "alone":
            text = "".join(standard if part == spoken else part
                           for part in dictionary_parts(text))
        elif where == "asking":
            text = "".join(_asked_with(clause, spoken, standard)
                           for clause in _CLAUSE.findall(text))
    return text


def _asked_with(clause: str, spoken: str, standard: str) -> str:
    """``clause`` with ``spoken`` read as ``standard`` when a question mark closes it and
    no other word asks in it."""
    if not re.search(r"[？?]\s*$", clause) or _asks().search(clause.replace(spoken, "")):
        return clause
    return clause.replace(spoken, standard)


@cache
def _colloquial_table() -> _Replacer:
    return _Replacer.of({r["colloquial"]: r["standard"] for r in rows("colloquial.tsv")})


@cache
def relative_years() -> Mapping[str, int]:
    """Words naming a year relative to the writing year -> the offset (``relative_years.tsv``).

    >>> relative_years()["今年"], relative_years()["去年"]
    (0, -1)
    """
    return MappingProxyType({r["word"]: int(r["offset"]) for r in rows("relative_years.tsv")
                             if r["offset"] != "now"})


@cache
def plan_periods() -> Mapping[str, tuple[int, int]]:
    """China's five-year plans as texts name them -> the first and last year each covers
    (``plan_periods.tsv``).

    >>> plan_periods()["十四五"]
    (2021, 2025)
    """
    return MappingProxyType({r["name"]: (int(r["first"]), int(r["last"]))
                             for r in rows("plan_periods.tsv")})


@cache
def present_words() -> tuple[str, ...]:
    """Words giving a figure as current (截至目前, 目前), longest first: of the writing year
    or the one before it (``relative_years.tsv``, offset ``now``).

    >>> present_words()[0]
    '截至目前'
    """
    return tuple(sorted((r["word"] for r in rows("relative_years.tsv") if r["offset"] == "now"),
                        key=len, reverse=True))
