"""Thumbs up/down recorded as JSON lines: question, answer, citations, vote, time.

No personal data: no IP address, session id or user agent is written.

>>> import tempfile, pathlib, json
>>> path = pathlib.Path(tempfile.mkdtemp()) / "fb.jsonl"
>>> FeedbackLog(path).record("问", "答[1]", [{"n": 1}], "up", now=0.0)
>>> json.loads(path.read_text())["vote"]
'up'
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

log = logging.getLogger(__name__)

Vote = Literal["up", "down"]


class FeedbackLog:
    """Append-only JSON-lines file, safe to share between request threads."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()

    def record(
        self,
        question: str,
        answer: str,
        citations: Sequence[dict[str, Any]],
        vote: Vote,
        *,
        now: float | None = None,
    ) -> None:
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
        )
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as fh:
                fh.write(line + "\n")
        log.info("feedback recorded: %s", vote)
