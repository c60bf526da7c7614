"""Session fixtures shared across test packages."""

from __future__ import annotations

from pathlib import Path

import pytest

from index import IndexConfig, build_index
from tests.paths import SAMPLE_CORPUS


@pytest.fixture(scope="session")
def sample_hash_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One index of the five sample documents with the stand-in "hash" embedder."""
    index_dir = tmp_path_factory.mktemp("sample-hash") / "index"
    build_index(SAMPLE_CORPUS, index_dir, IndexConfig(model="hash"))
    return index_dir
