"""Check a question set against a corpus: every evidence quote must occur in its document.

Texts are compared after :func:`eval.metrics.squash` (whitespace removed,
NFKC), because ingest re-joins lines broken by PDF extraction. The document
text is ingest's display text when ``ingest`` is importable, otherwise the raw
file read as UTF-8.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from eval.metrics import squash
from eval.questions import Question, QuestionSetError, doc_stem

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ValidationReport:
    """Problems found (each one line) and counts for the summary."""

    problems: tuple[str, ...]
    warnings: tuple[str, ...]
    counts: Mapping[str, Mapping[str, int]]

    @property
    def ok(self) -> bool:
        return not self.problems


def load_corpus_texts(corpus_dir: Path) -> dict[str, str]:
    """Map file stem → document text (ingest display text when available)."""
    corpus_dir = Path(corpus_dir)
    if not corpus_dir.is_dir():
        raise QuestionSetError(f"corpus directory not found: {corpus_dir}")
    try:
        from ingest import ingest_corpus
    except ImportError:
        ingest_corpus = None
    if ingest_corpus is not None:
        result = ingest_corpus(corpus_dir)
        return {doc_stem(d.source): d.text for d in result.documents}
    log.warning("ingest.ingest_corpus not available; validating against raw files")
    return {
        p.stem: p.read_text(encoding="utf-8", errors="replace")
        for p in sorted(corpus_dir.iterdir()) if p.is_file()
    }


def validate_questions(questions: Sequence[Question], texts: Mapping[str, str]) -> ValidationReport:
    """Every answerable question's doc exists and its evidence occurs in that doc.

    ``alt_evidence`` may come from another document of the corpus (comparison
    questions); that is a warning, not a problem.
    """
    squashed = {stem: squash(t) for stem, t in texts.items()}
    problems: list[str] = []
    warnings: list[str] = []
    for q in questions:
        if not q.answerable:
            if q.evidence:
                warnings.append(f"{q.id}: unanswerable question carries evidence")
            continue
        if q.doc not in squashed:
            problems.append(f"{q.id}: doc {q.doc!r} is not in the corpus")
            continue
        if not q.targets:
            warnings.append(f"{q.id}: no evidence; chunk metrics will use the answer text")
        for i, ev in enumerate(q.targets):
            flat = squash(ev)
            if flat in squashed[q.doc]:
                continue
            elsewhere = [s for s, t in squashed.items() if flat in t]
            if i > 0 and elsewhere:
                warnings.append(f"{q.id}: alt_evidence found in {elsewhere[0]}, not {q.doc}")
            else:
                problems.append(f"{q.id}: evidence not found in {q.doc}: {ev!r}")
    counts = {
        "lang": dict(Counter(q.lang for q in questions)),
        "kind": dict(Counter(q.kind for q in questions)),
        "answerable": dict(Counter(str(q.answerable).lower() for q in questions)),
        "doc": dict(Counter(q.doc or "-" for q in questions)),
    }
    return ValidationReport(tuple(problems), tuple(warnings), counts)
