"""Infer title, issuer, date, document number and region from display text.

>>> parse_date("2025年4月7日"), parse_date("2025.4.7"), parse_date("2025-04-07")
('2025-04-07', '2025-04-07', '2025-04-07')
>>> find_doc_number("青人社发〔2025〕5号 各区市")
'青人社发〔2025〕5号'
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ingest.headings import match_heading
from ingest.normalise import TERMINAL
from ingest.regions import infer_document_region
from ingest.script import to_simplified

_DATE = re.compile(
    r"(?<!\d)(\d{4})\s*(?:年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]|[-./](\d{1,2})[-./](\d{1,2}))(?!\d)"
)
_DOC_NUMBER = re.compile(
    r"[\u4e00-\u9fff]{1,12}\s*[〔\[［【(（]\s*(?:19|20)\d{2}\s*[〕\]］】)）]\s*第?\s*\d{1,4}\s*号"
)
_TITLE_KIND = re.compile(
    r"(关于|關于|關於).{2,80}?(通知|意见|意見|方案|办法|辦法|规定|規定|决定|決定|公告|通告|细则|細則|措施|批复|批覆|规划|規劃|函)"
)
_ORG_SUFFIX = re.compile(
    r"(局|厅|廳|委|部|办|辦|办公室|辦公室|政府|院|会|會|中心|委员会|委員會|署|处|處)$"
)
_ISSUER_LABEL = re.compile(
    r"(?:印发单位|印發單位|发文机关|發文機關|发布单位|發布單位)[:：]\s*(\S+)"
)
_NOISE = re.compile(r"记者|記者|作者|来源|來源|编辑|編輯|原标题|原標題|^▶|^■|^图|^圖")
MAX_TITLE = 80


@dataclass(frozen=True)
class Metadata:
    """What could be inferred about a document (None when not stated)."""

    title: str
    issuer: str | None
    date: str | None
    doc_number: str | None
    region: str | None


def parse_date(text: str) -> str | None:
    """First valid date in ``text`` as ISO ``YYYY-MM-DD``, else None."""
    for m in _DATE.finditer(text):
        year, month, day = m.group(1), m.group(2) or m.group(4), m.group(3) or m.group(5)
        try:
            return dt.date(int(year), int(month), int(day)).isoformat()
        except ValueError:
            continue
    return None


def find_doc_number(text: str) -> str | None:
    """The document number (文号) such as ``青人社发〔2025〕5号``, if present."""
    for m in _DOC_NUMBER.finditer(text):
        if m.start() == 0 or text[m.start() - 1] not in "（(》〈":  # not a cited document
            return re.sub(r"\s+", "", m.group())
    return None


def _is_date_line(line: str) -> bool:
    m = _DATE.search(line)
    return bool(m) and len(line) - (m.end() - m.start()) <= 2


def _guess_title(paragraphs: list[str], fallback: str) -> str:
    head = paragraphs[:15]
    for para in head:
        m = _TITLE_KIND.search(para)
        quoted = m is not None and "《" in para[: m.start() + 1]
        if (
            m
            and not quoted
            and len(para) <= MAX_TITLE
            and m.start() <= 40
            and para[-1] not in TERMINAL
        ):
            return para
    for para in head:
        if (
            4 <= len(para) <= 60
            and para[-1] not in TERMINAL
            and not _is_date_line(para)
            and not match_heading(para)
            and not _NOISE.search(para)
        ):
            return para
    first = (
        re.sub(r"^(摘\s*要|内容提要|內容提要)\s*[|｜:：]\s*", "", paragraphs[0])
        if paragraphs
        else ""
    )
    sentence = re.split(r"[。！？!?；;，,]", first)[0]
    return (sentence[:40] + "…") if len(sentence) > 40 else (sentence or fallback)


def _guess_issuer(paragraphs: list[str], title: str) -> str | None:
    for i, para in enumerate(paragraphs):
        if _is_date_line(para) and i > 0:
            prev = paragraphs[i - 1].strip()
            if len(prev) <= 40 and _ORG_SUFFIX.search(prev):
                return prev
        m = _ISSUER_LABEL.match(para)
        if m:
            return m.group(1)
    m = re.match(r"(.{2,40}?)\s*(关于|關于|關於)", title)
    if m and _ORG_SUFFIX.search(m.group(1).strip()):
        return m.group(1).strip()
    return None


def _guess_date(paragraphs: list[str], text: str) -> str | None:
    for para in paragraphs:
        if _is_date_line(para):
            return parse_date(para)
    return parse_date(text[-120:]) or parse_date(text[:300])


def infer_metadata(text: str, fallback_title: str) -> Metadata:
    """Infer metadata from a document's display text."""
    paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
    title = _guess_title(paragraphs, fallback_title)
    issuer = _guess_issuer(paragraphs, title)
    region = infer_document_region(
        to_simplified(title), to_simplified(issuer or ""), to_simplified(text)
    )
    date = _guess_date(paragraphs, text)
    return Metadata(title, issuer, date, find_doc_number(text[:2000]), region)
