"""Write a generation into Milvus and publish it by switching the alias.

Each build creates two new collections (``<alias>_g<N>`` and ``..._docs``),
inserts every row, flushes and loads them, checks the row counts, writes the
manifest into the chunk collection's properties (last, so a collection without
it is unfinished) and only then points the alias at it, in one
``alter_alias`` call: readers see the old generation or the new one, never a
mix. A build killed at any point leaves the alias where it was; the next
successful build drops the leftovers. Two builds at once cannot both create
``_g<N>``; a build that finds a newer generation already published refuses to
move the alias back.

>>> # publish(MilvusLocation("x.db"), prepared, hnsw_threshold=50_000)
"""

from __future__ import annotations

import json
import logging
import time
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from tqdm import tqdm

from index.backend import Prepared
from index.bm25 import Bm25Index
from index.errors import IndexCorruptError, IndexLockedError, IndexUnavailableError
from index.location import MilvusLocation
from index.milvus.client import (
    CALL_TIMEOUT,
    alias_target,
    calling,
    chunk_collection,
    connect,
    docs_collection,
    generation_number,
    generation_numbers,
)
from index.milvus.schema import (
    FORMAT,
    MANIFEST_KEY,
    MANIFEST_SHA_KEY,
    TERMS_ROW,
    chunk_index_params,
    chunk_rows,
    chunk_schema,
    dense_index_type,
    doc_parts,
    docs_index_params,
    docs_schema,
    document_record,
    row_ranges,
    sha256_text,
    terms_record,
)
from index.sparse import storable
from index.store import document_row
from ingest.facts import Fact
from ingest.types import Chunk, Document

logger = logging.getLogger(__name__)

INSERT_BATCH = 500
#: Seconds a server may take to index a generation before the build gives up.
INDEX_TIMEOUT = 6 * 3600.0


@dataclass(frozen=True)
class Published:
    """Where a build went and how much it sent."""

    number: int
    collection: str
    index_type: str
    bytes_per_chunk: float


def publish(
    location: MilvusLocation, gen: Prepared, *, hnsw_threshold: int, progress: bool = False
) -> Published:
    """Write a complete generation, switch the alias to it, drop old generations."""
    documents, chunks, vectors, manifest = gen.documents, gen.chunks, gen.vectors, gen.manifest
    client = connect(location)
    previous = alias_target(client, location)
    number = max(generation_numbers(client, location), default=0) + 1
    chunks_name = chunk_collection(location.collection, number)
    docs_name = docs_collection(location.collection, number)
    index_type = dense_index_type(len(chunks), hnsw_threshold)
    doc_row = {d.doc_id: i for i, d in enumerate(documents)}
    chunk_doc_rows = [doc_row[c.doc_id] for c in chunks]
    with calling(location, f"create {chunks_name}"):
        for name in (chunks_name, docs_name):
            if client.has_collection(name, timeout=CALL_TIMEOUT):
                raise IndexLockedError(
                    f"{name} already exists in {location.uri}: another build is writing "
                    "this generation; wait for it to finish and try again"
                )
        client.create_collection(docs_name, schema=docs_schema(client), timeout=CALL_TIMEOUT)
        client.create_collection(chunks_name, schema=chunk_schema(client, vectors.shape[1]),
                                 timeout=CALL_TIMEOUT)
        # Indexes are built after the rows arrive; seal_generation waits for them.
        client.create_index(docs_name, docs_index_params(client), sync=False,
                            timeout=CALL_TIMEOUT)
        client.create_index(chunks_name, chunk_index_params(client, index_type), sync=False,
                            timeout=CALL_TIMEOUT)
    records = _document_records(documents, chunk_doc_rows, manifest["documents"], gen.facts)
    docs_sha = insert_documents(location, client, docs_name, records, gen.doc_lexical)
    terms = terms_record(*gen.lexical.key_frequencies())
    _insert(location, client, docs_name, doc_parts(TERMS_ROW, terms, storable({})))
    sent = insert_chunks(location, client, chunks_name, chunks, vectors, gen.lexical,
                         chunk_doc_rows, progress=progress)
    stored = {k: v for k, v in manifest.items() if k != "documents"}
    stored.update({
        "format": FORMAT, "generation": number, "index_type": index_type.lower(),
        "docs_collection": docs_name, "docs_sha256": docs_sha,
        "terms_sha256": sha256_text(terms),
    })
    seal_generation(location, client, chunks_name, docs_name, stored)
    switch_alias(location, client, chunks_name, number)
    keep = {number} | ({generation_number(location.collection, previous)} if previous else set())
    prune_generations(location, client, keep, below=number)
    return Published(number, chunks_name, index_type.lower(), sent / max(len(chunks), 1))


def _document_records(
    documents: Sequence[Document],
    chunk_doc_rows: Sequence[int],
    entries: dict[str, Any],
    facts: Sequence[Fact],
) -> Iterator[str]:
    """Each document's stored JSON record, in document order."""
    rows_of: dict[int, list[int]] = defaultdict(list)
    for row, d in enumerate(chunk_doc_rows):
        rows_of[d].append(row)
    facts_of: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for fact in facts:
        facts_of[fact.doc_id].append(fact.to_json())
    for i, doc in enumerate(documents):
        yield document_record(document_row(doc), entries[doc.doc_id], facts_of[doc.doc_id],
                              row_ranges(rows_of[i]))


def insert_documents(
    location: MilvusLocation, client: Any, name: str, records: Iterator[str], doc_lexical: Bm25Index
) -> str:
    """Insert every document record; returns the sha256 over the records' sha256s."""
    digest: list[str] = []
    pending: list[dict[str, Any]] = []
    weights = (row for batch in doc_lexical.sparse_rows() for row in batch)
    for doc_row, (record, lexical) in enumerate(zip(records, weights, strict=True)):
        digest.append(sha256_text(record))
        pending.extend(doc_parts(doc_row, record, lexical))
        if len(pending) >= INSERT_BATCH:
            _insert(location, client, name, pending)
            pending = []
    if pending:
        _insert(location, client, name, pending)
    return sha256_text("\n".join(digest))


def insert_chunks(
    location: MilvusLocation,
    client: Any,
    name: str,
    chunks: Sequence[Chunk],
    vectors: np.ndarray,
    lexical: Bm25Index,
    chunk_doc_rows: Sequence[int],
    *,
    progress: bool,
) -> int:
    """Insert every chunk row in batches; returns the bytes sent (text, vector, weights)."""
    sent = 0
    with tqdm(total=len(chunks), unit="chunk", desc="milvus", disable=not progress) as bar:
        start = 0
        for weights in lexical.sparse_rows(batch=INSERT_BATCH):
            end = start + len(weights)
            rows = chunk_rows(chunks[start:end], start, vectors[start:end], weights,
                              chunk_doc_rows)
            _insert(location, client, name, rows)
            sent += sum(len(r["chunk"].encode("utf-8")) + 4 * len(r["vector"])
                        + 8 * len(r["lexical"]) for r in rows)
            bar.update(len(rows))
            start = end
    return sent


def _insert(location: MilvusLocation, client: Any, name: str, rows: list[dict[str, Any]]) -> None:
    with calling(location, f"insert into {name}"):
        client.insert(name, rows, timeout=CALL_TIMEOUT)


def _count(client: Any, name: str) -> int:
    rows = client.query(name, filter="", output_fields=["count(*)"],
                        consistency_level="Strong", timeout=CALL_TIMEOUT)
    return int(rows[0]["count(*)"]) if rows else 0


def seal_generation(
    location: MilvusLocation, client: Any, chunks_name: str, docs_name: str,
    manifest: dict[str, Any],
) -> None:
    """Flush, index and load both collections, check the counts, then write the manifest."""
    text = json.dumps(manifest, ensure_ascii=False, sort_keys=True)
    with calling(location, f"finish {chunks_name}"):
        for name in (docs_name, chunks_name):
            client.flush(name, timeout=CALL_TIMEOUT)
            _wait_for_indexes(client, name)
            client.load_collection(name, timeout=CALL_TIMEOUT)
        if _count(client, chunks_name) != manifest["n_chunks"]:
            raise IndexCorruptError(f"{chunks_name} does not hold all {manifest['n_chunks']} "
                                    "chunks after the build; run the build again")
        client.alter_collection_properties(
            chunks_name, properties={MANIFEST_KEY: text, MANIFEST_SHA_KEY: sha256_text(text)},
            timeout=CALL_TIMEOUT,
        )


def _wait_for_indexes(client: Any, name: str) -> None:
    """Wait until every index of ``name`` covers every row (a server builds them in the
    background; Milvus Lite has finished when the flush returns)."""
    deadline = time.monotonic() + INDEX_TIMEOUT
    for field in client.list_indexes(name, timeout=CALL_TIMEOUT):
        while True:
            state = client.describe_index(name, field, timeout=CALL_TIMEOUT)
            if state.get("state", "Finished") == "Finished" and not state.get(
                "pending_index_rows", 0
            ):
                break
            if time.monotonic() > deadline:
                raise IndexUnavailableError(
                    f"the {field} index of {name} was not built within {INDEX_TIMEOUT:.0f} s "
                    f"({state}); run the build again"
                )
            time.sleep(1.0)


def switch_alias(location: MilvusLocation, client: Any, chunks_name: str, number: int) -> None:
    """Point the alias at ``chunks_name`` in one call (created on the first build)."""
    alias = location.collection
    with calling(location, f"point {alias} at {chunks_name}"):
        live = alias_target(client, location)
        if live is None:
            client.create_alias(chunks_name, alias, timeout=CALL_TIMEOUT)
            return
        live_number = generation_number(alias, live) or 0
        if live_number > number:
            raise IndexLockedError(
                f"generation {live} was published while this build wrote {chunks_name}; "
                "run the build again to replace it"
            )
        client.alter_alias(chunks_name, alias, timeout=CALL_TIMEOUT)
    logger.info("%s now points at %s", alias, chunks_name)


def prune_generations(
    location: MilvusLocation, client: Any, keep: set[int], *, below: int
) -> None:
    """Drop the collections of generations under ``below`` not in ``keep`` (finished or not)."""
    for number in generation_numbers(client, location):
        if number >= below or number in keep:
            continue
        for name in (chunk_collection(location.collection, number),
                     docs_collection(location.collection, number)):
            with calling(location, f"drop {name}"):
                if client.has_collection(name, timeout=CALL_TIMEOUT):
                    client.drop_collection(name, timeout=CALL_TIMEOUT)
        logger.info("dropped old generation %s", chunk_collection(location.collection, number))
