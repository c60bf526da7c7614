"""A corpus folder with links out of it and special files: ``ln -s /etc/passwd
corpus/passwd.txt`` made the target a document served by ``/api/documents`` and
``/doc``. Such entries are now skipped, each listed with its reason."""

from __future__ import annotations

import os
from pathlib import Path

import httpx

from index import IndexConfig, build_index
from ingest import ingest_corpus
from tests.reliability.helpers import copy_corpus, run_module, serve_index

SECRET = "机密标记：外部文件的内容不得进入索引 root:x:0:0"


def _hostile_corpus(tmp_path: Path) -> Path:
    corpus = copy_corpus(tmp_path / "corpus")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(SECRET, encoding="utf-8")
    (outside / "inner.txt").write_text(SECRET + "（目录）", encoding="utf-8")
    (corpus / "passwd.txt").symlink_to(outside / "secret.txt")
    (corpus / "relative.txt").symlink_to(Path("..") / "outside" / "secret.txt")
    (corpus / "linked_folder").symlink_to(outside, target_is_directory=True)
    (corpus / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    (corpus / "zz_link_inside.txt").symlink_to(corpus / "weihai_subsidy.txt")
    os.mkfifo(corpus / "pipe.txt")
    return corpus


def test_ingest_lists_each_refused_entry_with_its_reason(tmp_path: Path) -> None:
    result = ingest_corpus(_hostile_corpus(tmp_path))
    reasons = {s.source: s.reason for s in result.report.skipped}
    for name in ("passwd.txt", "relative.txt", "linked_folder"):
        assert "outside the corpus folder" in reasons[name], reasons
    assert "broken" in reasons["dangling.txt"]
    assert reasons["pipe.txt"] == "not a regular file (FIFO)"
    assert all(SECRET not in d.text for d in result.documents)
    # a link to a file inside the corpus is that file again: indexed once
    assert ("weihai_subsidy.txt", "zz_link_inside.txt") in result.report.duplicates
    assert "skipped passwd.txt: symbolic link to a path outside" in result.report.summary()


def test_build_command_lists_the_skips_and_does_not_hang(tmp_path: Path) -> None:
    corpus = _hostile_corpus(tmp_path)
    done = run_module(["index", "build", str(corpus), "--index-dir", str(tmp_path / "idx"),
                       "--model", "hash"], timeout=120)
    assert done.returncode == 0, done.stderr
    output = done.stdout + done.stderr
    assert "passwd.txt" in output and "outside the corpus folder" in output
    assert "pipe.txt" in output and "FIFO" in output


def test_nothing_from_outside_is_served(tmp_path: Path) -> None:
    corpus = _hostile_corpus(tmp_path)
    build_index(corpus, tmp_path / "idx", IndexConfig(model="hash"))
    with serve_index(corpus, tmp_path / "idx", tmp_path) as url, httpx.Client(
            base_url=url, timeout=30) as client:
        ids = [h["doc_id"] for h in client.post(
            "/api/ask", json={"question": "机密标记 外部文件", "k": 20}).json()["hits"]]
        for doc_id in set(ids):
            assert SECRET not in client.get(f"/api/documents/{doc_id}").json()["text"]
            assert "机密标记" not in client.get(f"/doc/{doc_id}").text
        assert client.get("/api/health").json()["n_documents"] == 3
