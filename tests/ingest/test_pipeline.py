"""ingest_corpus on the tiny mixed corpus and on both real corpora."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from ingest import ChunkingConfig, IngestError, ingest_corpus
from tests.paths import NCP_CORPUS, SAMPLE_CORPUS, needs_ncp


def _by_source(result):
    return {d.source: d for d in result.documents}


def test_every_format_is_read_and_every_failure_reported(
    mixed_corpus: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="ingest"):
        result = ingest_corpus(mixed_corpus)
    docs = _by_source(result)
    assert set(docs) == {
        "gbk.txt",
        "big5.txt",
        "utf16.txt",
        "bom.txt",
        "notes.md",
        "page.html",
        "policy.docx",
        "two_pages.pdf",
    }
    reasons = {s.source: s.reason for s in result.report.skipped}
    assert reasons["empty.txt"] == "empty file"
    assert "binary" in reasons["binary.txt"]
    assert "corrupt" in reasons["truncated.pdf"]
    assert "encrypted" in reasons["locked.pdf"]
    assert reasons["image.png"] == "unsupported type"
    assert result.report.duplicates == [("bom.txt", "sub/copy_of_bom.txt")]
    report = result.report
    assert report.files_seen == 14  # manifest.csv is not a document
    assert report.files_read == 9
    assert (report.n_documents, report.n_chunks) == (8, len(result.chunks))
    for source in ("empty.txt", "binary.txt", "truncated.pdf", "locked.pdf"):
        assert any(source in r.getMessage() for r in caplog.records)
    summary = report.summary()
    assert "documents: 8" in summary and "unsupported type" in summary


def test_text_is_decoded_and_script_kept(mixed_corpus: Path) -> None:
    docs = _by_source(ingest_corpus(mixed_corpus))
    assert docs["gbk.txt"].text.startswith("关于做好高校毕业生就业工作的通知")
    assert docs["big5.txt"].text.startswith("關於強化人才引領支撐的實施方案")
    assert docs["big5.txt"].search_text.startswith("关于强化人才引领支撑的实施方案")
    assert docs["utf16.txt"].text.startswith("威海市人才住房补贴办法")


def test_html_clutter_is_removed(mixed_corpus: Path) -> None:
    text = _by_source(ingest_corpus(mixed_corpus))["page.html"].text
    assert "每人1000元。" in text and "关于发放一次性就业补贴的通知" in text
    for clutter in ("网站首页", "政务公开", "当前位置", "版权所有", "首页导航脚本", "color"):
        assert clutter not in text


def test_docx_paragraphs_and_tables(mixed_corpus: Path) -> None:
    result = ingest_corpus(mixed_corpus)
    doc = _by_source(result)["policy.docx"]
    assert "A类人才；每月5000元" in doc.text
    assert doc.title == "青岛市高层次人才认定办法"
    paths = {c.section_path for c in result.chunks if c.doc_id == doc.doc_id}
    assert "二、申报程序" in paths


def test_pdf_chunks_record_their_page(mixed_corpus: Path) -> None:
    result = ingest_corpus(mixed_corpus, ChunkingConfig(chunk_size=20, chunk_overlap=0))
    doc = _by_source(result)["two_pages.pdf"]
    pages = {c.text: c.page for c in result.chunks if c.doc_id == doc.doc_id}
    assert pages == {
        "一、总则\n第一页的内容是人才政策。": 1,
        "二、补贴标准\n第二页的内容是住房补贴。": 2,
    }
    assert all(c.page is None for c in result.chunks if c.source != "two_pages.pdf")


def test_manifest_overrides_inferred_metadata(mixed_corpus: Path) -> None:
    doc = _by_source(ingest_corpus(mixed_corpus))["gbk.txt"]
    assert (doc.title, doc.issuer, doc.date, doc.region) == (
        "高校毕业生就业通知",
        "某市人社局",
        "2025-04-07",
        "青岛",
    )
    assert dict(doc.meta) == {"url": "https://example.org/a", "valid_until": "2026-12-31"}


def test_yaml_manifest(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("威海市人才政策\n一、总则\n内容。", encoding="utf-8")
    (tmp_path / "manifest.yaml").write_text(
        "- file: a.txt\n  issuer: 威海市人社局\n  status: 有效\n", encoding="utf-8"
    )
    (doc,) = ingest_corpus(tmp_path).documents
    assert doc.issuer == "威海市人社局" and doc.meta["status"] == "有效"
    assert doc.region == "威海市"


def test_bad_manifest_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("内容。", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("name,title\na.txt,x\n", encoding="utf-8")
    with pytest.raises(IngestError, match="'file' column"):
        ingest_corpus(tmp_path)


def test_ids_are_stable_across_runs_and_folders(mixed_corpus: Path, tmp_path: Path) -> None:
    first = ingest_corpus(mixed_corpus)
    again = ingest_corpus(mixed_corpus)
    assert [d.doc_id for d in first.documents] == [d.doc_id for d in again.documents]
    assert [c.chunk_id for c in first.chunks] == [c.chunk_id for c in again.chunks]
    other = tmp_path / "other"
    other.mkdir()
    (other / "renamed.txt").write_bytes((mixed_corpus / "gbk.txt").read_bytes())
    moved = ingest_corpus(other).documents[0]
    assert moved.doc_id == _by_source(first)["gbk.txt"].doc_id
    assert len({c.chunk_id for c in first.chunks}) == len(first.chunks)


@pytest.mark.parametrize("make", ["missing", "file", "empty", "unreadable"])
def test_nothing_to_ingest_raises(tmp_path: Path, make: str) -> None:
    target = tmp_path / "corpus"
    if make == "file":
        target.write_text("x", encoding="utf-8")
    elif make == "empty":
        target.mkdir()
    elif make == "unreadable":
        target.mkdir()
        (target / "empty.txt").write_bytes(b"")
        (target / "x.xyz").write_text("data", encoding="utf-8")
    with pytest.raises(IngestError):
        ingest_corpus(target)


@pytest.mark.parametrize(
    "corpus", [SAMPLE_CORPUS, pytest.param(NCP_CORPUS, marks=needs_ncp)], ids=["sample", "ncp"]
)
def test_offsets_exact_over_real_corpora(corpus: Path) -> None:
    result = ingest_corpus(corpus)
    texts = {d.doc_id: d.text for d in result.documents}
    assert result.report.n_documents == len(result.documents) > 0
    assert not result.report.skipped
    for chunk in result.chunks:
        assert texts[chunk.doc_id][chunk.char_start : chunk.char_end] == chunk.text
        assert len(chunk.text) <= ChunkingConfig().chunk_size
    assert {c.doc_id for c in result.chunks} == set(texts)


def test_manifest_entry_without_file_is_warned(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "a.txt").write_text("内容。", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("file,title\nmissing.txt,x\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="ingest"):
        ingest_corpus(tmp_path)
    assert any("missing.txt" in r.getMessage() for r in caplog.records)
