"""What an ingest run produced and what it had to leave out."""

from __future__ import annotations

from dataclasses import dataclass, field

from ingest.types import Chunk, Document, SkippedFile


@dataclass(frozen=True)
class IngestReport:
    """Counts for one run; ``summary()`` renders them for people.

    ``duplicates`` and ``near_duplicates`` hold ``(kept_source, dropped_source)``
    pairs: byte-identical files, and republished copies folded by
    ``ingest.dedup``. Both are recorded as aliases of the kept document.

    >>> report = IngestReport(files_seen=1, files_read=1, n_documents=1, n_chunks=3)
    >>> report.summary().splitlines()[0]
    'files seen: 1, read: 1, skipped: 0, duplicates: 0'
    """

    files_seen: int
    files_read: int
    skipped: list[SkippedFile] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)
    near_duplicates: list[tuple[str, str]] = field(default_factory=list)
    n_documents: int = 0
    n_chunks: int = 0

    @property
    def aliases(self) -> list[tuple[str, str]]:
        """Every ``(kept_source, dropped_source)`` pair, exact copies first.

        An exact copy of a file that was itself folded points at the document
        finally kept, so every alias resolves in one step.

        >>> IngestReport(2, 3, duplicates=[("a", "b")], near_duplicates=[("c", "a")]).aliases
        [('c', 'b'), ('c', 'a')]
        """
        folded = {dropped: kept for kept, dropped in self.near_duplicates}
        exact = [(folded.get(kept, kept), dropped) for kept, dropped in self.duplicates]
        return [*exact, *self.near_duplicates]

    def summary(self) -> str:
        """Multi-line, human-readable summary of the run."""
        lines = [
            f"files seen: {self.files_seen}, read: {self.files_read}, "
            f"skipped: {len(self.skipped)}, duplicates: {len(self.duplicates)}"
            + (f", near-identical copies folded: {len(self.near_duplicates)}"
               if self.near_duplicates else ""),
            f"documents: {self.n_documents}, chunks: {self.n_chunks}",
        ]
        lines += [f"  skipped {s.source}: {s.reason}" for s in self.skipped]
        lines += [
            f"  duplicate {dropped} (same content as {kept})" for kept, dropped in self.duplicates
        ]
        lines += [
            f"  folded {dropped} (a near-identical copy of {kept})"
            for kept, dropped in self.near_duplicates
        ]
        return "\n".join(lines)


@dataclass(frozen=True)
class IngestResult:
    """Documents and chunks in corpus order, plus the report."""

    documents: list[Document]
    chunks: list[Chunk]
    report: IngestReport
