"""The compare command and its --fail-below regression gate."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eval.__main__ import main
from eval.compare import CompareError, compare_metrics, parse_thresholds


def _metrics(path: Path, **values: object) -> Path:
    path.write_text(json.dumps(values), encoding="utf-8")
    return path


@pytest.fixture()
def pair(tmp_path: Path) -> tuple[Path, Path]:
    a = _metrics(tmp_path / "a.json", **{"recall@5": 0.80, "answer_fact": 0.90, "n": 10,
                                         "by_kind": {"amount": {"recall@5": 1.0}}})
    b = _metrics(tmp_path / "b.json", **{"recall@5": 0.85, "answer_fact": 0.70, "n": 10})
    return a, b


def test_table_shows_both_sides_and_delta(pair: tuple[Path, Path],
                                          capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", str(pair[0]), str(pair[1])]) == 0
    out = capsys.readouterr().out
    line = next(x for x in out.splitlines() if x.startswith("answer_fact"))
    assert line.split()[1:] == ["0.9000", "0.7000", "-0.2000"]
    assert "by_kind" not in out  # nested breakdowns are not compared


def test_gate_passes(pair: tuple[Path, Path]) -> None:
    assert main(["compare", str(pair[0]), str(pair[1]), "--fail-below", "recall@5=0.85"]) == 0


def test_gate_fails_and_lists_metrics(pair: tuple[Path, Path],
                                      capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["compare", str(pair[0]), str(pair[1]),
                 "--fail-below", "recall@5=0.9,answer_fact=0.85,mrr@10=0.5"])
    err = capsys.readouterr().err
    assert code == 1
    assert "recall@5 = 0.8500 is below the minimum 0.9000" in err
    assert "answer_fact = 0.7000 is below the minimum 0.8500" in err
    assert "mrr@10 is missing" in err


@pytest.mark.parametrize("spec", ["recall@5", "recall@5=high", "=0.5"])
def test_bad_threshold_exits_2(pair: tuple[Path, Path], spec: str) -> None:
    assert main(["compare", str(pair[0]), str(pair[1]), "--fail-below", spec]) == 2


def test_missing_or_broken_file_exits_2(tmp_path: Path, pair: tuple[Path, Path],
                                         capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", str(pair[0]), str(tmp_path / "none.json")]) == 2
    assert "metrics file not found" in capsys.readouterr().err
    broken = tmp_path / "broken.json"
    broken.write_text("{\n  'x': 1\n}", encoding="utf-8")
    assert main(["compare", str(pair[0]), str(broken)]) == 2
    assert "invalid JSON at line 2" in capsys.readouterr().err


def test_pure_functions() -> None:
    assert parse_thresholds("") == {}
    with pytest.raises(CompareError):
        parse_thresholds("a=1,b")
    rows, failures = compare_metrics({"x": 0.5}, {"x": 0.5, "y": 0.1}, {"x": 0.5})
    assert [(r.metric, r.delta) for r in rows] == [("x", 0.0), ("y", None)]
    assert failures == []  # equal to the minimum is not below it
