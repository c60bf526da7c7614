"""One verified, immutable index generation read from disk (checksums first).

Chunks are held as columns (:mod:`index.chunk_table`). A generation large enough
for IVF-PQ also holds its vectors as int8 codes (:mod:`index.vector_file`) and
its BM25 weights as float16: at a million chunks that is what keeps one process
under 4 GiB (``bench/bench_scale.py``).

>>> # gen = load_generation(Path("indexes/main")); gen.number, len(gen.chunks)
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

import faiss
import numpy as np

from index.bm25 import Bm25Index
from index.build import BM25_DIR, BM25_DOCS_DIR, CHUNKS, DOCUMENTS, FAISS_FILE, VECTORS
from index.chunk_table import ChunkTable
from index.dense import faiss_from_bytes, is_approximate, search_faiss, search_refined
from index.errors import IndexCorruptError, IndexError_, rebuild_command
from index.facts_store import load_facts
from index.store import (
    MANIFEST,
    file_problem,
    generation_dir,
    generations,
    iter_chunks,
    read_documents,
    read_manifest,
    read_regular,
    resolve_generation,
    sha256_bytes,
    verify_files,
)
from index.vector_file import Int8Rows, read_vectors
from ingest.facts import Fact
from ingest.types import Chunk, Document

logger = logging.getLogger(__name__)

REQUIRED_FILES = (VECTORS, FAISS_FILE, CHUNKS, DOCUMENTS, BM25_DIR + "/", BM25_DOCS_DIR + "/")


@dataclass(frozen=True)
class Generation:
    """One verified, immutable generation loaded into memory."""

    number: int
    manifest: Mapping[str, Any]
    documents: Mapping[str, Document]
    chunks: ChunkTable  # columns, not a million objects
    vectors: np.ndarray | Int8Rows
    dense: faiss.Index
    lexical: Bm25Index
    doc_lexical: Bm25Index
    chunk_doc_row: np.ndarray
    facts: tuple[Fact, ...]
    sizes: Mapping[str, int] = field(default_factory=dict)  # bytes of each file when verified
    folder: Path | None = None  # where it was read from

    # The search backend protocol (index.backend.SearchBackend) over these arrays.
    def dense_top(self, query: np.ndarray, n: int) -> list[tuple[int, float]]:
        if is_approximate(self.dense):
            return search_refined(self.dense, self.vectors, query, n)
        return search_faiss(self.dense, query, n)

    def lexical_top(self, tokens: Sequence[str], n: int) -> list[tuple[int, float]]:
        return self.lexical.search(tokens, n)

    def dense_scores(self, rows: np.ndarray, query: np.ndarray) -> np.ndarray:
        return np.asarray(self.vectors[rows], dtype=np.float32) @ query

    def lexical_scores(self, rows: np.ndarray, tokens: Sequence[str]) -> np.ndarray:
        return self.lexical.scores_at(tokens, rows)

    def document_top(self, tokens: Sequence[str], n: int) -> list[tuple[int, float]]:
        return self.doc_lexical.search(tokens, n)

    def document_frequencies(self, tokens: Sequence[str]) -> list[int]:
        return self.lexical.document_frequencies(tokens)

    def chunks_at(self, rows: Sequence[int]) -> list[Chunk]:
        return self.chunks.fetch(rows)

    def reusable_vectors(self, doc_ids: set[str]) -> dict[str, np.ndarray]:
        rows = self._rows_of(doc_ids)
        held = self.vectors
        exact = held if isinstance(held, np.ndarray) else self._exact_vectors()
        return {self.chunks[i].chunk_id: exact[i] for i in rows}

    def _exact_vectors(self) -> np.ndarray:
        """The float32 vectors from disk (this generation holds int8 codes)."""
        if self.folder is None:
            raise IndexCorruptError(f"gen-{self.number} has no folder to re-read vectors from")
        try:
            return read_vectors(self.folder / VECTORS, self.manifest["files"][VECTORS])
        except (OSError, ValueError) as exc:
            raise IndexCorruptError(
                f"{self.folder / VECTORS} could not be re-read ({exc})") from exc

    def _rows_of(self, doc_ids: set[str]) -> list[int]:
        return [i for i, d in enumerate(self.chunks.doc_ids()) if d in doc_ids]

    def describe(self) -> dict[str, Any]:
        return {"backend": "faiss"}


def _read_generation(index_dir: Path, number: int) -> Generation:
    gen_dir = generation_dir(index_dir, number)
    hint = f"rebuild with: {rebuild_command(index_dir)}"
    manifest = read_manifest(gen_dir, index_dir)
    # every checksum before any file reaches numpy, faiss or bm25s
    verify_files(gen_dir, manifest, index_dir, REQUIRED_FILES)
    sizes = {name: _size(gen_dir / name) for name in manifest["files"]}
    try:
        # private in-memory copies (no memory map), of exactly the bytes checked
        dense = faiss_from_bytes(_verified(gen_dir, FAISS_FILE, manifest, hint))
        # beside compressed codes (IVF-PQ, the largest corpora) vectors are held as
        # int8 codes and BM25 weights as float16; exact float32 otherwise. BM25 first:
        # its float32 arrays are briefly held beside the halves, before the rest loads.
        compact = is_approximate(dense)
        lexical = Bm25Index.load(gen_dir / BM25_DIR, int(manifest["n_chunks"]), half=compact)
        doc_lexical = Bm25Index.load(gen_dir / BM25_DOCS_DIR, int(manifest["n_documents"]),
                                     half=compact)
        docs = read_documents(gen_dir / DOCUMENTS)
        by_id = {d.doc_id: d for d in docs}
        # a chunk naming a missing document, or text that is not its slice, is a ValueError
        chunks = ChunkTable.from_chunks(iter_chunks(gen_dir / CHUNKS), by_id)
        vectors = read_vectors(gen_dir / VECTORS, manifest["files"][VECTORS], int8=compact)
        facts = load_facts(gen_dir, manifest, docs)
    except (OSError, ValueError, TypeError, KeyError, RuntimeError) as exc:
        raise IndexCorruptError(f"{gen_dir} could not be read ({exc}); {hint}") from exc
    n, dim = len(chunks), int(manifest.get("dim", -1))
    if (vectors.shape != (n, dim) or dense.ntotal != n or dense.d != dim
            or (lexical.n_rows(), doc_lexical.n_rows()) != (n, len(docs))):
        raise IndexCorruptError(
            f"{gen_dir}: {CHUNKS}, {VECTORS}, {FAISS_FILE}, BM25 and manifest.json disagree: "
            f"{n} chunks of {len(docs)} documents, vectors {vectors.shape}, "
            f"faiss {dense.ntotal}x{dense.d}, BM25 rows {lexical.n_rows()} and "
            f"{doc_lexical.n_rows()}, manifest dim {dim}; {hint}"
        )
    doc_row = {d.doc_id: i for i, d in enumerate(docs)}
    return Generation(
        number=number,
        manifest=MappingProxyType(dict(manifest)),
        documents=MappingProxyType(by_id),
        chunks=chunks,
        vectors=vectors,
        dense=dense,
        lexical=lexical,
        doc_lexical=doc_lexical,
        chunk_doc_row=np.fromiter((doc_row[d] for d in chunks.doc_ids()), dtype=np.int64,
                                  count=len(chunks)),
        facts=facts,
        sizes=MappingProxyType(sizes),
        folder=gen_dir,
    )


def _verified(gen_dir: Path, name: str, manifest: Mapping[str, Any], hint: str) -> bytes:
    """The bytes of ``gen_dir/name``, read once and checked against the manifest.

    Files that can change under the server are never memory-mapped: a file
    truncated under a map kills the process with SIGBUS at the next read.
    """
    data = read_regular(gen_dir / name)
    if sha256_bytes(data) != manifest["files"][name]:
        raise IndexCorruptError(f"{gen_dir / name} changed while it was read; {hint}")
    return data


def changed_files(index_dir: Path, generation: Generation) -> list[str]:
    """Files of ``generation`` whose bytes on disk no longer match the checksums it was
    loaded with (names relative to its folder, with the reason), manifest included.

    >>> # changed_files(Path("idx"), gen) -> ["vectors.npy (checksum mismatch)"]
    """
    gen_dir = generation_dir(index_dir, generation.number)
    changed = []
    try:
        if read_manifest(gen_dir, index_dir) != dict(generation.manifest):
            changed.append(f"{MANIFEST} (edited)")
    except IndexError_:
        changed.append(f"{MANIFEST} (unreadable or edited)")
    for name, expected in sorted(generation.manifest["files"].items()):
        size = _size(gen_dir / name)
        problem = (  # a size change is known without reading (the file may be huge)
            "size changed" if size != generation.sizes.get(name, size)
            else file_problem(gen_dir / name, expected)
        )
        if problem:
            changed.append(f"{name} ({problem})")
    return changed


def _size(path: Path) -> int:
    """Size in bytes of ``path`` (-1 when it cannot be examined)."""
    try:
        return path.stat().st_size
    except OSError:
        return -1


def load_generation(index_dir: Path) -> Generation:
    """The CURRENT generation, falling back to the newest older good one if it is corrupt."""
    gen, _fallback = load_with_fallback(Path(index_dir))
    return gen


def load_with_fallback(index_dir: Path) -> tuple[Generation, str | None]:
    """The CURRENT generation, or the newest older good one and a note saying why."""
    current = resolve_generation(index_dir)
    try:
        return _read_generation(index_dir, current), None
    except IndexCorruptError as first:
        for older in sorted((g for g in generations(index_dir) if g < current), reverse=True):
            try:
                gen = _read_generation(index_dir, older)
            except IndexError_:
                continue
            message = f"gen-{current} is unusable ({first}); serving older gen-{older}"
            logger.warning(message)
            return gen, message
        raise
