"""Structure-aware chunking with exact character offsets (pure functions).

Sections start at Chinese headings; text inside a section is split with
langchain's recursive splitter on paragraph and sentence boundaries, and each
piece is located in the text again so offsets are exact.

>>> spans = chunk_spans("一、总则\\n本办法适用于全市。", ChunkingConfig(100, 10))
>>> [(s.section_path, s.start, s.end) for s in spans]
[('一、总则', 0, 14)]
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from langchain_text_splitters import RecursiveCharacterTextSplitter

from ingest.config import ChunkingConfig
from ingest.headings import heading_label, match_heading

# Sentence ends first, so a heading line stays with the sentence after it.
SEPARATORS = ["。", "！", "？", "；", "!", "?", ";", "\n", "，", ",", "、", " ", ""]
PATH_SEPARATOR = " > "


@dataclass(frozen=True)
class Section:
    """A span of text under one heading path."""

    start: int
    end: int
    path: str


@dataclass(frozen=True)
class Span:
    """One chunk's place in the text and its section path."""

    start: int
    end: int
    section_path: str


def _paragraphs(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def find_sections(text: str) -> list[Section]:
    """Split ``text`` at heading paragraphs; heading-only sections join the next one."""
    starts: list[tuple[int, str, str]] = []  # (offset, path, heading paragraph)
    stack: list[tuple[int, str]] = []
    for offset, para in _paragraphs(text):
        found = match_heading(para)
        if found is None:
            continue
        level = found[0]
        while stack and stack[-1][0] >= level:
            stack.pop()
        stack.append((level, heading_label(para)))
        starts.append((offset, PATH_SEPARATOR.join(label for _, label in stack), para))
    bounds = [(0, "", "")] if not starts or starts[0][0] > 0 else []
    bounds += starts
    sections: list[Section] = []
    pending: int | None = None
    for i, (start, path, heading) in enumerate(bounds):
        end = bounds[i + 1][0] if i + 1 < len(bounds) else len(text)
        if not text[start:end].strip():
            continue
        body_empty = (
            bool(heading)
            and heading_label(heading) == heading.strip()
            and not text[start + len(heading) : end].strip()
        )
        if body_empty and i + 1 < len(bounds):
            pending = start if pending is None else pending
            continue
        sections.append(Section(start if pending is None else pending, end, path))
        pending = None
    return sections


@cache
def _splitter(chunk_size: int, chunk_overlap: int) -> RecursiveCharacterTextSplitter:
    return RecursiveCharacterTextSplitter(
        separators=SEPARATORS,
        keep_separator="end",
        chunk_size=chunk_size,
        chunk_overlap=chunk_overlap,
        length_function=len,
        strip_whitespace=True,
    )


def split_section(text: str, start: int, end: int, config: ChunkingConfig) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` into pieces and return their exact ``(start, end)`` offsets."""
    splitter = _splitter(config.chunk_size, config.chunk_overlap)
    section = text[start:end]
    spans: list[tuple[int, int]] = []
    cursor = 0
    for piece in splitter.split_text(section):
        if not piece.strip():
            continue
        found = section.find(piece, cursor)
        if found < 0:
            raise RuntimeError(f"chunk text not found in its section at offset {start + cursor}")
        spans.append((start + found, start + found + len(piece)))
        # the next piece starts after this one and overlaps it by at most chunk_overlap
        cursor = max(found + 1, found + len(piece) - config.chunk_overlap)
    return spans


def chunk_spans(text: str, config: ChunkingConfig) -> list[Span]:
    """All chunk spans of ``text`` in order, each within one section."""
    return [
        Span(s, e, section.path)
        for section in find_sections(text)
        for s, e in split_section(text, section.start, section.end, config)
    ]
