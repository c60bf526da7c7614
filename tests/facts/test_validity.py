"""Validity from the manifest: expired and repealed policies stay searchable, and every
citation of them is marked in the text, the citation and the rendered answer."""

from __future__ import annotations

import html
from datetime import date

from app.answer.engine import QAEngine
from app.answer.validity import mark_citations, validity_status
from app.web.render import answer_markdown, facts_html


def test_status_rules() -> None:
    today = date(2026, 1, 1)
    assert validity_status({"valid_until": "2020-12-31"}, today) == "已过期"
    assert validity_status({"status": "已废止"}, today) == "已废止"
    assert validity_status({"status": "superseded"}, today) == "已废止"
    assert validity_status({"status": "现行有效", "valid_until": "2099-12-31"}, today) is None
    assert validity_status({"valid_until": "not a date"}, today) is None


def test_expired_policy_is_cited_and_marked(fixture_engine: QAEngine) -> None:
    answer = fixture_engine.answer("博士在威海每月生活补贴多少？")
    assert not answer.refused
    marked = [c for c in answer.citations if c.source == "weihai_old.txt"]
    assert marked and all(c.status == "已过期" and c.date == "2019-03-01" for c in marked)
    for c in marked:
        assert f"[{c.n}]（已过期）" in answer.text
    page = html.unescape(answer_markdown(answer))
    assert '<span class="pq-status">已过期</span>' in page and "2019-03-01" in page


def test_repealed_policy_is_marked_in_a_table_answer(fixture_engine: QAEngine) -> None:
    answer = fixture_engine.answer("威海和青岛对青年人才的安家费有什么不同？")
    assert answer.table is not None
    qingdao = [r for r in answer.table.rows if r.cells[0] == "青岛"]
    assert qingdao and qingdao[0].cells[-1].endswith("（已废止）")
    n = qingdao[0].citations[0]
    assert answer.citations[n - 1].status == "已废止"
    assert f"[{n}]（已废止）" in answer.text
    assert "已废止" in answer_markdown(answer)


def test_current_policy_is_not_marked(fixture_engine: QAEngine) -> None:
    answer = fixture_engine.answer("海南本科毕业生租房补贴每月多少？")
    assert not answer.refused and "1500元" in answer.text
    assert all(c.status is None for c in answer.citations)
    assert "（已过期）" not in answer.text and "（已废止）" not in answer.text


def test_fact_listing_shows_validity(fixture_engine: QAEngine) -> None:
    book = fixture_engine.factbook
    page = html.unescape(facts_html(book.entries(book.select(kind="amount"))))
    assert page.count("<tr>") == 1 + 4
    assert "已过期" in page and "已废止" in page and "有效（至2099-12-31）" in page


def test_marking_is_idempotent() -> None:
    from app.answer.types import Citation

    c = Citation(1, "c", "d", "s", "t", None, None, "", "q", 0, 1, "已过期")
    once = mark_citations("a[1] b[1]", [c])
    assert once == "a[1]（已过期） b[1]（已过期）" == mark_citations(once, [c])


def test_fact_tab_filters_by_region_and_beneficiary(fixture_engine: QAEngine) -> None:
    from app.web.ui import ALL, fact_listing

    book = fixture_engine.factbook
    weihai = html.unescape(fact_listing(book, "威海", ALL))
    assert weihai.count("<tr>") == 1 + 2 and "海南" not in weihai
    doctors = html.unescape(fact_listing(book, ALL, "博士"))
    assert doctors.count("<tr>") == 1 + 1 and "3000元" in doctors
    assert "没有符合条件" in fact_listing(book, "深圳", None)


def test_validity_needs_a_stated_period() -> None:
    from app.answer.validity import validity

    today = date(2026, 1, 1)
    assert validity({}, today).label == "未注明有效期"
    assert validity({}, today, "2020-12-31").label == "已过期"
    assert validity({}, today, "2030-06-30") == validity({"valid_until": "2030-06-30"}, today)
    assert validity({"valid_until": "2030-06-30"}, today).label == "有效"
    assert validity({"status": "已废止"}, today, "2030-06-30").label == "已废止"


def test_no_sample_row_says_valid_without_a_stated_period(sample_engine: QAEngine) -> None:
    book = sample_engine.factbook
    entries = book.entries(book.select(kind="amount"))
    assert len(entries) >= 12
    assert {e.validity for e in entries} == {"未注明有效期"}
    page = html.unescape(facts_html(entries))
    assert ">有效<" not in page and "有效（" not in page


def test_a_period_stated_in_the_text_decides_listing_and_citations(tmp_path) -> None:
    from app.answer.factbook import FactBook
    from app.answer.validity import document_status
    from index import IndexConfig, Retriever, build_index

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "old.txt").write_text(
        "某市稳岗补贴办法\n\n某市人力资源和社会保障局\n2020年2月1日\n\n"
        "对吸纳失业人员的企业，按每人1000元给予一次性补贴。\n"
        "本办法自印发之日起施行，有效期至2020年12月31日。\n", encoding="utf-8")
    (corpus / "new.txt").write_text(
        "某县见习补贴办法\n\n某县人力资源和社会保障局\n2025年1月1日\n\n"
        "对见习单位按每人每月2000元给予见习补贴，执行期限至2099年12月31日。\n",
        encoding="utf-8")
    build_index(corpus, tmp_path / "index", IndexConfig(model="hash"))
    retriever = Retriever.load(tmp_path / "index")
    book = FactBook(retriever)
    rows = {e.fact.amount_text: e for e in book.entries(book.select(kind="amount"),
                                                         date(2026, 1, 1))}
    assert (rows["1000元"].validity, rows["1000元"].valid_until) == ("已过期", "2020-12-31")
    assert rows["1000元"].citation.status == "已过期"
    assert (rows["每人每月2000元"].validity, rows["每人每月2000元"].valid_until) == (
        "有效", "2099-12-31")
    old = next(d for d in retriever.documents.values() if d.source == "old.txt")
    assert document_status(old, date(2026, 1, 1)) == "已过期"
