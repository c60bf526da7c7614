"""Hybrid retrieval: sentence-transformers + FAISS dense search, Chinese BM25, fusion.

>>> from index import Retriever  # r = Retriever.load(Path("indexes/main"))
"""

from index.batcher import query_client
from index.build import BuildReport, build_from_chunks, build_index, update_index
from index.config import MAX_K, IndexConfig, SearchConfig
from index.embedder import DEFAULT_MODEL, HASH_MODEL, load_embedder
from index.errors import (
    EmbedderError,
    IndexCorruptError,
    IndexError_,
    IndexLockedError,
    IndexMismatchError,
    IndexNotFoundError,
    IndexUnavailableError,
)
from index.location import IndexLocation, MilvusLocation, as_location, current_generation
from index.retriever import Retriever
from index.types import Hit

__all__ = [
    "DEFAULT_MODEL",
    "HASH_MODEL",
    "MAX_K",
    "BuildReport",
    "EmbedderError",
    "Hit",
    "IndexConfig",
    "IndexCorruptError",
    "IndexError_",
    "IndexLocation",
    "IndexLockedError",
    "IndexMismatchError",
    "IndexNotFoundError",
    "IndexUnavailableError",
    "MilvusLocation",
    "Retriever",
    "SearchConfig",
    "as_location",
    "build_from_chunks",
    "build_index",
    "current_generation",
    "load_embedder",
    "query_client",
    "update_index",
]
