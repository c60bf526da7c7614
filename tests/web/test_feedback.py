"""Feedback lines: question, answer, citations, vote and time; nothing personal."""

from __future__ import annotations

import json
import threading
from pathlib import Path

from app.web.feedback import FeedbackLog


def test_votes_append_json_lines(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "feedback.jsonl"
    log = FeedbackLog(path)
    log.record("硕士补贴？", "每月3000元[1]", [{"n": 1, "quote": "3000元"}], "up", now=0)
    log.record("博士？", "5000元[1]", [], "down")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert [r["vote"] for r in rows] == ["up", "down"]
    assert rows[0] == {
        "timestamp": "1970-01-01T00:00:00+00:00",
        "vote": "up",
        "question": "硕士补贴？",
        "answer": "每月3000元[1]",
        "citations": [{"n": 1, "quote": "3000元"}],
    }


def test_concurrent_votes_do_not_interleave(tmp_path: Path) -> None:
    log = FeedbackLog(tmp_path / "f.jsonl")
    threads = [
        threading.Thread(target=log.record, args=("问" * 500, "答" * 5000, [], "up"))
        for _ in range(20)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    lines = (tmp_path / "f.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 20 and all(json.loads(line)["vote"] == "up" for line in lines)
