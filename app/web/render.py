"""Pure formatting of answers and documents for the chat and the document page.

Every piece of document or engine text passes through :func:`escape_text` before it
is placed in HTML or Markdown, so markup inside a policy file shows as inert text.

>>> escape_text('<img src=x> ![x](http://e/x.png)')
'&#60;img src&#61;x&#62; &#33;&#91;x&#93;&#40;http&#58;//e/x.png&#41;'
"""

from __future__ import annotations

import html
import re
from collections.abc import Collection, Iterable
from typing import Any, Protocol
from urllib.parse import quote, urlencode

from app.answer.types import Answer, Citation, FactTable

# Characters with a meaning in Markdown (links, images, emphasis, code, tables,
# LaTeX, autolinks). They become numeric entities: markdown-it decodes an entity
# to a literal character, so no syntax can be formed from document text.
# One table for HTML and Markdown, so entities are never escaped twice.
_ESCAPES = str.maketrans({c: f"&#{ord(c)};" for c in "&<>\"'\\`*_{}[]()#+-=!|~$:"})
_LINE_INDENT = re.compile(r"(?m)^[ \t]+")  # 4 spaces would start a Markdown code block
_SOURCES_MARK = '<details class="pq-sources"'


class FactEntryLike(Protocol):
    """What :func:`facts_html` reads (see :class:`app.answer.factbook.FactEntry`)."""

    @property
    def fact(self) -> Any: ...
    @property
    def region(self) -> str | None: ...
    @property
    def citation(self) -> Citation: ...
    @property
    def valid_until(self) -> str | None: ...
    @property
    def validity(self) -> str: ...
_NOT_FOUND_MARK = '<div class="pq-notfound"'
_TABLE = re.compile(r'\n*<table class="pq-table".*?</table>', re.S)


def escape_text(text: str) -> str:
    """HTML-escape ``text`` and neutralise Markdown syntax; newlines are kept."""
    return _LINE_INDENT.sub("", text).translate(_ESCAPES)


def _meta_line(citation: Citation) -> str:
    parts = [citation.issuer, citation.date or "日期不详", citation.section_path]
    shown = " · ".join(escape_text(p) for p in parts if p)
    status = (
        f' <span class="pq-status">{escape_text(citation.status)}</span>'
        if citation.status
        else ""
    )
    return shown + status


# A citation marker in answer text becomes a button; app/web/static/chat.js opens the
# matching source (title, issuer, date, quote, 查看原文) in a popover when it is
# hovered or tapped. The hidden word gives screen readers 「来源[1]」.
_REF = re.compile(r"&#91;(\d{1,3})&#93;")
_REF_BUTTON = ('<button type="button" class="pq-ref"><span class="pq-sr">来源</span>'
               "&#91;{n}&#93;</button>")
_REF_BUTTON_RE = re.compile(
    r'<button type="button" class="pq-ref"><span class="pq-sr">来源</span>(&#91;\d{1,3}&#93;)'
    r"</button>"
)


def linked_refs(escaped: str, numbers: Collection[int]) -> str:
    """Turn the escaped markers ``[n]`` of ``numbers`` into citation buttons.

    >>> linked_refs(escape_text("每月2000元[1]，见[9]"), {1}).count('class="pq-ref"')
    1
    """
    def button(m: re.Match[str]) -> str:
        return _REF_BUTTON.format(n=m.group(1)) if int(m.group(1)) in numbers else m.group(0)

    return _REF.sub(button, escaped)


def sources_html(citations: Iterable[Citation], *, open_: bool = False) -> str:
    """A collapsible ``<details>`` block of the cited sources, each numbered once
    (``[n]``, as in the answer) with its quote marked."""
    items = []
    for c in citations:
        items.append(
            f'<li class="pq-src"><span class="pq-n">[{int(c.n)}]</span> '
            f'<span class="pq-cite-title">{escape_text(c.title)}</span><br>'
            f'<span class="pq-cite-meta">{_meta_line(c)}</span><br>'
            f'<mark class="pq-quote">{_block_text(c.quote)}</mark><br>'
            f'<a href="{doc_link(c)}" target="_blank" rel="noopener">'
            f"查看原文</a></li>"
        )
    if not items:
        return ""
    return (
        f'{_SOURCES_MARK}{" open" if open_ else ""}>'
        f'<summary>来源（{len(items)}）</summary><ol class="pq-list">{"".join(items)}</ol>'
        "</details>"
    )


def _block_text(text: str) -> str:
    """Escaped text for inside an HTML block, where Markdown line breaks do not apply."""
    return escape_text(text).replace("\n", "<br>")


def _span_link(doc_id: str, start: int, end: int) -> str:
    query = urlencode({"start": start, "end": end})
    return html.escape(f"/doc/{quote(doc_id, safe='')}?{query}#quote")


def doc_link(citation: Citation) -> str:
    """Relative URL of the document page, scrolled to the quoted span.

    >>> from app.answer.types import Citation
    >>> doc_link(Citation(1, "c", "d/1", "a.txt", "T", None, None, "", "q", 3, 9))
    '/doc/d%2F1?start=3&amp;end=9#quote'
    """
    return _span_link(citation.doc_id, citation.char_start, citation.char_end)


def _related_html(answer: Answer, limit: int = 3) -> str:
    """Closest passages for a refusal, each linking to its place in the document."""
    items = []
    for hit in answer.related[:limit]:
        c = hit.chunk
        snippet = c.text if len(c.text) <= 120 else c.text[:120] + "…"
        items.append(
            f'<li><span class="pq-cite-title">{escape_text(c.title)}</span><br>'
            f'<span class="pq-cite-meta">{escape_text(c.section_path)}</span><br>'
            f'<span class="pq-related">{_block_text(snippet)}</span><br>'
            f'<a href="{_span_link(c.doc_id, c.char_start, c.char_end)}" target="_blank" '
            'rel="noopener">查看原文</a></li>'
        )
    if not items:
        return ""
    return (
        f'{_SOURCES_MARK}><summary>相关段落（{len(items)}，仅供参考）</summary>'
        f"<ol>{''.join(items)}</ol></details>"
    )


def answer_markdown(answer: Answer) -> str:
    """The chat message for a final :class:`Answer`: text, then sources or a not-found note."""
    if answer.refused:
        return (
            f'{_NOT_FOUND_MARK}><strong>未找到答案</strong><br>{_block_text(answer.text)}</div>'
            f"\n\n{_related_html(answer)}"
        )
    numbers = {c.n for c in answer.citations}
    if answer.table is not None:
        prose = "\n".join(ln for ln in answer.text.split("\n") if not ln.startswith("• "))
        return (f"{linked_refs(escape_text(prose), numbers)}\n\n"
                f"{table_html(answer.table, numbers)}\n\n{sources_html(answer.citations)}")
    return f"{linked_refs(escape_text(answer.text), numbers)}\n\n{sources_html(answer.citations)}"


def table_html(table: FactTable, numbers: Collection[int] = ()) -> str:
    """An HTML table with every header and cell escaped (cells carry their own [n],
    linked like the answer's markers when ``numbers`` lists them)."""
    head = "".join(f"<th>{escape_text(c)}</th>" for c in table.columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{linked_refs(_block_text(cell), numbers)}</td>"
                         for cell in row.cells) + "</tr>"
        for row in table.rows
    )
    return (f'<table class="pq-table"><thead><tr>{head}</tr></thead>'
            f"<tbody>{body}</tbody></table>")


FACT_COLUMNS = ("地区", "对象", "项目", "金额", "周期", "条件", "来源", "有效性")
_FACT_CLASSES = ("region", "who", "programme", "amount", "period", "condition", "source",
                 "validity")
UNKNOWN_REGION = "未注明"


def _validity_text(e: FactEntryLike) -> str:
    """有效（至…） only with a stated end; 未注明有效期, 已过期, 已废止 otherwise."""
    label = getattr(e, "validity", None) or e.citation.status or "未注明有效期"
    return f"{label}（至{e.valid_until}）" if label == "有效" and e.valid_until else label


def facts_html(entries: Iterable[FactEntryLike]) -> str:
    """The 「补贴一览」 listing: a table on wide screens, one card per fact on a phone
    (the cells carry their column name for the card layout; see ``FACTS_CSS`` in
    :mod:`app.web.ui`). Every cell is escaped; the source links to the quote."""
    rows = []
    for e in entries:
        f, c = e.fact, e.citation
        cells = [e.region or UNKNOWN_REGION, f.beneficiary or "—", f.programme or "—",
                 f.amount_text or "—", f.period or "—", f.condition or "—"]
        link = (f'<a href="{doc_link(c)}" target="_blank" rel="noopener">'
                f"{escape_text(c.title)}（{escape_text(c.date or '日期不详')}）</a>")
        shown = [_block_text(x) for x in cells] + [link, escape_text(_validity_text(e))]
        rows.append("<tr>" + "".join(
            f'<td class="pq-fact-{cls}" data-label="{col}">{html_}</td>'
            for cls, col, html_ in zip(_FACT_CLASSES, FACT_COLUMNS, shown, strict=True))
            + "</tr>")
    if not rows:
        return '<p class="pq-facts-empty">没有符合条件的补贴条目。</p>'
    head = "".join(f"<th>{escape_text(col)}</th>" for col in FACT_COLUMNS)
    return (f'<table class="pq-table pq-facts"><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>")


def partial_markdown(text: str) -> str:
    """A streaming partial answer (escaped, with a typing marker)."""
    return escape_text(text) + " ▌"


def plain_answer(message: str) -> str:
    """Recover the plain answer text from a rendered chat message (for history).

    >>> from app.answer.types import Answer
    >>> plain_answer(answer_markdown(Answer("补贴 <b>3000</b> 元[1]", (), (), False)))
    '补贴 <b>3000</b> 元[1]'
    >>> plain_answer(answer_markdown(Answer("没有找到。\\n请拨打热线。", (), (), True)))
    '没有找到。\\n请拨打热线。'
    """
    if message.startswith(_NOT_FOUND_MARK):
        body = message.partition("<br>")[2]
        message = body.partition("</div>")[0].replace("<br>", "\n")
    at = message.find(_SOURCES_MARK)
    if at >= 0:
        message = message[:at]
    message = _REF_BUTTON_RE.sub(r"\1", _TABLE.sub("", message))
    return html.unescape(message.removesuffix(" ▌")).strip()


def document_page(
    title: str, meta: Iterable[str], text: str, start: int | None, end: int | None
) -> str:
    """A standalone HTML page with the whole escaped document and ``text[start:end]`` marked.

    The browser scrolls to ``#quote`` itself, so the page needs no script.
    """
    if start is not None and end is not None and 0 <= start < end <= len(text):
        body = (
            escape_html(text[:start])
            + f'<mark id="quote">{escape_html(text[start:end])}</mark>'
            + escape_html(text[end:])
        )
    else:
        body = escape_html(text)
    meta_html = " · ".join(escape_html(m) for m in meta if m)
    return (
        "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape_html(title)}</title><style>{_DOC_CSS}</style></head><body>"
        f"<header><h1>{escape_html(title)}</h1><p>{meta_html}</p></header>"
        f"<main><pre>{body}</pre></main></body></html>"
    )


def escape_html(text: str) -> str:
    """Plain HTML escaping for pages that do not go through Markdown."""
    return html.escape(text, quote=True)


_DOC_CSS = (
    "body{font-family:system-ui,'Noto Sans CJK SC','PingFang SC',sans-serif;margin:0;"
    "background:#f7f7f8;color:#1f2328}"
    "header{padding:16px 20px;background:#fff;border-bottom:1px solid #ddd}"
    "h1{font-size:1.25rem;margin:0 0 6px}header p{margin:0;color:#555;font-size:.9rem}"
    "main{padding:16px 20px;max-width:900px}"
    "pre{white-space:pre-wrap;word-break:break-word;font-family:inherit;line-height:1.7}"
    "mark{background:#ffe58f;padding:2px 0;scroll-margin-top:40vh}"
)
