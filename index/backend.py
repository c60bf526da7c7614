"""What the retriever asks of an index backend: candidates, exact scores, rows.

Only candidate generation and storage differ between backends; fusion, the
priors, same-document spread and region demotion live once, in
:class:`index.retriever.Retriever` and :mod:`index.fusion`, and run on what any
backend returns. Two backends implement this protocol:
:class:`index.generation.Generation` (FAISS and bm25s arrays loaded from a
generation folder, the default) and
:class:`index.milvus.generation.MilvusGeneration` (collections in Milvus).

Rows are chunk positions in build order; document rows are positions in
``documents`` order. Lists of ``(row, score)`` are best first.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np

from index.bm25 import Bm25Index
from ingest.facts import Fact
from ingest.types import Chunk, Document


@dataclass(frozen=True)
class Prepared:
    """Everything one generation holds, computed once by the build and written by a backend
    (a ``gen-N`` folder, or Milvus collections)."""

    documents: Sequence[Document]
    chunks: Sequence[Chunk]
    vectors: np.ndarray
    lexical: Bm25Index
    doc_lexical: Bm25Index
    facts: Sequence[Fact]
    manifest: dict[str, Any]


class SearchBackend(Protocol):
    """One immutable index generation as the retriever sees it."""

    number: int
    manifest: Mapping[str, Any]
    documents: Mapping[str, Document]
    chunks: Sequence[Chunk]
    chunk_doc_row: np.ndarray
    facts: tuple[Fact, ...]

    def dense_top(self, query: np.ndarray, n: int) -> list[tuple[int, float]]:
        """The ``n`` rows whose vectors have the largest inner product with ``query``."""
        ...

    def lexical_top(self, tokens: Sequence[str], n: int) -> list[tuple[int, float]]:
        """The ``n`` rows with the highest positive BM25 score for the query ``tokens``."""
        ...

    def dense_scores(self, rows: np.ndarray, query: np.ndarray) -> np.ndarray:
        """Exact inner products of ``rows``' vectors with ``query``, in ``rows`` order
        (``query`` may be a ``(dim, m)`` matrix: then one column of scores per query)."""
        ...

    def lexical_scores(self, rows: np.ndarray, tokens: Sequence[str]) -> np.ndarray:
        """BM25 scores of ``rows`` for ``tokens`` (0 where none matches), in ``rows`` order."""
        ...

    def document_top(self, tokens: Sequence[str], n: int) -> list[tuple[int, float]]:
        """The ``n`` document rows with the highest whole-document BM25 score."""
        ...

    def document_frequencies(self, tokens: Sequence[str]) -> list[int]:
        """How many chunks contain each of ``tokens`` (0 for a token never indexed)."""
        ...

    def chunks_at(self, rows: Sequence[int]) -> list[Chunk]:
        """The chunks at ``rows``, in that order."""
        ...

    def reusable_vectors(self, doc_ids: set[str]) -> dict[str, np.ndarray]:
        """Stored vectors of every chunk of ``doc_ids``, by chunk_id (``update`` reuses them)."""
        ...

    def describe(self) -> dict[str, Any]:
        """Which backend and where, for ``Retriever.info``."""
        ...
