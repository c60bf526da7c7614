"""Word lists as data: synonyms, degrees, person categories, benefit kinds, English terms.

Every list lives in a TSV file under ``lexicon/data`` and is loaded once. All entries
are simplified Chinese; callers convert Traditional text before matching.

>>> dict(synonym_folds())["津贴"]
'补贴'
>>> [d.name for d in degrees()][:3]
['博士后', '博士', '硕士']
>>> dict(glossary_en())["living allowance"]
'生活补贴'
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType

DATA = Path(__file__).with_name("data")


def _rows(name: str) -> Iterator[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8") as fh:
        yield from csv.DictReader((line for line in fh if not line.startswith("#")),
                                  delimiter="\t")


def _by_length(pairs: list[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted(pairs, key=lambda p: len(p[0]), reverse=True))


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
    return tuple((r["canonical"], *r["variants"].split()) for r in _rows("synonyms.tsv"))


@cache
def synonym_folds() -> tuple[tuple[str, str], ...]:
    """``(variant, canonical)`` pairs, longest variant first, for folding text."""
    return _by_length([(v, g[0]) for g in synonym_groups() for v in g[1:]])


def standard_wording(text: str) -> str:
    """``text`` with spoken question words in their written form (``colloquial.tsv``),
    longest first, in one pass.

    >>> standard_wording("租金咋算"), standard_wording("啥时候开始"), standard_wording("补贴")
    ('租金怎么算', '什么时候开始', '补贴')
    """
    return _colloquial_table().replace(text)


@cache
def _colloquial_table() -> _Replacer:
    return _Replacer.of({r["colloquial"]: r["standard"] for r in _rows("colloquial.tsv")})


@cache
def relative_years() -> Mapping[str, int]:
    """Words naming a year relative to the writing year -> the offset (``relative_years.tsv``).

    >>> relative_years()["今年"], relative_years()["去年"]
    (0, -1)
    """
    return MappingProxyType({r["word"]: int(r["offset"]) for r in _rows("relative_years.tsv")
                             if r["offset"] != "now"})


@cache
def present_words() -> tuple[str, ...]:
    """Words giving a figure as current (截至目前, 目前), longest first: of the writing year
    or the one before it (``relative_years.tsv``, offset ``now``).

    >>> present_words()[0]
    '截至目前'
    """
    return tuple(sorted((r["word"] for r in _rows("relative_years.tsv") if r["offset"] == "now"),
                        key=len, reverse=True))


@dataclass(frozen=True)
class Degree:
    """A degree slot: its name, the spellings that name it, the names that evidence it."""

    name: str
    aliases: tuple[str, ...]
    covers: tuple[str, ...]
    general: tuple[str, ...] = ()


@cache
def degrees() -> tuple[Degree, ...]:
    """Degree slots in ``degrees.tsv`` order (博士后 before 博士)."""
    return tuple(Degree(r["degree"], tuple(r["aliases"].split()), tuple(r["covers"].split()),
                        tuple(w for w in r["general"].split() if w != "-"))
                 for r in _rows("degrees.tsv"))


@cache
def degree_aliases() -> tuple[tuple[str, str], ...]:
    """``(spelling, degree)`` pairs, longest spelling first (博士后 wins over 博士)."""
    return _by_length([(a, d.name) for d in degrees() for a in d.aliases])


def _grouped(name: str, key: str) -> Mapping[str, tuple[str, ...]]:
    return MappingProxyType({r[key]: tuple(r["aliases"].split()) for r in _rows(name)})


@cache
def person_categories() -> Mapping[str, tuple[str, ...]]:
    """Category -> other names for it (``persons.tsv``)."""
    return _grouped("persons.tsv", "category")


@cache
def benefit_kinds() -> Mapping[str, tuple[str, ...]]:
    """Benefit kind -> other names for it (``benefits.tsv``)."""
    return _grouped("benefits.tsv", "kind")


@cache
def benefit_families() -> Mapping[str, tuple[str, ...]]:
    """Family word (住房, 创业 …) -> every kind and alias in it (``benefits.tsv``)."""
    out: dict[str, list[str]] = {}
    for r in _rows("benefits.tsv"):
        out.setdefault(r["family"], []).extend([r["kind"], *r["aliases"].split()])
    return MappingProxyType({k: tuple(dict.fromkeys(v)) for k, v in out.items()})


@cache
def glossary_en() -> tuple[tuple[str, str], ...]:
    """``(english, chinese)`` pairs, longest English phrase first."""
    return _by_length([(r["english"].lower(), r["chinese"]) for r in _rows("glossary_en.tsv")])


@cache
def english_for() -> Mapping[str, str]:
    """Chinese term -> its English rendering: the first glossary line that gives it."""
    out: dict[str, str] = {}
    for r in _rows("glossary_en.tsv"):
        out.setdefault(r["chinese"], r["english"])
    return MappingProxyType(out)


@cache
def question_phrases() -> tuple[str, ...]:
    """Phrasing that names no topic (and umbrella words, which name no benefit in
    particular), longest first."""
    kinds = ("phrase", "kind")
    words = [r["word"] for r in _rows("question_words.tsv") if r["kind"] in kinds]
    return tuple(sorted(set(words), key=len, reverse=True))


@cache
def kind_words() -> frozenset[str]:
    """Question words that only say which kind of fact is asked (条件, 比例, 期限 …)."""
    return frozenset(r["word"] for r in _rows("question_words.tsv") if r["kind"] == "kind")


@cache
def national_bodies() -> tuple[str, ...]:
    """Names of central bodies that make a notice national, longest first."""
    with (DATA / "national_bodies.txt").open(encoding="utf-8") as fh:
        words = {w for line in fh if not line.startswith("#") for w in line.split()}
    return tuple(sorted(words, key=len, reverse=True))


@cache
def social_phrases() -> Mapping[str, str]:
    """Conversational messages (谢谢, 你好 …) -> their kind (thanks, greeting, bye, ack)."""
    return MappingProxyType({r["phrase"].lower(): r["kind"] for r in _rows("social_phrases.tsv")})


@cache
def money_words() -> tuple[str, ...]:
    """Words that make 「…多少」 a question about money (补贴, 工资, 租金 …), longest first."""
    words = {r["word"] for r in _rows("question_words.tsv") if r["kind"] == "money"}
    return tuple(sorted(words, key=len, reverse=True))


@cache
def umbrella_words() -> frozenset[str]:
    """Words that name any benefit and none in particular (资金, 待遇, 扶持 …)."""
    return frozenset(r["word"] for r in _rows("question_words.tsv") if r["kind"] == "umbrella")


@cache
def general_stop_words() -> frozenset[str]:
    """General Chinese function and filler words (专门, 全部, 以便 …): the Chinese
    stop-word list that ships with bm25s (841 words, MIT; a dependency of the index
    already). Such a word never names a thing a question could ask about, whatever a
    tagger calls it.

    >>> "专门" in general_stop_words(), "养老金" in general_stop_words()
    (True, False)
    """
    from bm25s.stopwords import STOPWORDS_CHINESE

    return frozenset(STOPWORDS_CHINESE)


@cache
def english_stop_words() -> frozenset[str]:
    """English function words (the, does, many …) never looked up in the dictionary:
    scikit-learn's English stop words (318, BSD) with the extended list bm25s ships
    (NLTK's, 179). Both packages are loaded by the retrieval stack already."""
    from bm25s.stopwords import STOPWORDS_EN_PLUS
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS) | frozenset(STOPWORDS_EN_PLUS)


@cache
def ask_words() -> tuple[str, ...]:
    """Words that ask (哪, 什么, 何 …): a phrase holding one is a question, not a name."""
    return tuple(r["word"] for r in _rows("question_words.tsv") if r["kind"] == "ask")


@cache
def list_words() -> tuple[str, ...]:
    """Words that ask for several things (哪些, 包括 …): a listing sentence answers them."""
    return tuple(r["word"] for r in _rows("question_words.tsv") if r["kind"] == "list")


@cache
def localizers() -> frozenset[str]:
    """Place words after a noun (里, 内, 中, 上): 局里 is about the 局."""
    return frozenset(r["word"] for r in _rows("question_words.tsv") if r["kind"] == "localizer")


@cache
def determiner_pattern() -> re.Pattern[str]:
    """A determiner before a measure word, a numeral between them or not (那场, 这次, 几家,
    哪所, 哪四个): it points at or counts what follows and names nothing itself.

    >>> determiner_pattern().sub(" ", "春季那场招聘会来了几家企业")
    '春季 招聘会来了 企业'
    >>> determiner_pattern().sub(" ", "四共是哪四个")
    '四共是 '
    """
    rows = list(_rows("question_words.tsv"))
    heads = "".join(r["word"] for r in rows if r["kind"] == "determiner")
    measures = "".join(r["word"] for r in rows if r["kind"] == "measure")
    return re.compile(f"[{re.escape(heads)}][{NUMERAL_CHARS}]?[{re.escape(measures)}]")


#: the Chinese numerals a count or a numeral abbreviation is written with (五个, 五专)
NUMERAL_CHARS = "一二三四五六七八九十两"


@cache
def counted_pattern() -> re.Pattern[str]:
    """A numeral and a measure word, the whole of a word (一家, 五个, 三位): it counts what
    follows and names nothing itself.

    >>> bool(counted_pattern().fullmatch("五个")), bool(counted_pattern().fullmatch("一次性"))
    (True, False)
    """
    measures = "".join(r["word"] for r in _rows("question_words.tsv") if r["kind"] == "measure")
    return re.compile(f"[{NUMERAL_CHARS}]{{1,2}}[{re.escape(measures)}]")


@cache
def domain_words() -> frozenset[str]:
    """The words of the degree, person, benefit and synonym tables, and the dictionary
    words they are made of (人才 of 高层次人才), two to four characters long: the
    domain's vocabulary, which a fast typist's pinyin initials (rc, bs, yjs) abbreviate."""
    from lexicon.segmenter import dictionary_parts  # jieba: loaded on first use only

    whole = {*(w for pair in degree_aliases() for w in pair),
             *(w for table in (person_categories(), benefit_kinds())
               for key, names in table.items() for w in (key, *names)),
             *(w for group in synonym_groups() for w in group)}
    parts = {p for w in whole for p in dictionary_parts(w)}
    return frozenset(w for w in whole | parts if 2 <= len(w) <= 4)


def _longest_first(*kinds: str) -> tuple[str, ...]:
    """The ``question_words.tsv`` words of ``kinds``, longest first."""
    return tuple(sorted((r["word"] for r in _rows("question_words.tsv") if r["kind"] in kinds),
                        key=len, reverse=True))


@cache
def cohort_words() -> tuple[str, ...]:
    """Words a year before which dates the asker (毕业, 入职 …: 2023年毕业), longest first."""
    return _longest_first("cohort")


@cache
def total_words() -> tuple[str, ...]:
    """Words asking a figure for the whole of the asked place (全省, 全市, 人才总量)."""
    return _longest_first("total", "whole")


@cache
def whole_place_words() -> tuple[str, ...]:
    """Words naming the whole of a place (全省, 全市): a sentence saying one speaks for it."""
    return _longest_first("whole")


@cache
def whole_year_words() -> tuple[str, ...]:
    """Words asking a figure for a whole year (全年, 全年度), longest first."""
    return _longest_first("whole_year")


@cache
def part_year_words() -> tuple[str, ...]:
    """Words naming part of a year (上半年, 前三季度, 一季度), longest first."""
    return _longest_first("part_year")


@cache
def writer_words() -> tuple[str, ...]:
    """Who speaks in a document (作者, 笔者), longest first."""
    return _longest_first("writer")


@cache
def saying_words() -> tuple[str, ...]:
    """Verbs of saying (认为, 指出, 说 …), longest first."""
    return _longest_first("saying")


@cache
def document_words() -> tuple[str, ...]:
    """Kinds of document (论文, 文件, 通知 …), longest first."""
    return _longest_first("document")


@cache
def document_reference_pattern() -> re.Pattern[str]:
    """A kind of document with a place word after it (论文里, 通知中, 文件上), or a
    document or its writer with a verb of saying (作者认为, 文章说): the asker points at
    the document being read, which names no topic of the question.

    >>> document_reference_pattern().sub(" ", "那篇论文里建议搞什么导师制度")
    '那篇 建议搞什么导师制度'
    >>> document_reference_pattern().sub(" ", "作者建议怎么做？文件说明了什么")
    ' 怎么做？文件说明了什么'
    """
    kinds = document_words()
    # 中 before 小, 国 or 央 starts a word of its own (通知中小企业…, 报道中国…)
    places = "".join(sorted(localizers() - {"中"}))
    kind = "|".join(map(re.escape, kinds))
    speakers = "|".join(map(re.escape, (*kinds, *writer_words())))
    # a one-character verb of saying may begin a word of its own (说明, 讲话, 称号)
    saying = "|".join(re.escape(w) + ("(?![明法话座号])" if len(w) == 1 else "")
                      for w in saying_words())
    return re.compile(f"(?:{kind})(?:[{re.escape(places)}]|中(?![小国央]))"
                      f"|(?:{speakers})(?:{saying})")


@cache
def function_chars() -> frozenset[str]:
    """Characters of question phrasing (的, 吗, 能, 多少 …)."""
    return frozenset("".join(r["word"] for r in _rows("question_words.tsv")
                             if r["kind"] == "function"))


@cache
def complements() -> frozenset[str]:
    """Directional complements (过来, 下来, 出来): after a verb or a noun they tell a
    direction, never a thing a policy names (「吸引多少青年人才过来」)."""
    return frozenset(r["word"] for r in _rows("question_words.tsv") if r["kind"] == "complement")


@cache
def people_words() -> frozenset[str]:
    """People in the asker's own world (员工, 同事, 同学, 老板, 儿子): whom a question is
    told about, not a category a policy names."""
    return frozenset(r["word"] for r in _rows("question_words.tsv") if r["kind"] == "people")


@cache
def short_measure_chars() -> frozenset[str]:
    """The short forms of 一点, 一些, 一个, 一下 written after a one-character verb (搞点,
    办个, 问下)."""
    return frozenset("".join(r["word"] for r in _rows("question_words.tsv")
                             if r["kind"] == "measure_short"))


@cache
def modal_chars() -> frozenset[str]:
    """Modal verbs written before a verb (能, 可, 会, 要, 想): 能带 in 每年能带出来 is
    能 + 带, whatever a segmenter makes of it."""
    return frozenset("".join(r["word"] for r in _rows("question_words.tsv")
                             if r["kind"] == "modal"))


def _cues(name: str) -> Mapping[str, tuple[str, ...]]:
    groups: dict[str, list[str]] = {}
    for r in _rows(name):
        groups.setdefault(r["kind"], []).append(r["cue"])
    return MappingProxyType({k: tuple(sorted(set(v), key=len, reverse=True))
                             for k, v in groups.items()})


@cache
def fact_cues() -> Mapping[str, tuple[str, ...]]:
    """Cue kind -> words (longest first) that tell a benefit amount from a statistic,
    budget, threshold, penalty or price (``fact_cues.tsv``).

    >>> "给予" in fact_cues()["grant"], "产值" in fact_cues()["statistic"]
    (True, True)
    """
    return _cues("fact_cues.tsv")


@cache
def department_cues() -> Mapping[str, tuple[str, ...]]:
    """Cue kind -> words for responsible departments: ``label`` (责任单位 …), ``suffix``,
    ``generic``, ``joiner`` and ``tail`` (``department_cues.tsv``)."""
    return _cues("department_cues.tsv")


@cache
def region_cues() -> Mapping[str, tuple[str, ...]]:
    """Cue kind -> words for reading a sentence's granting region: ``continues``,
    ``not_before`` and ``not_after`` (``region_cues.tsv``)."""
    return _cues("region_cues.tsv")
