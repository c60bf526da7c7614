"""Policy facts extracted with rules: amounts, targets and responsible departments.

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
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any, Literal

from ingest import facts_context as ctx
from ingest.facts_numbers import AmountMatch, find_amounts
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


_DEPARTMENT_RE = re.compile(r"[（(]\s*责任处室\s*[:：]\s*([^（()）\n]+?)\s*[)）]")
_CONDITION_MAX = 60


@dataclass(frozen=True)
class Fact:
    """One extracted fact: an amount (元), a target/count, or responsible departments.

    ``char_start``/``char_end`` delimit the clause in ``Document.text`` that
    states the fact and ``quote`` is that clause verbatim; ``amount_start``/
    ``amount_end`` delimit ``amount_text`` (department facts: the department list).
    Open bounds are ``None``: 最高15万元 has no ``value_min``, 15万人以上 no
    ``value_max``.
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


def _make(
    doc: Document, kind: FactKind, clause: tuple[int, int], figure: tuple[int, int], **fields: Any
) -> Fact:
    return Fact(
        fact_id=_fact_id(doc.doc_id, kind, *figure),
        doc_id=doc.doc_id,
        kind=kind,
        region=doc.region,
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


def _amount_facts(doc: Document, shadow: str, headings: list[tuple[int, int, int]]) -> list[Fact]:
    amounts: list[AmountMatch] = find_amounts(shadow)
    run_of = {i: run for run in ctx.amount_runs(shadow, amounts) for i in run}
    facts = []
    for i, a in enumerate(amounts):
        run = run_of[i]
        clause = ctx.clause_span(shadow, a.start)
        clause = (min(clause[0], a.start), max(clause[1], a.end))
        facts.append(
            _make(
                doc,
                "amount" if a.is_money else "target",
                clause,
                (a.start, a.end),
                programme=ctx.programme_name(doc.text, shadow, headings, a.start),
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


def split_departments(text: str) -> tuple[str, ...]:
    """Split 「人才开发处、就业人才中心，各区、市人力资源社会保障局」 into departments.

    A part starting with 各 (各区、市…) is one department despite its 、.

    >>> split_departments("就业处、就业人才中心,各区、市人社局")
    ('就业处', '就业人才中心', '各区、市人社局')
    """
    out: list[str] = []
    for part in re.split(r"[,，;；]", text):
        part = part.strip()
        if not part:
            continue
        out.extend(
            [part] if part.startswith("各") else [p.strip() for p in part.split("、") if p.strip()]
        )
    return tuple(out)


def _department_facts(
    doc: Document, shadow: str, headings: list[tuple[int, int, int]]
) -> list[Fact]:
    facts = []
    for m in _DEPARTMENT_RE.finditer(shadow):
        names = split_departments(doc.text[m.start(1) : m.end(1)])
        facts.append(
            _make(
                doc,
                "department",
                m.span(),
                m.span(1),
                programme=_slice(doc.text, ctx.heading_before(headings, m.start())),
                beneficiary=None,
                amount_text=doc.text[m.start(1) : m.end(1)],
                value_min=None,
                value_max=None,
                unit=None,
                period=None,
                condition=None,
                departments=names,
            )
        )
    return facts


def extract_facts(doc: Document) -> list[Fact]:
    """All amount, target and department facts of ``doc``, in text order."""
    shadow = shadow_text(doc.text)
    headings = ctx.heading_index(shadow)
    facts = _amount_facts(doc, shadow, headings) + _department_facts(doc, shadow, headings)
    facts.sort(key=lambda f: (f.amount_start, f.kind))
    log.debug("%s: %d facts", doc.source, len(facts))
    return facts
