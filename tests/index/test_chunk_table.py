"""The compact chunk table a generation loads: same chunks, far fewer bytes, damage refused."""

from __future__ import annotations

import json
import sys
from itertools import pairwise
from pathlib import Path

import pytest

import index.store as store
from index import IndexCorruptError, Retriever
from index.chunk_table import ChunkTable, StringColumn
from ingest.types import Chunk, Document

TEXT = "第一条 总则。第二条 补贴标准为每月二千元。第三条 附则。"


def _doc(doc_id: str = "d1", text: str = TEXT) -> Document:
    return Document(doc_id, f"{doc_id}.txt", "办法", None, None, None, None, text, text)


def _chunks(doc: Document) -> list[Chunk]:
    cuts = [0, 7, 22, len(doc.text)]
    return [
        Chunk(f"{doc.doc_id}-{i}", doc.doc_id, doc.source, doc.title, i, f"第{i + 1}条",
              None if i == 0 else i + 1, a, b, doc.text[a:b])
        for i, (a, b) in enumerate(pairwise(cuts))
    ]


def test_table_gives_back_the_same_chunks_by_row_slice_and_iteration() -> None:
    doc = _doc()
    chunks = _chunks(doc)
    table = ChunkTable.from_chunks(iter(chunks), {doc.doc_id: doc})
    assert len(table) == 3
    assert list(table) == chunks
    assert [table[i] for i in range(3)] == chunks
    assert table[-1] == chunks[-1] and list(table[1:]) == chunks[1:]
    assert table[0].page is None and table[2].page == 3
    assert list(table.doc_ids()) == ["d1"] * 3
    with pytest.raises(IndexError, match="out of range"):
        table[3]


def test_text_that_is_not_the_documents_slice_is_refused() -> None:
    doc = _doc()
    bad = [*_chunks(doc)[:2], Chunk("d1-2", "d1", "d1.txt", "办法", 2, "", None, 22,
                                    len(TEXT), "第三条 附则！")]
    with pytest.raises(ValueError, match=r"d1-2.*not d1\[22:"):
        ChunkTable.from_chunks(bad, {"d1": doc})
    with pytest.raises(ValueError, match="not in this generation"):
        ChunkTable.from_chunks(_chunks(doc), {})


def test_string_column_packs_repeats_once() -> None:
    col = StringColumn.from_values(["青岛市", "威海市", "青岛市", "", "威海市"])
    assert [col[i] for i in range(5)] == ["青岛市", "威海市", "青岛市", "", "威海市"]
    assert col.n_distinct == 3 and len(col) == 5


def test_table_holds_far_less_than_the_chunk_objects() -> None:
    docs = {f"d{i}": _doc(f"d{i}", TEXT * 20) for i in range(200)}
    chunks = [c for d in docs.values() for c in _chunks(d)]
    table = ChunkTable.from_chunks(chunks, docs)
    objects = sum(sys.getsizeof(c) + sum(sys.getsizeof(getattr(c, f)) for f in (
        "chunk_id", "doc_id", "source", "title", "section_path", "text")) for c in chunks)
    assert table.nbytes() * 5 < objects


def _resign(gen: Path, name: str) -> None:
    manifest = json.loads((gen / "manifest.json").read_text())
    manifest["files"][name] = store.sha256_file(gen / name)
    (gen / "manifest.json").write_text(json.dumps(manifest))
    (gen / store.MANIFEST_SHA).write_text(store.sha256_file(gen / "manifest.json"))


@pytest.mark.parametrize(("field", "value", "message"), [
    ("text", "改过的文字", r"its text is not"),
    ("doc_id", "nowhere", r"names document 'nowhere'"),
])
def test_a_signed_chunk_file_that_disagrees_with_the_documents_is_refused(
    built_index: Path, field: str, value: str, message: str
) -> None:
    gen = built_index / (built_index / "CURRENT").read_text().strip()
    rows = [json.loads(line) for line in (gen / "chunks.jsonl").read_text().splitlines()]
    rows[1][field] = value
    if field == "text":
        rows[1]["char_end"] = rows[1]["char_start"] + len(value)
    (gen / "chunks.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n"
                                              for r in rows))
    _resign(gen, "chunks.jsonl")
    with pytest.raises(IndexCorruptError, match=message):
        Retriever.load(built_index)


def test_simplified_documents_share_one_string_for_text_and_search_form(
    built_index: Path,
) -> None:
    docs = Retriever.load(built_index).documents.values()
    same = [d for d in docs if d.search_text == d.text]
    assert same and all(d.search_text is d.text for d in same)
    assert any(d.search_text != d.text for d in docs)  # the Traditional one keeps its own
