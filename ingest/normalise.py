"""Turn damaged extracted text into clean display text (pure functions).

Fixes PDF damage: lines wrapped in narrow columns, letter-spaced CJK
(``招 聘 会``), doubled headings, ``?`` runs from broken encodings, full-width
ASCII letters and digits. Paragraphs are kept, one per line. Wording and
script are untouched.

>>> normalise_text("招 聘 会 吸 引 了 企 业 。")
'招聘会吸引了企业。'
>>> normalise_text("Python 3.11 and AI")
'Python 3.11 and AI'
"""

from __future__ import annotations

import re
from collections import Counter

from ingest.headings import BULLETS, is_caption, match_heading

TERMINAL = frozenset("。！？；：!?;:…")
CLOSERS = frozenset("”’」』）)】》\"'")
_KEEP_FULLWIDTH = frozenset("，：；（）！？")
_FULLWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F) if chr(cp) not in _KEEP_FULLWIDTH}
_FULLWIDTH.update({0x3000: 0x20, 0x00A0: 0x20, 0x2002: 0x20, 0x2003: 0x20, 0x0009: 0x20})
_DROP = re.compile(r"[\u200b\u200c\u200d\ufeff\ufffd\x00-\x08\x0b-\x1f\x7f]")
_QUESTION_RUN = re.compile(r"\?{2,}")
_GAP = re.compile(r"(?<=\S)[ ]+(?=\S)")
_NUMBERED = re.compile(r"(\d{1,2}(?:\.\d{1,2}){0,2})\s+(?=[\u4e00-\u9fff])")
_DATE_START = re.compile(r"(?:\d{4}\s*年|\d{1,2}\s*月\s*\d{1,2}\s*日)")
_ORG_END = frozenset("局厅委部办院会府心室处署站")
_SIGNATURE_DATE = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")
LONG_LINE = 80
WIDE_LINE = 30
SHORT_TITLE = 40


def is_han(ch: str) -> bool:
    """True for CJK unified ideographs."""
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\uf900" <= ch <= "\ufaff"


def is_cjk_punct(ch: str) -> bool:
    """True for Chinese punctuation (full-width forms, CJK symbols, curly quotes)."""
    return (
        "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef" or ch in "“”‘’…—·《》「」『』【】"
    )


def fold_fullwidth(text: str) -> str:
    """Full-width letters, digits and ASCII symbols → half-width; keep ，：；（）！？."""
    return text.translate(_FULLWIDTH)


def _token_before(s: str, i: int) -> str:
    """The run of non-space characters ending at ``i``."""
    return s[s.rfind(" ", 0, i) + 1 : i]


def _token_after(s: str, i: int) -> str:
    """The run of non-space characters starting at ``i``."""
    j = s.find(" ", i)
    return s[i : j if j >= 0 else len(s)]


def _gap_replacement(s: str, start: int, end: int) -> str:
    a, b = s[start - 1], s[end]
    if is_cjk_punct(a) or is_cjk_punct(b):
        return ""
    if (is_han(a) and b.isdigit()) or (a.isdigit() and is_han(b)):
        return ""
    if is_han(a) and is_han(b):
        before = re.sub(r"[^\u3400-\u9fff]", "", _token_before(s, start))
        after = re.sub(r"[^\u3400-\u9fff]", "", _token_after(s, end))
        return "" if min(len(before), len(after)) <= 1 else " "
    return " "


def clean_spaces(line: str) -> str:
    """Remove letter-spacing between CJK; keep one space between words and numbers.

    A short numbered heading such as ``1.1  人才供给`` keeps one space after its number.

    >>> clean_spaces("超过 2亿人，高 技 能")
    '超过2亿人，高技能'
    """
    line = line.strip()
    numbered = _NUMBERED.match(line)
    if numbered and len(line) <= SHORT_TITLE and not re.search(r"[，,。；;]", line):
        rest = line[numbered.end() :]
        return (
            numbered.group(1)
            + " "
            + _GAP.sub(lambda m: _gap_replacement(rest, m.start(), m.end()), rest)
        )
    return _GAP.sub(lambda m: _gap_replacement(line, m.start(), m.end()), line)


def _ends_sentence(s: str) -> bool:
    s = s.rstrip()
    while s and s[-1] in CLOSERS:
        if len(s) >= 2 and s[-2] in TERMINAL:
            return True
        s = s[:-1]
    return bool(s) and s[-1] in TERMINAL


def _is_break_gap(line: str, seg_start: int, start: int, end: int) -> bool:
    a, b = line[start - 1], line[end]
    if a.isascii() and b.isascii() and (a.isalnum() or b.isalnum()):
        return False
    if _ends_sentence(line[max(seg_start, start - 8) : start]) or match_heading(line, end):
        return True
    if a in _ORG_END and _SIGNATURE_DATE.match(line, end):
        return True  # "…财政厅 2020年2月12日": the signature block of a notice
    opens_date = seg_start == 0 and _DATE_START.match(line, end) is not None  # title, then date
    if not (is_han(a) or a in CLOSERS) or not (is_han(b) or b in "“《（(" or opens_date):
        return False
    if not 4 <= start - seg_start <= SHORT_TITLE:
        return False
    segment = line[seg_start:start]
    unclosed = segment.count("（") + segment.count("(") > segment.count("）") + segment.count(")")
    if unclosed or re.search(r"[，,。]", segment):
        return False
    return min(len(_token_before(line, start)), len(_token_after(line, end))) > 1


def split_long_line(line: str) -> list[str]:
    """Split a very long line (text that lost its paragraph breaks) at likely breaks."""
    if len(line) <= LONG_LINE:
        return [line]
    pieces, seg_start = [], 0
    for m in _GAP.finditer(line):
        if _is_break_gap(line, seg_start, m.start(), m.end()):
            pieces.append(line[seg_start : m.start()])
            seg_start = m.end()
    pieces.append(line[seg_start:])
    return pieces


def _width(s: str) -> float:
    return sum(1.0 if ord(ch) > 0xFF else 0.5 for ch in s)


def column_width(lines: list[str]) -> float | None:
    """The wrap width of a narrow-column PDF extraction, or None when lines are not wrapped."""
    widths = [round(_width(s)) for s in lines if len(s) >= 4]
    if len(widths) < 8:
        return None
    mode, _ = Counter(widths).most_common(1)[0]
    near = sum(1 for w in widths if abs(w - mode) <= 1)
    return float(mode) if near / len(widths) >= 0.3 and mode >= 6 else None


def wrapped_lines(lines: list[str]) -> list[bool]:
    """For each raw line, whether its paragraph runs on into the next line.

    True when the line is about as wide as the document's column (letter-spaced
    lines are justified, so they count as full), or, for wide lines, as wide as
    its widest neighbour; and the next line is no wider than that edge.
    """
    cleaned = [undouble(clean_spaces(s)) for s in lines]
    spaced = [raw.count(" ") - c.count(" ") >= 3 for raw, c in zip(lines, cleaned, strict=True)]
    widths = [_width(s) for s in cleaned]
    column = column_width(cleaned)
    out: list[bool] = []
    for i, w in enumerate(widths):
        nxt = widths[i + 1] if i + 1 < len(widths) else 0.0
        if column is not None and (
            min(column - 3, 0.8 * column) <= w <= column + 2 or (spaced[i] and w <= column + 2)
        ):
            out.append(nxt <= column + 3)
            continue
        edge = max(widths[max(0, i - 2) : i + 3])
        out.append(w >= WIDE_LINE and w >= 0.9 * edge and nxt <= edge + 2)
    return out


def _should_join(prev: str, nxt: str, last_wrapped: bool, blank_between: bool) -> bool:
    """Whether cleaned piece ``nxt`` continues paragraph ``prev``."""
    if match_heading(nxt) or _ends_sentence(prev):
        return False
    if last_wrapped:
        return True
    short_tail = not blank_between and len(nxt) <= 15 and not any(c in TERMINAL for c in nxt)
    return bool(match_heading(prev)) and short_tail


def _glue(prev: str, nxt: str) -> str:
    def word_char(ch: str) -> bool:
        return ch.isascii() and ch.isalnum()

    return prev + (" " if word_char(prev[-1]) and word_char(nxt[0]) else "") + nxt


def undouble(paragraph: str) -> str:
    """Collapse a heading printed twice in a row (``XX`` or ``X X`` → ``X``).

    >>> undouble("人才缺口逾千万人才缺口逾千万")
    '人才缺口逾千万'
    """
    n = len(paragraph)
    for gap in ("", " "):
        half = (n - len(gap)) // 2
        if (
            half >= 4
            and 2 * half + len(gap) == n
            and paragraph[half : half + len(gap)] == gap
            and paragraph[:half] == paragraph[half + len(gap) :]
        ):
            return paragraph[:half]
    return paragraph


def _lines_with_gaps(text: str) -> list[tuple[str, bool]]:
    out: list[tuple[str, bool]] = []
    blank = False
    for raw in text.split("\n"):
        line = raw.strip()
        if not line or re.fullmatch(r"\?+", line):
            blank = True
            continue
        out.append((line, blank))
        blank = False
    return out


def normalise_text(raw: str) -> str:
    """Clean extracted text into display text: one paragraph per line."""
    text = _DROP.sub("", fold_fullwidth(raw.replace("\r\n", "\n").replace("\r", "\n")))
    text = _QUESTION_RUN.sub("", text)
    physical = _lines_with_gaps(text)
    wrapped = wrapped_lines([line for line, _ in physical])
    paragraphs: list[str] = []
    last_wrapped = False
    for (line, blank_before), is_wrapped in zip(physical, wrapped, strict=True):
        pieces = [undouble(clean_spaces(p)) for p in split_long_line(line)]
        pieces = [p for p in pieces if p]
        if not pieces:
            continue
        first, *rest = pieces
        if paragraphs and _should_join(paragraphs[-1], first, last_wrapped, blank_before):
            paragraphs[-1] = _glue(paragraphs[-1], first)
        else:
            paragraphs.append(first)
        paragraphs.extend(rest)
        last_wrapped = is_wrapped and not rest
    return "\n".join(_across_captions(_dedupe(paragraphs)))


#: a body paragraph cut by a caption is at least this long before the cut, and has ended a
#: sentence before (a subtitle, 「人以城为家、城以人为本，共绘发展新蓝图」, has not)
_CUT_BODY = 20
_SENTENCE_END = re.compile(r"[。！？；]")


def _across_captions(paragraphs: list[str]) -> list[str]:
    """Paragraphs with a sentence that a page's photo captions cut in two joined again,
    after the captions: 「…出台金融、文旅和信息技术等产」, 「■…会客厅。」, 「业专属人才政策，…」
    are a caption and one sentence. Only a long body paragraph that stops mid-sentence, then
    captions alone, then a paragraph that opens no heading and no caption, are joined.
    A subtitle (no sentence ended in it) before captions stays apart.

    >>> _across_captions(["崂山推出人才配额制管理等举措。出台金融、文旅等产", "■会客厅。",
    ...                   "业专属人才政策，先后培育42人。"])
    ['■会客厅。', '崂山推出人才配额制管理等举措。出台金融、文旅等产业专属人才政策，先后培育42人。']
    >>> _across_captions(["第一章 总则", "■图1", "第一条 为了…"])
    ['第一章 总则', '■图1', '第一条 为了…']
    >>> _across_captions(["人以城为家、城以人为本，共绘发展新蓝图", "■图1", "结合片区更新建设…"])
    ['人以城为家、城以人为本，共绘发展新蓝图', '■图1', '结合片区更新建设…']
    """
    out = list(paragraphs)
    i = 0
    while i < len(out):
        body = out[i]
        j = i + 1
        while j < len(out) and is_caption(out[j]):
            j += 1
        cut = (j > i + 1 and j < len(out) and len(body) >= _CUT_BODY and not is_caption(body)
               and _SENTENCE_END.search(body) is not None  # body text, not a subtitle
               and not _ends_sentence(body) and not match_heading(body)
               and not match_heading(out[j]) and out[j][0] not in BULLETS)
        if cut:  # the captions first: they stay before the text that followed them
            out[i:j + 1] = [*out[i + 1:j], _glue(body, out[j])]
            i = j - 1
        else:
            i += 1
    return out


def _dedupe(paragraphs: list[str]) -> list[str]:
    out: list[str] = []
    for p in paragraphs:
        p = undouble(p)
        if out and p == out[-1] and len(p) <= 60:
            continue
        out.append(p)
    return out
