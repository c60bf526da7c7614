"""Core, frozen data types shared by every layer.

Citations are the product, so every field a citation needs is a real,
typed field here (never a loose ``meta`` key).

>>> c = Chunk("c1", "d1", "a.txt", "标题", 0, "一、总则", None, 0, 2, "总则")
>>> c.char_end - c.char_start == len(c.text)
True
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

_NO_META: Mapping[str, str] = MappingProxyType({})


def _frozen_map(value: Mapping[str, str] | None) -> Mapping[str, str]:
    # one shared empty mapping: most documents have no manifest metadata
    return MappingProxyType(dict(value)) if value else _NO_META


@dataclass(frozen=True)
class Document:
    """One source file after loading and normalisation.

    ``text`` is the display text every citation offset points into; it keeps
    the original wording and script. ``search_text`` is the simplified-Chinese
    form used for matching only. ``meta`` holds only what a user supplied in a
    manifest (``url``, ``valid_from``, ``valid_until``, ``status`` ...).
    """

    doc_id: str
    source: str
    title: str
    issuer: str | None
    date: str | None
    doc_number: str | None
    region: str | None
    text: str
    search_text: str
    meta: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.doc_id:
            raise ValueError("Document.doc_id must be a non-empty string")
        if not self.text:
            raise ValueError(f"Document {self.source!r} has empty text")
        object.__setattr__(self, "meta", _frozen_map(self.meta))


@dataclass(frozen=True)
class Chunk:
    """A citable span of a document: ``document.text[char_start:char_end] == text``."""

    chunk_id: str
    doc_id: str
    source: str
    title: str
    ordinal: int
    section_path: str
    page: int | None
    char_start: int
    char_end: int
    text: str

    def __post_init__(self) -> None:
        if self.char_start < 0 or self.char_end < self.char_start:
            raise ValueError(
                f"Chunk {self.chunk_id!r}: bad offsets {self.char_start}..{self.char_end}"
            )
        if self.char_end - self.char_start != len(self.text):
            raise ValueError(
                f"Chunk {self.chunk_id!r}: offsets span {self.char_end - self.char_start} "
                f"characters but text has {len(self.text)}"
            )


@dataclass(frozen=True)
class SkippedFile:
    """A file that could not be ingested, with a one-line reason."""

    source: str
    reason: str
