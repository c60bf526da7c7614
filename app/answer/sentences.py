"""Split a document's display text into sentences with exact offsets.

Sentences end at 。！？；!?; (with any closing quote or bracket after them) and
at line breaks that start a new item or heading. Other line breaks are layout
(newspaper columns, PDF wraps) and are joined. Every span is verbatim:
``text[s.start:s.end] == s.text``.

>>> [s.text for s in split_sentences("一、总则\\n补贴每\\n月 2000元。申请条件如下；")]
['一、总则', '补贴每\\n月 2000元。', '申请条件如下；']
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache

from app.answer.scoring import NO_UNIT_AFTER
from ingest.datelines import opens_with_dateline
from ingest.headings import BULLETS
from ingest.types import Document
from lexicon import department_cues, saying_words

TERMINATORS = frozenset("。！？；!?;")
CLOSERS = frozenset("”’」』）)】》\"'")
# a paper's dotted section number (「3.4  人才流动流失加速」), not a figure (3.5 万人)
_SECTION = r"\d{1,2}(?:\.\d{1,2})+\s*(?=[\u4e00-\u9fff])" + NO_UNIT_AFTER
_MARKER = re.compile(
    r"\s*(?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十\d]{1,3}[）)]"
    r"|\d{1,2}[.、．](?!\d)|第[一二三四五六七八九十百]+[条章节]|[一二三四五六七八九十]是"
    rf"|{_SECTION}"
    rf"|[{''.join(sorted(BULLETS))}])"
)
_WORD = re.compile(r"[\w\u3400-\u9fff]")
_CJK = r"\u3400-\u9fff\u3000-\u303f\uff00-\uffef"
_WRAP = re.compile(rf"(?<=[{_CJK}])\s*\n\s*(?=[{_CJK}])")
# a pronoun, or the plan just named (根据规划，未来3年内…: the sentence before names it)
_ANAPHORA = re.compile(r"^(?:由他|由她|他们|她们|他|她|其|该|此|上述|这"
                       r"|(?:根据|按照)(?:该|此|这一?)?(?:规划|计划|方案|部署)[，,])")
MAX_CHARS = 160
PIECE_CHARS = 90


@dataclass(frozen=True)
class Sentence:
    """A verbatim span of a document's text: ``doc_text[start:end] == text``."""

    start: int
    end: int
    text: str

    @cached_property
    def is_heading(self) -> bool:
        """True when the sentence opens a numbered item or a section (computed once)."""
        return bool(_MARKER.match(self.text))

    @cached_property
    def is_dateline(self) -> bool:
        """True when the sentence opens a news report with its dateline (see
        :func:`ingest.datelines.opens_with_dateline`; computed once, as a document's
        sentences serve every question)."""
        return opens_with_dateline(self.text)


def leans_on_previous(text: str) -> bool:
    """True when a sentence opens with a pronoun (其中…, 由他牵头…) and needs the one before.

    >>> leans_on_previous("其中对新建基地补助100万元"), leans_on_previous("对新建基地补助")
    (True, False)
    >>> leans_on_previous("根据规划，未来3年内将合作百所技能院校")
    True
    """
    return bool(_ANAPHORA.match(text.lstrip()))


#: a quotation of speech: at least this many characters between its marks, with a
#: sentence end inside (a quoted name, 「“四位一体”」, is no speech)
SPEECH_CHARS = 30
ATTRIBUTION_CHARS = 60  # the longest attribution after a quotation read as one
_SAYING_END = re.compile(r"[。！？!?]")
_CLAUSE_END = re.compile(r"[，,；;。！？!?]")


def speaker_words(text: str, start: int, end: int) -> str:
    """Who speaks, for the sentence at ``text[start:end]`` when it lies inside a quotation
    of speech: the short attribution after the closing mark, its clauses up to one with a
    verb of saying (「”日前，致真公司董事长说。」, 「”科捷智能的李女士表示，」); '' otherwise. An
    interviewee's words name neither the firm nor the speaker; the attribution does.

    >>> t = ("“公司初创期，区里给我们投入500万元的引导资金。后来融资近亿元。”"
    ...      "日前，致真公司董事长说。")
    >>> speaker_words(t, 0, 24)
    '日前，致真公司董事长说。'
    >>> speaker_words("构建“四位一体”人才住房分配机制。", 0, 17)
    ''
    """
    para = text.rfind("\n\n", 0, start) + 1
    opened = text.rfind("“", para, end)
    if opened < 0 or text.rfind("”", opened, start) >= 0:
        return ""  # no quotation open at or in this sentence
    closed = text.find("”", opened)
    if closed < 0 or closed - opened < SPEECH_CHARS or not _SAYING_END.search(
            text, opened, closed):
        return ""
    # the attribution: the first clauses after the mark, up to one with a verb of saying
    # (「”科捷智能的李女士表示，」), within the sentence and ATTRIBUTION_CHARS
    for brk in _CLAUSE_END.finditer(text, closed + 1, closed + 1 + ATTRIBUTION_CHARS):
        said = text[closed + 1:brk.end()]
        if "\n\n" in said:
            break
        if any(w in said for w in saying_words()):
            return said
        if brk.group() in "。！？!?":
            break
    return ""


_ASIDE = re.compile(r"^[（(][^（()）]*[）)]$")
_SIGNED = re.compile(
    r"^(?P<issuer>[^，,。；;：:！？!?\d]{0,60}?)\s*\d{4}\s*(?:年\s*(?:\d{1,2}\s*月\s*(?:\d{1,2}\s*日)?)?)?$")


def aside(text: str) -> bool:
    """True when a sentence is one bracketed remark (「(责任单位：市财政局)」): it names who
    is responsible for, or comments on, the item it closes, and says nothing by itself.

    >>> aside("（责任单位：市财政局、各区政府）"), aside("（一）做好员工健康管理。")
    (True, False)
    """
    return bool(_ASIDE.match(text.strip()))


def signature(text: str) -> bool:
    """True for a document's closing line: the day alone, or an issuer (a name ending as
    departments' names do, see ``department_cues``) and the day.

    >>> signature("国家税务总局深圳市税务局 2020年2月18日"), signature("2020年1月26日")
    (True, True)
    >>> signature("2.操作指南\\n四川省应对新冠肺炎疫情应急指挥部\\n2020年2月13日")  # after an annex
    True
    >>> signature("有效期至2021年12月31日"), signature("自2020年2月3日起暂停查询")
    (False, False)
    >>> signature("国家税务总局深圳市税务局2020"), signature("2020年2月")  # the day cut off
    (True, True)
    >>> signature("全市共有2020")
    False
    """
    m = _SIGNED.match(_MARKER.sub("", text.strip(), count=1))
    if m is None:
        return False
    issuer = re.sub(r"\s+", "", m["issuer"])
    return not issuer or issuer.endswith(department_cues().get("suffix", ()))


_CAPTION = re.compile(r"^\s*(?:图|表|Figure|Fig\.|Table)\s*\d", re.I)
_LATIN = re.compile(r"[A-Za-z]")
_CJK_CHAR = re.compile(r"[\u3400-\u9fff]")
# Links, e-mail addresses, HTML tags and markdown links are not English prose run into
# Chinese: a clause that gives an application URL is still readable.
_MARKUP = re.compile(
    r"!?\[[^\]\n]{0,80}\]\([^)\n]{0,300}\)|<[^<>\n]{0,200}>"
    r"|https?://[^\s，。；）)]+|www\.[^\s，。；）)]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
)
REPEAT_CHARS = 6  # a run this long said twice in a row is a doubled heading (PDF damage)
_DOUBLED = re.compile(rf"(\w{{{REPEAT_CHARS},40}})\1")


@lru_cache(maxsize=100_000)
def damaged(text: str) -> bool:
    """True for text that PDF extraction left unreadable: a figure or table caption,
    Chinese and English run together, or a heading printed twice in a row.

    >>> damaged("Figure 1 The relationship between talents"), damaged("每月2000元生活津贴")
    (True, False)
    >>> damaged("人才缺口逾千万人才缺口逾千万")
    True
    >>> damaged("申报人登录https://rsj.example.gov.cn/apply/online填写表格")
    False
    """
    if _CAPTION.match(text):
        return True
    prose = _MARKUP.sub(" ", text)
    latin, cjk = len(_LATIN.findall(prose)), len(_CJK_CHAR.findall(prose))
    if latin >= 12 and cjk and latin > cjk / 3:
        return True
    return bool(_DOUBLED.search(re.sub(r"\s+", "", text)))


def starts_item(line: str) -> bool:
    """True when a line begins with a list or heading marker (一、（二）3. 一是 ■ …)."""
    return bool(_MARKER.match(line))


def _is_heading_line(line: str, prev_line: str) -> bool:
    """A short unpunctuated line after a finished sentence reads as a heading, and so
    does a line under a dotted section number (「3.4  人才流动流失加速，…难优化」)."""
    body, prev = line.strip(), prev_line.strip()
    if re.match(_SECTION, body) and body[-1] not in TERMINATORS:
        return True  # a paper's numbered section title, commas and all
    if starts_item(body) and (len(_MARKER.sub("", body, count=1)) > 8
                               or re.match(r"[一二三四五六七八九十]是", body)):
        return False
    ended = not prev or prev[-1] in TERMINATORS | CLOSERS
    bare = _MARKER.sub("", body, count=1)
    if starts_item(body) and 2 <= len(bare) <= 8 and not re.search(r"[，。；、：,;:]", bare):
        return True  # a numbered section title: 「一、购房补贴」, whatever stands before it
    return 2 <= len(body) <= 11 and ended and not re.search(r"[，。；、：,;:]", bare)


def _line_before(text: str, pos: int) -> str:
    """The last non-blank line ending before ``pos``."""
    for line in reversed(text[:pos].split("\n")[-8:]):
        if line.strip():
            return line
    return ""


def _boundaries(text: str) -> list[int]:
    """Cut positions: after terminators, and at line breaks that start an item."""
    cuts: list[int] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in TERMINATORS:
            j = i + 1
            while j < n and text[j] in CLOSERS:
                j += 1
            cuts.append(j)
            i = j
            continue
        if ch in BULLETS and i > 0 and text[i - 1] != "\n":
            cuts.append(i)  # a bullet glyph run into the line before starts its own item
        if ch == "\n":
            line_start = text.rfind("\n", 0, i) + 1
            this_line = text[line_start:i]
            prev_line = _line_before(text, line_start)
            nxt_end = text.find("\n", i + 1)
            next_line = text[i + 1: n if nxt_end < 0 else nxt_end]
            if (starts_item(next_line) or _is_heading_line(this_line, prev_line)
                    or this_line.rstrip()[-1:] in {"）", ")", "：", ":"}):
                cuts.append(i)
        i += 1
    return cuts


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split an over-long sentence at commas into readable pieces."""
    if end - start <= MAX_CHARS:
        return [(start, end)]
    out: list[tuple[int, int]] = []
    piece_start = start
    for m in re.finditer(r"[，,、]", text[start:end]):
        cut = start + m.end()
        if cut - piece_start >= PIECE_CHARS and end - cut >= 20:
            out.append((piece_start, cut))
            piece_start = cut
    out.append((piece_start, end))
    return out


TITLE_CHARS = 80
HEADLINE_BREAKS = frozenset("，,、")  # a first line with none of these reads as a headline
_TITLE_END = re.compile(r"(?:通知|通告|公告|方案|意见|办法|规定|决定|细则|措施|综述|报告|指南|指引"
                        r"|通知書|方案|意見|辦法|規定|決定|細則|綜述|報告)$")


def _title_cut(text: str) -> list[int]:
    """The end of a document's first line when it is a title: no sentence terminator, and
    it ends with the name of a kind of document (…的通知), or, as a headline does, it holds
    no comma either and the text goes on in the next line (贵州加强重点区域和公共区域消毒
    工作). A blank line is no sign: PDF extraction puts blank lines inside sentences.

    >>> [s.text for s in split_sentences("贵州加强消毒工作\\n2月7日,通知下发。")]
    ['贵州加强消毒工作', '2月7日,通知下发。']
    >>> [s.text for s in split_sentences("三是提高人才政策投\\n\\n放精准性。")]
    ['三是提高人才政策投\\n\\n放精准性。']
    """
    lead = len(text) - len(text.lstrip())
    end = text.find("\n", lead)
    first = text[lead:end].strip() if end > 0 else ""
    if not first or len(first) > TITLE_CHARS or any(ch in TERMINATORS for ch in first):
        return []
    if _TITLE_END.search(first):
        return [end]
    # a headline: no comma, and the lead starts on the very next line (PDF extraction
    # leaves a blank line where it wraps a sentence: 「三是提高人才政策投\n\n放精准性。」)
    blank = text[end + 1:].lstrip(" \t\u3000").startswith("\n")
    return [] if blank or any(ch in HEADLINE_BREAKS for ch in first) else [end]


def split_sentences(text: str, base: int = 0) -> tuple[Sentence, ...]:
    """Sentences of ``text``; offsets are shifted by ``base``.

    Spans with fewer than two word characters (stray punctuation) are dropped.
    """
    out: list[Sentence] = []
    prev = 0
    for cut in [*_title_cut(text), *_boundaries(text), len(text)]:
        if cut <= prev:
            continue
        for p_start, p_end in _pieces(text, prev, cut):
            s, e = _trimmed(text, p_start, p_end)
            if len(_WORD.findall(text[s:e])) >= 2:
                out.append(Sentence(base + s, base + e, text[s:e]))
        prev = cut
    return tuple(out)


def display(text: str) -> str:
    """Readable one-line form of a quote: layout line breaks removed.

    >>> display("补贴每\\n\\n月 2000元")
    '补贴每月 2000元'
    """
    joined = _WRAP.sub("", text)
    return re.sub(r"\s+", " ", joined).strip()


class SentenceTable(Mapping[str, tuple[Sentence, ...]]):
    """Sentences per doc_id; a document not seen at warm-up is split on first use."""

    def __init__(self, documents: Mapping[str, Document],
                 table: dict[str, tuple[Sentence, ...]]) -> None:
        self._documents, self._table = documents, table

    def __getitem__(self, doc_id: str) -> tuple[Sentence, ...]:
        found = self._table.get(doc_id)
        if found is None:
            found = self._table[doc_id] = split_sentences(self._documents[doc_id].text)
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._documents)

    def __len__(self) -> int:
        return len(self._documents)
