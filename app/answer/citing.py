"""A document the asker cites by its title (「《崂山区2023年度人才工作综述》里，…」, 「《实施方案》
说…」): the title points at the document, so it is no part of what is asked (its 2023 asks
no year, its words need no sentence of their own), and only that document answers.

A title is cited when most of its character pairs (``MIN_SHARE``) occur in one document and
no other comes near it (``MARGIN``): a PDF may break the title's line, and an asker may
recall it in part. A title no document matches is left in the question: the library may
not hold that document, and the engine should say so.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from app.answer.scoring import normalise
from app.answer.script import simplified

#: a title in book marks, as the asker writes it
_TITLE = re.compile(r"《([^《》]{2,60})》")
#: share of a title's character pairs one document must hold
MIN_SHARE = 0.8
#: how far behind the best document another must stay for the title to be the best one's
MARGIN = 0.1
#: what a cited title is read as: the document the asker points at (文章里, 文章说)
POINTER = "文章"

Cited = tuple[tuple[str, frozenset[str]], ...]


def cited_titles(text: str, documents_using: Callable[[str], frozenset[str]]) -> Cited:
    """(title as written, the one document it names) for each title in ``text`` that one
    document's text holds (``documents_using``: the documents whose normalised text holds a
    word)."""
    out = []
    for m in _TITLE.finditer(text):
        key = normalise(simplified(m[1]))
        pairs = {key[i:i + 2] for i in range(len(key) - 1)}
        if not pairs:
            continue
        shares = Counter(d for p in pairs for d in documents_using(p))
        ranked = [(d, n / len(pairs)) for d, n in shares.most_common()]
        if not ranked or ranked[0][1] < MIN_SHARE:
            continue
        if len(ranked) > 1 and ranked[1][1] > ranked[0][1] - MARGIN:
            continue  # two documents hold it alike: which one is meant is not known
        out.append((m[1], frozenset((ranked[0][0],))))
    return tuple(out)


#: what marks a title as a pointer at where the asker read something: a place word or a
#: verb of saying after it (《…》里, 《…》说) or a comma (its clause only names it), or a
#: word of reference before it (那篇《…》, 那篇发在期刊上的《…》, 据《…》)
_POINTING_AFTER = re.compile(r"\s*(?:[，,]|(?:的)?(?:里|中|内|上|说|提到|指出|写|讲|称|认为"
                             r"|那篇|这篇|一文))")
_POINTING_BEFORE = re.compile(r"(?:(?:那篇|这篇|那份|这份)[^，,。？?]{0,12}|据|在|按照|根据|依照"
                              r"|依据)\s*$")


def without_titles(text: str, cited: Cited, *, every_use: bool = False) -> str:
    """``text`` with each cited title that points at where the asker read what they ask
    about read as that pointer (:data:`POINTER`); a title that is itself asked about
    (「《沿街商铺复工情况汇总表》包括哪些内容」) stays, but for ``every_use``: a year in a title
    (《…2023年度…综述》) dates the document, not the fact asked, however it is used.

    >>> without_titles("《崂山区2023年度人才工作综述》里，院士有几位？",
    ...                (("崂山区2023年度人才工作综述", frozenset({"d"})),))
    '文章里，院士有几位？'
    >>> without_titles("《汇总表》包括哪些内容？", (("汇总表", frozenset({"d"})),))
    '《汇总表》包括哪些内容？'
    """
    for title, _ in cited:
        written = f"《{title}》"
        at = text.find(written)
        while at >= 0:
            end = at + len(written)
            if (every_use or _POINTING_AFTER.match(text, end)
                    or _POINTING_BEFORE.search(text[:at])):
                text = text[:at] + POINTER + text[end:]
                end = at + len(POINTER)
            at = text.find(written, end)
    return text
