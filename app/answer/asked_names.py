"""Which things a question asks for by name (院校 of 「合作的院校都有哪些」): a sentence that
only counts them (合作百所技能院校) names none."""

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
