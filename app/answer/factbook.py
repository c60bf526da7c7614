"""The extracted facts of a retriever's documents, each citable like a chunk.

Facts come from the index (``Retriever.facts``, written at build time); an
index without them gets them extracted from its documents on first use. A
fact's citation quotes the clause that states it (``doc.text[char_start:
char_end]``) and names the chunk that contains that clause.

>>> # book = FactBook(retriever); book.select(region="威海", kind="amount")[0].beneficiary
"""

from __future__ import annotations

import bisect
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from app.answer.types import Citation
from app.answer.validity import Validity, document_status, validity
from ingest.facts import Fact, check_kind
from ingest.types import Chunk, Document


@dataclass(frozen=True)
class FactEntry:
    """A fact with its citation (numbered 1 when listed on its own) and validity.

    ``region`` is the region of the policy that grants the fact (None: 未注明);
    ``validity`` is 有效 only when a period is stated (manifest or text) and includes
    today, else 未注明有效期, 已过期 or 已废止; ``valid_until`` is that stated end.
    """

    fact: Fact
    region: str | None
    citation: Citation
    valid_until: str | None
    validity: str = "未注明有效期"

    def to_json(self) -> dict[str, Any]:
        return {
            **self.fact.to_json(),
            "region": self.region,
            "status": self.citation.status,
            "validity": self.validity,
            "valid_until": self.valid_until,
            "citation": self.citation.to_json(),
        }


class FactBook:
    """Facts of one retriever, with filters and citations. Thread-safe, lazy."""

    def __init__(self, retriever: Any) -> None:
        self._retriever = retriever
        self._lock = threading.Lock()
        self._facts: tuple[Fact, ...] | None = None
        self._chunks: dict[str, tuple[list[int], list[Chunk]]] | None = None

    @property
    def documents(self) -> Mapping[str, Document]:
        return self._retriever.documents

    @property
    def facts(self) -> tuple[Fact, ...]:
        """Every fact, from the index when it stores them, else extracted now (once)."""
        with self._lock:
            if self._facts is None:
                self._facts = tuple(self._retriever.facts)
            return self._facts

    def select(self, *, region: str | None = None, beneficiary: str | None = None,
               kind: str | None = None) -> tuple[Fact, ...]:
        """Facts filtered by region (district documents count for their city),
        beneficiary (substring) and kind; ``ValueError`` for an unknown kind."""
        check_kind(kind)
        return tuple(self._retriever.facts_for(region=region, beneficiary=beneficiary, kind=kind))

    def _chunk_table(self) -> dict[str, tuple[list[int], list[Chunk]]]:
        with self._lock:
            if self._chunks is None:
                by_doc: dict[str, list[Chunk]] = {}
                for c in getattr(self._retriever, "chunks", ()):
                    by_doc.setdefault(c.doc_id, []).append(c)
                self._chunks = {
                    d: ([c.char_start for c in cs], cs)
                    for d, cs in ((d, sorted(cs, key=lambda c: c.char_start))
                                  for d, cs in by_doc.items())
                }
            return self._chunks

    def chunk_at(self, doc_id: str, position: int) -> Chunk | None:
        """The chunk of ``doc_id`` whose span contains ``position``."""
        starts, chunks = self._chunk_table().get(doc_id, ([], []))
        i = bisect.bisect_right(starts, position) - 1
        while i >= 0 and chunks[i].char_end <= position:
            i -= 1
        return chunks[i] if i >= 0 else None

    def chunk_of(self, fact: Fact) -> Chunk | None:
        """The chunk whose span contains the start of the fact's clause."""
        return self.chunk_at(fact.doc_id, fact.char_start)

    def span_citation(self, doc_id: str, start: int, end: int, n: int,
                      today: date | None = None, section: str = "") -> Citation:
        """Citation ``[n]`` quoting ``document.text[start:end]`` verbatim."""
        doc = self.documents[doc_id]
        chunk = self.chunk_at(doc_id, start)
        return Citation(
            n=n, chunk_id=chunk.chunk_id if chunk else "", doc_id=doc.doc_id,
            source=doc.source, title=doc.title, issuer=doc.issuer, date=doc.date,
            section_path=chunk.section_path if chunk else section,
            quote=doc.text[start:end], char_start=start, char_end=end,
            status=document_status(doc, today or date.today()),
        )

    def citation(self, fact: Fact, n: int, today: date | None = None) -> Citation:
        """Citation ``[n]`` quoting the fact's clause verbatim at its offsets."""
        return self.span_citation(fact.doc_id, fact.char_start, fact.char_end, n, today,
                                  fact.programme or "")

    def validity(self, fact: Fact, today: date | None = None) -> Validity:
        """The fact's validity: its manifest entry, else the end its clause or document
        states; 未注明有效期 when neither states one."""
        return validity(self.documents[fact.doc_id].meta, today or date.today(),
                        fact.valid_until)

    def entries(self, facts: Sequence[Fact], today: date | None = None) -> list[FactEntry]:
        """Listing rows for ``facts``: each with its own citation [1] and validity."""
        out = []
        for fact in facts:
            v = self.validity(fact, today)
            citation = self.citation(fact, 1, today)
            if v.warning and citation.status != v.warning:
                citation = replace(citation, status=v.warning)
            out.append(FactEntry(fact, fact.region, citation, v.until, v.label))
        return out
