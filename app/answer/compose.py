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

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from app.answer.evidence import Candidate
from app.answer.framing import lead_in
from app.answer.question import QuestionInfo
from app.answer.select import reading_order
from app.answer.sentences import Sentence, display
from app.types import Citation
from index.types import Hit
from ingest.types import Document

FRAGMENT_CHARS = 30


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
        status=doc.meta.get("status") or None,
    )


def _needs_heading(c: Candidate, chosen_starts: set[tuple[str, int]]) -> Sentence | None:
    h = c.heading_sentence
    short = len(c.sentence.text) < FRAGMENT_CHARS and c.sentence.text[:1] in "(（"
    if h is None or not short or (c.doc_id, h.start) in chosen_starts:
        return None
    return h


def quotes_for(chosen: Sequence[Candidate]) -> list[Quote]:
    """One quote per sentence in reading order; a fragment gets its item heading first."""
    starts = {(c.doc_id, c.sentence.start) for c in chosen}
    spans: list[Quote] = []
    for c in reading_order(chosen):
        heading = _needs_heading(c, starts)
        if heading is not None:
            spans.append(Quote(c.hit, heading.start, heading.end))
            starts.add((c.doc_id, heading.start))
        spans.append(Quote(c.hit, c.sentence.start, c.sentence.end))
    return spans


def compose_extractive(q: QuestionInfo, chosen: Sequence[Candidate],
                       documents: Mapping[str, Document]) -> tuple[str, tuple[Citation, ...]]:
    """Answer text and citations for the chosen evidence."""
    quotes = quotes_for(chosen)
    citations = tuple(
        make_citation(n, quote, documents[quote.hit.chunk.doc_id])
        for n, quote in enumerate(quotes, start=1)
    )
    lines = [lead_in(q.kinds, q.script)]
    lines += [bullet(c.quote, c.n) for c in citations]
    return "\n".join(lines), citations


def refusal_subject(q: QuestionInfo, missing: Sequence[str]) -> str:
    """What the refusal says was not found: the places plus the missing or main topic."""
    topic = next((m for m in missing if m not in q.places), "")
    if not topic:
        topic = q.topics[0] if q.topics else (q.content[0][:12] if q.content else "")
    parts = [*q.places[:2], *q.degrees[:1], topic] if topic not in q.places else [*q.places[:2]]
    subject = "".join(dict.fromkeys(p for p in parts if p))
    return subject or q.query[:20]


def related_hits(hits: Sequence[Hit], n: int) -> tuple[Hit, ...]:
    """The closest passages shown beside a refusal."""
    return tuple(sorted(hits, key=lambda h: h.rank)[:n])
