"""A minimal streaming client for OpenAI-compatible ``/chat/completions``.

Speaks the protocol with plain :mod:`httpx`: a JSON POST with
``"stream": true`` and server-sent events (``data: {...}`` lines ending with
``data: [DONE]``). A server that ignores ``stream`` and returns one JSON body
is accepted too. Every failure (timeout, HTTP error, malformed stream) is an
:class:`LLMError`.

>>> LLMConfig("http://127.0.0.1:8000/v1", "qwen").chat_url
'http://127.0.0.1:8000/v1/chat/completions'
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import httpx

logger = logging.getLogger(__name__)


class LLMError(RuntimeError):
    """The language model endpoint failed; the message says how."""


@dataclass(frozen=True)
class LLMConfig:
    """Where the model lives. ``base_url`` includes the API prefix, e.g. ``…/v1``."""

    base_url: str
    model: str
    api_key: str | None = None
    timeout: float = 30.0
    max_tokens: int = 700
    temperature: float = 0.1

    def __post_init__(self) -> None:
        if not self.base_url.startswith(("http://", "https://")):
            raise ValueError(f"LLMConfig.base_url must start with http:// or https://, "
                             f"got {self.base_url!r}")
        if not self.model:
            raise ValueError("LLMConfig.model must name the model to call")
        if self.timeout <= 0:
            raise ValueError("LLMConfig.timeout must be positive (seconds)")

    @property
    def chat_url(self) -> str:
        return f"{self.base_url.rstrip('/')}/chat/completions"

    def __repr__(self) -> str:  # never print the key
        return (f"LLMConfig(base_url={self.base_url!r}, model={self.model!r}, "
                f"timeout={self.timeout})")


def _delta(event: Mapping[str, Any]) -> str:
    if "error" in event:
        raise LLMError(f"model endpoint reported an error: {event['error']}")
    choices = event.get("choices") or []
    if not choices:
        return ""
    choice = choices[0]
    part = choice.get("delta") or choice.get("message") or {}
    return str(part.get("content") or "")


def _parse_line(line: str) -> str | None:
    """Text carried by one SSE line; ``None`` at ``[DONE]``."""
    if not line.startswith("data:"):
        return ""
    data = line[5:].strip()
    if data == "[DONE]":
        return None
    try:
        return _delta(json.loads(data))
    except (json.JSONDecodeError, AttributeError, TypeError) as exc:
        raise LLMError(f"malformed event from model endpoint: {data[:120]!r}") from exc


def stream_chat(config: LLMConfig, messages: Sequence[Mapping[str, str]]) -> Iterator[str]:
    """Yield the assistant's text as it streams in."""
    headers = {"Accept": "text/event-stream"}
    if config.api_key:
        headers["Authorization"] = f"Bearer {config.api_key}"
    body = {"model": config.model, "messages": list(messages), "stream": True,
            "temperature": config.temperature, "max_tokens": config.max_tokens}
    deadline = time.monotonic() + config.timeout
    try:
        with httpx.Client(timeout=httpx.Timeout(config.timeout)) as client, client.stream(
                "POST", config.chat_url, json=body, headers=headers) as response:
            if response.status_code != 200:
                detail = response.read().decode("utf-8", "replace")[:200]
                raise LLMError(f"model endpoint returned HTTP {response.status_code}: {detail}")
            if "text/event-stream" not in response.headers.get("content-type", ""):
                yield _delta(json.loads(response.read()))
                return
            for line in response.iter_lines():
                if time.monotonic() > deadline:
                    raise LLMError(f"model endpoint timed out after {config.timeout:g}s")
                text = _parse_line(line)
                if text is None:
                    return
                if text:
                    yield text
    except httpx.TimeoutException as exc:
        raise LLMError(f"model endpoint timed out after {config.timeout:g}s") from exc
    except httpx.HTTPError as exc:
        raise LLMError(f"cannot reach model endpoint {config.chat_url}: {exc}") from exc
    except json.JSONDecodeError as exc:
        raise LLMError("model endpoint returned a body that is not JSON") from exc
