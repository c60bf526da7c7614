"""The chat and the widget as a user sees them, in Chromium at 1280x900 and 390x844,
over the demo corpus shipped in the repository: tappable citations, next-question
chips, coverage in refusals and on the welcome screen, phone layout, Chinese labels
whatever the browser's locale, the widget showing a new answer from its first line,
and axe-core finding no serious or critical accessibility problem.

Every state is saved as a screenshot in ``reports/screenshots/`` (gitignored).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.answer.engine import QAEngine
from index import Retriever
from tests.paths import ROOT, SAMPLE_CORPUS
from tests.web.serving import make_settings, serve_app, static_site

pytestmark = [
    pytest.mark.browser,
    pytest.mark.filterwarnings("ignore::Warning:gradio.queueing"),
]

VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
SHOTS = ROOT / "reports" / "screenshots"
MASTER = "我是硕士，去威海工作每个月有多少生活补贴？"
UNCOVERED = "深圳落户需要什么条件？"
LATIN = re.compile(r"[A-Za-z]")


@pytest.fixture(scope="module")
def demo(
    tmp_path_factory: pytest.TempPathFactory, sample_hash_index: Path
) -> Iterator[dict[str, Any]]:
    """The app over the demo corpus, and a recruitment page embedding the widget."""
    tmp = tmp_path_factory.mktemp("demo-browser")
    retriever = Retriever.load(sample_hash_index)
    engine = QAEngine(retriever)
    site_dir = tmp / "site"
    site_dir.mkdir()
    with static_site(site_dir) as site:
        settings = make_settings(SAMPLE_CORPUS, sample_hash_index, tmp, allowed_origins=(site,))
        with serve_app(settings, retriever, engine) as server:
            (site_dir / "index.html").write_text(
                '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">'
                '<meta name="viewport" content="width=device-width, initial-scale=1">'
                "<title>招聘会</title></head><body><h1>高校毕业生招聘会</h1>"
                f'<script src="{server}/widget.js" data-title="人才政策咨询"></script>'
                "</body></html>", encoding="utf-8")
            yield {"server": server, "site": site, "engine": engine}


@pytest.fixture(scope="session")
def shots() -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    return SHOTS


def new_page(browser: Any, viewport: str, locale: str = "zh-CN") -> Any:
    phone = viewport == "phone"
    context = browser.new_context(viewport=VIEWPORTS[viewport], locale=locale,
                                  is_mobile=phone, has_touch=phone)
    return context.new_page()


def open_chat(page: Any, server: str) -> None:
    page.goto(server + "/")
    page.locator("#pq-input textarea").wait_for(timeout=30_000)


def ask(page: Any, question: str, *, chips: bool = True) -> Any:
    """Ask in the chat; returns the new answer's bubble once it (and its chips) are shown."""
    before = page.locator("#pq-chat [data-testid='bot']").count()
    page.fill("#pq-input textarea", question)
    page.keyboard.press("Enter")
    bubble = page.locator("#pq-chat [data-testid='bot']").nth(before)
    bubble.locator(".pq-sources, .pq-notfound").first.wait_for(timeout=30_000)
    if chips:
        page.locator("#pq-chat button.option").first.wait_for(timeout=30_000)
    return bubble


def inside(box: dict[str, float], viewport: dict[str, int]) -> bool:
    return (box["x"] >= 0 and box["y"] >= 0 and box["x"] + box["width"] <= viewport["width"]
            and box["y"] + box["height"] <= viewport["height"])


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_a_citation_opens_its_source_in_a_popover(
    demo: dict[str, Any], browser: Any, shots: Path, viewport: str
) -> None:
    page = new_page(browser, viewport)
    open_chat(page, demo["server"])
    bubble = ask(page, MASTER)
    marker = bubble.locator("button.pq-ref").first
    assert marker.inner_text().endswith("[1]")
    if viewport == "phone":
        marker.tap()
    else:
        marker.hover()  # a desktop pointer only needs to rest on it
    pop = page.locator("#pq-pop")
    pop.wait_for(state="visible", timeout=5_000)
    quote = bubble.locator(".pq-sources li.pq-src .pq-quote").first.text_content()
    title = bubble.locator(".pq-sources li.pq-src .pq-cite-title").first.text_content()
    assert quote and quote in pop.inner_text() and "2000元" in pop.inner_text()
    assert title and f"[1] {title}" in pop.inner_text()
    link = pop.get_by_role("link", name="查看原文")
    assert (link.get_attribute("href") or "").startswith(demo["server"] + "/doc/")
    assert inside(pop.bounding_box(), VIEWPORTS[viewport])
    assert marker.get_attribute("aria-expanded") == "true"
    page.screenshot(path=shots / f"chat-citation-popover-{viewport}.png")
    page.keyboard.press("Escape")
    pop.wait_for(state="hidden", timeout=5_000)
    if viewport == "desktop":  # and from the keyboard: Enter opens it with the link focused
        marker.focus()
        page.keyboard.press("Enter")
        pop.wait_for(state="visible", timeout=5_000)
        assert page.evaluate("document.activeElement.textContent") == "查看原文"
        page.keyboard.press("Escape")
        assert page.evaluate("document.activeElement.classList.contains('pq-ref')")
    page.context.close()


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_a_suggestion_chip_asks_its_question_and_gets_an_answer(
    demo: dict[str, Any], browser: Any, shots: Path, viewport: str
) -> None:
    page = new_page(browser, viewport)
    open_chat(page, demo["server"])
    ask(page, MASTER)
    chips = page.locator("#pq-chat button.option")
    labels = chips.all_inner_texts()
    assert 2 <= len(labels) <= 3 and MASTER not in labels
    page.screenshot(path=shots / f"chat-suggestions-{viewport}.png")
    chips.first.click()
    follow_up = page.locator("#pq-chat [data-testid='bot']").nth(1)
    follow_up.locator(".pq-sources, .pq-notfound").first.wait_for(timeout=30_000)
    assert page.locator("#pq-chat [data-testid='user']").nth(1).inner_text() == labels[0]
    assert follow_up.locator(".pq-notfound").count() == 0  # the chip's question is answered
    assert follow_up.locator("button.pq-ref").count() >= 1
    page.screenshot(path=shots / f"chat-suggestion-answered-{viewport}.png")
    page.context.close()


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_a_refusal_names_what_the_library_covers(
    demo: dict[str, Any], browser: Any, shots: Path, viewport: str
) -> None:
    page = new_page(browser, viewport)
    open_chat(page, demo["server"])
    bubble = ask(page, UNCOVERED)
    text = bubble.locator(".pq-notfound").inner_text()
    coverage = demo["engine"].coverage
    assert "未找到答案" in text and "深圳" in text
    assert coverage.region_names and all(region in text for region in coverage.region_names)
    assert f"{coverage.n_documents} 份文件" in text and str(coverage.latest_date) in text
    page.screenshot(path=shots / f"chat-refusal-{viewport}.png")
    page.context.close()


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_welcome_screen_and_new_conversation(
    demo: dict[str, Any], browser: Any, shots: Path, viewport: str
) -> None:
    page = new_page(browser, viewport)
    open_chat(page, demo["server"])
    chat = page.locator("#pq-chat")
    coverage = demo["engine"].coverage
    assert all(region in chat.inner_text() for region in coverage.region_names)
    examples = chat.locator("button.example")
    assert examples.count() == 3
    page.screenshot(path=shots / f"chat-welcome-{viewport}.png")
    examples.first.click()  # a welcome question derived from the index is answered
    bubble = page.locator("#pq-chat [data-testid='bot']").first
    bubble.locator(".pq-sources, .pq-notfound").first.wait_for(timeout=30_000)
    assert bubble.locator(".pq-notfound").count() == 0
    # one clear-conversation control: 「新对话」 (Gradio's own trash icon is hidden)
    visible = [b for b in page.get_by_role("button").all() if b.is_visible()]
    names = [b.get_attribute("aria-label") or b.inner_text() for b in visible]
    assert "新对话" in names and not [n for n in names if "清空" in n or n == "Clear"]
    page.get_by_role("button", name="新对话").click()
    chat.locator("button.example").first.wait_for(timeout=10_000)
    assert page.locator("#pq-chat [data-testid='bot']").count() == 0
    page.context.close()


@pytest.mark.parametrize("width", [360, 390, 414])
def test_phone_layout_fits_the_screen(
    demo: dict[str, Any], browser: Any, shots: Path, width: int
) -> None:
    viewport = {"width": width, "height": 844}
    context = browser.new_context(viewport=viewport, is_mobile=True, has_touch=True)
    page = context.new_page()
    open_chat(page, demo["server"])
    box = page.locator("#pq-input textarea")
    line = float(box.evaluate("e => parseFloat(getComputedStyle(e).lineHeight)"))
    assert box.evaluate("e => e.clientHeight") < 2 * line + 20  # one-line placeholder
    header = page.locator("#pq-top").bounding_box()
    assert header["y"] + header["height"] < 0.1 * viewport["height"]  # compact header
    bubble = ask(page, MASTER)
    bubble.locator(".pq-sources summary").click()  # sources open, then a source's popover
    page.wait_for_timeout(300)  # let the chat settle its scroll position
    bubble.locator("button.pq-ref").first.tap()
    page.locator("#pq-pop").wait_for(state="visible", timeout=5_000)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    wide = page.evaluate(
        """w => [...document.querySelectorAll('#pq-chat *, #pq-top *, #pq-pop *')]
             .filter(e => e.getClientRects().length && e.getBoundingClientRect().right > w + 1)
             .map(e => e.tagName + '.' + e.className)""", width)
    assert wide == []
    chat = page.locator("#pq-chat").bounding_box()
    input_box = page.locator("#pq-input").bounding_box()
    assert chat["height"] > 0.6 * viewport["height"]  # the chat fills the screen
    assert input_box["y"] + input_box["height"] <= viewport["height"]  # nothing cut off
    page.screenshot(path=shots / f"chat-phone-{width}.png")
    context.close()


@pytest.mark.parametrize("locale", ["en-US", "fr-FR"])
def test_gradio_controls_are_chinese_whatever_the_browser_locale(
    demo: dict[str, Any], browser: Any, locale: str
) -> None:
    page = new_page(browser, "desktop", locale=locale)
    open_chat(page, demo["server"])
    ask(page, MASTER)
    page.locator("#pq-chat button.pq-ref").first.click()
    labels = page.evaluate(
        """() => [...document.querySelectorAll('[aria-label], [title]')]
             .flatMap(e => [e.getAttribute('aria-label'), e.getAttribute('title')])
             .filter(Boolean)""")
    assert labels and [x for x in labels if LATIN.search(x)] == []
    assert "有帮助" in labels and "复制回答" in labels
    assert page.evaluate("document.documentElement.lang") == "zh-CN"
    bot = page.locator("#pq-chat [data-testid='bot']").first.get_attribute("aria-label")
    assert bot == "回答"  # not the message's raw HTML
    page.context.close()


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_widget_shows_a_new_answer_from_its_first_line(
    demo: dict[str, Any], browser: Any, shots: Path, viewport: str
) -> None:
    page = new_page(browser, viewport)
    page.goto(demo["site"] + "/index.html")
    widget = page.locator("#policyqa-widget")
    widget.locator(".btn").click()
    for question in (UNCOVERED, MASTER):  # the second answer lands below the first
        n = widget.locator(".msg.bot").count()
        widget.locator("textarea").fill(question)
        widget.locator(".send").click()
        answer = widget.locator(".msg.bot").nth(n)
        answer.locator(".srcs").wait_for(timeout=20_000)
        page.wait_for_function(
            "() => !document.querySelector('#policyqa-widget').shadowRoot"
            ".querySelector('.send').disabled")
    log_box = widget.locator(".log").bounding_box()
    first_line = answer.locator(".text").bounding_box()
    assert log_box["y"] <= first_line["y"] <= log_box["y"] + 16  # the answer starts at the top
    sources = answer.locator("details.srcs")
    assert sources.get_attribute("open") is None  # collapsed, with a count
    assert re.fullmatch(r"来源（\d+）", sources.locator("summary").inner_text().strip())
    assert page.evaluate(
        "document.querySelector('#policyqa-widget').shadowRoot.activeElement.tagName"
    ) == "TEXTAREA"  # focus is back in the input
    page.screenshot(path=shots / f"widget-answer-{viewport}.png")
    marker = answer.locator("button.ref").first
    assert marker.get_attribute("aria-controls") and "[1]" in marker.inner_text()
    marker.click()
    pop = widget.locator(".pop")
    pop.wait_for(state="visible", timeout=5_000)
    assert "2000元" in pop.inner_text() and "查看原文" in pop.inner_text()
    page.screenshot(path=shots / f"widget-citation-popover-{viewport}.png")
    page.keyboard.press("Escape")
    pop.wait_for(state="hidden", timeout=5_000)
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    page.context.close()


def serious(results: Any) -> list[str]:
    return [f"{v['id']} ({v['impact']}): {v['nodes'][0]['html'][:120]}"
            for v in results.response["violations"] if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_axe_finds_no_serious_or_critical_problems(
    demo: dict[str, Any], browser: Any, viewport: str
) -> None:
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    page = new_page(browser, viewport)
    open_chat(page, demo["server"])
    assert serious(axe.run(page)) == []  # the welcome screen
    ask(page, UNCOVERED)
    bubble = ask(page, MASTER)
    bubble.locator(".pq-sources summary").click()
    bubble.locator("button.pq-ref").first.click()
    assert serious(axe.run(page)) == []  # answers, sources, popover, chips
    page.goto(demo["server"] + "/widget")
    page.locator("#policyqa-widget textarea").fill(MASTER)
    page.locator("#policyqa-widget .send").click()
    page.locator("#policyqa-widget .srcs").first.wait_for(timeout=20_000)
    page.locator("#policyqa-widget button.ref").first.click()
    assert serious(axe.run(page)) == []  # the widget with an answer and a popover
    page.context.close()
