"""Resolve short follow-up questions against the previous user turn.

「那博士呢？」 after 「我是硕士，去威海工作每个月有多少生活补贴？」 becomes
「我是博士，去威海工作每个月有多少生活补贴？」: the previous question's
constraints are carried over and the slot the follow-up names (degree,
place) is replaced; anything else it adds is appended. Pure functions; the
history comes from the caller.

>>> prev = [{"role": "user", "content": "我是硕士，去威海工作每个月有多少生活补贴？"}]
>>> rewrite("那博士呢？", prev)
'我是博士，去威海工作每个月有多少生活补贴？'
>>> rewrite("青岛呢？", prev)
'我是硕士，去青岛工作每个月有多少生活补贴？'
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from app.answer.question import (
    content_segments,
    find_degrees,
    find_kinds,
    find_places,
    query_for,
)
from app.answer.script import detect_script
from lexicon import degree_aliases

_ZH_MARKERS = re.compile(
    r"^(?:那么|那|还有|如果是|要是|换成|换做|若是|假如是)|(?:的话)?(?:呢|怎么样|如何)?[？?。！!]*$")
_EN_MARKERS = re.compile(
    r"^\s*(?:and\s+)?(?:what|how)\s+about\s+|^\s*and\s+|^\s*what\s+if\s+", re.I)
MAX_FOLLOWUP_CHARS = 10
MAX_FOLLOWUP_WORDS = 6


def previous_user_turn(history: Sequence[Mapping[str, str]]) -> tuple[str, int] | None:
    """The last user message in ``history`` and its index, if any."""
    for i in range(len(history) - 1, -1, -1):
        item = history[i]
        if item.get("role") == "user" and str(item.get("content", "")).strip():
            return str(item["content"]).strip(), i
    return None


def _core(question: str) -> tuple[str, bool]:
    """The follow-up with its 那…呢 / what about … markers removed, and whether any was found."""
    script = detect_script(question)
    if script == "en":
        stripped = _EN_MARKERS.sub("", question).strip(" ?.!")
        return query_for(stripped, "en"), stripped != question.strip(" ?.!")
    query = query_for(question, script)
    stripped = _ZH_MARKERS.sub("", query.strip())
    stripped = _ZH_MARKERS.sub("", stripped)
    return stripped, stripped != query.strip().rstrip("？?。！!")


def is_followup(question: str) -> bool:
    """A short question that names only a new slot (or carries 那…呢 / what about)."""
    script = detect_script(question)
    core, marked = _core(question)
    if script == "en":
        short = len(question.split()) <= MAX_FOLLOWUP_WORDS
    else:
        short = len(re.sub(r"\W", "", core)) <= MAX_FOLLOWUP_CHARS
    slot_only = bool(find_places(core) or find_degrees(core)) and not find_kinds(core)
    return short and (marked or slot_only)


def _replace_slot(text: str, old: Sequence[str], new: str, aliases: Sequence[str]) -> str:
    if not old:
        return f"{new}{text}"
    for alias in aliases:
        text = text.replace(alias, new)
    return text


def rewrite(question: str, history: Sequence[Mapping[str, str]]) -> str:
    """The simplified-Chinese query to retrieve with: a follow-up is merged with its context."""
    script = detect_script(question)
    found = previous_user_turn(history)
    if found is None or not is_followup(question):
        return query_for(question, script)
    prev_question, index = found
    prev = rewrite(prev_question, history[:index])
    core, _ = _core(question)
    places, degrees = find_places(core), find_degrees(core)
    text = prev
    if places:
        old = find_places(prev)
        text = _replace_slot(text, old, places[0], old)
    if degrees:
        old = find_degrees(prev)
        aliases = [a for a, d in degree_aliases() if d in old and a in text]
        text = _replace_slot(text, old, degrees[0], aliases)
    rest = content_segments(core, (*places, *degrees), phrasing_only=True)
    if rest:
        text = f"{text.rstrip('？?。！! ')}，{''.join(rest)}？"
    return text
