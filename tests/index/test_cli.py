"""The ``python -m index`` command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from index.cli import run

ROOT = Path(__file__).resolve().parents[2]


def test_build_search_update_via_cli(
    tmp_path: Path, corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    idx = tmp_path / "idx"
    assert run(["build", str(corpus_dir), "--index-dir", str(idx), "--model", "hash",
                "--no-progress"]) == 0
    assert "gen-1" in capsys.readouterr().out
    assert run(["search", "人才公寓", "--index-dir", str(idx), "--k", "3", "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert len(hits) == 3 and hits[0]["rank"] == 1
    assert {"chunk_id", "doc_id", "source", "title", "section_path", "text", "dense_rank",
            "bm25_rank", "score"} <= set(hits[0])
    assert run(["update", str(corpus_dir), "--index-dir", str(idx), "--no-progress"]) == 0
    assert "gen-2" in capsys.readouterr().out


def test_search_without_index_is_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["search", "人才", "--index-dir", str(tmp_path / "none")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1
    assert "python -m index build" in err


def test_build_missing_corpus_is_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = run(["build", str(tmp_path / "nope"), "--index-dir", str(tmp_path / "i"),
                "--model", "hash"])
    assert code == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "not found" in err and err.count("\n") == 1


def test_bad_k_is_rejected_by_the_parser(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exc:
        run(["search", "x", "--index-dir", str(tmp_path), "--k", "0"])
    assert exc.value.code == 2
    assert "--k must be between 1 and 50" in capsys.readouterr().err


def test_module_entry_point_runs(tmp_path: Path, corpus_dir: Path) -> None:
    idx = tmp_path / "idx"
    run(["build", str(corpus_dir), "--index-dir", str(idx), "--model", "hash", "--no-progress"])
    proc = subprocess.run(
        [sys.executable, "-m", "index", "search", "公积金", "--index-dir", str(idx), "--json"],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)[0]["source"] == "fund_loans.txt"
