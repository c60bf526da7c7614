"""The JSON API over a real index, through a real uvicorn server on loopback."""

from __future__ import annotations

import json
import re

import httpx
import pytest

from index import Retriever
from tests.web.conftest import ALLOWED

QUESTION = "我是硕士，去威海工作每个月有多少生活补贴？"


def doc_id_by_title(retriever: Retriever, fragment: str) -> str:
    return next(d.doc_id for d in retriever.documents.values() if fragment in d.title)


def test_ask_answers_with_citations_that_point_into_the_document(
    client: httpx.Client, retriever: Retriever
) -> None:
    r = client.post("/api/ask", json={"question": QUESTION})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["refused"] is False
    assert "3000" in body["answer"]
    assert body["citations"], body
    expected = {"n", "doc_id", "source", "title", "issuer", "date", "section_path", "quote",
                "char_start", "char_end", "chunk_id"}
    for c in body["citations"]:
        assert expected <= c.keys()
        text = client.get(f"/api/documents/{c['doc_id']}").json()["text"]
        assert text[c["char_start"] : c["char_end"]] == c["quote"]
        assert f"[{c['n']}]" in body["answer"]
    assert any("硕士" in c["quote"] and "3000" in c["quote"] for c in body["citations"])
    assert body["hits"] and {"rank", "score", "chunk_id", "text"} <= body["hits"][0].keys()


def test_ask_refuses_clearly_when_the_documents_do_not_answer(client: httpx.Client) -> None:
    body = client.post("/api/ask", json={"question": "火星移民有什么补贴？"}).json()
    assert body["refused"] is True
    assert body["citations"] == []
    assert "没有找到" in body["answer"]


def test_ask_accepts_history_k_and_region(client: httpx.Client) -> None:
    history = [
        {"role": "user", "content": "威海的生活补贴"},
        {"role": "assistant", "content": "硕士研究生每月3000元[1]"},
    ]
    r = client.post(
        "/api/ask",
        json={"question": "青岛博士购房补贴多少？", "history": history, "k": 3, "region": "青岛"},
    )
    assert r.status_code == 200, r.text
    assert "15万元" in r.json()["answer"]


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"question": ""}, "question"),
        ({"question": "   \n\t"}, "question"),
        ({"question": 5}, "question"),
        ({"question": None}, "question"),
        ({"question": ["硕士"]}, "question"),
        ({}, "question"),
        ({"question": "补" * 501}, "question"),
        ({"question": "补贴", "k": 0}, "k"),
        ({"question": "补贴", "k": 21}, "k"),
        ({"question": "补贴", "k": "5"}, "k"),
        ({"question": "补贴", "k": 2.5}, "k"),
        ({"question": "补贴", "history": [{"role": "system", "content": "x"}]}, "history"),
        ({"question": "补贴", "history": [{"role": "user", "content": "x"}] * 21}, "history"),
        ({"question": "补贴", "history": "previous"}, "history"),
        ({"question": "补贴", "unknown": 1}, "unknown"),
        ([], "body"),
        ("补贴", "body"),
    ],
)
def test_invalid_input_gets_422_with_a_clear_message(
    client: httpx.Client, payload: object, field: str
) -> None:
    r = client.post("/api/ask", json=payload)
    assert r.status_code == 422, r.text
    body = r.json()
    assert field in body["error"]
    assert body["details"] and all("message" in d for d in body["details"])
    assert "Traceback" not in r.text


@pytest.mark.parametrize(
    "raw", [b"{bad json", b'{"question": "a",}', b"\xff\xfe\x00", b'{"question": "\\ud800"}']
)
def test_malformed_json_gets_4xx_never_500(client: httpx.Client, raw: bytes) -> None:
    r = client.post("/api/ask", content=raw, headers={"Content-Type": "application/json"})
    assert r.status_code in (400, 422), r.text
    assert r.json()["error"]


def test_malformed_json_is_400(client: httpx.Client) -> None:
    r = client.post("/api/ask", content=b"{bad", headers={"Content-Type": "application/json"})
    assert r.status_code == 400
    assert "not valid JSON" in r.json()["error"]


def test_control_characters_are_dropped_not_fatal(client: httpx.Client) -> None:
    r = client.post("/api/ask", json={"question": "硕士\x00\x1b生活补贴\u202e？"})
    assert r.status_code == 200, r.text


def test_health_reports_generation_counts_and_model(
    client: httpx.Client, retriever: Retriever
) -> None:
    body = client.get("/api/health").json()
    assert body["status"] == "ok"
    assert body["generation"] == retriever.info()["generation"]
    assert body["n_documents"] == 3
    assert body["n_chunks"] == len(retriever.chunks)
    assert body["model"] == "hash"
    assert body["fallback"] is None


def test_document_route_returns_display_text_and_metadata(
    client: httpx.Client, retriever: Retriever
) -> None:
    doc_id = doc_id_by_title(retriever, "威海")
    body = client.get(f"/api/documents/{doc_id}").json()
    assert body["title"] == "威海市青年人才生活补贴实施办法"
    assert body["issuer"] and body["date"]
    assert body["text"] == retriever.documents[doc_id].text


def test_unknown_document_is_a_json_404(client: httpx.Client) -> None:
    r = client.get("/api/documents/nope")
    assert r.status_code == 404
    assert "nope" in r.json()["error"]


def test_document_page_marks_the_quote_and_escapes_markup(
    client: httpx.Client, retriever: Retriever
) -> None:
    doc_id = doc_id_by_title(retriever, "见习")
    text = retriever.documents[doc_id].text
    start = text.index("<img")
    end = start + len("<img src=x onerror=alert(1)>")
    r = client.get(f"/doc/{doc_id}", params={"start": start, "end": end})
    assert r.status_code == 200
    assert '<mark id="quote">&lt;img src=x onerror=alert(1)&gt;</mark>' in r.text
    assert "<img" not in r.text
    assert "default-src 'none'" in r.headers["content-security-policy"]
    assert client.get("/doc/nope").status_code == 404


def test_openapi_docs_are_served(client: httpx.Client) -> None:
    assert client.get("/docs").status_code == 200
    spec = client.get("/openapi.json").json()
    assert {"/api/ask", "/api/health", "/api/documents/{doc_id}"} <= spec["paths"].keys()


@pytest.mark.parametrize(("page", "asset"), [("/docs", "swagger-ui-bundle.js"),
                                             ("/redoc", "redoc.standalone.js")])
def test_api_docs_load_everything_from_this_server(
    client: httpx.Client, page: str, asset: str
) -> None:
    html = client.get(page)
    assert html.status_code == 200 and "text/html" in html.headers["content-type"]
    sources = re.findall(r'(?:src|href)="([^"]+)"', html.text)
    assert sources and all(s.startswith("/") for s in sources), sources  # no CDN, no fonts
    script = next(s for s in sources if s.endswith(asset))
    body = client.get(script)
    assert body.status_code == 200 and len(body.content) > 100_000  # the real bundle


def test_health_answers_head_requests(client: httpx.Client) -> None:
    head = client.head("/api/health")
    assert head.status_code == 200 and head.content == b""
    assert head.headers["content-type"].startswith("application/json")


def test_body_over_the_cap_gets_413(client: httpx.Client) -> None:
    big = json.dumps({"question": "补贴", "history": [{"role": "user", "content": "x" * 70000}]})
    r = client.post("/api/ask", content=big, headers={"Content-Type": "application/json"})
    assert r.status_code == 413


def test_chunked_body_over_the_cap_gets_413(client: httpx.Client) -> None:
    def chunks():
        for _ in range(20):
            yield b"x" * 8192

    r = client.post("/api/ask", content=chunks(), headers={"Content-Type": "application/json"})
    assert r.status_code == 413


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("POST", "/gradio_api/upload"),
        ("GET", "/gradio_api/upload_progress"),
        ("GET", "/gradio_api/file=/etc/passwd"),
        ("GET", "/file=/etc/passwd"),
        ("GET", "/gradio_api/file=..%2f..%2f..%2fetc%2fpasswd"),
        ("GET", "/gradio_api/file%3D/etc/passwd"),
        ("GET", "//gradio_api//file=/etc/passwd"),
        ("GET", "/gradio_api/proxy=http://127.0.0.1:1/"),
        ("GET", "/proxy=http://127.0.0.1:1/"),
        ("GET", "/gradio_api/file/etc/passwd"),
        ("POST", "/gradio_api/process_recording"),
        ("GET", "/static/..%2f..%2f..%2fetc/passwd"),
    ],
)
def test_gradio_file_and_upload_routes_are_closed(
    client: httpx.Client, method: str, path: str
) -> None:
    r = client.request(method, path)
    assert r.status_code == 404, (path, r.status_code)
    assert "root:" not in r.text


def test_security_headers_are_set(client: httpx.Client) -> None:
    r = client.get("/api/health")
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["referrer-policy"]
    assert "frame-ancestors 'self'" in r.headers["content-security-policy"]


def test_cors_allows_only_origins_on_the_allowlist(client: httpx.Client) -> None:
    preflight = {"Access-Control-Request-Method": "POST",
                 "Access-Control-Request-Headers": "content-type"}
    ok = client.options("/api/ask", headers={"Origin": ALLOWED, **preflight})
    assert ok.status_code == 200
    assert ok.headers["access-control-allow-origin"] == ALLOWED
    bad = client.options("/api/ask", headers={"Origin": "http://evil.example", **preflight})
    assert "access-control-allow-origin" not in bad.headers

    allowed = client.post("/api/ask", json={"question": QUESTION}, headers={"Origin": ALLOWED})
    assert allowed.status_code == 200
    assert allowed.headers["access-control-allow-origin"] == ALLOWED
    refused = client.post(
        "/api/ask", json={"question": QUESTION}, headers={"Origin": "http://evil.example"}
    )
    assert refused.status_code == 403
    assert "access-control-allow-origin" not in refused.headers


def test_same_origin_requests_need_no_allowlist(client: httpx.Client, base_url: str) -> None:
    r = client.post("/api/ask", json={"question": QUESTION}, headers={"Origin": base_url})
    assert r.status_code == 200


def test_widget_script_and_page(client: httpx.Client) -> None:
    js = client.get("/widget.js")
    assert js.status_code == 200
    assert "javascript" in js.headers["content-type"]
    assert "innerHTML" not in js.text
    page = client.get("/widget", params={"title": "<b>x</b>", "region": "青岛"})
    assert page.status_code == 200
    assert "&lt;b&gt;x&lt;/b&gt;" in page.text and "<b>x</b>" not in page.text
    csp = page.headers["content-security-policy"]
    assert f"frame-ancestors 'self' {ALLOWED}" in csp


def test_gradio_chat_is_mounted_at_root(client: httpx.Client) -> None:
    r = client.get("/")
    assert r.status_code == 200
    assert "gradio" in r.text.lower()


def test_non_json_content_type_gets_a_message_saying_what_to_send(client: httpx.Client) -> None:
    r = client.post("/api/ask", content='{"question": "补贴"}',
                    headers={"Content-Type": "text/plain"})
    assert r.status_code == 422
    assert "application/json" in r.json()["error"]


@pytest.mark.parametrize(("question", "note"), [
    (QUESTION, None),  # Weihai's own rule
    ("我是硕士，去南阳工作每个月有多少生活补贴？", "other"),  # no document for Nanyang
])
def test_ask_says_which_region_note_opened_the_answer(client: httpx.Client, question: str,
                                                      note: str | None) -> None:
    body = client.post("/api/ask", json={"question": question}).json()
    assert body["region_note"] == note, body["answer"]
    if note is not None:
        assert body["answer"].startswith("没有找到南阳"), body["answer"]
