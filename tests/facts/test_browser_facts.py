"""Chromium opens the 「补贴一览」 tab and sees the fact rows (Playwright)."""

from __future__ import annotations

from pathlib import Path
from typing import cast

import pytest

from app.answer.engine import QAEngine
from index import Retriever
from tests.web.serving import make_settings, serve_app

pytestmark = [
    pytest.mark.browser,
    pytest.mark.filterwarnings("ignore::Warning:gradio.queueing"),
]
sync_api = pytest.importorskip("playwright.sync_api")


def test_fact_tab_lists_rows(
    tmp_path: Path, fixture_corpus: Path, fixture_index: Path, fixture_engine: QAEngine
) -> None:
    settings = make_settings(fixture_corpus, fixture_index, tmp_path)
    retriever = cast(Retriever, fixture_engine.retriever)
    with serve_app(settings, retriever, fixture_engine) as url, sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--headless", "--no-sandbox"]
        )
        page = browser.new_page()
        page.goto(url + "/", wait_until="domcontentloaded")
        page.get_by_role("tab", name="补贴一览").click()
        rows = page.locator("#pq-facts table.pq-facts tbody tr")
        rows.first.wait_for(timeout=20_000)
        assert rows.count() == 4
        assert "已废止" in page.locator("#pq-facts").inner_text()
        link = page.locator("#pq-facts a").first.get_attribute("href") or ""
        assert link.startswith("/doc/") and "start=" in link
        browser.close()
