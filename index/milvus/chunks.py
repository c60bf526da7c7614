"""A Milvus generation's chunks, fetched by row when a hit needs them.

>>> # rows = ChunkRows(location, client, "policyqa_g3", 1000); rows.fetch([5, 2])
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from typing import Any

from index.chunk_table import ChunkRowsBase
from index.errors import IndexCorruptError, rebuild_command
from index.location import MilvusLocation
from index.milvus.client import CALL_TIMEOUT, calling
from index.milvus.schema import parse_chunk, sha256_text
from ingest.types import Chunk

#: Rows per request, and chunks kept in memory (the most recently used).
FETCH_BATCH = 1000
CHUNK_CACHE = 20_000


class ChunkRows(ChunkRowsBase):
    """The generation's chunks by row, fetched from Milvus on demand (a bounded cache)."""

    def __init__(self, location: MilvusLocation, client: Any, name: str, n: int) -> None:
        self._location, self._client, self._name, self._n = location, client, name, n
        self._cache: OrderedDict[int, Chunk] = OrderedDict()
        self._lock = threading.Lock()

    def __iter__(self) -> Iterator[Chunk]:
        for start in range(0, self._n, FETCH_BATCH):
            yield from self.fetch(range(start, min(start + FETCH_BATCH, self._n)), cache=False)

    def fetch(self, rows: Sequence[int], *, cache: bool = True) -> list[Chunk]:
        """The chunks at ``rows`` (in that order), each checked against its checksum."""
        with self._lock:
            known = {r: self._cache[r] for r in rows if r in self._cache}
            for r in known:
                self._cache.move_to_end(r)
        missing = sorted({int(r) for r in rows} - known.keys())
        for start in range(0, len(missing), FETCH_BATCH):
            batch = missing[start : start + FETCH_BATCH]
            with calling(self._location, f"read chunks from {self._name}"):
                found = self._client.get(self._name, ids=batch, output_fields=["chunk", "sha"],
                                         timeout=CALL_TIMEOUT)
            for item in found:
                if sha256_text(item["chunk"]) != item["sha"]:
                    raise IndexCorruptError(
                        f"chunk row {item['row']} of {self._name} does not match its checksum; "
                        f"rebuild with: {rebuild_command(self._location)}"
                    )
                known[int(item["row"])] = parse_chunk(item["chunk"])
        absent = [r for r in rows if r not in known]
        if absent:
            raise IndexCorruptError(
                f"{self._name} has no chunk row {absent[0]}; "
                f"rebuild with: {rebuild_command(self._location)}"
            )
        if cache:
            with self._lock:
                for r in missing:
                    self._cache[r] = known[r]
                while len(self._cache) > CHUNK_CACHE:
                    self._cache.popitem(last=False)
        return [known[r] for r in rows]
