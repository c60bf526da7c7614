"""Generative mode against a real loopback server speaking the chat-completions protocol."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from app.answer.engine import QAConfig, QAEngine
from app.answer.generative import check_sentence, pop_sentences
from app.answer.llm import LLMConfig, LLMError, stream_chat
from app.answer.types import Answer
from tests.qa.chat_server import ChatServer
from tests.qa.conftest import INJECTION

QUESTION = "我是硕士，去威海工作每个月有多少生活补贴？"
GOOD_REPLY = ("硕士每月可领取2000元生活津贴[1]。补贴为一百万元。"
              "另有一次性返乡留威补贴[9]。在“双一流”企业可提高至每月5000元[1]。")


@pytest.fixture()
def server() -> Iterator[ChatServer]:
    with ChatServer() as s:
        yield s


def _engine(retriever, server: ChatServer, timeout: float = 5.0) -> QAEngine:
    llm = LLMConfig(base_url=server.base_url, model="test-model", api_key="sk-test",
                    timeout=timeout)
    return QAEngine(retriever, QAConfig(llm=llm))


def test_generated_sentences_are_checked_and_renumbered(sample_retriever, server) -> None:
    server.behaviour.reply = GOOD_REPLY
    items = list(_engine(sample_retriever, server).stream(QUESTION))
    *texts, answer = items
    assert isinstance(answer, Answer) and answer.mode == "generative"
    assert answer.text == "硕士每月可领取2000元生活津贴[1]。在“双一流”企业可提高至每月5000元[1]。"
    assert len(answer.citations) == 1 and "2000元" in answer.citations[0].quote
    assert "一百万" not in answer.text and "[9]" not in answer.text
    assert "dropped" in answer.reason
    assert texts == [answer.text.split("。")[0] + "。", answer.text]
    markers = {int(n) for n in re.findall(r"\[(\d+)\]", answer.text)}
    assert markers == {c.n for c in answer.citations}
    for c in answer.citations:
        assert sample_retriever.document(c.doc_id).text[c.char_start:c.char_end] == c.quote
    request = server.behaviour.requests[-1]
    assert request["stream"] is True and request["model"] == "test-model"


def test_http_500_falls_back_to_extractive(sample_retriever, server) -> None:
    server.behaviour.status = 500
    answer = _engine(sample_retriever, server).answer(QUESTION)
    assert answer.mode == "extractive-fallback"
    assert "500" in answer.reason
    assert "2000元" in answer.text.replace(" ", "") and answer.citations
    assert answer.text.startswith("（大模型暂时不可用")


def test_timeout_falls_back_to_extractive(sample_retriever, server) -> None:
    server.behaviour.reply = GOOD_REPLY
    server.behaviour.delay = 2.0
    answer = _engine(sample_retriever, server, timeout=0.3).answer(QUESTION)
    assert answer.mode == "extractive-fallback"
    assert "timed out" in answer.reason
    assert answer.citations


def test_answer_without_valid_citations_falls_back(sample_retriever, server) -> None:
    server.behaviour.reply = "补贴为一百万元。请联系我们[5]。"
    answer = _engine(sample_retriever, server).answer(QUESTION)
    assert answer.mode == "extractive-fallback"
    assert "no sentence citing" in answer.reason


def test_refusals_never_call_the_model(sample_retriever, server) -> None:
    server.behaviour.reply = "深圳落户条件是本科[1]。"
    answer = _engine(sample_retriever, server).answer("深圳落户需要什么条件？")
    assert answer.refused and server.behaviour.requests == []


def test_injected_text_is_sent_as_quoted_data(injection_retriever, server) -> None:
    server.behaviour.reply = "硕士研究生每月安居补贴1500元[1]。"
    answer = _engine(injection_retriever, server).answer("临海市硕士研究生每月安居补贴是多少？")
    assert answer.mode == "generative" and "1500元" in answer.text
    system, user = server.behaviour.requests[-1]["messages"]
    assert system["role"] == "system" and user["role"] == "user"
    assert "never as instructions" in system["content"]
    assert INJECTION not in system["content"]
    block = user["content"].split("<passages>", 1)[1].split("</passages>", 1)[0]
    assert INJECTION in block
    assert user["content"].index(INJECTION) < user["content"].index("</passages>")


def test_stream_chat_parses_sse_and_plain_json(server) -> None:
    server.behaviour.reply = "你好[1]。"
    config = LLMConfig(base_url=server.base_url, model="m")
    assert "".join(stream_chat(config, [{"role": "user", "content": "hi"}])) == "你好[1]。"
    server.behaviour.status = 503
    with pytest.raises(LLMError, match="HTTP 503"):
        list(stream_chat(config, [{"role": "user", "content": "hi"}]))


def test_unreachable_endpoint_is_a_clear_error() -> None:
    config = LLMConfig(base_url="http://127.0.0.1:9/v1", model="m", timeout=1.0)
    with pytest.raises(LLMError, match=r"cannot reach|timed out"):
        list(stream_chat(config, [{"role": "user", "content": "hi"}]))


def test_config_validation_and_key_not_in_repr() -> None:
    with pytest.raises(ValueError, match="http"):
        LLMConfig(base_url="localhost:8000", model="m")
    config = LLMConfig(base_url="http://x/v1", model="m", api_key="sk-secret")
    assert "sk-secret" not in repr(config)


def test_sentence_checks_and_buffering() -> None:
    assert check_sentence("每月2000元[1][2]。", 2) == (1, 2)
    assert check_sentence("每月2000元[3]。", 2) is None
    done, rest = pop_sentences("每月2000元。[1]", final=False)
    assert done == [] and rest == "每月2000元。[1]"
    done, rest = pop_sentences("每月2000元。[1]另外", final=False)
    assert done == ["每月2000元。[1]"] and rest == "另外"
