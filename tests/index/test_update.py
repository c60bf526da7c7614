"""Incremental update gives the same index as a full rebuild."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from index import IndexConfig, IndexMismatchError, Retriever, build_index, update_index

from .conftest import SMALL_CHUNKS

QUERIES = ["人才公寓申请条件", "社保补贴标准", "住房公积金贷款额度", "創業補助金額", "驿站住宿"]


def test_update_after_add_change_delete_equals_full_rebuild(
    tmp_path: Path, built_index: Path, corpus_dir: Path, hash_config: IndexConfig
) -> None:
    (corpus_dir / "fund_loans.txt").unlink()
    changed = corpus_dir / "social_insurance.txt"
    changed.write_text(
        changed.read_text(encoding="utf-8") + "三、申请时间\n每年三月和九月集中受理。\n",
        encoding="utf-8",
    )
    (corpus_dir / "station.txt").write_text(
        "青岛人才驿站管理办法\n来青求职的高校毕业生可在人才驿站免费住宿七天。\n", encoding="utf-8"
    )
    report = update_index(corpus_dir, built_index)
    # the deleted file and the old version of the changed one
    assert report.n_removed_documents == 2
    assert 0 < report.n_embedded < report.n_chunks
    assert report.n_reused == report.n_chunks - report.n_embedded

    full_dir = tmp_path / "full"
    build_index(corpus_dir, full_dir, hash_config)
    updated, full = Retriever.load(built_index), Retriever.load(full_dir)
    assert list(updated.chunks) == list(full.chunks)
    assert dict(updated.documents) == dict(full.documents)
    np.testing.assert_array_equal(updated._gen.vectors, full._gen.vectors)
    for q in QUERIES:
        assert updated.search(q, k=5) == full.search(q, k=5)
    assert updated.info()["generation"] == 2


def test_update_embeds_only_new_chunks(built_index: Path, corpus_dir: Path) -> None:
    (corpus_dir / "new.txt").write_text("新增：博士后进站补贴十万元。", encoding="utf-8")
    report = update_index(corpus_dir, built_index)
    assert report.n_embedded == 1


def test_update_refuses_a_different_model(built_index: Path, corpus_dir: Path) -> None:
    with pytest.raises(IndexMismatchError, match="python -m index build"):
        update_index(
            corpus_dir, built_index, IndexConfig(model="other/model", chunking=SMALL_CHUNKS)
        )


def test_update_without_an_index_says_to_build(tmp_path: Path, corpus_dir: Path) -> None:
    from index import IndexNotFoundError

    with pytest.raises(IndexNotFoundError, match="python -m index build"):
        update_index(corpus_dir, tmp_path / "none")
