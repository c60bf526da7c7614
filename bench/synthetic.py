"""A seeded synthetic corpus of any size, shaped like NCP, for scale benchmarks.

Text: each document is a title and a run of clauses drawn at random from the NCP
notices (split at Chinese punctuation), with every digit redrawn, so bigram
statistics and BM25 posting lengths look like real policy text. Chunk lengths
and chunks per document are drawn from NCP's own distributions (mean ~220
characters, ~6.6 chunks per notice). Every chunk is an exact slice of its
document, as ingest makes them.

Vectors: seeded, clustered like embeddings: 2,000 topic centres, each document
near its topic, each chunk near its document (cosine ~0.9 to the document
centre). Queries are a 6-16 character span of a random chunk, with a vector near
that chunk's.

>>> corpus = SyntheticCorpus(clauses=["人才公寓", "申请条件"], seed=1)
>>> docs, chunks = corpus.documents(2)
>>> all(docs[c.doc_id].text[c.char_start:c.char_end] == c.text for c in chunks)
True
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

import numpy as np

from index.chunk_table import ChunkTable
from ingest.types import Chunk, Document

NCP_CORPUS = Path(__file__).resolve().parents[2] / "shared/benchmarks/ncp_policies/corpus"
_SPLIT = re.compile(r"[。；;！？!?\n，,、：:]")
#: NCP under the default chunking (500/50), measured on /work/cache/ncp-index: the
#: 5th, 15th, ... 95th percentiles of chunk length (mean 219) and chunks per notice.
CHUNK_CHARS = (31, 60, 92, 120, 154, 193, 250, 353, 451, 487)
MEAN_CHUNKS_PER_DOC = 6.57
TOPICS = 2_000


def ncp_clauses(corpus: Path = NCP_CORPUS, limit: int | None = None) -> list[str]:
    """Clauses (4-60 characters) of the NCP notices, in file order."""
    out: list[str] = []
    for path in sorted(corpus.glob("*.txt")):
        for piece in _SPLIT.split(path.read_text(encoding="utf-8")):
            piece = piece.strip()
            if 4 <= len(piece) <= 60:
                out.append(piece)
        if limit and len(out) >= limit:
            break
    return out


class SyntheticCorpus:
    """Documents, chunks and vectors generated from ``seed``; the same seed, the same corpus."""

    def __init__(self, clauses: Sequence[str], *, seed: int = 0, dim: int = 384) -> None:
        if not clauses:
            raise ValueError("no clauses to generate text from")
        self.clauses = list(clauses)
        self.seed = seed
        self.dim = dim
        rng = np.random.default_rng(seed)
        topics = rng.standard_normal((TOPICS, dim)).astype(np.float32)
        self.topics = topics / np.linalg.norm(topics, axis=1, keepdims=True)

    def _text(self, rng: np.random.Generator, length: int) -> str:
        parts: list[str] = []
        size = 0
        while size < length:
            clause = self.clauses[int(rng.integers(len(self.clauses)))]
            if any(ch.isdigit() for ch in clause):
                clause = re.sub(r"\d", lambda _m: str(int(rng.integers(10))), clause)
            parts.append(clause)
            size += len(clause) + 1
        return "，".join(parts)[:length].rstrip("，") + "。"

    def document(self, index: int) -> tuple[Document, list[Chunk]]:
        """Document ``index`` and its chunks (independent of any other index)."""
        rng = np.random.default_rng([self.seed, index])
        n_chunks = max(1, int(rng.geometric(1 / MEAN_CHUNKS_PER_DOC)))
        lengths = [int(rng.choice(CHUNK_CHARS)) + int(rng.integers(-15, 16))
                   for _ in range(n_chunks)]
        title = self._text(rng, int(rng.integers(12, 28))).rstrip("。") + "的通知"
        bodies = [self._text(rng, max(12, n)) for n in lengths]
        text = title + "\n" + "\n".join(bodies)
        doc_id = hashlib.sha1(f"{self.seed}/{index}".encode()).hexdigest()[:16]
        source = f"synthetic/{index:08d}.txt"
        doc = Document(doc_id, source, title, None, None, None, None, text, text)
        chunks, start = [], len(title) + 1
        for k, body in enumerate(bodies):
            chunks.append(Chunk(f"{doc_id}-{k:04d}", doc_id, source, title, k, "", None,
                                start, start + len(body), body))
            start += len(body) + 1
        return doc, chunks

    def documents(self, n_docs: int) -> tuple[dict[str, Document], list[Chunk]]:
        """The first ``n_docs`` documents (by id) and all their chunks, in order."""
        docs: dict[str, Document] = {}
        chunks: list[Chunk] = []
        for i in range(n_docs):
            doc, cs = self.document(i)
            docs[doc.doc_id] = doc
            chunks.extend(cs)
        return docs, chunks

    def corpus_of(self, n_chunks: int) -> tuple[dict[str, Document], list[Chunk]]:
        """Whole documents until at least ``n_chunks`` chunks, trimmed to exactly that many."""
        docs: dict[str, Document] = {}
        chunks: list[Chunk] = []
        i = 0
        while len(chunks) < n_chunks:
            doc, cs = self.document(i)
            docs[doc.doc_id] = doc
            chunks.extend(cs[: n_chunks - len(chunks)])
            i += 1
        return docs, chunks

    def table_of(self, n_chunks: int) -> tuple[list[Document], ChunkTable]:
        """As :meth:`corpus_of`, with the chunks held as columns (no million objects)."""
        docs: list[Document] = []
        by_id: dict[str, Document] = {}

        def stream() -> Iterator[Chunk]:
            made, i = 0, 0
            while made < n_chunks:
                doc, cs = self.document(i)
                docs.append(doc)
                by_id[doc.doc_id] = doc  # before its chunks reach the table
                yield from cs[: n_chunks - made]
                made += min(len(cs), n_chunks - made)
                i += 1

        return docs, ChunkTable.from_chunks(stream(), by_id)

    def doc_vectors(self, index: int, n_chunks: int) -> np.ndarray:
        """The chunk vectors of document ``index`` (unit rows, seeded)."""
        rng = np.random.default_rng([self.seed, index, 1])
        topic = self.topics[int(rng.integers(TOPICS))]
        centre = topic + rng.standard_normal(self.dim) * (0.6 / self.dim**0.5)
        centre /= np.linalg.norm(centre)
        x = centre + rng.standard_normal((n_chunks, self.dim)) * (0.45 / self.dim**0.5)
        return (x / np.linalg.norm(x, axis=1, keepdims=True)).astype(np.float32)

    def query(
        self, rng: np.random.Generator, chunk: Chunk, vector: np.ndarray
    ) -> tuple[str, np.ndarray]:
        """A question about ``chunk``: a span of its text, and a vector near its own."""
        span = int(rng.integers(6, 17))
        start = int(rng.integers(0, max(1, len(chunk.text) - span)))
        q = vector + rng.standard_normal(self.dim) * (0.6 / self.dim**0.5)
        return chunk.text[start : start + span], (q / np.linalg.norm(q)).astype(np.float32)


class LazyVectors(Mapping[str, np.ndarray]):
    """chunk_id -> vector, generated a document at a time (``build_from_chunks(reuse=...)``)."""

    def __init__(self, corpus: SyntheticCorpus, chunks: Sequence[Chunk]) -> None:
        self._corpus = corpus
        self._doc_index: dict[str, int] = {}
        self._sizes: dict[str, int] = {}
        for c in chunks:
            if c.doc_id not in self._doc_index:
                self._doc_index[c.doc_id] = int(c.source.split("/")[-1].split(".")[0])
            self._sizes[c.doc_id] = max(self._sizes.get(c.doc_id, 0), c.ordinal + 1)
        self._n = len(chunks)
        self._cached: tuple[str, np.ndarray] | None = None

    def __getitem__(self, chunk_id: str) -> np.ndarray:
        doc_id, _, ordinal = chunk_id.rpartition("-")
        if doc_id not in self._doc_index:
            raise KeyError(chunk_id)
        if self._cached is None or self._cached[0] != doc_id:
            self._cached = (doc_id, self._corpus.doc_vectors(self._doc_index[doc_id],
                                                             self._sizes[doc_id]))
        return self._cached[1][int(ordinal)]

    def __contains__(self, chunk_id: object) -> bool:
        return isinstance(chunk_id, str) and chunk_id.rpartition("-")[0] in self._doc_index

    def __iter__(self) -> Iterator[str]:
        raise TypeError("LazyVectors is looked up by chunk_id, not iterated")

    def __len__(self) -> int:
        return self._n
