"""Candidate evidence sentences from retrieved chunks, with their constraint checks.

A candidate is one sentence of a hit's document that overlaps the hit's chunk.
Each candidate records which of the question's key constraints it covers
(place, degree, programme, topic, asked-for kind) and a relevance score that
mixes bigram coverage of the question with the retriever's rank as a prior.

>>> from app.answer.sentences import Sentence
>>> place_in("崂山", "崂山区人才公寓")
True
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from app.answer.lexicon import DEGREES, PLACE_CHILDREN
from app.answer.question import QuestionInfo, find_places
from app.answer.scoring import coverage, holds_kind, normalise
from app.answer.sentences import Sentence
from index.types import Hit
from ingest.types import Document

_FULL_DATE = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")
PLACE_WINDOW_BEFORE = 300
PLACE_WINDOW_AFTER = 120


@dataclass(frozen=True)
class Candidate:
    """A sentence that may be quoted, with what it covers and how relevant it is."""

    hit: Hit
    sentence: Sentence
    index: int
    heading_sentence: Sentence | None
    score: float
    coverage: float
    kind_ok: bool
    missing: tuple[str, ...]
    topics: tuple[str, ...] = ()

    @property
    def doc_id(self) -> str:
        return self.hit.chunk.doc_id

    @property
    def heading(self) -> str:
        """Text of the item or section heading the sentence falls under ('' if none)."""
        return self.heading_sentence.text if self.heading_sentence else ""

    @property
    def eligible(self) -> bool:
        """True when no key constraint of the question is missing."""
        return not self.missing


def place_in(place: str, text: str) -> bool:
    """True when ``place`` or one of its parts (崂山 for 青岛) is named in ``text``."""
    return place in text or any(child in text for child in PLACE_CHILDREN.get(place, ()))


def degree_in(degree: str, text: str) -> bool:
    """True when ``text`` names ``degree``; 博士后 does not count as 博士."""
    if degree == "博士":
        text = text.replace("博士后", "")
    return any(alias in text for alias in DEGREES.get(degree, (degree,)))


def programme_core(name: str) -> str:
    """The distinctive two characters before 计划/工程/…: 北汽新能源的青领计划 -> 青领."""
    for suffix in ("计划", "工程", "行动", "专项"):
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)][-2:]
    return name


def _heading_before(sentences: Sequence[Sentence], index: int) -> Sentence | None:
    for j in range(index - 1, max(index - 15, -1), -1):
        if sentences[j].is_heading:
            return sentences[j]
    return None


def _place_text(doc: Document, sentence: Sentence) -> str:
    """Where a sentence's place is read from: nearby text, else the document's title/region."""
    window = doc.text[max(0, sentence.start - PLACE_WINDOW_BEFORE): sentence.end
                      + PLACE_WINDOW_AFTER]
    near = normalise(window)
    if find_places(near):
        return near
    return near + normalise(f"{doc.title}{doc.region or ''}")


def _missing(q: QuestionInfo, doc: Document, sentences: Sequence[Sentence], index: int,
             heading: str) -> tuple[str, ...]:
    """Places, degrees and programmes of the question that a sentence's context lacks."""
    sentence = sentences[index]
    prev_text = sentences[index - 1].text if index > 0 else ""
    near = normalise(f"{heading}{prev_text}{sentence.text}")
    place_text = _place_text(doc, sentence)
    found = [p for p in q.places if place_in(p, place_text)]
    # one place must hold per sentence; a comparison of places is checked answer-wide
    missing = [p for p in q.places if p not in found] if len(q.places) < 2 or not found else []
    missing += [d for d in q.degrees if not degree_in(d, near)]
    missing += [p for p in q.programmes if normalise(programme_core(p)) not in place_text]
    return tuple(missing)


def _topics(q: QuestionInfo, sentences: Sequence[Sentence], index: int, heading: str
            ) -> tuple[str, ...]:
    """The question's policy topics named around a sentence (heading, neighbours)."""
    prev_text = sentences[index - 1].text if index > 0 else ""
    next_text = sentences[index + 1].text if index + 1 < len(sentences) else ""
    local = normalise(f"{heading}{prev_text}{sentences[index].text}{next_text}")
    topics = tuple(t for t in q.topics if normalise(t) in local)
    if len(q.places) > 1:
        topics += tuple(p for p in q.places if place_in(p, local))
    return topics


def candidates(q: QuestionInfo, hits: Sequence[Hit], documents: Mapping[str, Document],
               sentences_of: Mapping[str, Sequence[Sentence]],
               keys: Mapping[str, float]) -> list[Candidate]:
    """Every sentence overlapping a hit's chunk, once (best-ranked hit wins), scored."""
    seen: set[tuple[str, int]] = set()
    out: list[Candidate] = []
    for hit in sorted(hits, key=lambda h: h.rank):
        chunk = hit.chunk
        doc = documents[chunk.doc_id]
        sentences = sentences_of[chunk.doc_id]
        for index, sentence in enumerate(sentences):
            if sentence.end <= chunk.char_start or sentence.start >= chunk.char_end:
                continue
            if (chunk.doc_id, sentence.start) in seen:
                continue
            seen.add((chunk.doc_id, sentence.start))
            out.append(_candidate(q, hit, doc, sentences, index, keys))
    return out


def _candidate(q: QuestionInfo, hit: Hit, doc: Document, sentences: Sequence[Sentence],
               index: int, keys: Mapping[str, float]) -> Candidate:
    sentence = sentences[index]
    heading_sentence = _heading_before(sentences, index)
    heading = heading_sentence.text if heading_sentence else ""
    own = normalise(sentence.text)
    prev_text = sentences[index - 1].text if index > 0 else ""
    context = normalise(f"{heading}{prev_text}") + own
    own_cov, ctx_cov = coverage(keys, own), coverage(keys, context)
    kind_ok = any(holds_kind(sentence.text, k) for k in q.kinds)
    specific = sum(1 for d in q.degrees if degree_in(d, own)) + sum(
        1 for t in q.topics if normalise(t) in own)
    if "date" in q.kinds and _FULL_DATE.search(sentence.text):
        specific += 2  # a day-exact date answers 「哪天」 better than a year range
    score = (0.55 * own_cov + 0.25 * ctx_cov + 0.15 / hit.rank
             + (0.2 if kind_ok else 0.0) + 0.05 * min(specific, 2))
    if len(own) < 8:
        score *= 0.75
    return Candidate(
        hit=hit, sentence=sentence, index=index, heading_sentence=heading_sentence, score=score,
        coverage=max(own_cov, ctx_cov), kind_ok=kind_ok,
        missing=_missing(q, doc, sentences, index, heading),
        topics=_topics(q, sentences, index, heading),
    )
