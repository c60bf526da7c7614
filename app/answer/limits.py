"""How much text one question may bring into the engine (bounded work per request).

Every caller (``/api/ask``, the Gradio chat, the widget) goes through
:meth:`app.answer.engine.QAEngine.stream`, which cuts its inputs here before
anything is rewritten, embedded or scored. Follow-up rewriting reads only
earlier *user* turns, each of which was itself a question, so a turn is cut to
the length of a question; only the most recent turns are kept.

>>> bounded_question("问" * 600) == "问" * MAX_QUESTION_CHARS
True
>>> bounded_history([{"role": "user", "content": "补" * 900}])[0]["content"] == "补" * 500
True
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

#: The longest question the engine reads (the web edge refuses longer ones).
MAX_QUESTION_CHARS = 500
#: The longest history turn the engine reads; rewriting uses earlier questions.
MAX_TURN_CHARS = MAX_QUESTION_CHARS
#: How many of the most recent history turns the engine reads.
MAX_HISTORY_TURNS = 20


def bounded_question(question: str) -> str:
    """``question`` cut to :data:`MAX_QUESTION_CHARS` (anything else is returned as is,
    for the engine to refuse with its own message)."""
    return question[:MAX_QUESTION_CHARS] if isinstance(question, str) else question


def bounded_history(history: Sequence[Mapping[str, str]]) -> list[dict[str, str]]:
    """The last :data:`MAX_HISTORY_TURNS` turns, each cut to :data:`MAX_TURN_CHARS`.

    Turns that are not ``{"role", "content"}`` mappings with string values are dropped.
    """
    turns = []
    for turn in list(history)[-MAX_HISTORY_TURNS:]:
        if not isinstance(turn, Mapping):
            continue
        role, content = turn.get("role"), turn.get("content")
        if isinstance(role, str) and isinstance(content, str):
            turns.append({"role": role, "content": content[:MAX_TURN_CHARS]})
    return turns
