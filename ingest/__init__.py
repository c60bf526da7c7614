"""ingest: turn a folder of policy files into clean documents and citable chunks.

>>> from ingest import ChunkingConfig
>>> ChunkingConfig().chunk_size
500
"""

from ingest.config import ChunkingConfig
from ingest.errors import IngestError
from ingest.pipeline import ingest_corpus
from ingest.report import IngestReport, IngestResult
from ingest.types import Chunk, Document, SkippedFile

__all__ = [
    "Chunk",
    "ChunkingConfig",
    "Document",
    "IngestError",
    "IngestReport",
    "IngestResult",
    "SkippedFile",
    "ingest_corpus",
]
