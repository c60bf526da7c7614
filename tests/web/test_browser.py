"""End to end in Debian's Chromium (Playwright): the Gradio chat, source pages and
the widget embedded in pages served from other loopback origins."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.answer.engine import QAEngine
from index import Retriever
from tests.web.serving import make_settings, serve_app, static_site

pytestmark = [
    pytest.mark.browser,
    # Gradio's queue calls a pandas API that pandas 3 deprecates; not ours to fix.
    pytest.mark.filterwarnings("ignore::Warning:gradio.queueing"),
]

DESKTOP = {"width": 1200, "height": 900}
PHONE = {"width": 390, "height": 844}
XSS = "<img src=x onerror=alert(1)>"


def embedding_page(server: str, region: str = "威海") -> str:
    return (
        '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<title>招聘会</title></head><body><h1>某市高校毕业生招聘会</h1>"
        "<p>欢迎咨询人才政策。</p>"
        f'<script src="{server}/widget.js" data-title="人才政策咨询" '
        f'data-region="{region}"></script>'
        f'<iframe id="framed" src="{server}/widget" width="360" height="300"></iframe>'
        "</body></html>"
    )


@pytest.fixture(scope="module")
def site(
    tmp_path_factory: pytest.TempPathFactory,
    web_corpus: Path,
    web_index: Path,
    retriever: Retriever,
    engine: QAEngine,
) -> Iterator[dict[str, Any]]:
    """The app, a recruitment page on an allowlisted origin and one on an off-list origin."""
    tmp = tmp_path_factory.mktemp("browser")
    good_dir, evil_dir = tmp / "good", tmp / "evil"
    good_dir.mkdir()
    evil_dir.mkdir()
    with static_site(good_dir) as good, static_site(evil_dir) as evil:
        settings = make_settings(web_corpus, web_index, tmp, allowed_origins=(good,))
        with serve_app(settings, retriever, engine) as server:
            for folder in (good_dir, evil_dir):
                (folder / "index.html").write_text(embedding_page(server), encoding="utf-8")
            yield {"server": server, "good": good, "evil": evil,
                   "feedback": settings.feedback_file}


@pytest.fixture()
def watched(browser: Any) -> Iterator[tuple[Any, list[str], list[str]]]:
    """A fresh page plus the dialogs it opened and the URLs it requested."""
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    dialogs: list[str] = []
    requests: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    context.on("request", lambda r: requests.append(r.url))
    yield page, dialogs, requests
    context.close()


def ask_in_chat(page: Any, question: str) -> Any:
    """Type ``question`` in the Gradio chat; returns the finished bot message."""
    before = page.locator(".pq-sources, .pq-notfound").count()
    page.fill("#pq-input textarea", question)
    page.keyboard.press("Enter")
    answer = page.locator(".pq-sources, .pq-notfound").nth(before)
    answer.wait_for(timeout=30_000)
    return answer


def assert_png(path: Path) -> None:
    data = path.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 5_000


def test_chat_answers_with_citations_and_records_feedback(
    site: dict[str, Any], watched: tuple[Any, list[str], list[str]], tmp_path: Path
) -> None:
    page, dialogs, requests = watched
    page.goto(site["server"] + "/")
    page.locator("#pq-input textarea").wait_for(timeout=30_000)
    sources = ask_in_chat(page, "我是硕士，去威海工作每个月有多少生活补贴？")
    sources.locator("summary").click()
    quote = sources.locator("mark.pq-quote").filter(has_text="3000")
    quote.first.wait_for()
    assert "[1]" in sources.inner_text()
    assert "威海市青年人才生活补贴实施办法" in sources.inner_text()
    page.screenshot(path=tmp_path / "chat.png", full_page=True)
    assert_png(tmp_path / "chat.png")

    page.locator("button[aria-label='有帮助']").last.click()
    deadline = time.monotonic() + 10
    # the file exists as soon as the server opens it; wait for its first whole line
    while time.monotonic() < deadline and not (
            site["feedback"].exists()
            and site["feedback"].read_text(encoding="utf-8").endswith("\n")):
        time.sleep(0.1)
    row = json.loads(site["feedback"].read_text(encoding="utf-8").splitlines()[-1])
    assert row["vote"] == "up" and "硕士" in row["question"]
    assert row["citations"] and "3000" in row["answer"]
    assert dialogs == []
    # the page loads nothing from elsewhere (no web fonts, CDNs or analytics)
    assert {u.split("/")[2] for u in requests if u.startswith("http")} == {
        site["server"].split("/")[2]
    }


def test_source_link_opens_the_document_scrolled_to_the_quote(
    site: dict[str, Any], watched: tuple[Any, list[str], list[str]]
) -> None:
    page, _, _ = watched
    page.goto(site["server"] + "/")
    sources = ask_in_chat(page, "青岛博士购房补贴多少？")
    sources.locator("summary").click()
    with page.expect_popup() as popup:
        sources.get_by_text("查看原文").first.click()
    doc = popup.value
    doc.wait_for_load_state()
    mark = doc.locator("mark#quote")
    assert "15万元" in mark.inner_text()
    assert doc.title() == "青岛市支持青年人才安居若干措施"
    assert mark.is_visible()
    box = mark.bounding_box()
    assert box is not None and 0 <= box["y"] < doc.viewport_size["height"]


def test_phone_example_question_and_not_found_state(
    site: dict[str, Any], browser: Any, tmp_path: Path
) -> None:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(site["server"] + "/")
    page.locator("#pq-chat button.example").first.click()  # a welcome question from the index
    page.locator(".pq-sources").first.wait_for(timeout=30_000)
    not_found = ask_in_chat(page, "火星移民有什么补贴？")
    assert "未找到答案" in not_found.inner_text()
    page.screenshot(path=tmp_path / "chat-phone.png", full_page=True)
    assert_png(tmp_path / "chat-phone.png")
    context.close()


def test_document_markup_stays_inert_in_chat_and_source_page(
    site: dict[str, Any], watched: tuple[Any, list[str], list[str]]
) -> None:
    page, dialogs, requests = watched
    page.goto(site["server"] + "/")
    sources = ask_in_chat(page, "就业见习补贴每月多少钱？")
    sources.locator("summary").click()
    chat = page.locator("#pq-chat")
    assert XSS in chat.inner_text()
    assert chat.locator("img[src='x']").count() == 0
    with page.expect_popup() as popup:
        sources.get_by_text("查看原文").first.click()
    doc = popup.value
    doc.wait_for_load_state()
    assert XSS in doc.locator("mark#quote").inner_text()
    assert doc.locator("img").count() == 0
    page.wait_for_timeout(300)
    assert dialogs == []
    assert not [u for u in requests if "evil" in u or "127.0.0.1:9/" in u]


def test_widget_on_an_allowlisted_origin_answers(
    site: dict[str, Any], browser: Any, tmp_path: Path
) -> None:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(site["good"] + "/index.html")
    page.locator("#policyqa-widget .btn").click()
    page.fill("#policyqa-widget textarea", "我是硕士，去威海工作每个月有多少生活补贴？")
    page.locator("#policyqa-widget .send").click()
    cites = page.locator("#policyqa-widget .srcs").first
    cites.wait_for(timeout=20_000)
    answer = page.locator("#policyqa-widget .msg.bot").last.inner_text()
    assert "3000" in answer and "[1]" in answer
    href = cites.locator("a").first.get_attribute("href") or ""
    assert href.startswith(site["server"] + "/doc/")
    page.screenshot(path=tmp_path / "widget.png")
    assert_png(tmp_path / "widget.png")

    page.fill("#policyqa-widget textarea", "就业见习补贴每月多少钱？")
    page.locator("#policyqa-widget .send").click()
    page.locator("#policyqa-widget .srcs").nth(1).wait_for(timeout=20_000)
    assert XSS in page.locator("#policyqa-widget .msg.bot").last.inner_text()
    assert page.locator("#policyqa-widget img").count() == 0
    framed = page.frame_locator("#framed").locator("#policyqa-widget textarea")
    framed.wait_for(timeout=10_000)  # /widget may be framed by an allowlisted origin
    assert dialogs == []
    context.close()


def test_widget_on_an_off_list_origin_is_refused(site: dict[str, Any], browser: Any) -> None:
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    console: list[str] = []
    page.on("console", lambda m: console.append(m.text))
    page.goto(site["evil"] + "/index.html")
    page.locator("#policyqa-widget .btn").click()
    page.fill("#policyqa-widget textarea", "我是硕士，去威海工作每个月有多少生活补贴？")
    page.locator("#policyqa-widget .send").click()
    error = page.locator("#policyqa-widget .msg.error")
    error.wait_for(timeout=20_000)
    assert "无法连接" in error.inner_text() or "未获授权" in error.inner_text()
    assert page.locator("#policyqa-widget .srcs").count() == 0
    # and /widget refuses to be framed here (frame-ancestors)
    assert any("frame-ancestors" in line for line in console), console
    assert page.frame_locator("#framed").locator("#policyqa-widget").count() == 0
    context.close()
