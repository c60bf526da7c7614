"""What a question asks about by name: which things (院校 of 「合作的院校都有哪些」: a sentence
that only counts them, 合作百所技能院校, names none), the thing right after 哪个 or 有没有
(「在哪个场馆」), or what a figure it opens with refers to (「3600元是什么补贴」)."""

from __future__ import annotations

import re

# asking which ones, by name: 哪些学校, 哪几家, 名单, 都有什么; with the few characters
# around it that name what is asked for (院校都有哪些, 哪些学校)
_WHICH = r"哪些|哪几(?![年天月])|名单"
_ASKS_NAMES = re.compile(rf"{_WHICH}|都有什么|都是什么")
_NAMES_ASKED = re.compile(rf"([\u4e00-\u9fff]{{0,4}}?)(?:都|具体)?(?:有|是|包括)?"
                          rf"(?:{_WHICH}|什么)([\u4e00-\u9fff]{{0,4}})")


def names_asked(query: str) -> tuple[str, ...]:
    """The character bigrams of what a (simplified) question asks for by name (院校 of
    「合作的院校都有哪些」, 学校 of 「有哪些学校」): a sentence that only counts those
    (合作百所技能院校) names none. Empty when it asks no such thing.

    >>> names_asked("合作的院校都有哪些"), names_asked("合作多少所院校")
    (('作的', '的院', '院校'), ())
    """
    if not _ASKS_NAMES.search(query):
        return ()
    out: list[str] = []
    for m in _NAMES_ASKED.finditer(query):
        for part in m.groups():
            out.extend(part[i:i + 2] for i in range(len(part) - 1))
    return tuple(dict.fromkeys(out))


# a figure or a day the question asks the meaning of (「3600元是什么补贴」, 「5300多套指的是
# 什么」, 「2025年3月15日发布了什么」): what it refers to is asked, so the figure itself must
# be one the documents give
_LOOKED_UP = re.compile(
    r"^[“\"「]?((?:\d+(?:\.\d+)?)\s*(?:多|余)?\s*(?:万|亿|千)?"
    r"(?:元|块|人|套|家|个|名|位|项|所|平方米|%)|\d{4}年\d{1,2}月\d{1,2}日)"
    r"[”\"」]?(?:的|那个|这个)?(?:指的是|说的是|是|指|发布了|发了|出了)(?:什么|啥|哪|谁)")


def looked_up(query: str) -> str | None:
    """The figure or day a (simplified) question asks the meaning of, when it opens with
    one; None otherwise.

    >>> looked_up("3600元是什么补贴？"), looked_up("5300多套指的是什么")
    ('3600元', '5300多套')
    >>> looked_up("硕士每月3600元吗？") is None
    True
    """
    found = _LOOKED_UP.match(query.strip())
    return found.group(1) if found else None


# What a question asks about by name: the noun right after 哪个, 什么 or 有没有 (「在哪个场馆」,
# 「有没有年龄限制」).
_ASKED_HEAD = r"(?:哪[个些家所位种类]?|什么|有没有|有无|是否有)的?"


def asks_about(query: str, word: str) -> bool:
    """True when ``word`` is what the question asks about by name: it follows 哪个, 什么 or
    有没有 directly, and modifies nothing after it (官方的平台 asks about a 平台).

    >>> asks_about("在哪个场馆开的", "场馆"), asks_about("有没有年龄限制", "年龄")
    (True, True)
    >>> asks_about("场馆里有什么活动", "场馆"), asks_about("有没有官方的平台", "官方")
    (False, False)
    """
    return re.search(_ASKED_HEAD + re.escape(word) + "(?!的)", query) is not None
