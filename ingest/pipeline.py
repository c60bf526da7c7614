"""Ingest a corpus folder: load → normalise → metadata → chunk."""

from __future__ import annotations

import hashlib
import logging
import stat
from bisect import bisect_right
from collections.abc import Mapping
from pathlib import Path

from tqdm import tqdm

from ingest.chunking import chunk_spans
from ingest.config import ChunkingConfig
from ingest.dedup import DEFAULT_THRESHOLD, near_duplicates
from ingest.errors import IngestError, UnreadableFileError
from ingest.loaders import LOADERS, UNSUPPORTED, load_pages
from ingest.manifest import FIELD_KEYS, MANIFEST_NAMES, load_manifest
from ingest.metadata import infer_metadata, parse_date
from ingest.normalise import normalise_text
from ingest.report import IngestReport, IngestResult
from ingest.script import to_simplified
from ingest.types import Chunk, Document, SkippedFile

logger = logging.getLogger(__name__)
DEFAULT_CONFIG = ChunkingConfig()


def doc_id_for(text: str) -> str:
    """Stable document id: a hash of the normalised display text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def chunk_id_for(doc_id: str, ordinal: int) -> str:
    """Stable chunk id: the document id plus the chunk's ordinal."""
    return f"{doc_id}-{ordinal:04d}"


def join_pages(pages: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """Normalise each page and join them; returns text and (offset, page number) starts."""
    parts: list[str] = []
    starts: list[tuple[int, int]] = []
    offset = 0
    for number, raw in enumerate(pages, start=1):
        cleaned = normalise_text(raw)
        if not cleaned:
            continue
        if parts:
            offset += 1  # the "\n" joining pages
        starts.append((offset, number))
        parts.append(cleaned)
        offset += len(cleaned)
    return "\n".join(parts), starts


def page_at(starts: list[tuple[int, int]], offset: int) -> int | None:
    """Page number holding ``offset`` (None when the source has no pages)."""
    if not starts:
        return None
    i = bisect_right([s for s, _ in starts], offset) - 1
    return starts[max(i, 0)][1]


def build_document(source: str, text: str, overrides: Mapping[str, str]) -> Document:
    """A Document with inferred metadata, overridden by the manifest entry."""
    inferred = infer_metadata(text, fallback_title=Path(source).stem)
    fields = {
        "title": inferred.title,
        "issuer": inferred.issuer,
        "date": inferred.date,
        "doc_number": inferred.doc_number,
        "region": inferred.region,
    }
    for key in FIELD_KEYS & overrides.keys():
        value = overrides[key]
        fields[key] = (parse_date(value) or value) if key == "date" else value
    meta = {k: v for k, v in overrides.items() if k not in FIELD_KEYS}
    return Document(
        doc_id=doc_id_for(text),
        source=source,
        text=text,
        search_text=to_simplified(text),
        meta=meta,
        **fields,
    )


def build_chunks(
    doc: Document, starts: list[tuple[int, int]], config: ChunkingConfig
) -> list[Chunk]:
    """Chunks of one document with exact offsets, section paths and pages."""
    return [
        Chunk(
            chunk_id=chunk_id_for(doc.doc_id, i),
            doc_id=doc.doc_id,
            source=doc.source,
            title=doc.title,
            ordinal=i,
            section_path=span.section_path,
            page=page_at(starts, span.start),
            char_start=span.start,
            char_end=span.end,
            text=doc.text[span.start : span.end],
        )
        for i, span in enumerate(chunk_spans(doc.text, config))
    ]


def _corpus_files(corpus_dir: Path) -> tuple[list[Path], list[SkippedFile]]:
    """Regular files to read, and the entries refused with their reason: links that
    lead outside the corpus folder (or nowhere) and anything not a regular file
    (FIFO, socket, device). Links to folders are not followed."""
    root = corpus_dir.resolve()
    files: list[Path] = []
    refused: list[SkippedFile] = []
    for path in sorted(corpus_dir.rglob("*")):
        rel = path.relative_to(corpus_dir)
        if any(part.startswith(".") for part in rel.parts) or (
            path.parent == corpus_dir and path.name in MANIFEST_NAMES
        ):
            continue
        reason = refusal(path, root)
        if reason:
            logger.warning("skipped %s: %s", rel.as_posix(), reason)
            refused.append(SkippedFile(rel.as_posix(), reason))
        elif path.is_file():
            files.append(path)
    return files, refused


def refusal(path: Path, root: Path) -> str | None:
    """Why ``path`` (inside the corpus folder ``root``) must not be read, or None.

    Folders and links to folders inside the corpus give None (nothing to read).
    """
    if path.is_symlink():
        try:
            target = path.resolve(strict=True)
        except (OSError, RuntimeError):
            return "symbolic link to nothing (broken or looping)"
        if not target.is_relative_to(root):
            return "symbolic link to a path outside the corpus folder (not followed)"
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        return f"cannot be examined ({exc.strerror or exc})"
    if stat.S_ISDIR(mode) or stat.S_ISREG(mode):
        return None
    kind = "FIFO" if stat.S_ISFIFO(mode) else "socket" if stat.S_ISSOCK(mode) else "device"
    return f"not a regular file ({kind})"


def _check_dir(corpus_dir: Path) -> None:
    if not corpus_dir.exists():
        raise IngestError(f"corpus folder not found: {corpus_dir}")
    if not corpus_dir.is_dir():
        raise IngestError(f"not a folder: {corpus_dir}")


def ingest_corpus(
    corpus_dir: Path,
    config: ChunkingConfig = DEFAULT_CONFIG,
    *,
    progress: bool = False,
    fold_threshold: float | None = DEFAULT_THRESHOLD,
) -> IngestResult:
    """Ingest every supported file under ``corpus_dir``.

    Unreadable files are logged and reported, never fatal; raises IngestError
    when the folder is missing or yields no document. Byte-identical files are
    kept once; republished near-identical copies (see ``ingest.dedup``) are
    folded into one document unless ``fold_threshold`` is None. A file with a
    manifest entry is never folded away.
    """
    corpus_dir = Path(corpus_dir)
    _check_dir(corpus_dir)
    manifest = load_manifest(corpus_dir)
    files, refused = _corpus_files(corpus_dir)
    loaded: list[tuple[Document, list[tuple[int, int]]]] = []
    skipped: list[SkippedFile] = list(refused)
    duplicates: list[tuple[str, str]] = []
    seen: dict[str, str] = {}
    files_read = 0
    for path in tqdm(files, desc="ingest", unit="file", disable=not progress):
        source = path.relative_to(corpus_dir).as_posix()
        try:
            text, starts = join_pages(load_pages(path))
            if not text:
                raise UnreadableFileError("no text left after cleaning")
        except UnreadableFileError as exc:
            unsupported = str(exc) == UNSUPPORTED
            logger.log(
                logging.INFO if unsupported else logging.WARNING, "skipped %s: %s", source, exc
            )
            skipped.append(SkippedFile(source, str(exc)))
            continue
        files_read += 1
        doc_id = doc_id_for(text)
        if doc_id in seen:
            logger.info("duplicate %s: same content as %s", source, seen[doc_id])
            duplicates.append((seen[doc_id], source))
            continue
        seen[doc_id] = source
        doc = build_document(source, text, manifest.get(source, {}))
        loaded.append((doc, starts if path.suffix.lower() == ".pdf" else []))
    folded = _fold_copies([d for d, _ in loaded], manifest, fold_threshold)
    documents = [d for d, _ in loaded if d.source not in folded]
    chunks = [
        c
        for doc, starts in loaded
        if doc.source not in folded
        for c in build_chunks(doc, starts, config)
    ]
    known = {p.relative_to(corpus_dir).as_posix() for p in files}
    for name in sorted(manifest.keys() - known):
        logger.warning("manifest entry %s matches no file in %s", name, corpus_dir)
    report = IngestReport(
        files_seen=len(files) + len(refused),
        files_read=files_read,
        skipped=skipped,
        duplicates=duplicates,
        near_duplicates=[(kept, dropped) for dropped, kept in folded.items()],
        n_documents=len(documents),
        n_chunks=len(chunks),
    )
    if not documents:
        raise IngestError(
            f"nothing readable in {corpus_dir}: {len(files) + len(refused)} file(s) seen, "
            f"{len(skipped)} skipped; supported file types: {', '.join(sorted(LOADERS))}"
        )
    return IngestResult(documents, chunks, report)


def _fold_copies(
    documents: list[Document], manifest: Mapping[str, object], threshold: float | None
) -> dict[str, str]:
    """Folded source -> kept source, in corpus order; files with a manifest entry stay."""
    if threshold is None or len(documents) < 2:
        return {}
    pairs = near_duplicates({d.source: d.text for d in documents}, threshold)
    folded = {}
    for doc in documents:
        kept = pairs.get(doc.source)
        if kept is not None and doc.source not in manifest:
            logger.info("folded %s: a near-identical copy of %s", doc.source, kept)
            folded[doc.source] = kept
    return folded
