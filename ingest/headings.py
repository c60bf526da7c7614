"""Recognise Chinese section headings (Simplified and Traditional forms).

>>> heading_level("（一）实施企业人才保障行动")
5
>>> heading_label("2.实施重点项目引才计划。聚焦重点项目……")
'2.实施重点项目引才计划'
>>> heading_level("2025.4.7") is None
True
"""

from __future__ import annotations

import re

_CN_NUM = "一二三四五六七八九十百零〇两"
_PATTERNS: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(rf"第[{_CN_NUM}\d]+[编編篇部](?:分)?(?=\s|[^\s，。,])"), 0),
    (re.compile(rf"第[{_CN_NUM}\d]+章"), 1),
    (re.compile(rf"第[{_CN_NUM}\d]+[节節]"), 2),
    (re.compile(rf"第[{_CN_NUM}\d]+[条條](?![件例款])"), 3),
    (re.compile(rf"[{_CN_NUM}]{{1,3}}[、.．](?=\S)"), 4),
    (re.compile(rf"[（(][{_CN_NUM}]{{1,3}}[）)]"), 5),
    (re.compile(r"\d{1,2}[、.．](?!\d)(?=\s?\S)"), 6),
    (re.compile(r"[（(]\d{1,2}[）)](?=\S)"), 7),
    (re.compile(r"\d{1,2}\.\d{1,2}\.\d{1,2} (?=[\u4e00-\u9fff])"), 6),
    (re.compile(r"\d{1,2}\.\d{1,2} ?(?=[\u4e00-\u9fff])(?![万亿元千百个倍年月日号])"), 5),
    (re.compile(r"\d{1,2} (?=[\u4e00-\u9fff])(?![万亿元千百个倍年月日号时分秒天周名家次])"), 4),
)
#: marks that open a bulleted line: a list item, or a photo caption printed in an article
#: (■位于崂山区的人才会客厅。)
BULLETS = frozenset("■▶●◆★")
#: the longest bulleted paragraph read as a photo caption
CAPTION_CHARS = 60
_LABEL_END = re.compile(r"[。；：！？;:!?，,]")
MAX_LABEL = 30
HEADING_START = re.compile("|".join(f"(?:{p.pattern})" for p, _ in _PATTERNS))


def is_caption(paragraph: str) -> bool:
    """True for a short bulleted paragraph: how a photo caption is printed in an article
    (「■海外人才联盟成立仪式。」), and a short bulleted list item alike.

    >>> is_caption("■海外人才联盟成立仪式。"), is_caption("一、总则")
    (True, False)
    """
    return bool(paragraph) and paragraph[0] in BULLETS and len(paragraph) <= CAPTION_CHARS


def match_heading(line: str, pos: int = 0) -> tuple[int, int] | None:
    """Return ``(level, marker_end)`` when ``line[pos:]`` starts with a heading marker."""
    for pattern, level in _PATTERNS:
        m = pattern.match(line, pos)
        if m:
            return level, m.end()
    return None


def heading_level(line: str) -> int | None:
    """Level of the heading that starts ``line`` (0 = outermost), or None."""
    found = match_heading(line)
    return found[0] if found else None


def heading_label(line: str) -> str:
    """The heading itself: the marker plus its title, not the paragraph after it."""
    found = match_heading(line)
    if found is None:
        return line[:MAX_LABEL].strip()
    level, marker_end = found
    if level == 3:  # 第X条 is followed by the article's content
        return line[:marker_end].strip()
    end = _LABEL_END.search(line, marker_end)
    label = line[: end.start()] if end and end.start() > marker_end else line
    return label[:MAX_LABEL].strip()
