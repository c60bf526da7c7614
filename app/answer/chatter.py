"""What a chat app or a form puts around a question, taken off before it is read: a
message forwarded from a group chat brings the app's placeholders ([图片], [转发]), @
mentions, time stamps and the group it came from (——来自家长群); a question typed into a
form brings its field labels (身份：, 【想问】). None of it names what is asked, and words
such as 考研 of 「——来自考研群」 or 身份 would be read as things the documents lack.

>>> without_chatter("10:32 [转发] 张姐：@小李 硕士每月补多少？[图片] ——来自家长群")
'硕士每月补多少？'
>>> without_chatter("补贴标准：硕士每月多少"), without_chatter("威海高新区：硕士每月多少")
('补贴标准：硕士每月多少', '威海高新区：硕士每月多少')
>>> without_chatter("【求职意向】崂山 【身份】应届硕士 【想问】人才公寓能免费住多久")
'崂山，应届硕士，人才公寓能免费住多久'
"""

from __future__ import annotations

import re
from functools import cache

from lexicon import chat_placeholders, degree_aliases, gazetteer, person_categories

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


def _names_something(label: str) -> bool:
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
             if not _names_something(m.group(1))]
    if len(found) < (1 if pasted else MIN_LABELS):
        return text
    for m in sorted(found, key=lambda m: m.start(), reverse=True):
        text = text[:m.start()] + "，" + text[m.end():]  # each field its own clause
    return text


def without_chatter(text: str) -> str:
    """``text`` (simplified) without chat placeholders, @ mentions, time stamps, a source
    tag at its end and form field labels that name nothing asked (see the module
    docstring), its spacing tidied; unchanged when it holds none."""
    cleaned = _placeholder().sub(" ", text)
    cleaned = _SOURCE.sub("", _MENTION.sub(" ", _TIME.sub(" ", cleaned)))
    cleaned = _without_labels(cleaned, pasted=cleaned != text)
    if cleaned == text:
        return text
    # a removed label leaves a clause break; the field separators around it go with it
    cleaned = re.sub(r"[\s，；;\-—]*，[\s，；;\-—]*", "，", re.sub(r"\s{2,}", " ", cleaned))
    return cleaned.strip(" ，")
