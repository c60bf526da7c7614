"""The load benchmark's question mix and accounting (the benchmark itself is not a test)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from bench.bench_load import (
    DEFAULT_QUESTIONS,
    Tally,
    client_order,
    cpu_ms_per_request,
    load_questions,
    percentile,
    process_cpu_seconds,
    question_mix,
    summarise,
)


def test_default_mix_is_every_distinct_eval_question() -> None:
    questions = load_questions(DEFAULT_QUESTIONS)
    lines = [json.loads(line) for line in DEFAULT_QUESTIONS.read_text("utf-8").splitlines()]
    assert questions == list(dict.fromkeys(r["question"] for r in lines))
    assert len(questions) >= 100


def test_questions_file_is_deduplicated_in_order(tmp_path: Path) -> None:
    path = tmp_path / "q.jsonl"
    rows = [{"question": "甲"}, {"question": "乙"}, {"question": "甲"}, {"id": "x"},
            {"question": " "}]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n\n", "utf-8")
    assert load_questions(path) == ["甲", "乙"]


def test_a_file_without_questions_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_text('{"id": 1}\n', "utf-8")
    with pytest.raises(SystemExit, match="question"):
        load_questions(path)


def test_each_client_gets_its_own_complete_order() -> None:
    questions = [f"问题{i}" for i in range(50)]
    first, second = client_order(questions, 0), client_order(questions, 1)
    assert sorted(first) == sorted(second) == sorted(questions)
    assert first != second
    assert client_order(questions, 0) == first  # deterministic per client


def test_question_mix_counts_repeats() -> None:
    tally = Tally()
    for question in ["甲", "乙", "甲", "甲"]:
        tally.add(200, 0.1, question)
    tally.add(429, 0.0, "丙")
    assert question_mix(tally, 3) == {
        "distinct_available": 3, "distinct_asked": 2,
        "asks_per_question_mean": 2.0, "asks_per_question_max": 3,
    }


def test_cpu_accounting() -> None:
    assert cpu_ms_per_request(1.0, 1.5, 50) == 10.0
    assert cpu_ms_per_request(None, 1.5, 50) is None
    assert cpu_ms_per_request(1.0, 1.5, 0) is None
    own = process_cpu_seconds(os.getpid())
    if Path("/proc").is_dir():
        assert own is not None and own >= 0
    assert process_cpu_seconds(2**22 + 12345) is None  # no such process


def test_percentile_nearest_rank() -> None:
    assert percentile([], 95) == 0.0
    assert percentile([3.0, 1.0, 2.0], 50) == 2.0
    assert percentile([float(i) for i in range(1, 101)], 95) == 95.0


def test_failed_requests_are_counted_by_kind() -> None:
    tally = Tally()
    tally.add(None, 0.0, "甲", "ReadTimeout")
    tally.add(None, 0.0, "乙", "ReadTimeout")
    tally.add(None, 0.0)
    tally.add(500, 0.2, "丙")
    summary = summarise(tally, 1.0)
    assert summary["errors"] == 4
    assert summary["failed_requests_by_kind"] == {"ReadTimeout": 2, "unknown": 1}
    assert summary["requests_ok"] == 0
