"""A published Milvus generation, read through its alias: the search backend.

Loading resolves the alias once, so a retriever keeps answering from the
generation it loaded even while a newer one is published; checks the manifest
(with its checksum) in the collection's properties, the row count and the
vector dimension; and reads every document (the answer engine needs them all),
checking them against the manifest's checksum. Chunks stay in Milvus and are
fetched by row when a hit needs them, each checked against its own checksum.

>>> # gen, fallback = load_milvus(MilvusLocation("idx.db")); gen.dense_top(qvec, 100)
"""

from __future__ import annotations

import json
import logging
from collections import defaultdict
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import Any

import numpy as np

from index.dense import HNSW_EF_SEARCH
from index.errors import (
    IndexCorruptError,
    IndexError_,
    IndexMismatchError,
    IndexNotFoundError,
    rebuild_command,
)
from index.facts_store import checked_facts
from index.location import MilvusLocation
from index.milvus.chunks import FETCH_BATCH, ChunkRows
from index.milvus.client import (
    CALL_TIMEOUT,
    alias_target,
    calling,
    chunk_collection,
    connect,
    generation_number,
    generation_numbers,
)
from index.milvus.schema import (
    FORMAT,
    LEXICAL,
    MANIFEST_KEY,
    MANIFEST_SHA_KEY,
    PART_STRIDE,
    TERMS_ROW,
    VECTOR,
    sha256_text,
    terms_table,
)
from index.sparse import query_weights, token_key
from index.store import document_from_row
from ingest.facts import Fact
from ingest.types import Chunk, Document

logger = logging.getLogger(__name__)

#: Documents read per query at load, and Milvus's cap on rows one query returns.
DOC_PAGE = 500
QUERY_LIMIT = 16_384


class MilvusGeneration:
    """One published generation: documents in memory, chunks and search in Milvus."""

    def __init__(
        self,
        location: MilvusLocation,
        client: Any,
        collection: str,
        manifest: Mapping[str, Any],
        documents: Sequence[Document],
        rows: Sequence[Sequence[Sequence[int]]],
        facts: tuple[Fact, ...],
        terms: tuple[np.ndarray, np.ndarray],
    ) -> None:
        self.location, self._client, self.collection = location, client, collection
        self._term_keys, self._term_df = terms
        self.docs_collection = str(manifest["docs_collection"])
        self.number = int(manifest["generation"])
        self.manifest = MappingProxyType(dict(manifest))
        self.documents = MappingProxyType({d.doc_id: d for d in documents})
        self.facts = facts
        n = int(manifest["n_chunks"])
        self.chunks = ChunkRows(location, client, collection, n)
        self.chunk_doc_row = np.full(n, -1, dtype=np.int64)
        for doc_row, ranges in enumerate(rows):
            for start, end in ranges:
                self.chunk_doc_row[start:end] = doc_row
        if n and self.chunk_doc_row.min() < 0:
            raise IndexCorruptError(
                f"{self.docs_collection} does not account for every chunk of {collection}; "
                f"rebuild with: {rebuild_command(location)}"
            )
        self._hnsw = manifest.get("index_type") == "hnsw"

    def _search(
        self, name: str, field: str, query: Any, n: int, *, filter: str = "",
        params: Mapping[str, Any] | None = None,
    ) -> list[tuple[int, float]]:
        key = "row" if name == self.collection else "key"
        with calling(self.location, f"search {name}"):
            found = self._client.search(
                name, data=[query], anns_field=field, limit=n, filter=filter,
                output_fields=[key], search_params={"metric_type": "IP", "params": params or {}},
                timeout=CALL_TIMEOUT,
            )
        return [(int(h["id"] if "id" in h else h[key]), float(h["distance"])) for h in found[0]]

    def dense_top(self, query: np.ndarray, n: int) -> list[tuple[int, float]]:
        """Top ``n`` ``(row, inner product)`` from Milvus's vector index, best first."""
        n = min(n, len(self.chunks))
        if n <= 0:
            return []
        params = {"ef": max(HNSW_EF_SEARCH, n)} if self._hnsw else {}
        vec = np.asarray(query, dtype=np.float32).tolist()
        return self._search(self.collection, VECTOR, vec, n, params=params)

    def lexical_top(self, tokens: Sequence[str], n: int) -> list[tuple[int, float]]:
        """Top ``n`` ``(row, BM25)`` with a positive score, best first."""
        weights = query_weights(tokens)
        if not weights or n <= 0:
            return []
        found = self._search(self.collection, LEXICAL, weights, n,
                             params={"drop_ratio_search": 0.0})
        return [(row, score) for row, score in found if score > 0]

    def dense_scores(self, rows: np.ndarray, query: np.ndarray) -> np.ndarray:
        """Exact inner products of ``rows``' stored vectors with ``query``."""
        ids = [int(r) for r in rows]
        vecs: dict[int, list[float]] = {}
        for start in range(0, len(ids), FETCH_BATCH):
            with calling(self.location, f"read vectors from {self.collection}"):
                for item in self._client.get(self.collection, ids=ids[start : start + FETCH_BATCH],
                                             output_fields=[VECTOR], timeout=CALL_TIMEOUT):
                    vecs[int(item["row"])] = item[VECTOR]
        if len(vecs) != len(set(ids)):
            raise IndexCorruptError(f"{self.collection} lacks vectors for some chunk rows; "
                                    f"rebuild with: {rebuild_command(self.location)}")
        matrix = np.asarray([vecs[r] for r in ids], dtype=np.float32).reshape(len(ids), -1)
        return matrix @ np.asarray(query, dtype=np.float32)

    def lexical_scores(self, rows: np.ndarray, tokens: Sequence[str]) -> np.ndarray:
        """BM25 scores of ``rows`` (0 for a row that shares no token with the query)."""
        weights = query_weights(tokens)
        out = np.zeros(len(rows), dtype=np.float32)
        if not weights or not len(rows):
            return out
        ids = [int(r) for r in rows]
        found = dict(self._search(self.collection, LEXICAL, weights, len(ids),
                                  filter=f"row in {ids}", params={"drop_ratio_search": 0.0}))
        for j, row in enumerate(ids):
            out[j] = found.get(row, 0.0)
        return out

    def document_top(self, tokens: Sequence[str], n: int) -> list[tuple[int, float]]:
        """Top ``n`` ``(document row, BM25)`` under whole-document BM25, best first."""
        weights = query_weights(tokens)
        if not weights or n <= 0:
            return []
        found = self._search(self.docs_collection, LEXICAL, weights, n,
                             params={"drop_ratio_search": 0.0})
        return [(key // PART_STRIDE, score) for key, score in found if score > 0]

    def document_frequencies(self, tokens: Sequence[str]) -> list[int]:
        """How many chunks hold each of ``tokens`` (the term table read at load)."""
        keys = np.array([token_key(t) for t in tokens], dtype=np.int64)
        at = np.minimum(np.searchsorted(self._term_keys, keys), max(len(self._term_keys) - 1, 0))
        found = (self._term_keys[at] == keys) if len(self._term_keys) else np.zeros(len(keys), bool)
        return [int(self._term_df[i]) if ok else 0 for i, ok in zip(at, found, strict=True)]

    def chunks_at(self, rows: Sequence[int]) -> list[Chunk]:
        """The chunks at ``rows``, in that order (one round trip for the uncached ones)."""
        return self.chunks.fetch(rows)

    def changed(self) -> list[str]:
        """What no longer matches the loaded generation: a dropped collection or an edited
        manifest (the served rows themselves are checked as they are read)."""
        try:
            with calling(self.location, f"describe {self.collection}"):
                props = self._client.describe_collection(
                    self.collection, timeout=CALL_TIMEOUT
                ).get("properties") or {}
        except IndexError_ as exc:
            return [f"{self.collection} ({exc})"]
        stored = {k: v for k, v in self.manifest.items() if k != "documents"}
        try:
            now = json.loads(props.get(MANIFEST_KEY) or "null")
        except ValueError:
            now = None
        if props.get(MANIFEST_SHA_KEY) != sha256_text(props.get(MANIFEST_KEY) or "") or (
            now != stored
        ):
            return [f"{self.collection} (manifest edited)"]
        return []

    def reusable_vectors(self, doc_ids: set[str]) -> dict[str, np.ndarray]:
        """Stored vectors of the chunks of ``doc_ids`` by chunk_id (``update`` reuses them)."""
        row_of = {d: i for i, d in enumerate(self.documents)}
        wanted = {row_of[d] for d in doc_ids if d in row_of}
        rows = [int(r) for r in np.flatnonzero(np.isin(self.chunk_doc_row, list(wanted)))]
        out: dict[str, np.ndarray] = {}
        for start in range(0, len(rows), FETCH_BATCH):
            with calling(self.location, f"read vectors from {self.collection}"):
                found = self._client.get(self.collection, ids=rows[start : start + FETCH_BATCH],
                                         output_fields=["chunk", VECTOR], timeout=CALL_TIMEOUT)
            for item in found:
                chunk_id = json.loads(item["chunk"])["chunk_id"]
                out[chunk_id] = np.asarray(item[VECTOR], dtype=np.float32)
        return out

    def describe(self) -> dict[str, Any]:
        """Where this generation lives (for ``Retriever.info``)."""
        return {"backend": "milvus", "milvus_uri": self.location.uri,
                "collection": self.collection}


def load_milvus(location: MilvusLocation) -> tuple[MilvusGeneration, str | None]:
    """The generation the alias names, checked; when it is damaged, the newest older
    good one and a note saying why (as the FAISS backend does). Clear errors otherwise."""
    client = None if location.is_lite and not Path(location.uri).exists() else connect(location)
    target = None if client is None else alias_target(client, location)
    if client is None or target is None:
        raise IndexNotFoundError(
            f"no index in {location}; build one with: {rebuild_command(location)}"
        )
    number = generation_number(location.collection, target)
    if number is None:
        raise IndexCorruptError(
            f"alias {location.collection} points at {target}, which this program did not write; "
            f"rebuild with: {rebuild_command(location)}"
        )
    try:
        return _load(client, location, target), None
    except IndexCorruptError as first:
        older = sorted((n for n in generation_numbers(client, location) if n < number),
                       reverse=True)
        for n in older:
            try:
                gen = _load(client, location, chunk_collection(location.collection, n))
            except IndexError_:
                continue
            message = f"{target} is unusable ({first}); serving older {gen.collection}"
            logger.warning(message)
            return gen, message
        raise


def _load(client: Any, location: MilvusLocation, target: str) -> MilvusGeneration:
    """Generation collection ``target``, every check passed."""
    hint = f"rebuild with: {rebuild_command(location)}"
    with calling(location, f"describe {target}"):
        described = client.describe_collection(target, timeout=CALL_TIMEOUT)
    manifest = _manifest(described.get("properties") or {}, target, hint)
    _check_dimension(described, manifest, target, location)
    with calling(location, f"load {target}"):
        for name in (target, manifest["docs_collection"]):
            client.load_collection(name, timeout=CALL_TIMEOUT)
        counted = client.query(target, filter="", output_fields=["count(*)"],
                               timeout=CALL_TIMEOUT)
    if not counted or int(counted[0]["count(*)"]) != int(manifest["n_chunks"]):
        raise IndexCorruptError(
            f"{target} holds {counted[0]['count(*)'] if counted else 0} chunks, its manifest "
            f"says {manifest['n_chunks']}; {hint}"
        )
    documents, entries, rows, fact_rows = _read_documents(client, location, manifest, hint)
    terms = _read_terms(client, location, manifest, hint)
    try:
        facts = checked_facts(fact_rows, {d.doc_id: d for d in documents})
    except (ValueError, TypeError, KeyError) as exc:
        raise IndexCorruptError(f"{manifest['docs_collection']}: {exc}; {hint}") from exc
    manifest = {**manifest, "documents": entries}
    logger.info("loaded %s: %d documents, %s chunks", target, len(documents), manifest["n_chunks"])
    return MilvusGeneration(location, client, target, manifest, documents, rows, facts, terms)


def _read_terms(
    client: Any, location: MilvusLocation, manifest: Mapping[str, Any], hint: str
) -> tuple[np.ndarray, np.ndarray]:
    """The BM25 term table (sorted token keys, document frequencies), checked."""
    name = str(manifest["docs_collection"])
    with calling(location, f"read the term table of {name}"):
        parts = client.query(name, filter=f"doc_row == {TERMS_ROW}",
                             output_fields=["key", "blob"], limit=QUERY_LIMIT,
                             timeout=CALL_TIMEOUT)
    record = "".join(p["blob"] for p in sorted(parts, key=lambda p: int(p["key"])))
    if sha256_text(record) != manifest.get("terms_sha256"):
        raise IndexCorruptError(f"the term table of {name} does not match its manifest; {hint}")
    return terms_table(record)


def _manifest(properties: Mapping[str, str], target: str, hint: str) -> dict[str, Any]:
    text, expected = properties.get(MANIFEST_KEY), properties.get(MANIFEST_SHA_KEY)
    if text is None:
        raise IndexCorruptError(f"{target} has no policyqa manifest in its properties; {hint}")
    if sha256_text(text) != expected:
        raise IndexCorruptError(f"the manifest of {target} was edited or is corrupt; {hint}")
    manifest = json.loads(text)
    if manifest.get("format") != FORMAT:
        raise IndexCorruptError(
            f"{target} has format {manifest.get('format')!r}, this code reads {FORMAT}; {hint}"
        )
    return manifest


def _check_dimension(
    described: Mapping[str, Any], manifest: Mapping[str, Any], target: str,
    location: MilvusLocation,
) -> None:
    dims = [int(f.get("params", {}).get("dim", -1)) for f in described.get("fields", [])
            if f.get("name") == VECTOR]
    if dims != [int(manifest.get("dim", -2))]:
        raise IndexMismatchError(
            f"{target} stores {dims[0] if dims else 'no'}-d vectors but its manifest says "
            f"{manifest.get('dim')}-d from {manifest.get('model')!r}; "
            f"rebuild with: {rebuild_command(location)}"
        )


def _read_documents(
    client: Any, location: MilvusLocation, manifest: Mapping[str, Any], hint: str
) -> tuple[list[Document], dict[str, Any], list[list[list[int]]], list[dict[str, Any]]]:
    """Every document record, reassembled from its parts and checked as a whole."""
    name = str(manifest["docs_collection"])
    parts: dict[int, list[tuple[int, str]]] = defaultdict(list)
    n_docs, start, step = int(manifest["n_documents"]), 0, DOC_PAGE
    while start < n_docs:
        with calling(location, f"read {name}"):
            page = client.query(name, filter=f"doc_row >= {start} and doc_row < {start + step}",
                                output_fields=["key", "blob"], limit=QUERY_LIMIT,
                                timeout=CALL_TIMEOUT)
        if len(page) >= QUERY_LIMIT and step > 1:  # very long documents: smaller pages
            step //= 2
            continue
        for item in page:
            key = int(item["key"])
            parts[key // PART_STRIDE].append((key % PART_STRIDE, item["blob"]))
        start += step
    records = ["".join(blob for _part, blob in sorted(parts[row])) for row in sorted(parts)]
    if sorted(parts) != list(range(len(records))) or sha256_text(
        "\n".join(sha256_text(r) for r in records)
    ) != manifest.get("docs_sha256"):
        raise IndexCorruptError(f"{name} does not match the checksum in its manifest; {hint}")
    documents, entries, rows, facts = [], {}, [], []
    try:
        for text in records:
            record = json.loads(text)
            doc = document_from_row(record["document"])
            documents.append(doc)
            entries[doc.doc_id] = record["entry"]
            rows.append(record["rows"])
            facts.extend(record["facts"])
    except (ValueError, TypeError, KeyError) as exc:
        raise IndexCorruptError(f"{name} holds an unreadable document ({exc}); {hint}") from exc
    return documents, entries, rows, facts
