"""Thumbs up/down recorded as JSON lines: question, answer, citations, vote, time.

A vote names an answer by the id the server gave it (``answer_id`` of
``/api/ask``, or the chat's own record); what is written is what the server
answered, kept server-side in :class:`RecentAnswers`, never text sent by the
client. Repeating the same vote on the same answer writes nothing. The file is
capped at ``max_bytes`` and rotated (``feedback.jsonl.1`` … ``.<backups>``).

No personal data: no IP address, session id or user agent is written.

>>> import tempfile, pathlib, json
>>> from app.answer.types import Answer
>>> path = pathlib.Path(tempfile.mkdtemp()) / "fb.jsonl"
>>> log = FeedbackLog(path)
>>> answer_id = log.remember("问", Answer("答[1]", (), (), False))
>>> log.vote(answer_id, "up"), log.vote(answer_id, "up"), log.vote("forged", "up")
('recorded', 'unchanged', 'unknown')
>>> json.loads(path.read_text())["answer"]
'答[1]'
"""

from __future__ import annotations

import json
import logging
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from app.answer.types import Answer

log = logging.getLogger(__name__)

Vote = Literal["up", "down"]
Outcome = Literal["recorded", "unchanged", "unknown"]
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
DEFAULT_BACKUPS = 3


@dataclass(frozen=True)
class Given:
    """One answer the server gave, as a vote on it records it."""

    question: str
    answer: str
    citations: tuple[dict[str, Any], ...]
    at: float
    vote: Vote | None = None


class RecentAnswers:
    """The last ``capacity`` answers given in the last ``ttl`` seconds, by random id."""

    def __init__(self, capacity: int = 5000, ttl: float = 6 * 3600.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.capacity, self.ttl, self.clock = capacity, ttl, clock
        self._items: OrderedDict[str, Given] = OrderedDict()
        self._lock = threading.Lock()

    def add(self, question: str, answer: Answer) -> str:
        """Keep ``answer`` to ``question``; returns its new id."""
        answer_id = secrets.token_urlsafe(16)
        given = Given(question, answer.text, tuple(c.to_json() for c in answer.citations),
                      self.clock())
        with self._lock:
            self._items[answer_id] = given
            while len(self._items) > self.capacity:
                self._items.popitem(last=False)
        return answer_id

    def mark(self, answer_id: str, vote: Vote) -> tuple[Given | None, bool]:
        """The answer with ``answer_id`` (None when unknown or expired), and whether
        ``vote`` changes the vote it had."""
        with self._lock:
            given = self._items.get(answer_id)
            if given is None or self.clock() - given.at > self.ttl:
                return None, False
            if given.vote == vote:
                return given, False
            self._items[answer_id] = replace(given, vote=vote)
            return given, True


class FeedbackLog:
    """Append-only, size-capped JSON-lines file, safe to share between request threads."""

    def __init__(self, path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES,
                 backups: int = DEFAULT_BACKUPS, recent: RecentAnswers | None = None) -> None:
        self.path = path
        self.max_bytes = max_bytes
        self.backups = backups
        self.recent = recent or RecentAnswers()
        self._lock = threading.Lock()

    def remember(self, question: str, answer: Answer) -> str:
        """Keep an answer the server gave so a vote can name it; returns its id."""
        return self.recent.add(question, answer)

    def vote(self, answer_id: str, vote: Vote) -> Outcome:
        """Record ``vote`` on the answer ``answer_id``, as the server gave it."""
        given, changed = self.recent.mark(answer_id, vote)
        if given is None:
            log.info("feedback for an unknown or expired answer id: ignored")
            return "unknown"
        if not changed:
            return "unchanged"
        self.record(given.question, given.answer, given.citations, vote)
        return "recorded"

    def record(
        self,
        question: str,
        answer: str,
        citations: Sequence[dict[str, Any]],
        vote: Vote,
        *,
        now: float | None = None,
    ) -> None:
        """Append one line, rotating the file first when it would pass ``max_bytes``."""
        stamp = datetime.fromtimestamp(time.time() if now is None else now, UTC)
        line = json.dumps(
            {
                "timestamp": stamp.isoformat(timespec="seconds"),
                "vote": vote,
                "question": question,
                "answer": answer,
                "citations": list(citations),
            },
            ensure_ascii=False,
        ) + "\n"
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            size = self.path.stat().st_size if self.path.exists() else 0
            if size and size + len(line.encode("utf-8")) > self.max_bytes:
                self._rotate()
            with self.path.open("a", encoding="utf-8") as fh:
                fh.write(line)
        log.info("feedback recorded: %s", vote)

    def _rotate(self) -> None:
        """``path`` -> ``path.1`` -> … -> ``path.<backups>``; the oldest is dropped."""
        def numbered(n: int) -> Path:
            return self.path.with_name(f"{self.path.name}.{n}")

        if self.backups < 1:
            self.path.unlink(missing_ok=True)
            return
        numbered(self.backups).unlink(missing_ok=True)
        for n in range(self.backups - 1, 0, -1):
            if numbered(n).exists():
                numbered(n).replace(numbered(n + 1))
        self.path.replace(numbered(1))
        log.info("feedback file reached %d bytes; rotated to %s", self.max_bytes, numbered(1))
