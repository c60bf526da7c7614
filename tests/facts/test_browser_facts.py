"""Chromium opens the 「补贴一览」 tab at desktop and phone widths (Playwright): a table
on a wide screen, one card per fact on a 390-px screen; screenshots of both."""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

import pytest

from app.answer.engine import QAEngine
from index import Retriever
from tests.web.serving import make_settings, serve_app

pytestmark = [
    pytest.mark.browser,
    pytest.mark.filterwarnings("ignore::Warning:gradio.queueing"),
]
sync_api = pytest.importorskip("playwright.sync_api")

ROWS = "#pq-facts table.pq-facts tbody tr"


def _open_tab(pw: Any, url: str, width: int, height: int) -> tuple[Any, Any]:
    browser = pw.chromium.launch(
        executable_path="/usr/bin/chromium", args=["--headless", "--no-sandbox"]
    )
    page = browser.new_page(viewport={"width": width, "height": height})
    page.goto(url + "/", wait_until="domcontentloaded")
    page.get_by_role("tab", name="补贴一览").click()
    page.locator(ROWS).first.wait_for(timeout=20_000)
    # the tab's own refresh (on select) dims the listing while it runs; let it settle
    page.wait_for_function(
        "() => !document.querySelector('#pq-facts')?.closest('.pending')"
        " && !document.querySelector('#pq-facts .pending')", timeout=20_000)
    page.wait_for_timeout(500)
    return browser, page


def test_fact_tab_lists_rows_and_cards(
    tmp_path: Path, fixture_corpus: Path, fixture_index: Path, fixture_engine: QAEngine
) -> None:
    settings = make_settings(fixture_corpus, fixture_index, tmp_path)
    retriever = cast(Retriever, fixture_engine.retriever)
    with serve_app(settings, retriever, fixture_engine) as url, sync_api.sync_playwright() as pw:
        browser, page = _open_tab(pw, url, 1280, 900)
        rows = page.locator(ROWS)
        assert rows.count() == 4
        assert page.locator("#pq-facts thead").is_visible()
        text = page.locator("#pq-facts").inner_text()
        assert "已废止" in text and "有效（至2099-12-31）" in text
        link = page.locator("#pq-facts a").first.get_attribute("href") or ""
        assert link.startswith("/doc/") and "start=" in link
        page.screenshot(path=str(tmp_path / "facts-desktop.png"), full_page=True)
        browser.close()

        browser, page = _open_tab(pw, url, 390, 844)
        assert not page.locator("#pq-facts thead").is_visible()
        cards = page.locator(ROWS)
        assert cards.count() == 4
        for i in range(cards.count()):
            card = cards.nth(i)
            box = card.bounding_box()
            assert box is not None and box["width"] <= 390 and box["x"] >= 0
            amount = card.locator("td.pq-fact-amount").bounding_box()
            assert amount is not None and amount["width"] > 200  # a line, not a column
            for cls in ("amount", "who", "condition", "region", "source"):
                assert card.locator(f"td.pq-fact-{cls}").is_visible()
            assert card.locator("td.pq-fact-source a").get_attribute("href")
            # the amount heads the card
            assert amount["y"] <= (card.locator("td.pq-fact-region").bounding_box() or {})["y"]
        page.screenshot(path=str(tmp_path / "facts-phone.png"), full_page=True)
        browser.close()
    assert (tmp_path / "facts-desktop.png").stat().st_size > 0
    assert (tmp_path / "facts-phone.png").stat().st_size > 0
