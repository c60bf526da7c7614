"""Loaders for each format, and their failure reasons."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.errors import UnreadableFileError
from ingest.loaders import html_to_text, load_pages, read_docx, read_markdown, read_pdf
from tests.ingest.conftest import HTML_PAGE, make_docx, make_pdf


def test_pdf_pages_keep_their_order(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "a.pdf", [["第一页"], ["第二页"], ["第三页"]])
    assert [p.strip() for p in read_pdf(path)] == ["第一页", "第二页", "第三页"]


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "blank.pdf", [[], []])
    with pytest.raises(UnreadableFileError, match="no text layer"):
        read_pdf(path)


def test_not_really_a_pdf(tmp_path: Path) -> None:
    path = tmp_path / "fake.pdf"
    path.write_text("this is not a pdf", encoding="utf-8")
    with pytest.raises(UnreadableFileError, match="corrupt"):
        load_pages(path)


def test_docx_keeps_table_rows_in_order(tmp_path: Path) -> None:
    (text,) = read_docx(make_docx(tmp_path / "a.docx"))
    lines = text.split("\n")
    assert lines.index("一、认定标准") < lines.index("类别；补贴金额") < lines.index("二、申报程序")


def test_broken_docx(tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(UnreadableFileError, match="docx"):
        read_docx(path)


def test_markdown_markup_is_removed(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(
        "## 一、申请条件\n\n- **本科**以上学历\n- 详见[办事指南](https://x.org)\n", "utf-8"
    )
    (text,) = read_markdown(path)
    assert "一、申请条件" in text and "本科以上学历" in text and "详见办事指南" in text
    assert "#" not in text and "**" not in text and "https" not in text


def test_html_main_content_only() -> None:
    text = html_to_text(HTML_PAGE)
    assert "补贴对象" in text and "招用高校毕业生的中小企业。" in text
    assert "政务公开" not in text and "版权所有" not in text and "var menu" not in text


def test_html_without_main_container_uses_body() -> None:
    text = html_to_text("<html><body><nav>导航</nav><p>正文内容。</p></body></html>")
    assert text.strip() == "正文内容。"


@pytest.mark.parametrize(("name", "reason"), [("a.xlsx", "unsupported type"), ("a.txt", "empty")])
def test_load_pages_reasons(tmp_path: Path, name: str, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"")
    with pytest.raises(UnreadableFileError, match=reason):
        load_pages(path)
