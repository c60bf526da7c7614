"""What a generation looks like in Milvus: two collections and their rows.

``<alias>_g<N>`` holds one row per chunk: ``row`` (primary key, the chunk's
position, as in the FAISS generation), ``doc_row``, the chunk as JSON text with
its sha256, its embedding (``vector``) and its BM25 weights as a sparse vector
(``lexical``, see :mod:`index.sparse`).

``<alias>_g<N>_docs`` holds every document as one JSON record (the document,
its manifest entry, its facts and the chunk rows it owns), cut into parts of
at most :data:`PART_CHARS` characters because a Milvus text field holds at
most 65,535 bytes. Part 0 also carries the document-level BM25 vector.
The primary key is ``doc_row * PART_STRIDE + part``. Document row -1 holds the
BM25 term table (how many chunks hold each token, by token key), which the
retriever's coverage weighting reads.

>>> doc_parts(3, "x" * (PART_CHARS + 1), {})[1]["key"] == 3 * PART_STRIDE + 1
True
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict
from typing import Any

import numpy as np

from index.dense import HNSW_EF_CONSTRUCTION, HNSW_M, index_type_for
from index.sparse import SparseRow, storable
from ingest.types import Chunk

#: Milvus's limit for a VARCHAR field, in UTF-8 bytes.
MAX_TEXT_BYTES = 65_535
#: Characters per document part: at most 4 bytes each in UTF-8, so a part always fits.
PART_CHARS = 16_000
PART_STRIDE = 1 << 20

VECTOR = "vector"
LEXICAL = "lexical"
FORMAT = "policyqa-milvus/1"
#: Collection property keys (the manifest lives in the chunk collection's properties).
MANIFEST_KEY = "policyqa.manifest"
MANIFEST_SHA_KEY = "policyqa.manifest_sha256"


def sha256_text(text: str) -> str:
    """Hex sha256 of UTF-8 text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def chunk_schema(client: Any, dim: int) -> Any:
    """Schema of a generation's chunk collection for ``dim``-dimensional embeddings."""
    from pymilvus import DataType

    schema = client.create_schema(auto_id=False, enable_dynamic_field=False)
    schema.add_field("row", DataType.INT64, is_primary=True)
    schema.add_field("doc_row", DataType.INT64)
    schema.add_field("chunk", DataType.VARCHAR, max_length=MAX_TEXT_BYTES)
    schema.add_field("sha", DataType.VARCHAR, max_length=64)
    schema.add_field(VECTOR, DataType.FLOAT_VECTOR, dim=dim)
    schema.add_field(LEXICAL, DataType.SPARSE_FLOAT_VECTOR)
    return schema


def docs_schema(client: Any) -> Any:
    """Schema of a generation's document collection."""
    from pymilvus import DataType

    schema = client.create_schema(auto_id=False, enable_dynamic_field=False)
    schema.add_field("key", DataType.INT64, is_primary=True)
    schema.add_field("doc_row", DataType.INT64)
    schema.add_field("blob", DataType.VARCHAR, max_length=MAX_TEXT_BYTES)
    schema.add_field(LEXICAL, DataType.SPARSE_FLOAT_VECTOR)
    return schema


def dense_index_type(n_chunks: int, threshold: int) -> str:
    """``"FLAT"`` (exact) below ``threshold`` chunks, ``"HNSW"`` above, as the FAISS backend
    (whose IVF-PQ tier saves a single machine's memory; a Milvus server keeps HNSW)."""
    return "FLAT" if index_type_for(n_chunks, threshold) == "flat" else "HNSW"


def chunk_index_params(client: Any, index_type: str) -> Any:
    """Index parameters: inner product over the embeddings, an inverted index over BM25."""
    params = client.prepare_index_params()
    dense = {"M": HNSW_M, "efConstruction": HNSW_EF_CONSTRUCTION} if index_type == "HNSW" else {}
    params.add_index(VECTOR, index_type=index_type, metric_type="IP", params=dense)
    params.add_index(LEXICAL, index_type="SPARSE_INVERTED_INDEX", metric_type="IP")
    return params


def docs_index_params(client: Any) -> Any:
    """Index parameters of the document collection (document-level BM25)."""
    params = client.prepare_index_params()
    params.add_index(LEXICAL, index_type="SPARSE_INVERTED_INDEX", metric_type="IP")
    return params


def chunk_json(chunk: Chunk) -> str:
    """The chunk as stored (compact JSON, keys in field order)."""
    return json.dumps(asdict(chunk), ensure_ascii=False, separators=(",", ":"))


def chunk_rows(
    chunks: Sequence[Chunk],
    start: int,
    vectors: np.ndarray,
    lexical: Sequence[SparseRow],
    doc_rows: Sequence[int],
) -> list[dict[str, Any]]:
    """Insertable rows for ``chunks`` (at positions ``start``...), with a clear size error."""
    rows = []
    for offset, chunk in enumerate(chunks):
        text = chunk_json(chunk)
        if len(text.encode("utf-8")) > MAX_TEXT_BYTES:
            raise ValueError(
                f"chunk {chunk.chunk_id} is {len(text.encode('utf-8'))} bytes as JSON; a Milvus "
                f"text field holds at most {MAX_TEXT_BYTES}: build with a smaller --chunk-size"
            )
        row = start + offset
        rows.append({
            "row": row,
            "doc_row": int(doc_rows[row]),
            "chunk": text,
            "sha": sha256_text(text),
            VECTOR: np.asarray(vectors[offset], dtype=np.float32).tolist(),
            LEXICAL: lexical[offset],
        })
    return rows


def parse_chunk(text: str) -> Chunk:
    """A stored chunk back as a :class:`Chunk`."""
    return Chunk(**json.loads(text))


def document_record(
    document: Mapping[str, Any],
    entry: Mapping[str, Any],
    facts: Iterable[Mapping[str, Any]],
    rows: Sequence[Sequence[int]],
) -> str:
    """One document's stored record: the document, manifest entry, facts and chunk rows."""
    return json.dumps(
        {"document": document, "entry": entry, "facts": list(facts), "rows": rows},
        ensure_ascii=False, separators=(",", ":"),
    )


def doc_parts(doc_row: int, record: str, lexical: SparseRow) -> list[dict[str, Any]]:
    """Insertable rows holding ``record`` in parts; part 0 carries the BM25 vector."""
    pieces = [record[i : i + PART_CHARS] for i in range(0, len(record), PART_CHARS)] or [""]
    if len(pieces) >= PART_STRIDE:
        raise ValueError(f"document row {doc_row} is too large to store ({len(record)} chars)")
    # row -1 (the term table) gets keys -PART_STRIDE .. -1, below every document
    return [
        {"key": doc_row * PART_STRIDE + part, "doc_row": doc_row, "blob": piece,
         LEXICAL: lexical if part == 0 else storable({})}
        for part, piece in enumerate(pieces)
    ]


#: The document row holding the BM25 term table (document frequency by token key).
TERMS_ROW = -1


def terms_record(keys: np.ndarray, frequencies: np.ndarray) -> str:
    """The term table as text: base64 of little-endian uint32 keys, then frequencies.

    >>> k, f = terms_table(terms_record(np.array([3, 8]), np.array([5, 1])))
    >>> k.tolist(), f.tolist()
    ([3, 8], [5, 1])
    """
    table = np.stack([np.asarray(keys), np.asarray(frequencies)]).astype("<u4")
    return base64.b64encode(table.tobytes()).decode("ascii")


def terms_table(record: str) -> tuple[np.ndarray, np.ndarray]:
    """Inverse of :func:`terms_record`: sorted keys and their frequencies (int64)."""
    flat = np.frombuffer(base64.b64decode(record), dtype="<u4").astype(np.int64)
    return flat[: len(flat) // 2], flat[len(flat) // 2 :]


def row_ranges(rows: Sequence[int]) -> list[list[int]]:
    """Sorted row numbers as ``[start, end)`` runs.

    >>> row_ranges([0, 1, 2, 5, 6])
    [[0, 3], [5, 7]]
    """
    out: list[list[int]] = []
    for row in rows:
        if out and out[-1][1] == row:
            out[-1][1] = row + 1
        else:
            out.append([row, row + 1])
    return out
