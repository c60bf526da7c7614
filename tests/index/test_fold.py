"""Republished copies are folded at build time and resolve as aliases."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from index import IndexConfig, IndexMismatchError, Retriever, build_index, update_index
from index.cli import run

from .conftest import DOCS, SMALL_CHUNKS

REPOST = "转载：" + DOCS["qingdao_housing.txt"]


def test_a_repost_is_indexed_once_and_resolves_as_an_alias(
    tmp_path: Path, corpus_dir: Path, hash_config: IndexConfig
) -> None:
    (corpus_dir / "repost.txt").write_text(REPOST, encoding="utf-8")
    build_index(corpus_dir, tmp_path / "idx", hash_config)
    r = Retriever.load(tmp_path / "idx")
    sources = {d.source for d in r.documents.values()}
    assert "qingdao_housing.txt" not in sources and "repost.txt" in sources
    kept = next(d.doc_id for d in r.documents.values() if d.source == "repost.txt")
    assert r.aliases["qingdao_housing.txt"] == kept
    hits = r.search("人才公寓申请条件", k=5)
    assert all(h.chunk.source != "qingdao_housing.txt" for h in hits)


def test_folding_off_keeps_both_copies(
    tmp_path: Path, corpus_dir: Path
) -> None:
    (corpus_dir / "repost.txt").write_text(REPOST, encoding="utf-8")
    config = IndexConfig(model="hash", chunking=SMALL_CHUNKS, fold_threshold=None)
    build_index(corpus_dir, tmp_path / "idx", config)
    assert len(Retriever.load(tmp_path / "idx").documents) == len(DOCS) + 1


def test_update_after_a_repost_arrives_equals_a_rebuild(
    tmp_path: Path, built_index: Path, corpus_dir: Path, hash_config: IndexConfig
) -> None:
    (corpus_dir / "repost.txt").write_text(REPOST, encoding="utf-8")
    update_index(corpus_dir, built_index)
    build_index(corpus_dir, tmp_path / "full", hash_config)
    updated, full = Retriever.load(built_index), Retriever.load(tmp_path / "full")
    assert dict(updated.documents) == dict(full.documents)
    assert dict(updated.aliases) == dict(full.aliases) != {}
    np.testing.assert_array_equal(updated._gen.vectors, full._gen.vectors)


def test_update_refuses_a_different_fold_threshold(built_index: Path, corpus_dir: Path) -> None:
    other = IndexConfig(model="hash", chunking=SMALL_CHUNKS, fold_threshold=None)
    with pytest.raises(IndexMismatchError, match="fold threshold"):
        update_index(corpus_dir, built_index, other)


def test_cli_fold_copies_flag(
    tmp_path: Path, corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (corpus_dir / "repost.txt").write_text(REPOST, encoding="utf-8")
    base = ["build", str(corpus_dir), "--model", "hash", "--no-progress"]
    assert run([*base, "--index-dir", str(tmp_path / "on")]) == 0
    assert "folded qingdao_housing.txt" in capsys.readouterr().out
    assert run([*base, "--index-dir", str(tmp_path / "off"), "--fold-copies", "off"]) == 0
    assert len(Retriever.load(tmp_path / "off").documents) == len(DOCS) + 1
    with pytest.raises(SystemExit) as bad:
        run([*base, "--index-dir", str(tmp_path / "bad"), "--fold-copies", "0.1"])
    assert bad.value.code == 2
    assert "--fold-copies must be between 0.5 and 1.0" in capsys.readouterr().err
