"""Write the extractive answer: a lead-in, then cited sentences, one per line.

Every line after the lead-in is a sentence from a document (layout line
breaks removed for reading) followed by ``[n]``; ``citations[n-1]`` holds the
verbatim quote and its offsets into the document's display text. A short
fragment such as 「(責任處室:專技處)」 is preceded by the item heading it
belongs to, so it reads on its own.

>>> bullet("补贴每\\n月 2000元；", 1)
'• 补贴每月 2000元；[1]'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from app.answer.evidence import Candidate
from app.answer.facts import key_facts
from app.answer.framing import key_fact_line, lead_in
from app.answer.lexicon import DEGREE_ALIASES
from app.answer.question import QuestionInfo
from app.answer.select import KIND_NAMES, reading_order
from app.answer.sentences import Sentence, display
from app.answer.types import Citation
from app.answer.validity import document_status
from index.types import Hit
from ingest.facts import Fact
from ingest.types import Document

FRAGMENT_CHARS = 30
_ANAPHORA = re.compile(r"^(?:由他|由她|他们|她们|他|她|其|该|此|上述|这)")


@dataclass(frozen=True)
class Quote:
    """One span to cite: a sentence (or adjacent sentences) of one hit's document."""

    hit: Hit
    start: int
    end: int


def bullet(text: str, n: int) -> str:
    """A readable answer line for a quote, with its marker."""
    return f"• {display(text)}[{n}]"


def make_citation(n: int, quote: Quote, doc: Document) -> Citation:
    """The citation for ``quote``; its text is ``doc.text[start:end]`` verbatim."""
    chunk = quote.hit.chunk
    return Citation(
        n=n, chunk_id=chunk.chunk_id, doc_id=doc.doc_id, source=doc.source, title=doc.title,
        issuer=doc.issuer, date=doc.date, section_path=chunk.section_path,
        quote=doc.text[quote.start:quote.end], char_start=quote.start, char_end=quote.end,
        status=document_status(doc, date.today()),
    )


def _needs_context(c: Candidate, sentences: Sequence[Sentence],
                   chosen_starts: set[tuple[str, int]]) -> Sentence | None:
    """The sentence a quote leans on: the item heading of a fragment such as 「(責任處室:…)」,
    or the previous sentence when the quote opens with a pronoun (由他牵头…)."""
    text = c.sentence.text
    context: Sentence | None = None
    if len(text) < FRAGMENT_CHARS and text[:1] in "(（":
        context = c.heading_sentence
    elif _ANAPHORA.match(text) and c.index > 0:
        context = sentences[c.index - 1]
    if context is None or (c.doc_id, context.start) in chosen_starts:
        return None
    return context


def quotes_for(chosen: Sequence[Candidate],
               sentences_of: Mapping[str, Sequence[Sentence]]) -> list[Quote]:
    """One quote per sentence in reading order, each preceded by the context it leans on."""
    starts = {(c.doc_id, c.sentence.start) for c in chosen}
    spans: list[Quote] = []
    for c in reading_order(chosen):
        heading = _needs_context(c, sentences_of[c.doc_id], starts)
        if heading is not None:
            spans.append(Quote(c.hit, heading.start, heading.end))
            starts.add((c.doc_id, heading.start))
        spans.append(Quote(c.hit, c.sentence.start, c.sentence.end))
    return spans


def compose_extractive(q: QuestionInfo, chosen: Sequence[Candidate],
                       documents: Mapping[str, Document],
                       sentences_of: Mapping[str, Sequence[Sentence]],
                       facts: Iterable[Fact] = (),
                       ) -> tuple[str, tuple[Citation, ...]]:
    """Answer text and citations for the chosen evidence; ``facts`` (extracted fact
    rows) supply the key-figure line."""
    quotes = quotes_for(chosen, sentences_of)
    citations = tuple(
        make_citation(n, quote, documents[quote.hit.chunk.doc_id])
        for n, quote in enumerate(quotes, start=1)
    )
    number = {(c.doc_id, c.char_start): c.n for c in citations}
    lines = [lead_in(q.kinds, q.script)]
    for fact in key_facts(q, chosen, facts, documents):
        n = number[(fact.source.doc_id, fact.source.sentence.start)]
        lines.append(key_fact_line(fact.text, n, q.script))
    lines += [bullet(c.quote, c.n) for c in citations]
    return "\n".join(lines), citations


_ASKING_TAIL = re.compile(
    r"(?:几[年天个月次条家人]?|多久|多少[钱元人]?|分别|是|有|能|会|要|给|呢)+$")
_LEADING = re.compile(r"^[对在去给从向]")
_KIND_WORDS = frozenset(KIND_NAMES.values())


def refusal_subject(q: QuestionInfo, missing: Sequence[str]) -> str:
    """What the refusal says was not found, e.g. 「深圳落户条件」.

    Chinese questions: their places, degree and content words; English ones: the
    Chinese terms that were missing from the evidence.
    """
    absent = [m for m in missing if m not in _KIND_WORDS]
    if q.script == "en":
        return "、".join(absent or q.topics or q.content[:2])
    core = "".join(_ASKING_TAIL.sub("", _LEADING.sub("", piece)) for piece in q.content)
    named = {d for alias, d in DEGREE_ALIASES if alias in core}
    parts = [*q.places[:2], *(d for d in q.degrees if d not in named), core]
    parts += [m for m in absent if m not in "".join(parts) and m not in named]
    subject = "".join(dict.fromkeys(p for p in parts if p))
    return subject[:30] or q.query[:20]


def related_hits(hits: Sequence[Hit], n: int) -> tuple[Hit, ...]:
    """The closest passages shown beside a refusal."""
    return tuple(sorted(hits, key=lambda h: h.rank)[:n])
