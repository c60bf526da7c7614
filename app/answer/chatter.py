"""What a chat app or a form puts around a question, taken off before it is read: a
message forwarded from a group chat brings the app's placeholders ([图片], [转发]), @
mentions, time stamps and the group it came from (——来自家长群); a question typed into a
form brings its field labels (身份：, 【想问】); a letter to a hotline or a message board
brings its salutation (尊敬的领导您好：) and its closing (烦请告知，盼复。此致敬礼！). None of
it names what is asked, and words such as 考研 of 「——来自考研群」, 身份 or 领导 would be read
as things the documents lack.

>>> without_chatter("10:32 [转发] 张姐：@小李 硕士每月补多少？[图片] ——来自家长群")
'硕士每月补多少？'
>>> without_chatter("补贴标准：硕士每月多少"), without_chatter("威海高新区：硕士每月多少")
('补贴标准：硕士每月多少', '威海高新区：硕士每月多少')
>>> without_chatter("【求职意向】崂山 【身份】应届硕士 【想问】人才公寓能免费住多久")
'崂山，应届硕士，人才公寓能免费住多久'
>>> without_chatter("尊敬的领导您好：本人系硕士，威海每月补贴多少？烦请告知，盼复。此致敬礼！")
'本人系硕士，威海每月补贴多少？'

A chat with the assistant brings a call and what the asker wants of the reply:

>>> without_chatter("在吗小助手～威海硕士每月补多少呀？只要数字就行^_^")
'威海硕士每月补多少呀？'
>>> without_chatter("客服电话是多少？")
'客服电话是多少？'
>>> without_chatter("- **威海硕士**每月补多少？")
'威海硕士每月补多少？'
"""

from __future__ import annotations

import re
from functools import cache

from app.answer.clauses import han_count
from lexicon import (
    chat_calls,
    chat_placeholders,
    degree_aliases,
    gazetteer,
    letter_formulas,
    person_categories,
)

#: a time stamp of a chat line (09:15, 10:32) where a message or a line begins
_TIME = re.compile(r"(?:^|(?<=[\s】\]]))\d{1,2}[:：]\d{2}(?::\d{2})?(?=\s|$|[\u4e00-\u9fff【\[@])")
#: an @ mention: @ and a name of up to eight characters, ended by a space, a mark or the end
_MENTION = re.compile(r"@[^\s@，,。：:；;？?！!]{1,8}(?=[\s，,。：:；;？?！!]|$)")
#: where a forwarded message came from, at its end (——来自家长群, —转自科技口工作群)
_SOURCE = re.compile(r"\s*[—-]{1,2}\s*(?:来自|转自|摘自|发自|from)[^，,。？?！!]*$", re.I)
#: a form's field label: a bracketed one before its value (【身份】海外博士), or a short label
#: and a colon or equals sign where a field begins (身份：应届硕士；地区：…)
_BRACKET_LABEL = re.compile(r"【([^】\s]{1,8})】(?=\s*\S)")
#: labels that make a form (one label and a colon is how people write a topic, too)
MIN_LABELS = 2
_COLON_LABEL = re.compile(r"(?:^|(?<=[\s；;，,】]))([\u4e00-\u9fff]{1,6})\s*[:：=＝]\s*(?=\S)")


@cache
def _placeholder() -> re.Pattern[str]:
    words = "|".join(map(re.escape, sorted(chat_placeholders(), key=len, reverse=True)))
    return re.compile(rf"[\[【]\s*(?:{words})\s*[\]】]")


#: what ends a letter's salutation or one of its clauses (a chat's ～ too)
_MARKS = r"，,。.：:；;！!？?、～~\s"
#: markdown a message is typed or pasted in: bold stars, strike-through, code ticks, and
#: headings, bullets and quotes opening a line (not a hyphen or star inside a line, not a
#: run of underscores, which is a blank to fill in, nor a numbered item, which may be one
#: of several questions)
_MARKDOWN = re.compile(r"\*{2,3}|~~|`+|^[ \t]*(?:#{1,6}|[-*+>])[ \t]+", re.MULTILINE)
#: what a closing formula may leave of its clause (谢谢您了, 感谢您的解答啊, 只要数字就行)
_FILLER = re.compile(r"就行|就好|即可|就可以|就够了|给我|[您的了啊呀啦哈哦喔吧嘛呗]")
#: what may follow the name an asker calls the assistant by, in a call (小助手，, 小助手我想问,
#: 小助手帮我查一下); not 客服电话, where the word is what is asked about
_AFTER_CALL = rf"[{_MARKS}]|我|请|想|帮|麻烦|你"


@cache
def _emoticon() -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, chat_calls()[1])))


@cache
def _call() -> re.Pattern[str]:
    """Where a chat message opens by calling the assistant: its name and greetings
    (在吗小助手～, 请问小助手，, 小助手你好，), each followed by marks or by the asker's
    request (小助手我想问)."""
    addressees = "|".join(map(re.escape, chat_calls()[0]))
    greetings = "|".join(re.escape(w) for w in letter_formulas()[1] if han_count(w))
    token = (rf"(?:(?:{addressees})(?=(?:{addressees}|{greetings}|{_AFTER_CALL}))"
             rf"|(?:{greetings})[呀啊哈呢哦]?)")
    return re.compile(rf"^\s*(?:请问|想问)?(?:{token}[{_MARKS}]*)+")
_WORDING = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")


@cache
def _salutation() -> re.Pattern[str]:
    openers, greetings, _ = (
        "|".join(re.escape(w) for w in words if han_count(w)) for words in letter_formulas())
    # an opener and its addressee (尊敬的领导您好：), or a greeting after a short addressee
    # (领导您好！, 你好，), up to the marks after it
    return re.compile(rf"^\s*(?:(?:{openers})[^{_MARKS}]{{0,12}}|[^{_MARKS}]{{0,8}}?"
                      rf"(?:{greetings}))[{_MARKS}]+")


@cache
def _chinese_closings() -> tuple[str, ...]:
    return tuple(w for w in letter_formulas()[2] if han_count(w))


_LAST_CLAUSE = re.compile(rf"[^{_MARKS}]+[{_MARKS}]*$")


def _closes(clause: str) -> bool:
    """True when ``clause`` holds only a letter's closing formulas (盼复, 烦请告知, 谢谢您)."""
    rest = clause
    for formula in _chinese_closings():
        rest = rest.replace(formula, "")
    return rest != clause and not _WORDING.search(_FILLER.sub("", rest))


def _without_letter(text: str) -> str:
    """``text`` without a letter's salutation and the closing clauses at its end, when
    something is left to ask (a bare 「谢谢」 is a message of its own)."""
    cleaned = _salutation().sub("", text, count=1)
    while (last := _LAST_CLAUSE.search(cleaned)) and _closes(last.group()):
        if not _WORDING.search(cleaned[:last.start()]):
            break
        cleaned = cleaned[:last.start()]
    return cleaned if _WORDING.search(cleaned) else text


def names_something(label: str) -> bool:
    """True when a label holds a place, a degree or a person category (威海高新区：…,
    博士：…): then it is what the question is about, not a field's name."""
    if gazetteer().find(label, unknown=False):
        return True
    if any(alias in label for alias, _ in degree_aliases()):
        return True
    return any(name in label for category, others in person_categories().items()
               for name in (category, *others))


def _without_labels(text: str, pasted: bool) -> str:
    """``text`` without its field labels, when it has at least ``MIN_LABELS`` of them (a
    form: 「身份：应届硕士；地区：青岛高新区；问：…」), or any when it was ``pasted`` from a
    chat (the speaker of 「[转发] 张姐：…」); one label and a colon may be the topic of an
    ordinary question (「补贴标准：硕士多少」)."""
    found = [m for pattern in (_BRACKET_LABEL, _COLON_LABEL) for m in pattern.finditer(text)
             if not names_something(m.group(1))]
    if len(found) < (1 if pasted else MIN_LABELS):
        return text
    for m in sorted(found, key=lambda m: m.start(), reverse=True):
        text = text[:m.start()] + "，" + text[m.end():]  # each field its own clause
    return text


#: emoji that stand for a question or an exclamation mark (❓, ❗)
_MARK_EMOJI = str.maketrans({"❓": "？", "❔": "？", "⁉": "？", "❗": "！", "❕": "！"})


def without_emoji(text: str) -> str:
    """``text`` with its emoji taken out (pictographs, their joiners, variation selectors
    and skin tones: 🎓, 👨‍🏫, ⛰️), those that mark a question or exclamation read as the
    mark; the words around them are what a question asks.

    >>> without_emoji("威海🎓硕士每月💰多少❓👍🏻"), without_emoji("人才公寓⛰️有几套？")
    ('威海硕士每月多少？', '人才公寓有几套？')
    """
    return "".join(ch for ch in text.translate(_MARK_EMOJI) if not _emoji(ch))


#: the blocks of emoji: pictographs and their modifiers (🎓, 👍🏻), miscellaneous symbols and
#: dingbats (⛰, ✅), clocks and media keys (⏰); not letterlike units (㎡) or arrows (→)
_EMOJI_BLOCKS = ((0x1F000, 0x1FAFF), (0x2600, 0x27BF), (0x2300, 0x23FF), (0x2B50, 0x2B55))


def _emoji(ch: str) -> bool:
    code = ord(ch)
    return ch in "\u200d\ufe0f\ufe0e" or any(lo <= code <= hi for lo, hi in _EMOJI_BLOCKS)


def without_chatter(text: str) -> str:
    """``text`` (simplified) without emoji (:func:`without_emoji`), markdown, chat placeholders, @
    mentions, time stamps, a source tag at its end and form field labels that name nothing
    asked (see the module docstring) and a letter's salutation and closing, its spacing
    tidied; unchanged when it holds none."""
    faced = _emoticon().sub(" ", _MARKDOWN.sub("", without_emoji(text))).strip()
    called = _call().sub("", faced, count=1)
    letter = _without_letter(called if _WORDING.search(called) else faced)
    cleaned = _placeholder().sub(" ", letter)
    cleaned = _SOURCE.sub("", _MENTION.sub(" ", _TIME.sub(" ", cleaned)))
    cleaned = _without_labels(cleaned, pasted=cleaned != letter)  # not for a call or face
    if cleaned == text:
        return text
    # a removed label leaves a clause break; the field separators around it go with it
    cleaned = re.sub(r"[\s，；;\-—]*，[\s，；;\-—]*", "，", re.sub(r"\s{2,}", " ", cleaned))
    return cleaned.strip(" ，")
