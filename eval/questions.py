"""Question-set format (JSON lines) and its loader.

One JSON object per line: ``id``, ``question``, ``doc`` (gold document file
name or stem; null when unanswerable), optional ``evidence`` (exact quote),
``alt_evidence`` (list), ``answer``, ``answerable`` (default true), ``lang``,
``kind``. Compatible with ``benchmarks/ncp_policies/dev_questions.jsonl``.

>>> q = Question("q1", "威海硕士补贴？", doc="000_abc.txt")
>>> q.doc, q.targets
('000_abc', ())
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any

from eval.errors import EvalError

_DOC_SUFFIXES = (".txt", ".md", ".html", ".htm", ".pdf", ".docx")


class QuestionSetError(EvalError):
    """A question file is missing or malformed; the message names file and line."""


def doc_stem(doc: str) -> str:
    """Normalise a gold-document reference (path, file name or stem) to its stem.

    >>> doc_stem("corpus/000_c3ac.txt"), doc_stem("356fb8b8")
    ('000_c3ac', '356fb8b8')
    """
    name = PurePath(doc).name
    for suffix in _DOC_SUFFIXES:
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return name


@dataclass(frozen=True)
class Question:
    """One evaluation question."""

    id: str
    question: str
    doc: str | None = None
    evidence: str | None = None
    alt_evidence: tuple[str, ...] = ()
    answer: str | None = None
    answerable: bool = True
    lang: str = "unknown"
    kind: str = "unknown"

    def __post_init__(self) -> None:
        if self.doc is not None:
            object.__setattr__(self, "doc", doc_stem(self.doc))
        object.__setattr__(self, "alt_evidence", tuple(self.alt_evidence))

    @property
    def targets(self) -> tuple[str, ...]:
        """Evidence strings that make a chunk relevant (evidence, then alternatives)."""
        first = (self.evidence,) if self.evidence else ()
        return first + tuple(e for e in self.alt_evidence if e)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "question": self.question, "doc": self.doc,
            "evidence": self.evidence, "alt_evidence": list(self.alt_evidence),
            "answer": self.answer, "answerable": self.answerable,
            "lang": self.lang, "kind": self.kind,
        }


def _opt_str(obj: dict[str, Any], key: str, where: str) -> str | None:
    value = obj.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise QuestionSetError(f"{where}: field {key!r} must be a string or null")
    return value


def parse_question(obj: Any, where: str) -> Question:
    """Build a :class:`Question` from one decoded JSON object (``where`` prefixes errors)."""
    if not isinstance(obj, dict):
        raise QuestionSetError(f"{where}: expected a JSON object, got {type(obj).__name__}")
    qid, text = obj.get("id"), obj.get("question")
    if not isinstance(qid, str | int) or qid == "":
        raise QuestionSetError(f"{where}: missing or empty 'id'")
    if not isinstance(text, str) or not text.strip():
        raise QuestionSetError(f"{where}: missing or empty 'question'")
    alt = obj.get("alt_evidence") or []
    if not isinstance(alt, list) or not all(isinstance(a, str) for a in alt):
        raise QuestionSetError(f"{where}: 'alt_evidence' must be a list of strings")
    answerable = obj.get("answerable", True)
    if not isinstance(answerable, bool):
        raise QuestionSetError(f"{where}: 'answerable' must be true or false")
    doc = _opt_str(obj, "doc", where)
    if answerable and not doc:
        raise QuestionSetError(f"{where}: answerable question needs a 'doc'")
    return Question(
        id=str(qid), question=text, doc=doc,
        evidence=_opt_str(obj, "evidence", where), alt_evidence=tuple(alt),
        answer=_opt_str(obj, "answer", where), answerable=answerable,
        lang=_opt_str(obj, "lang", where) or "unknown",
        kind=_opt_str(obj, "kind", where) or "unknown",
    )


def load_questions(path: Path) -> list[Question]:
    """Read a JSONL question file; blank lines are skipped.

    Raises :class:`QuestionSetError` naming the file and line number for a
    missing file, invalid JSON, a missing field or a duplicate id.
    """
    path = Path(path)
    if not path.is_file():
        raise QuestionSetError(f"question file not found: {path}")
    questions: list[Question] = []
    seen: set[str] = set()
    with path.open(encoding="utf-8-sig") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            where = f"{path}:{lineno}"
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise QuestionSetError(f"{where}: invalid JSON ({exc.msg})") from exc
            q = parse_question(obj, where)
            if q.id in seen:
                raise QuestionSetError(f"{where}: duplicate id {q.id!r}")
            seen.add(q.id)
            questions.append(q)
    if not questions:
        raise QuestionSetError(f"{path}: no questions found")
    return questions
