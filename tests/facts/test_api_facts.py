"""``GET /api/facts`` and table answers over real HTTP (uvicorn on loopback)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import cast

import httpx
import pytest

from app.answer.engine import QAEngine
from index import Retriever
from tests.web.serving import make_settings, serve_app


@pytest.fixture(scope="module")
def client(
    tmp_path_factory: pytest.TempPathFactory,
    fixture_corpus: Path,
    fixture_index: Path,
    fixture_engine: QAEngine,
) -> Iterator[httpx.Client]:
    settings = make_settings(fixture_corpus, fixture_index, tmp_path_factory.mktemp("srv"))
    retriever = cast(Retriever, fixture_engine.retriever)
    with (
        serve_app(settings, retriever, fixture_engine) as url,
        httpx.Client(base_url=url, timeout=30) as c,
    ):
        yield c


def test_facts_lists_every_amount_with_a_verbatim_citation(
    client: httpx.Client, fixture_engine: QAEngine
) -> None:
    r = client.get("/api/facts")
    assert r.status_code == 200
    items = r.json()
    assert isinstance(items, list) and len(items) == 4
    docs = fixture_engine.retriever.documents
    for item in items:
        c = item["citation"]
        assert docs[c["doc_id"]].text[c["char_start"]:c["char_end"]] == c["quote"]
        assert item["amount_text"] in c["quote"]
        assert item["link"] == f"/doc/{c['doc_id']}?start={c['char_start']}&end={c['char_end']}"
        page = client.get(item["link"])
        assert page.status_code == 200 and '<mark id="quote">' in page.text


def test_facts_filters(client: httpx.Client) -> None:
    weihai = client.get("/api/facts", params={"region": "威海"}).json()
    assert {i["beneficiary"] for i in weihai} == {"博士", "硕士"}
    assert all(i["region"] == "威海市" and i["status"] == "已过期" for i in weihai)
    assert all(i["validity"] == "已过期" and i["valid_until"] == "2020-12-31" for i in weihai)
    doctors = client.get("/api/facts", params={"beneficiary": "博士"}).json()
    assert [i["amount_text"] for i in doctors] == ["3000元"]
    repealed = client.get("/api/facts", params={"region": "青岛", "kind": "amount"}).json()
    assert [(i["status"], i["validity"]) for i in repealed] == [("已废止", "已废止")]
    hainan = client.get("/api/facts", params={"region": "海南"}).json()
    assert [(i["validity"], i["valid_until"]) for i in hainan] == [("有效", "2099-12-31")]
    assert client.get("/api/facts", params={"kind": "department"}).json() == []
    assert client.get("/api/facts", params={"region": "深圳"}).json() == []


def test_unknown_kind_is_a_400_naming_the_choices(client: httpx.Client) -> None:
    r = client.get("/api/facts", params={"kind": "salary"})
    assert r.status_code == 400
    assert "amount" in r.json()["error"] and "salary" in r.json()["error"]


def test_ask_returns_the_table_as_json(client: httpx.Client) -> None:
    r = client.post("/api/ask", json={"question": "硕士和博士在威海的生活补贴差多少？"})
    assert r.status_code == 200
    body = r.json()
    table = body["table"]
    assert table["columns"][0] == "对象" and len(table["rows"]) == 2
    for row in table["rows"]:
        assert row["citations"] and len(row["cells"]) == len(table["columns"])
        cited = body["citations"][row["citations"][0] - 1]
        assert cited["status"] == "已过期" and cited["date"] == "2019-03-01"
    assert "博士比硕士每月多1500元（3000元 − 1500元）" in body["answer"]
    assert "（已过期）" in body["answer"]


def test_ask_without_a_table_has_null_table(client: httpx.Client) -> None:
    body = client.post("/api/ask", json={"question": "海南本科毕业生租房补贴每月多少？"}).json()
    assert body["table"] is None and not body["refused"]
