"""Feedback lines: question, answer, citations, vote and time; nothing personal.
Votes name answers the server gave (by id); the file is capped and rotated."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import httpx
import pytest

from app.answer.engine import QAEngine
from app.answer.types import Answer
from app.web.feedback import FeedbackLog, RecentAnswers
from index import Retriever
from tests.web.gradio_events import event_ids, run_event
from tests.web.serving import make_settings, serve_app

# Gradio's queue calls a pandas API that pandas 3 deprecates; not ours to fix.
pytestmark = pytest.mark.filterwarnings("ignore::Warning:gradio.queueing")


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


def _answer(text: str = "每月3000元[1]") -> Answer:
    return Answer(text, (), (), False)


def test_votes_name_answers_the_server_gave_and_repeats_write_nothing(tmp_path: Path) -> None:
    log = FeedbackLog(tmp_path / "f.jsonl")
    answer_id = log.remember("硕士补贴？", _answer())
    assert log.vote(answer_id, "up") == "recorded"
    assert [log.vote(answer_id, "up") for _ in range(100)] == ["unchanged"] * 100
    assert log.vote(answer_id, "down") == "recorded"  # a changed mind is recorded once
    assert log.vote("x" * 22, "up") == "unknown"
    rows = [json.loads(line) for line in (tmp_path / "f.jsonl").read_text().splitlines()]
    assert [(r["vote"], r["answer"]) for r in rows] == [("up", "每月3000元[1]"),
                                                        ("down", "每月3000元[1]")]


def test_answers_are_forgotten_after_the_capacity_or_the_ttl(tmp_path: Path) -> None:
    now = [0.0]
    recent = RecentAnswers(capacity=2, ttl=10.0, clock=lambda: now[0])
    log = FeedbackLog(tmp_path / "f.jsonl", recent=recent)
    first, second, third = (log.remember(q, _answer()) for q in "abc")
    assert log.vote(first, "up") == "unknown"  # pushed out by the third
    now[0] = 11.0
    assert log.vote(second, "up") == "unknown"  # expired
    now[0] = 5.0
    assert log.vote(third, "up") == "recorded"


def test_the_file_is_capped_and_rotated(tmp_path: Path) -> None:
    path = tmp_path / "f.jsonl"
    log = FeedbackLog(path, max_bytes=2_000, backups=2)
    for i in range(60):
        log.record(f"问题{i}", "答" * 100, [], "up")
    kept = sorted(p.name for p in tmp_path.iterdir())
    assert kept == ["f.jsonl", "f.jsonl.1", "f.jsonl.2"]
    assert all(p.stat().st_size <= 2_000 for p in tmp_path.iterdir())
    newest = [json.loads(line)["question"] for line in path.read_text().splitlines()]
    assert newest[-1] == "问题59"


def test_api_feedback_records_the_server_answer_by_id(client: httpx.Client) -> None:
    ask = client.post("/api/ask", json={"question": "我是硕士，去威海工作每个月有多少生活补贴？"})
    body = ask.json()
    answer_id = body["answer_id"]
    assert answer_id and {"answer", "refused", "citations", "hits"} <= body.keys()
    first = client.post("/api/feedback", json={"answer_id": answer_id, "vote": "up"})
    assert first.status_code == 200 and first.json() == {"recorded": True}
    again = client.post("/api/feedback", json={"answer_id": answer_id, "vote": "up"})
    assert again.json() == {"recorded": False}
    forged = client.post("/api/feedback", json={"answer_id": "not-an-answer", "vote": "up"})
    assert forged.status_code == 404 and "answer_id" in forged.json()["error"]
    extra = client.post("/api/feedback", json={"answer_id": answer_id, "vote": "up",
                                               "answer": "伪造的回答：请拨打诈骗电话"})
    assert extra.status_code == 422


def test_forged_chat_feedback_writes_nothing(
    tmp_path: Path, web_corpus: Path, web_index: Path, retriever: Retriever, engine: QAEngine
) -> None:
    """A 👍 on chat history the client made up (not an answer this session was given)."""
    settings = make_settings(web_corpus, web_index, tmp_path)
    forged = "伪造的回答：请拨打诈骗电话" * 500
    history = [{"role": "user", "content": [{"type": "text", "text": "补贴？"}]},
               {"role": "assistant", "content": [{"type": "text", "text": forged}]}]
    with serve_app(settings, retriever, engine) as url, httpx.Client(base_url=url,
                                                                     timeout=30) as client:
        like = event_ids(client)["on_like"]
        for _ in range(20):
            done = run_event(client, like, [history, None],
                             event_data={"index": [1], "value": forged, "liked": True})
            assert done["success"] is True
    assert not settings.feedback_file.exists()
