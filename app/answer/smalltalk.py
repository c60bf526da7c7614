"""Replies to conversational messages (谢谢, 你好 …) instead of a search and a refusal.

>>> social_reply("谢谢！")
'不客气。还有其他政策问题，可以随时问我。'
>>> social_reply("谢谢，那博士呢？") is None
True
"""

from __future__ import annotations

import re

from app.answer.script import detect_script, in_script, simplified
from lexicon import social_phrases

_REPLIES_ZH = {
    "thanks": "不客气。还有其他政策问题，可以随时问我。",
    "greeting": "您好！请直接提问，例如某个城市对高校毕业生的生活补贴、住房或创业支持。",
    "bye": "再见，祝求职顺利！",
    "ack": "好的。还有其他政策问题，可以随时问我。",
}
_REPLIES_EN = {
    "thanks": "You're welcome. Ask me any other policy question.",
    "greeting": "Hello! Ask me about a city's subsidies, housing or start-up support for "
                "graduates.",
    "bye": "Goodbye, and good luck with your job search!",
    "ack": "OK. Ask me any other policy question.",
}
_TRIM = re.compile(r"[\s!！。.,，?？~～啊呀哦哈啦了吧呢]+")


def social_reply(message: str) -> str | None:
    """A short reply when the whole message is a conversational phrase, else None."""
    core = _TRIM.sub("", simplified(message).lower())
    kind = social_phrases().get(core) or social_phrases().get(
        re.sub(r"\s+", " ", simplified(message).lower().strip(" !.?！。？")))
    if kind is None:
        return None
    script = detect_script(message)
    if script == "en":
        return _REPLIES_EN[kind]
    return in_script(_REPLIES_ZH[kind], script)
