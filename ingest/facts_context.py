"""Context rules around an amount: clause, programme, beneficiary, period, condition.

Pure functions over the Simplified *shadow* of a document's display text
(same length, so every offset found here indexes the display text too).

>>> clause_span("第一句。对博士给予1万元；其他。", 9)
(4, 13)
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ingest.facts_numbers import AmountMatch
from ingest.headings import match_heading

_CLAUSE_END = "。；;！？!?"
SENTENCE_END = "。！？!?"
_TERMINAL = "。；;！？!?：:”」）)"
# (keyword in Simplified text, beneficiary label); longer keywords first.
BENEFICIARIES: tuple[tuple[str, str], ...] = (
    ("博士后", "博士后"),
    ("博士研究生", "博士"),
    ("博士", "博士"),
    ("硕士研究生", "硕士"),
    ("硕士", "硕士"),
    ("本科毕业生", "本科"),
    ("本科生", "本科"),
    ("本科", "本科"),
    ("高技能人才培训基地", "高技能人才培训基地"),
    ("技能大师工作室", "技能大师工作室"),
    ("高技能人才", "高技能人才"),
    ("专业技术人才", "专业技术人才"),
    ("技能人才", "技能人才"),
    ("青年人才", "青年人才"),
    ("高层次人才", "高层次人才"),
    ("领军人才", "领军人才"),
    ("高校毕业生", "高校毕业生"),
    ("毕业生", "高校毕业生"),
    ("大学生", "大学生"),
    ("企业", "企业"),
)


def _spaced(word: str) -> str:
    """Regex for ``word`` allowing a line break between its characters (PDF columns)."""
    return r"\s?".join(re.escape(ch) for ch in word)


_BENEFICIARY_RE = re.compile("|".join(_spaced(k) for k, _ in BENEFICIARIES))
_LABEL = dict(BENEFICIARIES)
_PERIODS = ("每人每月", "每人每年", "每月", "每年", "一次性", "按月", "按年")
_PERIOD_RE = re.compile("|".join(_spaced(p) for p in _PERIODS))
_NOT_PERIOD = re.compile(r"\s?(口罩|使用|餐具|用品|手套|防护|医用|筷|纸|塑料)")
_CONDITION_RE = re.compile(r"(?:^|[，,；。])(?:其中)?((?:对|针对|凡是?|符合)[^，,；。]{2,60})[，,]")
_QUOTED_NAME_RE = re.compile(
    r"[“「]([^“”「」。]{2,24}?(?:计划|工程|行动|项目|政策|专项))[”」]"
    r"|[“「]([^“”「」。]{2,16})[”」]((?:计划|工程|行动|专项)(?:计划)?)"
)
_SHORT_HEADING = 24


def _line_at(text: str, i: int) -> tuple[int, int]:
    """(start, end) of the line holding ``text[i]`` (end excludes the line break)."""
    start = text.rfind("\n", 0, i) + 1
    end = text.find("\n", i)
    return start, len(text) if end < 0 else end


def _ends_paragraph(text: str, i: int) -> bool:
    """True when the line break at ``i`` ends a paragraph, not a wrapped column line."""
    prev = text[:i].rstrip(" \t\u3000")[-1:]
    if not prev or prev in _TERMINAL:
        return True
    line_start, _ = _line_at(text, max(i - 1, 0))
    return _is_heading_line(text, line_start, i) or match_heading(text[i + 1 : i + 12]) is not None


def _is_heading_line(text: str, start: int, end: int) -> bool:
    """A numbered heading line, or a short unpunctuated line after a finished paragraph."""
    line = text[start:end]
    if match_heading(line) is not None:
        return True
    stripped = line.strip()
    if not (4 <= len(stripped) <= _SHORT_HEADING and "\u4e00" <= stripped[0] <= "\u9fff"):
        return False
    if re.search(r"[。，；：:,;！？?、]", stripped):
        return False
    before = text[:start].rstrip()
    return not before or before[-1] in _TERMINAL


def _is_boundary(text: str, i: int, marks: str = _CLAUSE_END) -> bool:
    """True when ``text[i]`` ends a clause (one of ``marks`` or the end of a paragraph)."""
    ch = text[i]
    return _ends_paragraph(text, i) if ch == "\n" else ch in marks


def clause_span(text: str, pos: int, marks: str = _CLAUSE_END) -> tuple[int, int]:
    """Span of the clause around ``pos``: between 。；！？ or paragraph ends, end mark kept.

    Line breaks inside a paragraph (narrow PDF columns) do not end a clause. With
    ``marks=SENTENCE_END`` the span is the whole sentence (； does not end it).
    """
    start = pos
    while start > 0 and not _is_boundary(text, start - 1, marks):
        start -= 1
    end = pos
    while end < len(text) and not _is_boundary(text, end, marks):
        end += 1
    if end < len(text) and text[end] != "\n":
        end += 1
    while start < end and text[start].isspace():
        start += 1
    return start, end


def paragraph_span(text: str, pos: int) -> tuple[int, int]:
    """Span of the paragraph around ``pos``; wrapped column lines are joined."""
    start = pos
    while start > 0 and not (text[start - 1] == "\n" and _ends_paragraph(text, start - 1)):
        start -= 1
    end = pos
    while end < len(text) and not (text[end] == "\n" and _ends_paragraph(text, end)):
        end += 1
    return start, end


def _heading_title(text: str, start: int, end: int) -> str | None:
    """The title of a heading line without its marker, or None if not a heading."""
    if not _is_heading_line(text, start, end):
        return None
    line = text[start:end]
    found = match_heading(line)
    body = line[found[1] :] if found else line
    title = re.split(r"[。；：！？;:!?，,]", body, maxsplit=1)[0].strip()
    return title[:40] or None


def heading_index(shadow: str) -> list[tuple[int, int, int]]:
    """(line start, title start, title end) of every heading line in ``shadow``."""
    out: list[tuple[int, int, int]] = []
    pos = 0
    for line in shadow.split("\n"):
        title = _heading_title(shadow, pos, pos + len(line))
        if title:
            offset = line.find(title)
            out.append((pos, pos + offset, pos + offset + len(title)))
        pos += len(line) + 1
    return out


def heading_before(headings: Sequence[tuple[int, int, int]], pos: int) -> tuple[int, int] | None:
    """Title span of the nearest heading line starting at or before ``pos``."""
    for line_start, t_start, t_end in reversed(headings):
        if line_start <= pos:
            return t_start, t_end
    return None


def programme_name(
    display: str, shadow: str, headings: Sequence[tuple[int, int, int]], pos: int
) -> str | None:
    """Programme for a figure at ``pos``, in the display script.

    A quoted 「…计划」-style name earlier in the same paragraph wins
    (“安居无忧”计划 → 安居无忧计划); else the nearest heading title.
    """
    p_start, _ = paragraph_span(shadow, pos)
    name = None
    for m in _QUOTED_NAME_RE.finditer(shadow, p_start, pos):
        if m.group(1):
            name = display[m.start(1) : m.end(1)]
        else:
            name = display[m.start(2) : m.end(2)] + display[m.start(3) : m.end(3)]
    if not name:
        span = heading_before(headings, pos)
        name = display[span[0] : span[1]] if span else None
    return "".join(name.split()) if name else None


def _quoted_mask(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"“[^“”\n]{1,30}”", text)]


def _keywords(
    text: str, lo: int, hi: int, quoted: Sequence[tuple[int, int]]
) -> list[tuple[int, str]]:
    """(position, label) of beneficiary keywords in ``text[lo:hi]`` outside quotes."""
    return [
        (m.start(), _LABEL["".join(m.group(0).split())])
        for m in _BENEFICIARY_RE.finditer(text, lo, hi)
        if not any(a <= m.start() < b for a, b in quoted)
    ]


def amount_runs(shadow: str, amounts: Sequence[AmountMatch]) -> list[list[int]]:
    """Indices of amounts listed together: 「1000元、2000元」, 「博士1万元、硕士5000元」."""
    runs: list[list[int]] = []
    for i, a in enumerate(amounts):
        prev = amounts[runs[-1][-1]] if runs else None
        if (
            prev is not None
            and prev.unit == a.unit
            and re.fullmatch(r"\s*[、和及与][^，,；;。、\n]{0,8}", shadow[prev.end : a.start])
        ):
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def beneficiary(
    shadow: str, amounts: Sequence[AmountMatch], i: int, run: Sequence[int]
) -> str | None:
    """Who the amount ``amounts[i]`` is for (本科/硕士/博士/企业 ...), or None.

    Order: a keyword right after a count (179家企业); 「分别」 lists mapped in
    order; the keyword just before the amount; for money, the nearest one
    earlier in the clause, then one right after.
    """
    a = amounts[i]
    c_start, c_end = clause_span(shadow, a.start)
    quoted = [(x + c_start, y + c_start) for x, y in _quoted_mask(shadow[c_start:c_end])]
    if not a.is_money:
        stops = [j for j in (shadow.find(ch, a.end, c_end) for ch in "，、,") if j >= 0]
        after = _keywords(shadow, a.end, min([c_end, a.end + 12, *stops]), quoted)
        if after:
            return after[0][1]
    first = amounts[run[0]]
    # Look back no further than the last count in the clause (its noun is not ours).
    window = max([c_start] + [b.end for b in amounts[: run[0]] if not b.is_money])
    before = _keywords(shadow, window, first.start, quoted)
    if len(run) > 1 and "分别" in shadow[c_start : first.start] and len(before) >= len(run):
        return before[len(before) - len(run) + run.index(i)][1]
    seg_start = max(c_start, *(shadow.rfind(ch, c_start, a.start) + 1 for ch in "、，,"))
    if i > 0 and seg_start < amounts[i - 1].end <= a.start:
        seg_start = amounts[i - 1].end
    here = _keywords(shadow, seg_start, a.start, quoted)
    if here:
        return here[-1][1]
    if not a.is_money:
        return None
    if before:
        return before[-1][1]
    after = _keywords(shadow, a.end, min(c_end, a.end + 6), quoted)
    return after[0][1] if after else None


def period(shadow: str, amounts: Sequence[AmountMatch], i: int, run: Sequence[int]) -> str | None:
    """每月 / 每年 / 一次性 for the amount: its own, its list's, else one in its clause
    between the neighbouring lists that no other amount claims."""
    for j in (i, run[0]):
        if amounts[j].period:
            return amounts[j].period
    c_start, c_end = clause_span(shadow, amounts[i].start)
    lo = amounts[run[0] - 1].end if run[0] > 0 else 0
    hi = amounts[run[-1] + 1].start if run[-1] + 1 < len(amounts) else len(shadow)
    lo, hi = max(lo, c_start), min(hi, c_end)
    for m in _PERIOD_RE.finditer(shadow, lo, hi):
        if _NOT_PERIOD.match(shadow, m.end()):
            continue  # 一次性口罩: disposable, not a one-off payment
        if not any(b.start <= m.start() < b.end for b in amounts):
            return "".join(m.group(0).split())
    return None


def condition_span(shadow: str, pos: int) -> tuple[int, int] | None:
    """Span of a 「对……」/「符合……」 condition earlier in the clause, or None."""
    c_start, _ = clause_span(shadow, pos)
    best = None
    for m in _CONDITION_RE.finditer(shadow[c_start:pos]):
        if not m.group(1).endswith("问题"):
            best = (c_start + m.start(1), c_start + m.end(1))
    return best
