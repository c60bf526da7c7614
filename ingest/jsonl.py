"""Read and write documents and chunks as JSON Lines (one object per line, UTF-8).

>>> import tempfile, pathlib
>>> from ingest.types import Document
>>> d = Document("d1", "a.txt", "标题", None, None, None, None, "正文", "正文")
>>> p = pathlib.Path(tempfile.mkdtemp()) / "documents.jsonl"
>>> write_documents(p, [d]); read_documents(p) == [d]
True
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ingest.types import Chunk, Document

DOCUMENT_FIELDS = (
    "doc_id",
    "source",
    "title",
    "issuer",
    "date",
    "doc_number",
    "region",
    "text",
    "search_text",
)
CHUNK_FIELDS = (
    "chunk_id",
    "doc_id",
    "source",
    "title",
    "ordinal",
    "section_path",
    "page",
    "char_start",
    "char_end",
    "text",
)


def document_to_json(doc: Document) -> dict[str, Any]:
    """Return the JSON object written for one document."""
    row: dict[str, Any] = {name: getattr(doc, name) for name in DOCUMENT_FIELDS}
    row["meta"] = dict(doc.meta)
    return row


def chunk_to_json(chunk: Chunk) -> dict[str, Any]:
    """Return the JSON object written for one chunk."""
    return {name: getattr(chunk, name) for name in CHUNK_FIELDS}


def _write_lines(path: Path, rows: Iterable[dict[str, Any]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    tmp.replace(path)


def _read_lines(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    with Path(path).open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{number}: not valid JSON ({exc.msg})") from exc
            if not isinstance(row, dict):
                raise ValueError(f"{path}:{number}: expected a JSON object")
            yield number, row


def write_documents(path: Path, documents: Iterable[Document]) -> None:
    """Write documents to ``path`` (replaced atomically)."""
    _write_lines(Path(path), (document_to_json(d) for d in documents))


def write_chunks(path: Path, chunks: Iterable[Chunk]) -> None:
    """Write chunks to ``path`` (replaced atomically)."""
    _write_lines(Path(path), (chunk_to_json(c) for c in chunks))


def read_documents(path: Path) -> list[Document]:
    """Read documents written by :func:`write_documents`."""
    docs = []
    for number, row in _read_lines(Path(path)):
        try:
            values = {name: row[name] for name in DOCUMENT_FIELDS if name != "search_text"}
            docs.append(
                Document(
                    **values,
                    search_text=row.get("search_text") or row["text"],
                    meta=row.get("meta") or {},
                )
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"{path}:{number}: not a document record ({exc})") from exc
    return docs


def read_chunks(path: Path) -> list[Chunk]:
    """Read chunks written by :func:`write_chunks`."""
    chunks = []
    for number, row in _read_lines(Path(path)):
        try:
            values = {name: row[name] for name in CHUNK_FIELDS if name != "ordinal"}
            chunks.append(Chunk(**values, ordinal=int(row.get("ordinal", len(chunks)))))
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"{path}:{number}: not a chunk record ({exc})") from exc
    return chunks
