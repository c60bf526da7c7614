"""Persistence: round trip, refusing mismatches and corruption, crash safety, fallback."""

from __future__ import annotations

import fcntl
import json
import os
from pathlib import Path

import pytest

import index.store as store
from index import (
    IndexConfig,
    IndexCorruptError,
    IndexLockedError,
    IndexMismatchError,
    IndexNotFoundError,
    Retriever,
    build_index,
)

REBUILD = "python -m index build"


def _gen(index_dir: Path) -> Path:
    return index_dir / (index_dir / "CURRENT").read_text().strip()


def test_round_trip_preserves_chunks_documents_and_results(
    built_index: Path, corpus_dir: Path
) -> None:
    from ingest import ingest_corpus

    from .conftest import SMALL_CHUNKS

    ingested = ingest_corpus(corpus_dir, SMALL_CHUNKS)
    r = Retriever.load(built_index)
    assert list(r.chunks) == ingested.chunks
    assert dict(r.documents) == {d.doc_id: d for d in ingested.documents}
    again = Retriever.load(built_index)
    assert r.search("人才公寓申请条件") == again.search("人才公寓申请条件")
    info = r.info()
    assert info["generation"] == 1 and info["model"] == "hash" and info["dim"] == 256
    assert info["n_documents"] == 4 and info["n_chunks"] == len(ingested.chunks)
    assert info["fallback"] is None


def test_manifest_records_versions_and_checksums(built_index: Path) -> None:
    manifest = json.loads((_gen(built_index) / "manifest.json").read_text())
    assert manifest["model"] == "hash" and manifest["dim"] == 256
    assert manifest["chunking"] == {"chunk_size": 80, "chunk_overlap": 10}
    assert {"faiss-cpu", "sentence-transformers", "bm25s"} <= set(manifest["libraries"])
    assert "vectors.npy" in manifest["files"] and "dense.faiss" in manifest["files"]
    assert all(len(d["file_sha256"]) == 64 for d in manifest["documents"].values())


def test_different_model_is_refused_with_the_command(built_index: Path) -> None:
    with pytest.raises(IndexMismatchError, match=REBUILD) as err:
        Retriever.load(built_index, model="some/other-model")
    assert "hash" in str(err.value)


@pytest.mark.parametrize(
    "damage",
    ["truncate", "zero", "bitflip", "delete", "lfs-pointer"],
)
@pytest.mark.parametrize(
    "name", ["vectors.npy", "dense.faiss", "chunks.jsonl", "bm25/vocab.index.json"]
)
def test_damaged_file_is_refused_naming_it(built_index: Path, damage: str, name: str) -> None:
    path = _gen(built_index) / name
    data = path.read_bytes()
    if damage == "truncate":
        path.write_bytes(data[: len(data) // 2])
    elif damage == "zero":
        path.write_bytes(b"\0" * len(data))
    elif damage == "bitflip":
        path.write_bytes(data[:-9] + bytes([data[-9] ^ 1]) + data[-8:])
    elif damage == "delete":
        path.unlink()
    else:
        path.write_text(
            "version https://git-lfs.github.com/spec/v1\noid sha256:" + "0" * 64 + "\nsize 99\n"
        )
    with pytest.raises(IndexCorruptError) as err:
        Retriever.load(built_index)
    assert name.split("/")[-1] in str(err.value)
    assert REBUILD in str(err.value)
    assert ("git lfs pull" in str(err.value)) == (damage == "lfs-pointer")


def test_unparseable_manifest_is_refused(built_index: Path) -> None:
    (_gen(built_index) / "manifest.json").write_text("{not json")
    with pytest.raises(IndexCorruptError, match=r"manifest\.json"):
        Retriever.load(built_index)


@pytest.mark.parametrize(
    "edit",
    [
        lambda m: m.update(dim=384),
        lambda m: m.update(model="someone/else"),
        lambda m: m["files"].update({"chunks.jsonl": "0" * 64}),
        lambda m: m["files"].pop("dense.faiss"),
    ],
)
def test_edited_manifest_is_refused_naming_it(built_index: Path, edit: object) -> None:
    path = _gen(built_index) / "manifest.json"
    manifest = json.loads(path.read_text())
    edit(manifest)  # type: ignore[operator]
    path.write_text(json.dumps(manifest))
    with pytest.raises(IndexCorruptError, match=r"manifest\.json was edited") as err:
        Retriever.load(built_index)
    assert REBUILD in str(err.value)


def test_manifest_must_list_every_required_file(built_index: Path) -> None:
    gen = _gen(built_index)
    manifest = json.loads((gen / "manifest.json").read_text())
    manifest["files"].pop("dense.faiss")
    (gen / "manifest.json").write_text(json.dumps(manifest))
    (gen / store.MANIFEST_SHA).write_text(store.sha256_file(gen / "manifest.json"))
    with pytest.raises(IndexCorruptError, match=r"does not list dense\.faiss"):
        Retriever.load(built_index)


def test_vectors_that_disagree_with_the_chunks_are_refused(built_index: Path) -> None:
    import numpy as np

    gen = _gen(built_index)
    np.save(gen / "vectors.npy", np.zeros((2, 256), dtype=np.float32))
    manifest = json.loads((gen / "manifest.json").read_text())
    manifest["files"]["vectors.npy"] = store.sha256_file(gen / "vectors.npy")
    (gen / "manifest.json").write_text(json.dumps(manifest))
    (gen / store.MANIFEST_SHA).write_text(store.sha256_file(gen / "manifest.json"))
    with pytest.raises(IndexCorruptError, match="disagree"):
        Retriever.load(built_index)


def test_missing_index_names_the_build_command(tmp_path: Path) -> None:
    with pytest.raises(IndexNotFoundError, match=REBUILD):
        Retriever.load(tmp_path / "nothing")
    (tmp_path / "empty").mkdir()
    with pytest.raises(IndexNotFoundError, match="CURRENT"):
        Retriever.load(tmp_path / "empty")


def test_crash_before_pointer_switch_leaves_old_generation_serving(
    built_index: Path, corpus_dir: Path, hash_config: IndexConfig, monkeypatch: pytest.MonkeyPatch
) -> None:
    def crash(index_dir: Path, number: int) -> None:
        raise KeyboardInterrupt("power cut")

    (corpus_dir / "new.txt").write_text("新增文件：人才驿站免费住宿七天。", encoding="utf-8")
    monkeypatch.setattr(store, "switch_current", crash)
    with pytest.raises(KeyboardInterrupt):
        build_index(corpus_dir, built_index, hash_config)
    monkeypatch.undo()
    r = Retriever.load(built_index)
    assert r.info()["generation"] == 1
    assert r.info()["n_documents"] == 4
    # the next build succeeds and becomes current
    report = build_index(corpus_dir, built_index, hash_config)
    assert Retriever.load(built_index).info()["generation"] == report.generation
    assert Retriever.load(built_index).info()["n_documents"] == 5


def test_crash_while_writing_files_leaves_no_visible_generation(
    built_index: Path, corpus_dir: Path, hash_config: IndexConfig, monkeypatch: pytest.MonkeyPatch
) -> None:
    def crash(*args: object, **kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("index.build.finish_generation", crash)
    with pytest.raises(OSError, match="disk full"):
        build_index(corpus_dir, built_index, hash_config)
    monkeypatch.undo()
    assert store.generations(built_index) == [1]
    assert Retriever.load(built_index).info()["generation"] == 1


def test_corrupt_current_generation_falls_back_to_previous(
    built_index: Path, corpus_dir: Path, hash_config: IndexConfig
) -> None:
    build_index(corpus_dir, built_index, hash_config)
    assert (built_index / "CURRENT").read_text().strip() == "gen-2"
    vectors = built_index / "gen-2" / "vectors.npy"
    vectors.write_bytes(vectors.read_bytes()[:100])
    r = Retriever.load(built_index)
    assert r.info()["generation"] == 1
    assert "gen-2" in r.info()["fallback"] and "vectors.npy" in r.info()["fallback"]


def test_only_current_and_previous_generations_are_kept(
    built_index: Path, corpus_dir: Path, hash_config: IndexConfig
) -> None:
    for _ in range(3):
        build_index(corpus_dir, built_index, hash_config)
    assert store.generations(built_index) == [3, 4]


def test_build_is_serialised_by_a_lock(
    built_index: Path, corpus_dir: Path, hash_config: IndexConfig
) -> None:
    with (built_index / store.LOCK).open("a+") as fh:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        with pytest.raises(IndexLockedError, match="another build"):
            build_index(corpus_dir, built_index, hash_config)
    build_index(corpus_dir, built_index, hash_config)  # released: works again


def test_current_pointer_is_replaced_atomically(built_index: Path) -> None:
    inode = os.stat(built_index / "CURRENT").st_ino
    store.switch_current(built_index, 1)
    assert os.stat(built_index / "CURRENT").st_ino != inode
    assert not (built_index / "CURRENT.tmp").exists()


def test_index_from_an_older_format_is_refused(built_index: Path) -> None:
    path = _gen(built_index) / "manifest.json"
    manifest = json.loads(path.read_text())
    manifest["format_version"] = 1
    path.write_text(json.dumps(manifest))
    (path.parent / store.MANIFEST_SHA).write_text(store.sha256_file(path))
    with pytest.raises(IndexCorruptError, match=r"format version 1.*python -m index build"):
        Retriever.load(built_index)


def test_bm25_rows_that_disagree_with_the_chunks_are_refused(built_index: Path) -> None:
    from index.bm25 import Bm25Index

    gen = _gen(built_index)
    Bm25Index.build([["人才", "公寓"], ["社保", "补贴"]]).save(gen / "bm25")
    manifest = json.loads((gen / "manifest.json").read_text())
    for name in list(manifest["files"]):
        if name.startswith("bm25/"):
            manifest["files"][name] = store.sha256_file(gen / name)
    (gen / "manifest.json").write_text(json.dumps(manifest))
    (gen / store.MANIFEST_SHA).write_text(store.sha256_file(gen / "manifest.json"))
    with pytest.raises(IndexCorruptError, match="BM25 rows 2"):
        Retriever.load(built_index)
