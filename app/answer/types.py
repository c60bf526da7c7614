"""Answer types produced by :mod:`app.answer.engine` and consumed by the UI, API and eval."""

from __future__ import annotations

from dataclasses import dataclass, field

from index.types import Hit


@dataclass(frozen=True)
class Citation:
    """A numbered citation: ``document.text[char_start:char_end] == quote``."""

    n: int
    chunk_id: str
    doc_id: str
    source: str
    title: str
    issuer: str | None
    date: str | None
    section_path: str
    quote: str
    char_start: int
    char_end: int
    status: str | None = None  # e.g. "已过期" / "已废止" when the policy is no longer valid

    def to_json(self) -> dict[str, object]:
        return {
            "n": self.n,
            "doc_id": self.doc_id,
            "source": self.source,
            "title": self.title,
            "issuer": self.issuer,
            "date": self.date,
            "section_path": self.section_path,
            "quote": self.quote,
            "char_start": self.char_start,
            "char_end": self.char_end,
            "chunk_id": self.chunk_id,
            "status": self.status,
        }


@dataclass(frozen=True)
class TableRow:
    """One table row: display cells (each figure as written in its source) and the
    citation numbers the row rests on."""

    cells: tuple[str, ...]
    citations: tuple[int, ...] = ()

    def to_json(self) -> dict[str, object]:
        return {"cells": list(self.cells), "citations": list(self.citations)}


@dataclass(frozen=True)
class FactTable:
    """A small table of cited facts (data only; :mod:`app.web.render` formats it)."""

    columns: tuple[str, ...]
    rows: tuple[TableRow, ...]

    def __post_init__(self) -> None:
        if any(len(r.cells) != len(self.columns) for r in self.rows):
            raise ValueError("FactTable: every row needs one cell per column")

    def to_json(self) -> dict[str, object]:
        return {"columns": list(self.columns), "rows": [r.to_json() for r in self.rows]}


@dataclass(frozen=True)
class Answer:
    """The engine's reply. Every ``[n]`` marker in ``text`` maps to ``citations[n-1]``."""

    text: str
    citations: tuple[Citation, ...]
    hits: tuple[Hit, ...]
    refused: bool
    reason: str = ""
    related: tuple[Hit, ...] = field(default_factory=tuple)
    mode: str = "extractive"
    table: FactTable | None = None
    #: the region note that opens the answer: ``other`` (another region's rules, for
    #: reference), ``unknown`` (documents that name no region) or ``wider`` (rules that
    #: hold for the asked place through a province or nationally, none of its own)
    region_note: str | None = None
