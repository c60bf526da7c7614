"""``python -m ingest`` as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.ingest.conftest import REPO_ROOT


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ingest", *args],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_writes_documents_and_chunks(mixed_corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    proc = _run(
        str(mixed_corpus), "--out", str(out), "--chunk-size", "120", "--chunk-overlap", "10"
    )
    assert proc.returncode == 0, proc.stderr
    assert "documents: 8" in proc.stdout
    assert "skipped binary.txt" in proc.stdout
    assert "Traceback" not in proc.stderr
    docs = [json.loads(line) for line in (out / "documents.jsonl").read_text("utf-8").splitlines()]
    chunks = [json.loads(line) for line in (out / "chunks.jsonl").read_text("utf-8").splitlines()]
    assert {"doc_id", "source", "title", "issuer", "date", "doc_number", "region", "text"} <= set(
        docs[0]
    )
    assert {
        "chunk_id",
        "doc_id",
        "source",
        "title",
        "section_path",
        "page",
        "char_start",
        "char_end",
        "text",
    } <= set(chunks[0])
    texts = {d["doc_id"]: d["text"] for d in docs}
    for c in chunks:
        assert texts[c["doc_id"]][c["char_start"] : c["char_end"]] == c["text"]
        assert len(c["text"]) <= 120
    assert any(d["source"] == "sub/copy_of_bom.txt" for d in docs) is False


def test_report_only_without_out(mixed_corpus: Path) -> None:
    proc = _run(str(mixed_corpus))
    assert proc.returncode == 0
    assert "files seen: 14" in proc.stdout
    assert "WARNING" in proc.stderr and "locked.pdf" in proc.stderr


def test_missing_folder_is_one_clear_line(tmp_path: Path) -> None:
    proc = _run(str(tmp_path / "nope"))
    assert proc.returncode != 0
    assert proc.stderr.strip().splitlines() == [
        f"error: corpus folder not found: {tmp_path / 'nope'}"
    ]


def test_folder_with_nothing_readable(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    proc = _run(str(tmp_path))
    assert proc.returncode != 0
    assert "nothing readable" in proc.stderr and "Traceback" not in proc.stderr


def test_bad_chunk_settings_are_rejected(tmp_path: Path) -> None:
    proc = _run(str(tmp_path), "--chunk-size", "100", "--chunk-overlap", "100")
    assert proc.returncode == 2
    assert "chunk_overlap" in proc.stderr and "Traceback" not in proc.stderr
