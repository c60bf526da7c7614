"""Policy facts extracted with rules: benefit amounts, targets and responsible departments.

An amount fact is a benefit (or obligation) a policy grants to a person or an employer;
economic statistics, budgets, thresholds, penalties and prices are left out
(:mod:`ingest.facts_benefit`), money targets (千亿元目标) are kept as targets. Each fact
carries the region of the policy that grants it (:mod:`ingest.facts_region`) and the
end of a validity period its clause or document states (:mod:`ingest.facts_validity`).

Every fact points at the clause that states it (``doc.text[char_start:char_end]``
is ``quote``) and at the figure itself (``amount_start``/``amount_end``), so a
fact is citable like a chunk. Matching runs on a Simplified shadow of the
display text with the same length, so Traditional documents work unchanged.

>>> from ingest.types import Document
>>> doc = Document("d1", "a.txt", "t", None, None, None, "威海", "对博士每月给予5000元。", "")
>>> [(f.beneficiary, f.period, f.value_min) for f in extract_facts(doc)]
[('博士', '每月', 5000.0)]
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any, Literal

from ingest import facts_context as ctx
from ingest.facts_benefit import Reading, classify
from ingest.facts_departments import find_departments, split_departments
from ingest.facts_numbers import AmountMatch, find_amounts
from ingest.facts_region import RegionReader
from ingest.facts_validity import document_until, stated_until
from ingest.script import to_simplified
from ingest.types import Document

log = logging.getLogger(__name__)

FactKind = Literal["amount", "target", "department"]
KINDS: tuple[str, ...] = ("amount", "target", "department")


def check_kind(kind: str | None) -> str | None:
    """``kind`` unchanged when it is a known fact kind (or None), else a clear ValueError."""
    if kind is not None and kind not in KINDS:
        raise ValueError(f"unknown fact kind {kind!r}; choose one of {', '.join(KINDS)}")
    return kind


__all__ = ["KINDS", "Fact", "FactKind", "check_kind", "extract_facts", "shadow_text",
           "split_departments"]

_CONDITION_MAX = 60


@dataclass(frozen=True)
class Fact:
    """One extracted fact: an amount (元), a target/count, or responsible departments.

    ``char_start``/``char_end`` delimit the clause in ``Document.text`` that
    states the fact and ``quote`` is that clause verbatim; ``amount_start``/
    ``amount_end`` delimit ``amount_text`` (department facts: the department list).
    Open bounds are ``None``: 最高15万元 has no ``value_min``, 15万人以上 no
    ``value_max``. ``region`` is the region of the policy that grants the fact (None
    when the document does not tell); ``valid_until`` the end (ISO date) of a validity
    period the clause or the document states, else None.
    """

    fact_id: str
    doc_id: str
    kind: FactKind
    programme: str | None
    beneficiary: str | None
    amount_text: str | None
    value_min: float | None
    value_max: float | None
    unit: str | None
    period: str | None
    condition: str | None
    region: str | None
    issuer: str | None
    date: str | None
    char_start: int
    char_end: int
    quote: str
    amount_start: int
    amount_end: int
    departments: tuple[str, ...] = ()
    source: str = ""
    title: str = ""
    valid_until: str | None = None

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"Fact {self.fact_id!r}: kind {self.kind!r} is not one of {KINDS}")
        if not 0 <= self.char_start <= self.amount_start <= self.amount_end <= self.char_end:
            raise ValueError(
                f"Fact {self.fact_id!r}: spans must nest, got clause {self.char_start}.."
                f"{self.char_end} and figure {self.amount_start}..{self.amount_end}"
            )
        if self.char_end - self.char_start != len(self.quote):
            raise ValueError(f"Fact {self.fact_id!r}: quote length does not match its span")
        object.__setattr__(self, "departments", tuple(self.departments))

    def to_json(self) -> dict[str, Any]:
        """Plain JSON-ready dict (departments as a list)."""
        out = asdict(self)
        out["departments"] = list(self.departments)
        return out

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Fact:
        """Inverse of :meth:`to_json`."""
        return cls(**{**data, "departments": tuple(data.get("departments", ()))})


def shadow_text(text: str) -> str:
    """Simplified form of ``text`` with exactly the same length (index-compatible).

    OpenCC keeps length for these documents; when a phrase rule would change it,
    fall back to converting character by character.
    """
    shadow = to_simplified(text)
    if len(shadow) == len(text):
        return shadow
    log.info("t2s changed the text length; converting character by character")
    chars = [to_simplified(ch) for ch in text]
    return "".join(c if len(c) == 1 else ch for c, ch in zip(chars, text, strict=True))


def _fact_id(doc_id: str, kind: str, start: int, end: int) -> str:
    return hashlib.sha1(f"{doc_id}:{kind}:{start}:{end}".encode()).hexdigest()[:16]


def _slice(text: str, span: tuple[int, int] | None, limit: int | None = None) -> str | None:
    if span is None:
        return None
    value = text[span[0] : span[1]].strip()
    return (value[:limit] if limit else value) or None


class _Context:
    """What every fact of one document shares: its shadow, headings, region reader and
    document-wide validity statement."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.shadow = shadow_text(doc.text)
        self.headings = ctx.heading_index(self.shadow)
        self.regions = RegionReader(doc, self.shadow)
        self.until = document_until(self.shadow, doc.date)

    def valid_until(self, clause: tuple[int, int]) -> str | None:
        return stated_until(self.shadow[clause[0] : clause[1]], self.doc.date) or self.until


def _make(
    c: _Context, kind: FactKind, clause: tuple[int, int], figure: tuple[int, int], **fields: Any
) -> Fact:
    doc = c.doc
    return Fact(
        fact_id=_fact_id(doc.doc_id, kind, *figure),
        doc_id=doc.doc_id,
        kind=kind,
        region=c.regions.region_at(figure[0]),
        valid_until=c.valid_until(clause),
        issuer=doc.issuer,
        date=doc.date,
        char_start=clause[0],
        char_end=clause[1],
        quote=doc.text[clause[0] : clause[1]],
        amount_start=figure[0],
        amount_end=figure[1],
        source=doc.source,
        title=doc.title,
        **fields,
    )


def _amount_facts(c: _Context) -> list[Fact]:
    shadow, doc = c.shadow, c.doc
    amounts: list[AmountMatch] = find_amounts(shadow)
    run_of = {i: run for run in ctx.amount_runs(shadow, amounts) for i in run}
    facts = []
    previous: Reading | None = None
    for i, a in enumerate(amounts):
        run = run_of[i]
        clause = ctx.clause_span(shadow, a.start)
        kind: FactKind = "target"
        if a.is_money:
            previous = classify(shadow, amounts, i, run, clause, previous)
            if previous == "other":
                continue  # a statistic, budget, threshold, penalty or price
            kind = "amount" if previous == "benefit" else "target"
        clause = (min(clause[0], a.start), max(clause[1], a.end))
        facts.append(
            _make(
                c,
                kind,
                clause,
                (a.start, a.end),
                programme=ctx.programme_name(doc.text, shadow, c.headings, a.start),
                beneficiary=ctx.beneficiary(shadow, amounts, i, run),
                amount_text=doc.text[a.start : a.end],
                value_min=a.value_min,
                value_max=a.value_max,
                unit=a.unit,
                period=ctx.period(shadow, amounts, i, run),
                condition=_slice(doc.text, ctx.condition_span(shadow, a.start), _CONDITION_MAX),
            )
        )
    return facts


def _display_names(
    display: str, shadow: str, figure: tuple[int, int], names: tuple[str, ...]
) -> tuple[str, ...]:
    """``names`` (found in the shadow) in the display script, by their offsets."""
    out, pos = [], figure[0]
    for name in names:
        at = shadow.find(name, pos, figure[1])
        out.append(display[at : at + len(name)] if at >= 0 else name)
        pos = at + len(name) if at >= 0 else pos
    return tuple(out)


def _department_facts(c: _Context) -> list[Fact]:
    doc = c.doc
    return [
        _make(
            c,
            "department",
            clause,
            figure,
            programme=_slice(doc.text, ctx.heading_before(c.headings, clause[0])),
            beneficiary=None,
            amount_text=doc.text[figure[0] : figure[1]],
            value_min=None,
            value_max=None,
            unit=None,
            period=None,
            condition=None,
            departments=_display_names(doc.text, c.shadow, figure, names),
        )
        for _label, names, clause, figure in find_departments(c.shadow)
    ]


def extract_facts(doc: Document) -> list[Fact]:
    """All amount, target and department facts of ``doc``, in text order."""
    c = _Context(doc)
    facts = _amount_facts(c) + _department_facts(c)
    facts.sort(key=lambda f: (f.amount_start, f.kind))
    log.debug("%s: %d facts", doc.source, len(facts))
    return facts
