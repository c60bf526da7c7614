"""The examples in the answer engine's docstrings stay true."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["app.answer.question", "app.answer.english", "app.answer.terms",
           "app.answer.wordclass", "app.answer.evidence", "app.answer.rules",
           "app.answer.framing", "app.answer.refusal",
           "app.answer.smalltalk", "app.answer.sentences", "app.answer.facts",
           "app.answer.plan", "app.answer.config", "app.answer.scoring",
           "app.answer.eligibility", "app.answer.asked", "app.answer.programmes",
           "app.answer.presence", "app.answer.clauses", "app.answer.claims",
           "app.answer.years", "app.answer.near_words", "app.answer.statement_region"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0
    assert result.failed == 0
