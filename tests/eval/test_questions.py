"""Question-set loading: dev-set compatibility and clear errors with line numbers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eval.__main__ import main
from eval.questions import QuestionSetError, doc_stem, load_questions


def _write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_dev_set_format_loads(tmp_path: Path) -> None:
    row = {"id": "abc", "question": "如何处置哄抬物价？", "doc": "f3bd", "answer": "给予处罚"}
    qs = load_questions(_write(tmp_path / "dev.jsonl", [json.dumps(row, ensure_ascii=False)]))
    assert len(qs) == 1
    q = qs[0]
    assert (q.doc, q.answerable, q.evidence, q.lang, q.kind) == ("f3bd", True, None, "unknown",
                                                                 "unknown")


def test_full_format_and_blank_lines(tmp_path: Path) -> None:
    rows = [
        {"id": 1, "question": "威海硕士补贴？", "doc": "000_x.txt", "evidence": "每月2000元",
         "alt_evidence": ["硕士2000元"], "answer": "2000元", "lang": "zh-Hans", "kind": "amount"},
        {"id": "u1", "question": "青岛落户条件？", "doc": None, "answerable": False},
    ]
    path = _write(tmp_path / "q.jsonl", [json.dumps(rows[0]), "", json.dumps(rows[1])])
    a, b = load_questions(path)
    assert a.id == "1" and a.doc == "000_x" and a.targets == ("每月2000元", "硕士2000元")
    assert not b.answerable and b.doc is None and b.targets == ()


def test_doc_stem() -> None:
    assert doc_stem("/a/b/001_7c57.txt") == "001_7c57"
    assert doc_stem("001_7c57") == "001_7c57"


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(QuestionSetError, match="not found"):
        load_questions(tmp_path / "nope.jsonl")


def test_malformed_line_reports_its_number(tmp_path: Path) -> None:
    good = json.dumps({"id": "a", "question": "q", "doc": "d"})
    path = _write(tmp_path / "bad.jsonl", [good, good.replace('"a"', '"b"'), '{"id": "c", '])
    with pytest.raises(QuestionSetError, match=r"bad\.jsonl:3: invalid JSON"):
        load_questions(path)


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ({"id": "a", "doc": "d"}, "missing or empty 'question'"),
        ({"question": "q", "doc": "d"}, "missing or empty 'id'"),
        ({"id": "a", "question": "q"}, "needs a 'doc'"),
        ({"id": "a", "question": "q", "doc": "d", "alt_evidence": "x"}, "list of strings"),
        ({"id": "a", "question": "q", "doc": "d", "answerable": "yes"}, "true or false"),
        (["not", "an", "object"], "expected a JSON object"),
    ],
)
def test_invalid_rows(tmp_path: Path, row: object, message: str) -> None:
    path = _write(tmp_path / "q.jsonl", [json.dumps(row)])
    with pytest.raises(QuestionSetError, match=rf"q\.jsonl:1: .*{message}"):
        load_questions(path)


def test_duplicate_id(tmp_path: Path) -> None:
    row = json.dumps({"id": "a", "question": "q", "doc": "d"})
    with pytest.raises(QuestionSetError, match=r":2: duplicate id 'a'"):
        load_questions(_write(tmp_path / "q.jsonl", [row, row]))


def test_cli_exits_2_with_clear_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path / "q.jsonl", ["{oops"])
    code = main(["validate", "--questions", str(path), "--corpus", str(tmp_path)])
    assert code == 2
    assert "q.jsonl:1: invalid JSON" in capsys.readouterr().err
