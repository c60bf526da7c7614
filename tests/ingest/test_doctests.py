"""The examples in ingest's docstrings stay true."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "ingest",
    "ingest.config",
    "ingest.script",
    "ingest.jsonl",
    "ingest.report",
    "ingest.encoding",
    "ingest.normalise",
    "ingest.headings",
    "ingest.chunking",
    "ingest.metadata",
    "ingest.regions",
    "ingest.datelines",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0
    assert result.failed == 0
