"""SIGKILL a real ``python -m index build --backend milvus`` at each stage of publishing
a generation, against a Milvus Lite server on loopback: the alias keeps naming the
old generation until the switch, answers stay those of the generation it names, and
the next build succeeds and drops what the killed one left behind."""

from __future__ import annotations

import os
import random
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from index import IndexConfig, MilvusLocation, build_index, current_generation
from index.milvus.client import connect, generation_numbers
from tests.milvus.lite import lite_server
from tests.reliability.crashpoints import MILVUS_STAGES
from tests.reliability.helpers import copy_corpus, golden_answers, make_v2, run_module

HASH = IndexConfig(model="hash")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("lite-server")
    with lite_server(root / "data", root / "server.log") as uri:
        yield uri


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """Corpus v1 and v2 and their golden answers, from the FAISS backend."""
    root = tmp_path_factory.mktemp("milvus-crash")
    v1, v2 = copy_corpus(root / "v1"), copy_corpus(root / "v2")
    make_v2(v2)
    build_index(v1, root / "idx1", HASH)
    build_index(v2, root / "idx2", HASH)
    gold1, gold2 = golden_answers(root / "idx1"), golden_answers(root / "idx2")
    assert gold1 != gold2, "the corpus change must change some answer"
    return {"v1": v1, "v2": v2, "gold1": gold1, "gold2": gold2}


def _cli(corpus: object, location: MilvusLocation) -> list[str]:
    return ["build", str(corpus), "--backend", "milvus", "--milvus-uri", location.uri,
            "--milvus-collection", location.collection, "--model", "hash", "--no-progress"]


def _crash_and_recover(
    location: MilvusLocation, templates: dict[str, object], crash_at: str
) -> int | None:
    """Build v1, then kill a v2 build at ``crash_at``; checks everything after the kill."""
    build_index(templates["v1"], location, HASH)  # type: ignore[arg-type]
    assert golden_answers(location) == templates["gold1"]
    crashed = run_module(["tests.reliability.crashpoints", *_cli(templates["v2"], location)],
                         env={"POLICYQA_CRASH_AT": crash_at})
    assert crashed.returncode in (0, -signal.SIGKILL), crashed.stderr
    live = current_generation(location)
    assert live in (1, 2), f"the alias names generation {live}"
    assert golden_answers(location) == templates["gold1" if live == 1 else "gold2"]
    done = run_module(["index", *_cli(templates["v2"], location)])
    assert done.returncode == 0, done.stderr
    numbers = generation_numbers(connect(location), location)
    assert current_generation(location) == max(numbers)
    assert len(numbers) <= 2, f"old and unfinished generations are dropped: {numbers}"
    assert golden_answers(location) == templates["gold2"]
    return live


@pytest.mark.parametrize("stage", MILVUS_STAGES)
def test_sigkill_at_stage_keeps_the_alias(
    server: str, templates: dict[str, object], stage: str
) -> None:
    location = MilvusLocation(server, stage.replace("-", "_"))
    live = _crash_and_recover(location, templates, stage)
    assert live == (2 if stage == "milvus-before-prune" else 1)


def test_sigkill_at_a_random_moment(server: str, templates: dict[str, object]) -> None:
    seed = int(os.environ.get("POLICYQA_CRASH_SEED", random.SystemRandom().randrange(10**6)))
    print(f"crash seed: {seed} (rerun with POLICYQA_CRASH_SEED={seed})")
    delay = random.Random(seed).uniform(0.5, 4.0)  # start-up, ingest or publishing
    _crash_and_recover(MilvusLocation(server, "random_kill"), templates, f"delay:{delay:.3f}")


def test_a_lite_file_survives_a_killed_builder(
    tmp_path: Path, templates: dict[str, object]
) -> None:
    """Milvus Lite inside the killed process itself: its file lock dies with it."""
    location = MilvusLocation(str(tmp_path / "own.db"))
    built = run_module(["index", *_cli(templates["v1"], location)])
    assert built.returncode == 0, built.stderr
    crashed = run_module(["tests.reliability.crashpoints", *_cli(templates["v2"], location)],
                         env={"POLICYQA_CRASH_AT": "milvus-before-alias"})
    assert crashed.returncode == -signal.SIGKILL, crashed.stderr
    done = run_module(["index", *_cli(templates["v2"], location)])
    assert done.returncode == 0, done.stderr
    assert "gen-3" in done.stdout
    search = run_module(["index", "search", "就业见习补贴每月多少钱", "--backend", "milvus",
                         "--milvus-uri", location.uri, "--k", "1"])
    assert search.returncode == 0 and "internship" not in search.stdout, search.stdout
