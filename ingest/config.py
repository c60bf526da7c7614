"""Chunking settings shared by ingest and index.

>>> ChunkingConfig(chunk_size=200, chunk_overlap=20).chunk_size
200
"""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_CHUNK_SIZE = 500  # measured best on both corpora (bench/results/)
DEFAULT_CHUNK_OVERLAP = 50


@dataclass(frozen=True)
class ChunkingConfig:
    """Maximum chunk length and overlap, both in characters."""

    chunk_size: int = DEFAULT_CHUNK_SIZE
    chunk_overlap: int = DEFAULT_CHUNK_OVERLAP

    def __post_init__(self) -> None:
        if self.chunk_size < 20:
            raise ValueError(f"chunk_size must be at least 20 characters, got {self.chunk_size}")
        if self.chunk_overlap < 0 or self.chunk_overlap >= self.chunk_size:
            raise ValueError(
                f"chunk_overlap must be >= 0 and smaller than chunk_size "
                f"({self.chunk_size}), got {self.chunk_overlap}"
            )
