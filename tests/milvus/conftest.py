"""Fixtures for the Milvus backend tests: Milvus Lite files and a Lite server on loopback."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from index import MilvusLocation
from index.milvus.client import forget
from tests.index.conftest import corpus_dir, hash_config  # noqa: F401  (shared fixtures)
from tests.milvus.lite import lite_server


@pytest.fixture
def lite_db(tmp_path: Path) -> Iterator[MilvusLocation]:
    """A fresh Milvus Lite file opened inside this process (released afterwards)."""
    location = MilvusLocation(str(tmp_path / "milvus.db"))
    yield location
    forget(location)


@pytest.fixture
def lite_uri(tmp_path: Path) -> Iterator[str]:
    """A Milvus Lite server in a child process on a free loopback port."""
    with lite_server(tmp_path / "lite-data", tmp_path / "lite.log") as uri:
        yield uri
