"""On-disk generations: ``<index_dir>/gen-<N>/`` plus an atomically replaced ``CURRENT``.

A generation is written into ``gen-<N>.partial/``, every file fsynced, the
manifest (with the sha256 of every file) written last, the directory renamed
to ``gen-<N>`` and only then ``CURRENT`` replaced with ``os.replace``. Reading
verifies every checksum before any file reaches numpy, bm25s or faiss.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import logging
import os
import re
import shutil
import stat
from collections.abc import Iterator
from dataclasses import fields
from pathlib import Path
from typing import Any

from index.errors import (
    IndexCorruptError,
    IndexLockedError,
    IndexNotFoundError,
    rebuild_command,
)
from ingest.types import Chunk, Document

logger = logging.getLogger(__name__)

FORMAT_VERSION = 2  # 2: adds the document-level BM25 (bm25_docs/)
MANIFEST = "manifest.json"
MANIFEST_SHA = "manifest.json.sha256"
CURRENT = "CURRENT"
LOCK = ".build.lock"
_GEN_RE = re.compile(r"^gen-(\d+)$")
_MAX_MANIFEST_BYTES = 64 * 1024 * 1024


@contextlib.contextmanager
def open_regular(path: Path) -> Iterator[Any]:
    """Open ``path`` for reading only if it is a regular file (binary file object).

    Opened without blocking and checked on the open descriptor, so a FIFO or
    device swapped into the index folder raises ``OSError`` instead of hanging
    or streaming forever.
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    with os.fdopen(fd, "rb") as fh:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(f"{path} is not a regular file")
        yield fh


def read_regular(path: Path) -> bytes:
    """All bytes of a regular file (see :func:`open_regular`)."""
    with open_regular(path) as fh:
        return fh.read()


def sha256_file(path: Path) -> str:
    """Hex sha256 of a regular file's bytes (``OSError`` for anything else)."""
    digest = hashlib.sha256()
    with open_regular(path) as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def sha256_bytes(data: bytes) -> str:
    """Hex sha256 of ``data``."""
    return hashlib.sha256(data).hexdigest()


def sha256_text(text: str) -> str:
    """Hex sha256 of UTF-8 text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _fsync_path(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def generations(index_dir: Path) -> list[int]:
    """Numbers of the complete generation directories, ascending."""
    if not index_dir.is_dir():
        return []
    found = [int(m.group(1)) for p in index_dir.iterdir() if (m := _GEN_RE.match(p.name))]
    return sorted(found)


def generation_dir(index_dir: Path, number: int) -> Path:
    """Path of generation ``number``."""
    return index_dir / f"gen-{number}"


def read_current(index_dir: Path) -> int | None:
    """The generation named by ``CURRENT``, or None when there is none or it is unreadable."""
    try:
        with open_regular(index_dir / CURRENT) as fh:
            raw = fh.read(64).decode("utf-8", "replace").strip()
    except OSError:
        return None
    m = _GEN_RE.match(raw)
    return int(m.group(1)) if m else None


@contextlib.contextmanager
def build_lock(index_dir: Path) -> Iterator[None]:
    """Hold an exclusive ``fcntl.flock`` on the index directory, failing fast if taken."""
    index_dir.mkdir(parents=True, exist_ok=True)
    with (index_dir / LOCK).open("a+") as fh:
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise IndexLockedError(
                f"another build or update is running on {index_dir} (lock {index_dir / LOCK}); "
                "wait for it to finish and try again"
            ) from exc
        try:
            yield
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def write_jsonl(path: Path, rows: list[dict[str, Any]]) -> None:
    """Write one JSON object per line."""
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def document_row(doc: Document) -> dict[str, Any]:
    """JSON-ready form of a Document."""
    row = {f.name: getattr(doc, f.name) for f in fields(doc)}
    row["meta"] = dict(doc.meta)
    return row


def read_documents(path: Path) -> list[Document]:
    """Documents written by :func:`write_jsonl` of :func:`document_row` rows.

    A document whose search form equals its text (Simplified text) holds one
    string for both, not two equal copies.
    """
    with open_regular(path) as raw:
        return [document_from_row(json.loads(line)) for line in _lines(raw)]


def document_from_row(row: dict[str, Any]) -> Document:
    """A Document from its JSON row; equal text and search form become one string."""
    if row.get("search_text") == row.get("text"):
        row["search_text"] = row["text"]
    return Document(**row)


def read_chunks(path: Path) -> list[Chunk]:
    """Chunks written by :func:`write_jsonl` of ``asdict`` rows."""
    return list(iter_chunks(path))


def iter_chunks(path: Path) -> Iterator[Chunk]:
    """The chunks of :func:`read_chunks`, one at a time."""
    with open_regular(path) as raw:
        for line in _lines(raw):
            yield Chunk(**json.loads(line))


def _lines(raw: Any) -> Iterator[str]:
    """Non-blank UTF-8 lines of a binary file object."""
    for line in raw:
        text = line.decode("utf-8")
        if text.strip():
            yield text


def start_generation(index_dir: Path) -> tuple[int, Path]:
    """Create an empty ``gen-<N>.partial`` directory for the next generation."""
    for stale in index_dir.glob("gen-*.partial"):
        shutil.rmtree(stale, ignore_errors=True)
    existing = generations(index_dir)
    number = (max(existing) if existing else 0) + 1
    partial = index_dir / f"gen-{number}.partial"
    partial.mkdir(parents=True)
    return number, partial


def finish_generation(
    index_dir: Path, number: int, partial: Path, manifest: dict[str, Any]
) -> Path:
    """Checksum and fsync every file, write the manifest, rename, then switch ``CURRENT``."""
    files: dict[str, str] = {}
    for path in sorted(p for p in partial.rglob("*") if p.is_file()):
        _fsync_path(path)
        files[path.relative_to(partial).as_posix()] = sha256_file(path)
    manifest = {**manifest, "format_version": FORMAT_VERSION, "generation": number, "files": files}
    mpath = partial / MANIFEST
    mpath.write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    _fsync_path(mpath)
    (partial / MANIFEST_SHA).write_text(sha256_file(mpath) + "\n", encoding="ascii")
    _fsync_path(partial / MANIFEST_SHA)
    for sub in sorted({p.parent for p in partial.rglob("*")}, key=lambda p: -len(p.parts)):
        _fsync_path(sub)
    final = generation_dir(index_dir, number)
    os.replace(partial, final)
    _fsync_path(index_dir)
    switch_current(index_dir, number)
    return final


def switch_current(index_dir: Path, number: int) -> None:
    """Atomically point ``CURRENT`` at generation ``number``."""
    tmp = index_dir / f"{CURRENT}.tmp"
    with tmp.open("w", encoding="utf-8") as fh:
        fh.write(f"gen-{number}\n")
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, index_dir / CURRENT)
    _fsync_path(index_dir)


def prune_generations(index_dir: Path, keep: set[int]) -> None:
    """Delete complete generations not in ``keep``."""
    for number in generations(index_dir):
        if number not in keep:
            shutil.rmtree(generation_dir(index_dir, number), ignore_errors=True)
            logger.info("removed old generation gen-%d", number)


def read_manifest(gen_dir: Path, index_dir: Path) -> dict[str, Any]:
    """Parse and sanity-check a generation's manifest."""
    path = gen_dir / MANIFEST
    hint = f"rebuild with: {rebuild_command(index_dir)}"
    if not path.is_file():
        raise IndexCorruptError(f"{path} is missing; {hint}")
    if path.stat().st_size > _MAX_MANIFEST_BYTES:
        raise IndexCorruptError(f"{path} is implausibly large; {hint}")
    try:
        expected = read_regular(gen_dir / MANIFEST_SHA).decode("ascii").strip()
    except (OSError, UnicodeDecodeError):
        expected = ""
    try:
        data = read_regular(path)
    except OSError as exc:
        raise IndexCorruptError(f"{path} could not be read ({exc}); {hint}") from exc
    if data.startswith(LFS_POINTER_START):
        raise _damage(path, hint)
    if sha256_bytes(data) != expected:
        raise IndexCorruptError(
            f"{path} was edited or is corrupt (it does not match {MANIFEST_SHA}); {hint}"
        )
    try:
        manifest = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise IndexCorruptError(f"{path} is not valid JSON ({exc}); {hint}") from exc
    if not isinstance(manifest, dict) or not isinstance(manifest.get("files"), dict):
        raise IndexCorruptError(f"{path} has no file checksums; {hint}")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise IndexCorruptError(
            f"{path} has format version {manifest.get('format_version')!r}, "
            f"this code reads {FORMAT_VERSION}; {hint}"
        )
    return manifest


LFS_POINTER_START = b"version https://git-lfs.github.com/spec/"


def is_lfs_pointer(path: Path) -> bool:
    """True when ``path`` holds a Git LFS pointer instead of the real content."""
    try:
        with open_regular(path) as fh:
            return fh.read(64).startswith(LFS_POINTER_START)
    except OSError:
        return False


def _damage(path: Path, hint: str) -> IndexCorruptError:
    if is_lfs_pointer(path):
        return IndexCorruptError(
            f"{path} is a Git LFS pointer, not the file itself; run `git lfs pull`, or {hint}"
        )
    return IndexCorruptError(f"{path} is corrupt or truncated (checksum mismatch); {hint}")


def verify_files(
    gen_dir: Path, manifest: dict[str, Any], index_dir: Path, required: tuple[str, ...] = ()
) -> None:
    """Check that every file listed in the manifest exists with the recorded sha256.

    ``required`` names files (or directory prefixes ending in ``/``) the manifest must list.
    """
    hint = f"rebuild with: {rebuild_command(index_dir)}"
    listed = manifest["files"]
    for name in required:
        present = any(k.startswith(name) for k in listed) if name.endswith("/") else name in listed
        if not present:
            raise IndexCorruptError(f"{gen_dir / MANIFEST} does not list {name}; {hint}")
    for rel, expected in manifest["files"].items():
        path = gen_dir / rel
        if ".." in Path(rel).parts or not path.is_file():
            raise IndexCorruptError(f"{path} is missing; {hint}")
        if file_problem(path, expected):
            raise _damage(path, hint)


def file_problem(path: Path, expected: str) -> str | None:
    """Why ``path`` does not hold the bytes with sha256 ``expected``, or None when it does."""
    try:
        actual = sha256_file(path)
    except OSError as exc:
        return f"unreadable ({exc.strerror or exc})"
    return None if actual == expected else "checksum mismatch"


def resolve_generation(index_dir: Path) -> int:
    """The CURRENT generation number, or a clear error when there is no index."""
    if not index_dir.is_dir():
        raise IndexNotFoundError(
            f"no index at {index_dir}; build one with: {rebuild_command(index_dir)}"
        )
    current = read_current(index_dir)
    if current is None:
        raise IndexNotFoundError(
            f"{index_dir / CURRENT} is missing or unreadable; "
            f"build the index with: {rebuild_command(index_dir)}"
        )
    return current
