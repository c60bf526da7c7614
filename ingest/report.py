"""What an ingest run produced and what it had to leave out."""

from __future__ import annotations

from dataclasses import dataclass, field

from ingest.types import Chunk, Document, SkippedFile


@dataclass(frozen=True)
class IngestReport:
    """Counts for one run; ``summary()`` renders them for people.

    >>> report = IngestReport(files_seen=1, files_read=1, n_documents=1, n_chunks=3)
    >>> report.summary().splitlines()[0]
    'files seen: 1, read: 1, skipped: 0, duplicates: 0'
    """

    files_seen: int
    files_read: int
    skipped: list[SkippedFile] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)
    n_documents: int = 0
    n_chunks: int = 0

    def summary(self) -> str:
        """Multi-line, human-readable summary of the run."""
        lines = [
            f"files seen: {self.files_seen}, read: {self.files_read}, "
            f"skipped: {len(self.skipped)}, duplicates: {len(self.duplicates)}",
            f"documents: {self.n_documents}, chunks: {self.n_chunks}",
        ]
        lines += [f"  skipped {s.source}: {s.reason}" for s in self.skipped]
        lines += [
            f"  duplicate {dropped} (same content as {kept})" for kept, dropped in self.duplicates
        ]
        return "\n".join(lines)


@dataclass(frozen=True)
class IngestResult:
    """Documents and chunks in corpus order, plus the report."""

    documents: list[Document]
    chunks: list[Chunk]
    report: IngestReport
