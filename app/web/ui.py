"""The Gradio chat for job seekers (Chinese interface text).

Widgets and wiring only: each turn calls ``engine.stream`` and renders with
:mod:`app.web.render`; thumbs up/down go to :class:`app.web.feedback.FeedbackLog`.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol

import gradio as gr

from app.answer.types import Answer
from app.web.api import MAX_HISTORY, MAX_QUESTION, MAX_TURN
from app.web.clients import client_key, stream_as_client
from app.web.feedback import FeedbackLog
from app.web.render import (
    UNKNOWN_REGION,
    answer_markdown,
    escape_text,
    facts_html,
    partial_markdown,
    plain_answer,
)

log = logging.getLogger(__name__)

TITLE = "人才政策咨询"
DESCRIPTION = "根据已收录的人才与就业政策文件回答问题，每条回答都附有可核对的原文出处。"
DISCLAIMER = "答案仅供参考，请以政策原文和主管部门解释为准。"
PLACEHOLDER = "输入您的问题"
ERROR_TEXT = "抱歉，系统暂时出错，请稍后再试。"
TOO_LONG_TEXT = f"问题太长了，请控制在{MAX_QUESTION}字以内后再问。"
MAX_RECORDS = 50

STATIC = Path(__file__).with_name("static")
CSS = (STATIC / "chat.css").read_text(encoding="utf-8")
JS = (STATIC / "chat.js").read_text(encoding="utf-8")


def welcome_text(coverage: str = "") -> str:
    """The empty chat's greeting: what the assistant does, what the library holds."""
    parts = ["**您好！** 我可以解答人才引进、就业创业、补贴待遇等政策问题，每条回答都附原文出处。",
             coverage, f"<small>{DISCLAIMER}</small>"]
    return "\n\n".join(p for p in parts if p)


class StreamingEngine(Protocol):
    def stream(
        self, question: str, history: Any = (), k: int = 5, filters: Any = None
    ) -> Iterator[str | Answer]: ...


Suggester = Callable[[str, Answer], Sequence[str]]


def message_text(message: Mapping[str, Any]) -> str:
    """The text of a Gradio message whose content is a string or a list of parts."""
    content = message.get("content")
    if isinstance(content, str):
        return content
    if isinstance(content, Sequence):
        return "".join(
            part.get("text", "") if isinstance(part, Mapping) else str(part) for part in content
        )
    return ""


def engine_history(history: Sequence[Mapping[str, Any]]) -> list[dict[str, str]]:
    """Chat history as plain ``{"role", "content"}`` turns, without rendered sources,
    within the limits of ``/api/ask`` (the last 20 turns, each cut to 4000 characters)."""
    turns = []
    for message in history[-MAX_HISTORY:]:
        role = message.get("role")
        if role not in ("user", "assistant"):
            continue
        text = message_text(message)
        turns.append({"role": role, "content": plain_answer(text)[:MAX_TURN]})
    return turns


def _key(answer_text: str) -> str:
    return hashlib.sha1(answer_text.encode("utf-8")).hexdigest()


def _grow(shown: str, piece: str) -> str:
    """Partial strings may be cumulative or deltas; accept both."""
    return piece if piece.startswith(shown) else shown + piece


def without_options(history: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The conversation with earlier next-question chips removed (only the last answer has
    them)."""
    return [{k: v for k, v in m.items() if k != "options"} for m in history]


def build_ui(
    engine: StreamingEngine,
    feedback: FeedbackLog,
    examples: Sequence[str] = (),
    *,
    welcome: str = "",
    suggest: Suggester | None = None,
) -> gr.Blocks:
    """The chat page: streaming answers with tappable citations, next-question chips,
    a welcome screen (``welcome``: what the library holds; ``examples``), feedback.

    ``suggest(question, answer)`` returns the chips shown under a final answer.
    """

    def add_question(message: str, history: list[dict[str, Any]]) -> tuple[str, list]:
        question = (message or "").strip()[:500]
        if not question:
            return "", history
        return "", [*without_options(history), {"role": "user", "content": escape_text(question)}]

    def pick_example(history: list[dict[str, Any]], data: gr.SelectData) -> list:
        value = data.value.get("text", "") if isinstance(data.value, Mapping) else data.value
        return add_question(str(value or ""), history)[1]

    def respond(
        history: list[dict[str, Any]], records: dict[str, str], request: gr.Request
    ) -> Iterator[tuple[list, dict[str, str]]]:
        if not history or history[-1].get("role") != "user":
            return
        question = plain_answer(message_text(history[-1]))
        turns = engine_history(history[:-1])

        def show(text: str, options: Sequence[str] = ()) -> list:
            message: dict[str, Any] = {"role": "assistant", "content": text}
            if options:
                message["options"] = [{"label": o, "value": o} for o in options]
            return [*history, message]

        if len(question.strip()) > MAX_QUESTION:  # only a hand-made event gets here
            yield show(TOO_LONG_TEXT), records
            return
        shown, final = "", None
        try:
            client = client_key(getattr(request, "client", None))
            for item in stream_as_client(client, engine.stream(question, turns)):
                if isinstance(item, Answer):
                    final = item
                elif item:
                    shown = _grow(shown, item)
                    yield show(partial_markdown(shown)), records
        except Exception:
            log.exception("answering failed")
            yield show(ERROR_TEXT), records
            return
        if final is None:
            log.error("engine stream ended without a final Answer")
            yield show(ERROR_TEXT), records
            return
        rendered = answer_markdown(final)
        kept = dict(list(records.items())[-(MAX_RECORDS - 1) :])
        kept[_key(plain_answer(rendered))] = feedback.remember(question, final)
        yield show(rendered), kept
        if suggest is not None:
            try:
                chips = suggest(question, final)
            except Exception:
                log.exception("next-question suggestions failed")
                return
            if chips:
                yield show(rendered, chips), kept

    def on_like(
        history: list[dict[str, Any]], records: dict[str, str], data: gr.LikeData
    ) -> None:
        index = data.index[0] if isinstance(data.index, (list, tuple)) else data.index
        if data.liked in (True, "Like"):
            vote = "up"
        elif data.liked in (False, "Dislike"):
            vote = "down"
        else:
            return  # a vote was withdrawn or an unknown option
        if not isinstance(index, int) or not 0 <= index < len(history):
            return
        # Only answers this session was given count: ``records`` lives on the server and
        # maps the shown text to the answer's id; the vote records the server's copy.
        answer_id = records.get(_key(plain_answer(message_text(history[index]))))
        if answer_id is None:
            log.info("vote on a message this session was not answered with: ignored")
            return
        feedback.vote(answer_id, vote)

    handlers = (add_question, pick_example, respond, on_like)
    with gr.Blocks(title=TITLE, analytics_enabled=False, fill_height=True) as demo:
        with gr.Row(elem_id="pq-top", equal_height=True):
            gr.Markdown(f"# {TITLE}\n{DESCRIPTION}", elem_id="pq-title")
            new_chat = gr.Button("新对话", elem_id="pq-new", scale=0, size="sm",
                                 variant="secondary")
        with gr.Tabs(elem_id="pq-tabs"):
            with gr.Tab("咨询", id="chat"):
                _chat_tab(handlers, new_chat, examples, welcome_text(welcome))
            if getattr(engine, "factbook", None) is not None:
                with gr.Tab("补贴一览", id="facts", elem_id="pq-facts-tab") as tab:
                    facts_tab(lambda: engine.factbook, tab)  # type: ignore[attr-defined]
    return demo


def _chat_tab(handlers: tuple[Any, Any, Any, Any], new_chat: gr.Button,
              examples: Sequence[str], placeholder: str) -> None:
    """The chat widgets and their events (inside the 「咨询」 tab)."""
    add_question, pick_example, respond, on_like = handlers
    records = gr.State({})
    chatbot = gr.Chatbot(
        elem_id="pq-chat",
        show_label=False,
        scale=1,
        layout="bubble",
        latex_delimiters=[],
        sanitize_html=True,
        render_markdown=True,
        feedback_options=("Like", "Dislike"),
        buttons=["copy"],
        placeholder=placeholder,
        examples=[{"text": q} for q in examples] or None,
    )
    box = gr.Textbox(
        placeholder=PLACEHOLDER,
        lines=1,
        max_lines=4,
        max_length=500,
        show_label=False,
        submit_btn="发送",
        elem_id="pq-input",
    )
    # Every event is private and queued (the guards allow only queue/join + queue/data);
    # the JSON API is /api/ask, not Gradio's client API.
    hidden: dict[str, Any] = {"api_visibility": "private"}
    box.submit(add_question, [box, chatbot], [box, chatbot], **hidden).then(
        respond, [chatbot, records], [chatbot, records], **hidden
    )
    chatbot.example_select(pick_example, [chatbot], [chatbot], **hidden).then(
        respond, [chatbot, records], [chatbot, records], **hidden
    )
    chatbot.option_select(pick_example, [chatbot], [chatbot], **hidden).then(
        respond, [chatbot, records], [chatbot, records], **hidden
    )
    new_chat.click(lambda: ([], {}, ""), None, [chatbot, records, box], **hidden)
    chatbot.like(on_like, [chatbot, records], None, **hidden)


ALL = "全部"


class FactSource(Protocol):
    """What the 「补贴一览」 tab needs (see :class:`app.answer.factbook.FactBook`)."""

    @property
    def facts(self) -> Sequence[Any]: ...
    @property
    def documents(self) -> Mapping[str, Any]: ...
    def select(self, *, region: str | None = None, beneficiary: str | None = None,
               kind: str | None = None) -> Sequence[Any]: ...
    def entries(self, facts: Sequence[Any]) -> list[Any]: ...


FACTS_CSS = """
#pq-facts table.pq-facts td.pq-fact-amount { font-weight: 600; white-space: nowrap; }
@media (max-width: 640px) {
  #pq-facts table.pq-facts, #pq-facts table.pq-facts tbody { display: block; border: 0; }
  #pq-facts table.pq-facts thead { display: none; }
  #pq-facts table.pq-facts tr { display: flex; flex-direction: column; margin: 0 0 .8em;
    border: 1px solid var(--border-color-primary); border-radius: 10px; padding: .6em .8em;
    background: var(--background-fill-primary); }
  #pq-facts table.pq-facts td { display: flex; gap: .6em; border: 0; padding: .15em 0;
    white-space: normal; }
  #pq-facts table.pq-facts td::before { content: attr(data-label); flex: 0 0 3.5em;
    color: var(--body-text-color-subdued); font-size: .9em; }
  #pq-facts table.pq-facts td.pq-fact-amount { order: -1; font-size: 1.2em; }
  #pq-facts table.pq-facts td.pq-fact-amount::before { font-size: .75em; font-weight: 400; }
  #pq-facts table.pq-facts td.pq-fact-programme,
  #pq-facts table.pq-facts td.pq-fact-period { display: none; }
}
"""
CSS = CSS + FACTS_CSS


def fact_listing(book: FactSource, region: str | None, beneficiary: str | None) -> str:
    """The escaped HTML listing of amount facts for the chosen filters (region
    「未注明」: the facts whose region the documents do not tell)."""
    unknown = region == UNKNOWN_REGION
    found = book.select(region=None if region in (None, "", ALL) or unknown else region,
                        beneficiary=None if beneficiary in (None, "", ALL) else beneficiary,
                        kind="amount")
    if unknown:
        found = [f for f in found if not f.region]
    return facts_html(book.entries(found))


def facts_tab(get_book: Callable[[], FactSource], tab: gr.Tab) -> None:
    """「补贴一览」: amount facts with region and beneficiary filters.

    ``get_book`` is called per event, so a reloaded index shows on the next visit.
    """
    book = get_book()
    amounts = [f for f in book.facts if f.kind == "amount"]
    regions = sorted({f.region for f in amounts if f.region})
    regions += [UNKNOWN_REGION] if any(not f.region for f in amounts) else []
    people = sorted({f.beneficiary for f in amounts if f.beneficiary})
    hidden: dict[str, Any] = {"api_visibility": "private"}
    with gr.Row():
        region = gr.Dropdown([ALL, *regions], value=ALL, label="地区", elem_id="pq-fact-region")
        who = gr.Dropdown([ALL, *people], value=ALL, label="对象", elem_id="pq-fact-who")
    table = gr.HTML(fact_listing(book, None, None), elem_id="pq-facts")

    def refresh(r: str | None, b: str | None) -> str:
        return fact_listing(get_book(), r, b)

    for event in (region.change, who.change, tab.select):
        event(refresh, [region, who], table, **hidden)
