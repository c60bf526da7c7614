"""Damaged index files: clear errors naming the file and the rebuild command,
a non-zero exit (never a hang, traceback or segfault), and fallback to an
older good generation that ``/api/health`` reports."""

from __future__ import annotations

import json
import shutil
import socket
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from index import IndexConfig, build_index
from tests.reliability.helpers import (
    ask_all,
    copy_corpus,
    golden_answers,
    make_v2,
    run_module,
    serve_index,
)

HASH = IndexConfig(model="hash")
LFS_POINTER = (
    "version https://git-lfs.github.com/spec/v1\n"
    "oid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\n"
    "size 12345\n"
)


def _rewrite_manifest(gen: Path, change: Callable[[dict], None]) -> Path:
    path = gen / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    change(manifest)
    path.write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    return path


def _truncate(gen: Path) -> Path:
    path = gen / "dense.faiss"
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    return path


def _zero(gen: Path) -> Path:
    path = gen / "dense.faiss"
    path.write_bytes(b"\0" * path.stat().st_size)
    return path


def _bitflip(gen: Path) -> Path:
    path = gen / "vectors.npy"
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x10
    path.write_bytes(bytes(data))
    return path


def _missing(gen: Path) -> Path:
    path = gen / "chunks.jsonl"
    path.unlink()
    return path


def _lfs_pointer(gen: Path) -> Path:
    path = gen / "dense.faiss"
    path.write_text(LFS_POINTER, encoding="ascii")
    return path


def _manifest_garbage(gen: Path) -> Path:
    path = gen / "manifest.json"
    path.write_text('{"format_version": 1, "files": {', encoding="utf-8")
    return path


def _manifest_dim(gen: Path) -> Path:
    return _rewrite_manifest(gen, lambda m: m.update(dim=m["dim"] + 1))


def _manifest_checksum(gen: Path) -> Path:
    return _rewrite_manifest(gen, lambda m: m["files"].update({"chunks.jsonl": "0" * 64}))


def _manifest_model(gen: Path) -> Path:
    return _rewrite_manifest(gen, lambda m: m.update(model="someone/else-model"))


def _manifest_dropped_file(gen: Path) -> Path:
    return _rewrite_manifest(gen, lambda m: m["files"].pop("dense.faiss"))


CORRUPTIONS: dict[str, Callable[[Path], Path]] = {
    "truncated": _truncate,
    "zeroed": _zero,
    "bit-flipped": _bitflip,
    "missing-file": _missing,
    "lfs-pointer": _lfs_pointer,
    "manifest-garbage": _manifest_garbage,
    "manifest-dim": _manifest_dim,
    "manifest-checksum": _manifest_checksum,
    "manifest-model": _manifest_model,
    "manifest-dropped-file": _manifest_dropped_file,
}


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """gen-1 from corpus v1 and gen-2 (CURRENT) from corpus v2."""
    root = tmp_path_factory.mktemp("corrupt")
    corpus = copy_corpus(root / "corpus")
    build_index(corpus, root / "idx", HASH)
    gold1 = golden_answers(root / "idx")
    make_v2(corpus)
    build_index(corpus, root / "idx", HASH)
    return {"root": root, "corpus": corpus, "idx": root / "idx", "gold1": gold1}


def _copy(tmp_path: Path, template: dict[str, object]) -> Path:
    index_dir = tmp_path / "idx"
    shutil.copytree(template["idx"], index_dir)  # type: ignore[arg-type]
    return index_dir


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _assert_clear(stderr: str, index_dir: Path) -> None:
    assert "Traceback" not in stderr
    assert "python -m index build" in stderr, stderr
    assert str(index_dir) in stderr, stderr


@pytest.mark.parametrize("kind", sorted(CORRUPTIONS))
def test_cli_search_fails_clearly(
    tmp_path: Path, template: dict[str, object], kind: str
) -> None:
    index_dir = _copy(tmp_path, template)
    shutil.rmtree(index_dir / "gen-1")  # no older generation to fall back to
    damaged = CORRUPTIONS[kind](index_dir / "gen-2")
    done = run_module(["index", "search", "补贴", "--index-dir", str(index_dir)], timeout=60)
    assert done.returncode == 1, (done.returncode, done.stderr)
    _assert_clear(done.stderr, index_dir)
    assert damaged.name in done.stderr, f"the message should name {damaged}: {done.stderr}"
    if kind == "lfs-pointer":
        assert "git lfs pull" in done.stderr


@pytest.mark.parametrize("kind", ["truncated", "lfs-pointer", "manifest-model"])
def test_app_exits_non_zero(tmp_path: Path, template: dict[str, object], kind: str) -> None:
    index_dir = _copy(tmp_path, template)
    shutil.rmtree(index_dir / "gen-1")
    damaged = CORRUPTIONS[kind](index_dir / "gen-2")
    done = run_module(
        ["app", "--corpus", str(template["corpus"]), "--index-dir", str(index_dir),
         "--port", str(_free_port())],
        timeout=90,
    )
    assert done.returncode != 0
    _assert_clear(done.stderr, index_dir)
    assert damaged.name in done.stderr, done.stderr


@pytest.mark.parametrize("kind", sorted(CORRUPTIONS))
def test_server_falls_back_to_older_generation(
    tmp_path: Path, template: dict[str, object], kind: str
) -> None:
    index_dir = _copy(tmp_path, template)
    damaged = CORRUPTIONS[kind](index_dir / "gen-2")
    with serve_index(template["corpus"], index_dir, tmp_path) as url:  # type: ignore[arg-type]
        health = httpx.get(f"{url}/api/health", timeout=10).json()
        assert health["generation"] == 1
        assert health["fallback"] and "gen-2" in health["fallback"]
        assert damaged.name in health["fallback"]
        assert ask_all(url) == template["gold1"]


def test_real_app_reports_fallback(tmp_path: Path, template: dict[str, object]) -> None:
    """``python -m app`` itself starts on the older generation and says so."""
    import subprocess
    import sys
    import time

    from tests.reliability.helpers import ROOT

    index_dir = _copy(tmp_path, template)
    _truncate(index_dir / "gen-2")
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "app", "--corpus", str(template["corpus"]),
         "--index-dir", str(index_dir), "--port", str(port), "--model", "hash"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    try:
        deadline = time.monotonic() + 90
        health = None
        while health is None:
            assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
            assert time.monotonic() < deadline, "python -m app did not start"
            try:
                health = httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=2).json()
            except httpx.HTTPError:
                time.sleep(0.3)
        assert health["generation"] == 1
        assert "gen-2" in health["fallback"] and "dense.faiss" in health["fallback"]
    finally:
        proc.kill()
        proc.wait(timeout=30)
