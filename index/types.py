"""Search result type returned by :class:`index.Retriever`."""

from __future__ import annotations

from dataclasses import dataclass

from ingest.types import Chunk


@dataclass(frozen=True)
class Hit:
    """One retrieved chunk with its fused score and per-retriever ranks.

    Ranks are 1-based; ``None`` means that retriever did not return the chunk.
    """

    chunk: Chunk
    score: float
    rank: int
    dense_rank: int | None = None
    dense_score: float | None = None
    bm25_rank: int | None = None
    bm25_score: float | None = None

    def to_json(self) -> dict[str, object]:
        """The JSON shape used by ``python -m index search --json`` and the API."""
        c = self.chunk
        return {
            "rank": self.rank,
            "score": round(float(self.score), 6),
            "chunk_id": c.chunk_id,
            "doc_id": c.doc_id,
            "source": c.source,
            "title": c.title,
            "section_path": c.section_path,
            "text": c.text,
            "dense_rank": self.dense_rank,
            "bm25_rank": self.bm25_rank,
        }
