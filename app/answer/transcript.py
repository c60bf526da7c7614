"""A group chat pasted into the chat box: several speakers (张三：, 妈：, Tom:) talk, and the
question is the one put to the assistant (@小助手 …) or the last line. What the asker says
is kept; what the others say is kept only when it states something (their guesses, asked
back or hedged: 是不是5000？, 好像是上海, 去年底吧, and their hearsay are not what is asked)
and names no place the asker does not, when the asker names one (「表弟：崂山人才总量都破23万了
/ 阿姨：咸丰县一年引进多少人才？」 asks about 咸丰 alone).

>>> from_transcript("同事A：威海高新区支持企业建飞地\\n同事B：是去深圳吧？\\n同事A：好像是上海\\n"
...                 "同事A：@小助手 支持的是哪几家企业？")
'威海高新区支持企业建飞地\\n支持的是哪几家企业？'
>>> from_transcript("室友：下周去河北新乐面试\\n我：威海那边能免费住5天\\n"
...                 "室友：@小助手 新乐能住几天？")
'下周去河北新乐面试\\n新乐能住几天？'
>>> from_transcript("威海：硕士多少？\\n崂山：硕士多少？")
'威海：硕士多少？\\n崂山：硕士多少？'
"""

from __future__ import annotations

import re
from functools import cache

from app.answer.chatter import names_something
from app.answer.clauses import clauses, hearsay
from app.answer.english import english_query
from app.answer.script import mostly_english, simplified
from lexicon import chat_calls, gazetteer, unsure_words

#: a speaker's line: an optional time stamp, the speaker's name and a colon, what they say
_LINE = re.compile(r"^\s*(?:\d{1,2}[:：]\d{2}(?::\d{2})?\s*)?([^\s：:，,。？?！!@【】\[\]]{1,12})"
                   r"\s*[：:]\s*(\S.*?)\s*$")
#: a group's name on a line of its own (【家长群】)
_HEADER = re.compile(r"^\s*[【\[][^】\]]{1,16}[】\]]\s*$")
#: speaker lines that make a transcript
MIN_LINES = 2
#: how a speaker ends a guess: asked back, or with a particle of supposition
_GUESS_END = re.compile(r"(?:[？?]|吧|吧[。.!！~～]*|嘛)\s*$")


@cache
def _addressed() -> re.Pattern[str]:
    """An @ call of the assistant by one of the names askers give it (@小助手, @assistant)."""
    names = "|".join(map(re.escape, (*chat_calls()[0], "assistant", "bot", "AI")))
    return re.compile(rf"@\s*(?:{names})", re.I)


def _speaker_lines(text: str) -> list[tuple[str, str]] | None:
    """(speaker, what they say) for each line of a transcript, None when ``text`` is none:
    fewer than ``MIN_LINES`` speaker lines, or a label that names what is asked about
    (威海：…, 博士：… are topics, not speakers). An unlabelled line continues the one before;
    a group's name is left out."""
    lines: list[tuple[str, str]] = []
    for raw in text.splitlines():
        if not raw.strip() or _HEADER.match(raw):
            continue
        m = _LINE.match(raw)
        if m and not names_something(simplified(m.group(1))):
            lines.append((m.group(1), m.group(2)))
        elif lines:
            lines[-1] = (lines[-1][0], f"{lines[-1][1]} {raw.strip()}")
        else:
            return None
    return lines if len(lines) >= MIN_LINES else None


def _places(text: str) -> set[str]:
    """The codes of the places a line names (an English one as read into Chinese)."""
    plain = english_query(text) if mostly_english(text) else simplified(text)
    return {m.place.code for m in gazetteer().find(plain, unknown=False)}


def _guess(said: str, *, asking: bool = True) -> bool:
    """True when a line supposes or hedges what it says (去年底吧, 好像是上海), passes on
    hearsay (听说是3天) or, with ``asking``, asks back (是不是…？: the asker's own
    questions are what they ask)."""
    plain = simplified(said).strip()
    ends = _GUESS_END.search(plain)
    return bool((ends and (asking or not ends.group().lstrip().startswith(("？", "?"))))
                or any(w in plain for w in unsure_words())
                or any(hearsay(c) for c in clauses(plain)))


def from_transcript(text: str) -> str:
    """The asker's lines and the others' plain statements of a pasted group chat, one a
    line, without speakers and time stamps (see the module docstring); ``text`` itself
    when it is no transcript."""
    lines = _speaker_lines(text)
    if lines is None:
        return text
    called = [i for i, (_, said) in enumerate(lines) if _addressed().search(said)]
    last = called[-1] if called else len(lines) - 1
    asker = lines[last][0]
    own = " ".join(said for i, (who, said) in enumerate(lines[:last + 1])
                   if who == asker and (i == last or not _guess(said, asking=False)))
    named = _places(own)
    kept = [said for i, (who, said) in enumerate(lines[:last + 1]) if i == last
            or (not _guess(said, asking=False) if who == asker
                else not (_guess(said) or (named and _places(said) - named)))]
    return "\n".join(_addressed().sub("", said).strip() for said in kept)
