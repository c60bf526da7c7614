"""SIGKILL a real ``python -m index build|update`` at named stages of a rebuild.

After each kill a real server loaded from the index directory must answer the
golden questions exactly as the generation ``CURRENT`` names (the previous one
for every stage before the switch), and the next build must succeed.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from index import IndexConfig, build_index
from index.store import generations, read_current
from tests.reliability.crashpoints import STAGES
from tests.reliability.helpers import (
    ROOT,
    ask_all,
    copy_corpus,
    golden_answers,
    make_v2,
    run_module,
    serve_index,
)

HASH = IndexConfig(model="hash")


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """One gen-1 index of corpus v1, and the golden answers of v1 and of v2."""
    root = tmp_path_factory.mktemp("crash")
    v1 = copy_corpus(root / "v1")
    v2 = copy_corpus(root / "v2")
    make_v2(v2)
    build_index(v1, root / "idx1", HASH)
    build_index(v2, root / "idx2", HASH)
    gold1, gold2 = golden_answers(root / "idx1"), golden_answers(root / "idx2")
    assert gold1 != gold2, "the corpus change must change some answer"
    return {"idx1": root / "idx1", "v1": v1, "gold1": gold1, "gold2": gold2}


def _prepare(tmp_path: Path, templates: dict[str, object]) -> tuple[Path, Path]:
    corpus = copy_corpus(tmp_path / "corpus")
    make_v2(corpus)
    index_dir = tmp_path / "idx"
    shutil.copytree(templates["idx1"], index_dir)  # type: ignore[arg-type]
    return corpus, index_dir


def _cli(command: str, corpus: Path, index_dir: Path) -> list[str]:
    args = [command, str(corpus), "--index-dir", str(index_dir), "--no-progress"]
    return args + (["--model", "hash"] if command == "build" else [])


def _check_after_crash(
    tmp_path: Path, corpus: Path, index_dir: Path, templates: dict[str, object]
) -> None:
    live = read_current(index_dir)
    assert live in (1, 2), f"CURRENT names gen-{live}"
    expected = templates["gold1"] if live == 1 else templates["gold2"]
    with serve_index(corpus, index_dir, tmp_path) as url:
        assert ask_all(url) == expected
    done = run_module(["index", *_cli("build", corpus, index_dir)])
    assert done.returncode == 0, done.stderr
    assert read_current(index_dir) == max(generations(index_dir))
    assert not list(index_dir.glob("gen-*.partial")), "the next build leaves no partial dirs"
    assert len(generations(index_dir)) <= 2, "old generations are pruned"
    assert golden_answers(index_dir) == templates["gold2"]


@pytest.mark.parametrize("command", ["build", "update"])
@pytest.mark.parametrize("stage", STAGES)
def test_sigkill_at_stage_keeps_serving(
    tmp_path: Path, templates: dict[str, object], command: str, stage: str
) -> None:
    corpus, index_dir = _prepare(tmp_path, templates)
    crashed = run_module(
        ["tests.reliability.crashpoints", *_cli(command, corpus, index_dir)],
        env={"POLICYQA_CRASH_AT": stage},
    )
    assert crashed.returncode == -signal.SIGKILL, crashed.stderr
    expected_live = 2 if stage == "before-prune" else 1
    assert read_current(index_dir) == expected_live
    _check_after_crash(tmp_path, corpus, index_dir, templates)


@pytest.mark.parametrize("command", ["build", "update"])
def test_sigkill_at_random_moments(
    tmp_path: Path, templates: dict[str, object], command: str
) -> None:
    seed = int(os.environ.get("POLICYQA_CRASH_SEED", random.SystemRandom().randrange(10**6)))
    print(f"crash seed: {seed} (rerun with POLICYQA_CRASH_SEED={seed})")
    rng = random.Random(seed)
    for round_ in range(3):
        work = tmp_path / f"round{round_}"
        corpus, index_dir = _prepare(work, templates)
        delay = rng.uniform(0.5, 4.0)  # spans interpreter start-up, ingest and writing
        crashed = run_module(
            ["tests.reliability.crashpoints", *_cli(command, corpus, index_dir)],
            env={"POLICYQA_CRASH_AT": f"delay:{delay:.3f}"},
        )
        assert crashed.returncode in (0, -signal.SIGKILL), crashed.stderr
        _check_after_crash(work, corpus, index_dir, templates)


def test_lock_of_killed_build_is_released(tmp_path: Path, templates: dict[str, object]) -> None:
    """A build paused while holding the lock blocks others; once SIGKILLed it does not."""
    corpus, index_dir = _prepare(tmp_path, templates)
    marker = tmp_path / "paused"
    env = {
        **os.environ,
        "POLICYQA_CRASH_AT": "before-current",
        "POLICYQA_CRASH_MODE": "pause",
        "POLICYQA_CRASH_MARKER": str(marker),
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.reliability.crashpoints", *_cli("build", corpus, index_dir)],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():
            assert proc.poll() is None, "the paused build exited early"
            assert time.monotonic() < deadline, "the build never reached the pause point"
            time.sleep(0.05)
        started = time.monotonic()
        blocked = run_module(["index", *_cli("build", corpus, index_dir)], timeout=60)
        assert blocked.returncode == 1
        assert "another build or update is running" in blocked.stderr
        assert time.monotonic() - started < 30, "a held lock must fail fast, not wait"
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    _check_after_crash(tmp_path, corpus, index_dir, templates)
