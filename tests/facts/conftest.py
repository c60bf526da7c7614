"""Session fixtures: hash-embedder indexes over the real sample corpus and over a
small fixture corpus whose manifest marks one policy expired and one repealed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.answer.engine import QAEngine
from index import IndexConfig, Retriever, build_index
from tests.paths import SAMPLE_CORPUS

CORPUS = SAMPLE_CORPUS
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "facts"


@pytest.fixture(scope="session")
def sample_index(sample_hash_index: Path) -> Path:
    return sample_hash_index


@pytest.fixture(scope="session")
def sample_engine(sample_index: Path) -> QAEngine:
    return QAEngine(Retriever.load(sample_index))


@pytest.fixture(scope="session")
def fixture_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    corpus = tmp_path_factory.mktemp("facts-fixture") / "corpus"
    shutil.copytree(FIXTURES / "corpus", corpus)
    return corpus


@pytest.fixture(scope="session")
def fixture_index(fixture_corpus: Path) -> Path:
    index_dir = fixture_corpus.parent / "index"
    build_index(fixture_corpus, index_dir, IndexConfig(model="hash"))
    return index_dir


@pytest.fixture(scope="session")
def fixture_engine(fixture_index: Path) -> QAEngine:
    return QAEngine(Retriever.load(fixture_index))
