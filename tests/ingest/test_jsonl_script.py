"""JSON Lines round trip and OpenCC script helpers."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.jsonl import read_chunks, read_documents, write_chunks, write_documents
from ingest.script import is_traditional, to_simplified, to_traditional
from ingest.types import Chunk, Document


def test_round_trip(tmp_path: Path) -> None:
    doc = Document(
        "d1",
        "a/b.txt",
        "標題",
        "某局",
        "2025-04-07",
        "青人社发〔2025〕5号",
        "青岛",
        "一、總則\n內容。",
        "一、总则\n内容。",
        {"url": "https://example.org"},
    )
    chunk = Chunk("d1-0000", "d1", "a/b.txt", "標題", 0, "一、總則", 2, 0, 8, "一、總則\n內容。")
    write_documents(tmp_path / "documents.jsonl", [doc])
    write_chunks(tmp_path / "chunks.jsonl", [chunk])
    assert read_documents(tmp_path / "documents.jsonl") == [doc]
    assert read_chunks(tmp_path / "chunks.jsonl") == [chunk]
    assert "標題" in (tmp_path / "documents.jsonl").read_text("utf-8")


def test_bad_lines_name_the_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "chunks.jsonl"
    path.write_text('{"chunk_id": "x"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"chunks\.jsonl:1"):
        read_chunks(path)
    path.write_text("not json\n", encoding="utf-8")
    with pytest.raises(ValueError, match="not valid JSON"):
        read_chunks(path)


def test_script_conversion() -> None:
    assert to_simplified("青島市人力資源和社會保障局") == "青岛市人力资源和社会保障局"
    assert to_traditional("人才开发处") == "人才開發處"
    assert is_traditional("關于強化人才引領支撐")
    assert not is_traditional("关于强化人才引领支撑")
    assert not is_traditional("")
