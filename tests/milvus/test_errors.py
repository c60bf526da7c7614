"""Clear errors, never tracebacks: an unreachable server, a model or dimension that
differs from the collection's, a collection this program did not write, damage."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from index import (
    IndexConfig,
    IndexCorruptError,
    IndexMismatchError,
    IndexNotFoundError,
    IndexUnavailableError,
    MilvusLocation,
    Retriever,
    build_index,
)
from index.cli import run
from index.embedder import HashEmbedder
from index.milvus.client import connect
from index.milvus.schema import MANIFEST_KEY, MANIFEST_SHA_KEY, chunk_schema, sha256_text
from tests.milvus.lite import free_port

ROOT = Path(__file__).resolve().parents[2]


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("POLICYQA_")}
    return {**env, "PYTHONPATH": str(ROOT), "GRADIO_ANALYTICS_ENABLED": "False"}


def test_unreachable_server_is_one_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    uri = f"http://127.0.0.1:{free_port()}"
    with pytest.raises(IndexUnavailableError, match=f"cannot reach Milvus at {uri}"):
        Retriever.load(MilvusLocation(uri))
    assert run(["search", "人才", "--backend", "milvus", "--milvus-uri", uri]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: cannot reach Milvus") and err.count("\n") == 1
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("人才公寓申请办法\n硕士可申请。\n", encoding="utf-8")
    assert run(["build", str(corpus), "--backend", "milvus", "--milvus-uri", uri,
                "--model", "hash", "--no-progress"]) == 1
    assert "cannot reach Milvus" in capsys.readouterr().err


def test_app_refuses_to_start_without_its_milvus(tmp_path: Path) -> None:
    uri = f"http://127.0.0.1:{free_port()}"
    proc = subprocess.run(
        [sys.executable, "-m", "app", "--backend", "milvus", "--milvus-uri", uri,
         "--model", "hash", "--port", str(free_port())],
        cwd=tmp_path, env=_env(), capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 1
    assert f"cannot reach Milvus at {uri}" in proc.stderr
    assert "Traceback" not in proc.stderr
    missing = subprocess.run(
        [sys.executable, "-m", "app", "--backend", "milvus"], cwd=tmp_path, env=_env(),
        capture_output=True, text=True, timeout=120,
    )
    assert missing.returncode == 2 and "--milvus-uri" in missing.stderr


def test_model_or_dimension_that_differs_is_refused(
    corpus_dir: Path, hash_config: IndexConfig, lite_db: MilvusLocation
) -> None:
    build_index(corpus_dir, lite_db, hash_config)
    with pytest.raises(IndexMismatchError, match="built with model 'hash' but 'other' is"):
        Retriever.load(lite_db, model="other")
    with pytest.raises(IndexMismatchError, match=r"256-d vectors.*gives 64") as exc:
        Retriever.load(lite_db, embedder=HashEmbedder(dim=64))
    assert "--backend milvus --milvus-uri" in str(exc.value)


def test_collection_whose_vectors_differ_from_its_manifest(
    corpus_dir: Path, hash_config: IndexConfig, lite_db: MilvusLocation
) -> None:
    """A collection under the alias storing 8-d vectors while its manifest says 256-d."""
    build_index(corpus_dir, lite_db, hash_config)
    client = connect(lite_db)
    props = client.describe_collection("policyqa_g1")["properties"]
    client.create_collection("policyqa_g9", schema=chunk_schema(client, 8))
    manifest = json.loads(props[MANIFEST_KEY])
    text = json.dumps({**manifest, "generation": 9}, sort_keys=True)
    client.alter_collection_properties(
        "policyqa_g9", properties={MANIFEST_KEY: text, MANIFEST_SHA_KEY: sha256_text(text)}
    )
    client.alter_alias("policyqa_g9", "policyqa")
    with pytest.raises(IndexMismatchError, match="stores 8-d vectors but its manifest says 256-d"):
        Retriever.load(lite_db)


def test_foreign_collection_and_edited_manifest_are_refused(
    corpus_dir: Path, hash_config: IndexConfig, lite_db: MilvusLocation
) -> None:
    build_index(corpus_dir, lite_db, hash_config)
    client = connect(lite_db)
    props = client.describe_collection("policyqa_g1")["properties"]
    serving = Retriever.load(lite_db)
    assert serving.verify() == []
    edited = props[MANIFEST_KEY].replace('"hash"', '"other"')
    client.alter_collection_properties("policyqa_g1", properties={MANIFEST_KEY: edited})
    assert serving.verify() == ["policyqa_g1 (manifest edited)"]  # seen while serving
    with pytest.raises(IndexCorruptError, match="manifest of policyqa_g1 was edited"):
        Retriever.load(lite_db)
    client.create_collection("someone_elses", schema=chunk_schema(client, 256))
    client.alter_alias("someone_elses", "policyqa")
    with pytest.raises(IndexCorruptError, match="which this program did not write"):
        Retriever.load(lite_db)


def test_damaged_chunk_is_caught_when_read(
    corpus_dir: Path, hash_config: IndexConfig, lite_db: MilvusLocation
) -> None:
    build_index(corpus_dir, lite_db, hash_config)
    retriever = Retriever.load(lite_db)
    client = connect(lite_db)
    row = client.get("policyqa_g1", ids=[0])[0]
    row["chunk"] = row["chunk"].replace('"text":"', '"text":"伪造', 1)
    client.upsert("policyqa_g1", [row])
    with pytest.raises(IndexCorruptError, match="chunk row 0 of policyqa_g1 does not match"):
        list(retriever.chunks)


def test_no_index_and_a_locked_lite_file_say_what_to_do(
    tmp_path: Path, corpus_dir: Path, hash_config: IndexConfig, lite_db: MilvusLocation
) -> None:
    with pytest.raises(IndexNotFoundError, match="build one with: python -m index build"):
        Retriever.load(MilvusLocation(str(tmp_path / "nothing.db")))
    assert not (tmp_path / "nothing.db").exists(), "looking must not create a database"
    build_index(corpus_dir, lite_db, hash_config)  # this process now holds the file
    proc = subprocess.run(
        [sys.executable, "-m", "index", "search", "人才", "--backend", "milvus",
         "--milvus-uri", lite_db.uri],
        cwd=ROOT, env=_env(), capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 1
    assert "python -m milvus_lite server --data-dir" in proc.stderr
    assert "Traceback" not in proc.stderr and proc.stderr.count("\n") == 1


def test_a_damaged_live_generation_falls_back_to_the_previous_one(
    corpus_dir: Path, hash_config: IndexConfig, lite_db: MilvusLocation
) -> None:
    build_index(corpus_dir, lite_db, hash_config)
    build_index(corpus_dir, lite_db, hash_config)  # gen 1 is kept as the previous one
    client = connect(lite_db)
    edited = client.describe_collection("policyqa_g2")["properties"][MANIFEST_KEY] + " "
    client.alter_collection_properties("policyqa_g2", properties={MANIFEST_KEY: edited})
    info = Retriever.load(lite_db).info()
    assert info["generation"] == 1 and info["collection"] == "policyqa_g1"
    assert "policyqa_g2 is unusable" in info["fallback"]
