"""The answer-latency benchmark's accounting and command line (its figures are not tested:
speed is measured by running the benchmark, not asserted by a timed test)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.bench_answer import WARMUP, main, measure


class _Counting:
    """Records every call, in order, for an engine and an embedder alike."""

    def __init__(self, log: list[tuple[str, str]], name: str) -> None:
        self.log, self.name = log, name

    def answer(self, question: str) -> None:
        self.log.append((self.name, question))

    def __call__(self, question: str) -> None:
        self.log.append((self.name, question))


def test_each_question_is_embedded_then_answered_after_a_warm_up() -> None:
    log: list[tuple[str, str]] = []
    questions = [f"问题{i}" for i in range(8)]
    summary = measure(_Counting(log, "answer"), _Counting(log, "embed"), questions, rounds=2)
    timed = log[2 * WARMUP:]
    assert timed == [(step, q) for _ in range(2) for q in questions
                     for step in ("embed", "answer")]
    assert summary["questions"] == 8 and summary["rounds"] == 2
    assert summary["answer_over_embed_p50"] > 0


def test_runs_on_a_real_index_and_writes_its_summary(sample_hash_index: Path,
                                                      tmp_path: Path) -> None:
    questions = tmp_path / "q.jsonl"
    rows = [{"question": q} for q in ("威海硕士生活津贴多少", "崂山区人才公寓", "青岛绿卡")]
    questions.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n",
                         "utf-8")
    out = tmp_path / "r" / "answer.json"
    assert main(["--index-dir", str(sample_hash_index), "--questions", str(questions),
                 "--out", str(out)]) == 0
    summary = json.loads(out.read_text("utf-8"))
    assert summary["questions"] == 3
    assert summary["answer_ms_p50"] >= summary["engine_own_ms_p50"] > 0


@pytest.mark.parametrize("args", [["--limit", "0"], ["--questions", "missing.jsonl"]])
def test_bad_arguments_exit_with_a_message(args: list[str], tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    base = {"--index-dir": str(tmp_path), "--questions": str(tmp_path / "none.jsonl")}
    for flag, value in zip(args[::2], args[1::2], strict=True):
        base[flag] = value if flag != "--questions" else str(tmp_path / value)
    with pytest.raises(SystemExit) as exc:
        main([part for pair in base.items() for part in pair])
    assert exc.value.code == 2
    assert "error" in capsys.readouterr().err


def test_a_missing_index_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    questions = tmp_path / "q.jsonl"
    questions.write_text('{"question": "补贴"}\n', "utf-8")
    with pytest.raises(SystemExit) as exc:
        main(["--index-dir", str(tmp_path / "nope"), "--questions", str(questions)])
    assert exc.value.code == 2
    assert "index directory not found" in capsys.readouterr().err
