"""Chat plumbing that needs no browser: history for the engine, the engine factory."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.__main__ import build_engine
from app.answer.types import Answer
from app.web.render import answer_markdown, escape_text
from app.web.settings import Settings
from app.web.ui import _grow, engine_history, message_text
from index import Retriever


def test_message_text_reads_strings_and_gradio_content_parts() -> None:
    assert message_text({"role": "user", "content": "问"}) == "问"
    parts = {"role": "user", "content": [{"type": "text", "text": "硕士"}, {"type": "text",
                                                                          "text": "补贴"}]}
    assert message_text(parts) == "硕士补贴"
    assert message_text({"role": "user", "content": None}) == ""


def test_engine_history_is_plain_text_without_sources_or_escapes() -> None:
    answer = Answer("每月<3000>元[1]", (), (), False)
    history = [
        {"role": "user", "content": escape_text("硕士<b>补贴</b>？")},
        {"role": "assistant", "content": [{"type": "text", "text": answer_markdown(answer)}]},
        {"role": "system", "content": "ignored"},
    ]
    assert engine_history(history) == [
        {"role": "user", "content": "硕士<b>补贴</b>？"},
        {"role": "assistant", "content": "每月<3000>元[1]"},
    ]


def test_engine_history_keeps_the_last_twenty_messages() -> None:
    history = [{"role": "user", "content": str(i)} for i in range(30)]
    assert [t["content"] for t in engine_history(history)] == [str(i) for i in range(10, 30)]


@pytest.mark.parametrize(
    ("pieces", "expected"),
    [(["根据", "根据政策", "根据政策库"], "根据政策库"), (["根据", "政策", "库"], "根据政策库")],
)
def test_partial_text_may_be_growing_prefixes_or_deltas(pieces: list[str], expected: str) -> None:
    shown = ""
    for piece in pieces:
        shown = _grow(shown, piece)
    assert shown == expected


def test_build_engine_passes_the_llm_endpoint_and_key(
    retriever: Retriever, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("MY_LLM_KEY", "sk-test")
    settings = Settings(corpus=tmp_path, llm_base_url="http://127.0.0.1:9/v1",
                        llm_model="qwen", llm_api_key_env="MY_LLM_KEY")
    engine = build_engine(settings, retriever)
    assert engine.config.llm is not None
    assert engine.config.llm.base_url == "http://127.0.0.1:9/v1"
    assert engine.config.llm.api_key == "sk-test"
    assert build_engine(Settings(corpus=tmp_path), retriever).config.llm is None
