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

