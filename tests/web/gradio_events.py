"""Drive the chat's Gradio events over HTTP as the browser does (queue/join, then
the queue/data event stream), so tests can send what a hand-made client would."""

from __future__ import annotations

import json
import re
import secrets
import time
from typing import Any

import httpx

CONFIG = re.compile(r"window\.gradio_config = (\{.*?\});\s*</script>", re.S)


def event_ids(client: httpx.Client) -> dict[str, int]:
    """``api_name -> fn_index`` of the chat page's events (from the config in the page)."""
    page = client.get("/")
    page.raise_for_status()
    match = CONFIG.search(page.text)
    assert match, "no Gradio config in the chat page"
    config = json.loads(match.group(1))
    return {d["api_name"]: d["id"] for d in config["dependencies"]}


def join(client: httpx.Client, fn_index: int, data: list[Any], *, session: str,
         event_data: Any = None) -> httpx.Response:
    """``POST /gradio_api/queue/join`` for one event."""
    body = {"data": data, "event_data": event_data, "fn_index": fn_index,
            "trigger_id": None, "session_hash": session}
    return client.post("/gradio_api/queue/join", json=body)


def run_event(client: httpx.Client, fn_index: int, data: list[Any], *,
              event_data: Any = None, timeout: float = 60.0) -> dict[str, Any]:
    """Run one event and return its ``process_completed`` message (raises on timeout)."""
    session = secrets.token_hex(8)
    joined = join(client, fn_index, data, session=session, event_data=event_data)
    assert joined.status_code == 200, joined.text
    event_id = joined.json()["event_id"]
    deadline = time.monotonic() + timeout
    with client.stream("GET", "/gradio_api/queue/data", params={"session_hash": session},
                       timeout=timeout) as stream:
        for line in stream.iter_lines():
            if time.monotonic() > deadline:
                break
            if not line.startswith("data:"):
                continue
            message = json.loads(line[5:])
            if message.get("event_id") == event_id and message.get("msg") == "process_completed":
                return message
    raise AssertionError(f"event {fn_index} did not complete within {timeout} s")


def chat_text(message: dict[str, Any]) -> str:
    """The last chat message's text in a ``respond`` event's final output."""
    output = message["output"]["data"][0]
    last = output[-1]["content"]
    if isinstance(last, list):
        return "".join(part.get("text", "") for part in last if isinstance(part, dict))
    return str(last)
