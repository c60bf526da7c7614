"""The options a question offers to choose from (「是千人计划还是万人的那个计划」, 「单导师还是
双导师」, 「是只有本地人能领，还是外地人也行」): the asker names what they think the answer
may be, and the documents answer by one of them, so a word that only the other options
hold is no thing the documents must have.

>>> options("威海的引才政策叫什么，是千人计划还是万人的那个计划？")
('千人计划', '万人的那个计划')
>>> options("现在还是要交钱吗？"), options("还是不明白")
((), ())
"""

from __future__ import annotations

import re
from functools import lru_cache

from app.answer.clauses import clauses, marked

#: the word that offers a choice: 还是 (not 还是…吗, which is «still»)
_OR = "还是"
#: words that lead into an option (是千人计划, 用单导师, 选青岛): the option starts after them
_LEAD = re.compile(r".*(?:是|用|选|去|在|按|给|算|发|要)(?=.)")
#: a closing particle or mark is no part of an option
_TAIL = re.compile(r"[呢啊呀嘛吧哦？?！!。\s]+$")


#: a lettered option's mark (A. B、 C: (D)), not a letter inside a word
_LETTER = re.compile(r"(?<![A-Za-z])[（(]?([A-Fa-f])[.．、:：）)]\s*")
#: what closes a lettered option's text
_OPTION_TAIL = re.compile(r"[\s，,；;。？?！!]+$")


@lru_cache(maxsize=4096)
def lettered(query: str) -> tuple[str, ...]:
    """The options of a multiple-choice question (「…叫哪个？A.“1+1+N” B.“1+3+X” C.“3+2+1”」):
    two or more marked A, B, C … in order, each to the next mark or the end.

    >>> lettered("叫哪个？A.“1+1+N” B.“1+3+X” C.“3+2+1”")
    ('“1+1+N”', '“1+3+X”', '“3+2+1”')
    >>> lettered("A.智能制造学院、轨道交通学院 B.海洋学院"), lettered("我是A.B两家公司的员工")
    (('智能制造学院、轨道交通学院', '海洋学院'), ())
    """
    marks = list(_LETTER.finditer(query))
    letters = "".join(m.group(1).upper() for m in marks)
    if len(marks) < 2 or not "ABCDEF".startswith(letters):
        return ()
    ends = [m.start() for m in marks[1:]] + [len(query)]
    found = tuple(_OPTION_TAIL.sub("", query[m.end():end]).strip()
                  for m, end in zip(marks, ends, strict=True))
    return found if all(found) else ()


def without_lettered(query: str) -> str:
    """``query`` up to its first lettered option (see :func:`lettered`): the question the
    options answer.

    >>> without_lettered("叫哪个？A.“1+1+N” B.“1+3+X”"), without_lettered("补贴多少？")
    ('叫哪个？', '补贴多少？')
    """
    if not lettered(query):
        return query
    return query[:_LETTER.search(query).start()]  # type: ignore[union-attr]


@lru_cache(maxsize=4096)
def options(query: str) -> tuple[str, ...]:
    """The options of each «A还是B» choice in ``query``: A from the word that leads into it
    (是, 用, 选 …) or its clause's start (the whole clause before when 还是 starts a clause),
    B to the end of its clause, which a question mark or 呢 closes. Empty when 还是 means
    «still»: nothing stands before it, or 吗 asks after it (「现在还是要交钱吗」)."""
    parts = clauses(query)
    found: list[str] = []
    for i, part in enumerate(parts):
        at = part.find(_OR)
        if at < 0 or not (marked(query, part) or part.rstrip().endswith("呢")):
            continue
        left, right = part[:at], _TAIL.sub("", part[at + len(_OR):])
        if "吗" in right or not right:
            continue
        if not left.strip():
            left = parts[i - 1] if i > 0 else ""
        left = _LEAD.sub("", left) or left
        if left.strip():
            found.extend((left.strip(), right.strip()))
    return tuple(found)

