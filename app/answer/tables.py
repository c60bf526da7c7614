"""Figure questions answered from fact rows: a difference table or a cross-region comparison.

「硕士和博士在威海的生活津贴差多少？」 names two degrees and asks for a figure:
the best matching amount fact per degree becomes a row, and when both rows are
single values with the same period and unit the difference is computed from
the cited figures. 「威海和青岛对青年人才的住房支持有什么不同？」 names two places
and asks for a comparison: each region gets its matching facts, or one row
saying 「政策库中未找到」 (nothing is ever invented); with a side missing nothing is
compared, and the answer says so before the other side's rules. Every row cites the clause
its figure comes from; the plain text repeats the table with ``[n]`` markers.

>>> figure(3000.0)
'3000'
>>> figure(15000.0)
'1.5万'
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from app.answer.asked_place import asker_whereabouts
from app.answer.eligibility import group_words
from app.answer.factbook import FactBook
from app.answer.facts import amount_cell, benefit_label
from app.answer.question import QuestionInfo, compares
from app.answer.script import simplified
from app.answer.sentences import Sentence, display
from app.answer.types import Citation, FactTable, TableRow
from ingest.facts import Fact
from lexicon import benefit_families, fold_synonyms, region_matches

NOT_FOUND = "政策库中未找到"
_MAX_PER_REGION = 3


@dataclass(frozen=True)
class TablePlan:
    """Which table a question asks for and over what."""

    kind: str  # "difference" | "compare"
    regions: tuple[str | None, ...]
    beneficiaries: tuple[str, ...]


def table_plan(q: QuestionInfo, region: str | None) -> TablePlan | None:
    """A difference table for two or more degrees, a comparison for two or more places."""
    asks = compares(q)
    where = asker_whereabouts(q)  # where the asker is from is not compared
    places = tuple(p for p in q.places if p not in where)
    if len(places) >= 2 and asks:
        return TablePlan("compare", places, tuple(q.degrees))
    degrees = tuple(dict.fromkeys(q.degrees))
    if len(degrees) >= 2 and (asks or "amount" in q.kinds):
        place = region or (q.places[0] if q.places else None)
        return TablePlan("difference", (place,), degrees)
    return None


def _canon(text: str) -> str:
    return fold_synonyms(re.sub(r"\s+", "", simplified(text)))


def topic_terms(q: QuestionInfo) -> tuple[str, ...]:
    """Content bigrams of the question (synonyms folded) plus related topic words; not
    those inside a word for a group of people (毕业 of 本科毕业生): who is asked about is
    the table's rows, and a clause that names the degree as a condition of a special case
    (对…引进的“双一流”高校本科毕业生) is no better a match for it."""
    pieces = [_canon(p) for p in (*q.benefits, *q.content)]
    grams = {p[i:i + 2] for p in pieces for i in range(len(p) - 1)}
    grams = {g for g in grams if not any(g in w for w in group_words())}
    return tuple(sorted(grams | set(required_terms(q))))


def required_terms(q: QuestionInfo) -> tuple[str, ...]:
    """Words a fact must contain when the question names a benefit family or kind (住房 ->
    安家, 购房, 人才公寓 …; the families are the lexicon's)."""
    text = _canon(q.query)
    found = {_canon(w) for family, words in benefit_families().items()
             if family in text or any(w in q.query for w in words) for w in words}
    return tuple(sorted(found))


def on_topic(fact: Fact, q: QuestionInfo, terms: Sequence[str]) -> bool:
    """The fact names the question's topic (or shares two content bigrams when none)."""
    required = required_terms(q)
    if required:
        text = _canon(f"{fact.quote}{fact.programme or ''}")
        return any(t in text for t in required)
    return relevance(fact, terms) >= 2


def relevance(fact: Fact, terms: Sequence[str]) -> int:
    """How many question terms the fact's clause and programme contain."""
    text = _canon(f"{fact.quote}{fact.programme or ''}")
    return sum(1 for t in terms if t in text)


def figure(value: float) -> str:
    """A figure without trailing zeros; 万 for round ten-thousands."""
    if value >= 10000 and value % 1000 == 0:
        return f"{value / 10000:g}万"
    return f"{value:g}"


def _rank(fact: Fact, terms: Sequence[str], wanted: Sequence[str]) -> tuple[int, int, int, int]:
    single = fact.value_min is not None and fact.value_min == fact.value_max
    named = any(w and w in (fact.beneficiary or "") for w in wanted)
    return (-relevance(fact, terms), -int(named), int(fact.condition is not None), -int(single))


class _Numbering:
    """Citation numbers shared by facts quoting the same clause."""

    def __init__(self, book: FactBook) -> None:
        self.book, self.citations, self._seen = book, [], {}

    def number(self, fact: Fact) -> int:
        return self.span(fact.doc_id, fact.char_start, fact.char_end)

    def span(self, doc_id: str, start: int, end: int) -> int:
        key = (doc_id, start, end)
        if key not in self._seen:
            self._seen[key] = len(self.citations) + 1
            self.citations.append(self.book.span_citation(doc_id, start, end, self._seen[key]))
        return self._seen[key]


def _cite(n: int, citations: Sequence[Citation]) -> str:
    status = citations[n - 1].status
    return f"[{n}]（{status}）" if status else f"[{n}]"


@dataclass(frozen=True)
class TableAnswer:
    """Text (with [n]), table and citations of a figure answer."""

    text: str
    table: FactTable
    citations: tuple[Citation, ...]
    #: compared places with nothing on the question: the comparison cannot be made
    lacking: tuple[str, ...] = ()


def difference_answer(plan: TablePlan, q: QuestionInfo, book: FactBook) -> TableAnswer | None:
    """Rows per degree in one region and the computed difference of two single figures."""
    terms = topic_terms(q)
    region = plan.regions[0]
    pool = [f for f in book.select(region=region, kind="amount") if on_topic(f, q, terms)]
    chosen: list[tuple[str, Fact | None]] = []
    for degree in plan.beneficiaries:
        options = sorted((f for f in pool if degree in (f.beneficiary or "")),
                         key=lambda f: _rank(f, terms, (degree,)))
        chosen.append((degree, options[0] if options else None))
    if sum(1 for _, f in chosen if f) < 2:
        return None
    numbers = _Numbering(book)
    rows, lines = [], []
    for degree, fact in chosen:
        if fact is None:
            rows.append(TableRow((degree, "—", NOT_FOUND, "—", "—")))
            lines.append(f"• {degree}：{NOT_FOUND}相关标准。")
            continue
        n = numbers.number(fact)
        label = benefit_label(fact, book.documents[fact.doc_id].text)
        rows.append(TableRow((degree, label or "—", amount_cell(fact), fact.condition or "—",
                              _cite(n, numbers.citations)), (n,)))
        extra = f"（{label}）" if label else ""
        cond = f"，条件：{fact.condition}" if fact.condition else ""
        lines.append(f"• {degree}：{amount_cell(fact)}{extra}{cond}{_cite(n, numbers.citations)}")
    found = [(d, f) for d, f in chosen if f is not None]
    sentence = difference_sentence(found[0], found[1], numbers)
    place = f"{region}" if region else ""
    head = f"{place}{'、'.join(plan.beneficiaries)}的标准对比如下（来自政策原文）："
    table = FactTable(("对象", "项目", "金额", "条件", "来源"), tuple(rows))
    return TableAnswer("\n".join([head, *lines, sentence]), table, tuple(numbers.citations))


def difference_sentence(a: tuple[str, Fact], b: tuple[str, Fact], numbers: _Numbering) -> str:
    """「博士比硕士每月多3000元（5000元 − 2000元）[1]」, or why it cannot be computed."""
    (da, fa), (db, fb) = a, b
    marks = "".join(dict.fromkeys(_cite(numbers.number(f), numbers.citations) for f in (fa, fb)))
    comparable = (fa.value_min is not None and fa.value_min == fa.value_max
                  and fb.value_min is not None and fb.value_min == fb.value_max
                  and fa.period == fb.period and fa.unit == fb.unit)
    if not comparable:
        return f"两者的金额形式或发放周期不同，无法直接相减，请以原文为准{marks}。"
    va, vb = float(fa.value_min or 0), float(fb.value_min or 0)
    if va == vb:
        return f"{da}和{db}的标准相同，均为{amount_cell(fa)}{marks}。"
    (hi_d, hi), (lo_d, lo) = ((da, va), (db, vb)) if va > vb else ((db, vb), (da, va))
    unit = fa.unit or "元"
    per = fa.period if (fa.period or "").startswith("每") else ""
    return (f"{hi_d}比{lo_d}{per}多{figure(hi - lo)}{unit}"
            f"（{figure(hi)}{unit} − {figure(lo)}{unit}）{marks}。")


def topic_sentence(q: QuestionInfo, region: str | None, book: FactBook,
                   sentences_of: Mapping[str, Sequence[Sentence]],
                   terms: Sequence[str]) -> tuple[str, int, int] | None:
    """The most on-topic sentence of the region's documents ``(doc_id, start, end)``,
    for a region whose support is stated without a figure (免费住宿、减免房租…)."""
    required = required_terms(q)
    if not required or region is None:
        return None
    best: tuple[int, str, int, int] | None = None
    for doc_id, doc in book.documents.items():
        if not region_matches(doc.region, region):
            continue
        for s in sentences_of.get(doc_id, ()):
            text = _canon(s.text)
            if len(s.text) > 200 or not any(t in text for t in required):
                continue
            score = sum(1 for t in terms if t in text)
            if best is None or score > best[0]:
                best = (score, doc_id, s.start, s.end)
    return best[1:] if best else None


def compare_answer(plan: TablePlan, q: QuestionInfo, book: FactBook,
                   sentences_of: Mapping[str, Sequence[Sentence]]) -> TableAnswer | None:
    """Matching facts side by side per region; a region without any says so."""
    terms = topic_terms(q)
    wanted = (*plan.beneficiaries, *(c for c in q.content if "人才" in c))
    numbers = _Numbering(book)
    rows, lines, found = [], [], 0
    lacking: list[str] = []
    for region in plan.regions:
        pool = [f for f in book.select(region=region, kind="amount") if on_topic(f, q, terms)]
        named = [f for f in pool if any(b in (f.beneficiary or "") for b in plan.beneficiaries)]
        pool = named or pool
        pool.sort(key=lambda f: (_rank(f, terms, wanted), f.doc_id, f.amount_start))
        if not pool:
            quote = topic_sentence(q, region, book, sentences_of, terms)
            if quote is None:
                rows.append(TableRow((str(region), "—", "—", NOT_FOUND, "—")))
                lacking.append(str(region))
                continue
            found += 1
            n = numbers.span(*quote)
            text = display(book.documents[quote[0]].text[quote[1]:quote[2]])
            rows.append(TableRow((str(region), "—", "未写明金额", text,
                                  _cite(n, numbers.citations)), (n,)))
            lines.append(f"• {region}：未写明金额；原文：{text}{_cite(n, numbers.citations)}")
            continue
        for fact in pool[:_MAX_PER_REGION]:
            found += 1
            n = numbers.number(fact)
            label = benefit_label(fact, book.documents[fact.doc_id].text)
            cell = f"{amount_cell(fact)}（{label}）" if label else amount_cell(fact)
            who = fact.beneficiary or "—"
            rows.append(TableRow((str(region), who, cell, fact.condition or "—",
                                  _cite(n, numbers.citations)), (n,)))
            lines.append(f"• {region}（{who}）：{cell}{_cite(n, numbers.citations)}")
    if not found:
        return None
    table = FactTable(("地区", "对象", "金额", "说明", "来源"), tuple(rows))
    if lacking:  # one side missing: no comparison, the other side's rules for reference
        shown = "、".join(str(r) for r in plan.regions if str(r) not in lacking)
        head = f"没有找到{'、'.join(lacking)}的相关规定，无法对比。以下是{shown}的规定，仅供参考："
    else:
        head = f"{'与'.join(str(r) for r in plan.regions)}的对比如下（均引自政策原文）："
    return TableAnswer("\n".join([head, *lines]), table, tuple(numbers.citations),
                       tuple(lacking))


def table_answer(q: QuestionInfo, region: str | None, book: FactBook,
                 sentences_of: Mapping[str, Sequence[Sentence]]) -> TableAnswer | None:
    """The table answer for a figure question, or None to answer with quotes instead."""
    plan = table_plan(q, region)
    if plan is None:
        return None
    if plan.kind == "compare":
        return compare_answer(plan, q, book, sentences_of)
    return difference_answer(plan, q, book)
