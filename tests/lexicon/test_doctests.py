"""The examples in the lexicon's docstrings stay true."""

from __future__ import annotations

import doctest
import importlib

import pytest


@pytest.mark.parametrize("name", ["lexicon", "lexicon.places", "lexicon.regions",
                                  "lexicon.dictionary", "lexicon.wording",
                                  "lexicon.categories", "lexicon.english",
                                  "lexicon.question_words", "lexicon.place_types",
                                  "lexicon.unlisted_places", "lexicon.zones"])
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0
    assert result.failed == 0
