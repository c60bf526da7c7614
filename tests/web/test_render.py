"""Answer and document rendering: everything from a document is inert text."""

from __future__ import annotations

import html
import re

import pytest
from markdown_it import MarkdownIt

from app.answer.types import Answer, Citation
from app.web.render import (
    answer_markdown,
    doc_link,
    document_page,
    escape_text,
    plain_answer,
    sources_html,
)
from index.types import Hit
from ingest.types import Chunk

PAYLOADS = [
    "<img src=x onerror=alert(1)>",
    "![x](http://evil.example/x.png)",
    "[点我](javascript:alert(1))",
    "<script>alert(1)</script>",
    "$$\\frac{1}{2}$$",
    "    indented code",
    "# heading\n---\n| a | b |",
    "http://evil.example/x.png",
    "&lt;b&gt; already escaped",
]


def render(markdown: str) -> str:
    """What a Markdown renderer with HTML enabled would produce (the worst case)."""
    return MarkdownIt("commonmark", {"html": True, "linkify": False}).render(markdown)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_escaped_text_renders_as_the_same_literal_text(payload: str) -> None:
    out = render(escape_text(payload))
    tags = set(re.findall(r"</?([a-z0-9]+)", out))
    assert tags <= {"p", "br"}, out
    shown = html.unescape(re.sub(r"</?p>|<br\s*/?>", "", out))
    assert "".join(shown.split()) == "".join(payload.split())


def make_citation(n: int = 1, quote: str = "硕士研究生每月发放生活补贴3000元。") -> Citation:
    return Citation(n, "c1", "doc/1", "a.txt", "威海<b>办法</b>", "人社局", "2023-05-10",
                    "二、补贴标准", quote, 10, 10 + len(quote))


def test_sources_block_lists_numbered_citations_with_marked_quotes() -> None:
    block = sources_html([make_citation(1), make_citation(2, "<img src=x onerror=alert(1)>")])
    assert block.startswith('<details class="pq-sources"')
    assert "<summary>来源（2）</summary>" in block
    assert ('<span class="pq-n">[1]</span> <span class="pq-cite-title">'
            "威海&#60;b&#62;办法&#60;/b&#62;</span>") in block
    assert "<li value" not in block and block.count('<ol class="pq-list">') == 1  # numbered once
    escaped = "&#60;img src&#61;x onerror&#61;alert&#40;1&#41;&#62;"
    assert f'<mark class="pq-quote">{escaped}</mark>' in block
    assert "人社局 · 2023&#45;05&#45;10 · 二、补贴标准" in block
    first = make_citation()
    assert f'href="/doc/doc%2F1?start=10&amp;end={first.char_end}#quote"' in block
    assert "<img" not in block


def test_answer_then_plain_text_round_trips_for_history() -> None:
    answer = Answer("每月3000元[1]。<b>注意</b>", (make_citation(),), (), False)
    rendered = answer_markdown(answer)
    assert plain_answer(rendered) == "每月3000元[1]。<b>注意</b>"
    assert "<b>注意" not in rendered


def test_cited_markers_become_buttons_and_other_brackets_stay_text() -> None:
    answer = Answer("每月3000元[1]，文件中写作[7]。", (make_citation(),), (), False)
    rendered = answer_markdown(answer)
    out = render(rendered)
    prose = out.split('<details class="pq-sources"')[0]
    assert prose.count('<button type="button" class="pq-ref">') == 1
    assert '<span class="pq-sr">来源</span>[1]</button>' in prose
    assert "[7]" in prose and set(re.findall(r"</?([a-z0-9]+)", prose)) <= {
        "p", "br", "button", "span"}
    assert plain_answer(rendered) == "每月3000元[1]，文件中写作[7]。"


def test_refusal_is_a_clear_not_found_block_with_related_passages() -> None:
    chunk = Chunk("c9", "d9", "b.txt", "青岛措施", 0, "一、购房补贴", None, 0, 6, "购房补贴条款")
    answer = Answer("政策库中没有找到相关规定。", (), (), True, reason="no evidence",
                    related=(Hit(chunk, 0.5, 1),))
    rendered = answer_markdown(answer)
    assert rendered.startswith('<div class="pq-notfound"><strong>未找到答案</strong>')
    assert "相关段落" in rendered and "/doc/d9?start=0&amp;end=6#quote" in rendered
    assert plain_answer(rendered) == "政策库中没有找到相关规定。"


def test_doc_link_escapes_the_id() -> None:
    assert doc_link(make_citation()).startswith("/doc/doc%2F1?")


def test_document_page_marks_only_the_span_and_escapes_everything() -> None:
    text = "前文<script>x</script>硕士3000元后文"
    start = text.index("硕士")
    page = document_page("标题<i>", ["人社局", None], text, start, start + 7)
    assert '<mark id="quote">硕士3000元</mark>' in page
    assert "&lt;script&gt;" in page and "<script>" not in page
    assert "<title>标题&lt;i&gt;</title>" in page


@pytest.mark.parametrize(("start", "end"), [(None, None), (5, 2), (0, 999), (-1, 3)])
def test_document_page_ignores_bad_spans(start: int | None, end: int | None) -> None:
    page = document_page("t", [], "正文内容", start, end)
    assert "<mark" not in page and "正文内容" in page
