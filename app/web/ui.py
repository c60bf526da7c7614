"""The Gradio chat for job seekers (Chinese interface text).

Widgets and wiring only: each turn calls ``engine.stream`` and renders with
:mod:`app.web.render`; thumbs up/down go to :class:`app.web.feedback.FeedbackLog`.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, Protocol

import gradio as gr

from app.answer.types import Answer
from app.web.api import MAX_HISTORY, MAX_QUESTION, MAX_TURN
from app.web.clients import client_key, stream_as_client
from app.web.feedback import FeedbackLog
from app.web.render import (
    answer_markdown,
    escape_text,
    facts_html,
    partial_markdown,
    plain_answer,
)

log = logging.getLogger(__name__)

TITLE = "人才政策咨询"
DESCRIPTION = (
    "根据已收录的人才与就业政策文件回答问题，每条回答都附有可核对的原文出处。"
    "答案仅供参考，请以政策原文和主管部门解释为准。"
)
ERROR_TEXT = "抱歉，系统暂时出错，请稍后再试。"
TOO_LONG_TEXT = f"问题太长了，请控制在{MAX_QUESTION}字以内后再问。"
MAX_RECORDS = 50

CSS = """
.pq-sources { margin-top: .6em; border-top: 1px solid var(--border-color-primary); }
.pq-sources summary { cursor: pointer; font-weight: 600; padding: .3em 0; }
.pq-sources ol { padding-left: 1.2em; margin: .3em 0; }
.pq-sources li { margin-bottom: .7em; }
.pq-cite-meta { color: var(--body-text-color-subdued); font-size: .9em; }
.pq-quote { background: #fff3bf; color: #1f2328; padding: 0 2px; line-height: 1.7; }
.pq-status { color: #b42318; font-weight: 600; }
.pq-notfound { border-left: 4px solid #f79009; background: #fffaeb; color: #7a2e0e;
  padding: .6em .8em; border-radius: 4px; }
footer { display: none !important; }
.pq-table { border-collapse: collapse; margin: .4em 0; font-size: .92em; }
.pq-table th, .pq-table td { border: 1px solid var(--border-color-primary); padding: .3em .5em;
  text-align: left; vertical-align: top; }
.pq-table th { background: var(--background-fill-secondary); }
#pq-clear { white-space: nowrap; }
#pq-chat button.example { border: 1px solid var(--border-color-primary); border-radius: 10px;
  background: var(--background-fill-secondary); padding: .6em .8em; text-align: left; }
#pq-chat button.example:hover { border-color: var(--color-accent); }
@media (max-width: 640px) {
  #pq-header p { font-size: .85em; }
  .pq-sources ol { padding-left: 1em; }
}
"""


class StreamingEngine(Protocol):
    def stream(
        self, question: str, history: Any = (), k: int = 5, filters: Any = None
    ) -> Iterator[str | Answer]: ...


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


def build_ui(
    engine: StreamingEngine,
    feedback: FeedbackLog,
    examples: Sequence[str] = (),
) -> gr.Blocks:
    """The chat page: streaming answers, sources blocks, examples and feedback."""

    def add_question(message: str, history: list[dict[str, Any]]) -> tuple[str, list]:
        question = (message or "").strip()[:500]
        if not question:
            return "", history
        return "", [*history, {"role": "user", "content": escape_text(question)}]

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

        def show(text: str) -> list:
            return [*history, {"role": "assistant", "content": text}]

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

    with gr.Blocks(title=TITLE, analytics_enabled=False, fill_height=True) as demo:
        gr.Markdown(f"## {TITLE}\n{DESCRIPTION}", elem_id="pq-header")
        with gr.Tabs(elem_id="pq-tabs"):
            with gr.Tab("咨询", id="chat"):
                _chat_tab(add_question, pick_example, respond, on_like, examples)
            if getattr(engine, "factbook", None) is not None:
                with gr.Tab("补贴一览", id="facts", elem_id="pq-facts-tab") as tab:
                    facts_tab(lambda: engine.factbook, tab)  # type: ignore[attr-defined]
    return demo


def _chat_tab(add_question: Any, pick_example: Any, respond: Any, on_like: Any,
              examples: Sequence[str]) -> None:
    """The chat widgets and their events (inside the 「咨询」 tab)."""
    records = gr.State({})
    chatbot = gr.Chatbot(
        elem_id="pq-chat",
        show_label=False,
        scale=1,
        height="62vh",
        layout="bubble",
        latex_delimiters=[],
        sanitize_html=True,
        render_markdown=True,
        feedback_options=("Like", "Dislike"),
        buttons=["copy"],
        placeholder="**您好！** 我可以解答人才引进、就业创业、生活补贴等政策问题。",
        examples=[{"text": q} for q in examples] or None,
    )
    with gr.Row(equal_height=True):
        box = gr.Textbox(
            placeholder="输入您的问题，例如：硕士来威海工作有生活补贴吗？",
            max_lines=4,
            max_length=500,
            show_label=False,
            submit_btn="发送",
            elem_id="pq-input",
            scale=6,
        )
        clear = gr.Button("清空", elem_id="pq-clear", scale=0, min_width=72)
    # Every event is private and queued (the guards allow only queue/join + queue/data);
    # the JSON API is /api/ask, not Gradio's client API.
    hidden: dict[str, Any] = {"api_visibility": "private"}
    box.submit(add_question, [box, chatbot], [box, chatbot], **hidden).then(
        respond, [chatbot, records], [chatbot, records], **hidden
    )
    chatbot.example_select(pick_example, [chatbot], [chatbot], **hidden).then(
        respond, [chatbot, records], [chatbot, records], **hidden
    )
    clear.click(lambda: ([], {}), None, [chatbot, records], **hidden)
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


def fact_listing(book: FactSource, region: str | None, beneficiary: str | None) -> str:
    """The escaped HTML table of amount facts for the chosen filters."""
    found = book.select(region=None if region in (None, "", ALL) else region,
                        beneficiary=None if beneficiary in (None, "", ALL) else beneficiary,
                        kind="amount")
    return facts_html(book.entries(found))


def facts_tab(get_book: Callable[[], FactSource], tab: gr.Tab) -> None:
    """「补贴一览」: amount facts with region and beneficiary filters.

    ``get_book`` is called per event, so a reloaded index shows on the next visit.
    """
    book = get_book()
    amounts = [f for f in book.facts if f.kind == "amount"]
    regions = sorted({book.documents[f.doc_id].region for f in amounts
                      if book.documents[f.doc_id].region})
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
