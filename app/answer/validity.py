"""Validity of a policy: 「有效」 only when a period is stated, else 「未注明有效期」.

A period is stated by the manifest (``valid_until``, ``status``) or by the text itself
(「有效期至2020年12月31日」, found at ingest: :func:`ingest.facts_validity.stated_until`).
The same rule serves the 「补贴一览」 listing and the chat's citations: a citation is
marked 已过期/已废止 when its manifest entry or its document's own stated period says
so, and nothing ever says 有效 without a stated period. A document stays searchable
either way; only its citations are marked.

>>> from datetime import date
>>> validity_status({"valid_until": "2023-12-31"}, date(2025, 1, 1))
'已过期'
>>> validity_status({"status": "superseded"}, date(2025, 1, 1))
'已废止'
>>> validity_status({"valid_until": "2030年1月1日"}, date(2025, 1, 1)) is None
True
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from app.answer.types import Citation
from ingest.facts import shadow_text
from ingest.facts_validity import document_until
from ingest.types import Document

EXPIRED = "已过期"
REPEALED = "已废止"
VALID = "有效"
UNSTATED = "未注明有效期"
_REPEALED_WORDS = ("废止", "失效", "superseded", "repealed", "revoked", "replaced")
_EXPIRED_WORDS = ("过期", "expired")
_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")


def parse_date(text: str | None) -> date | None:
    """``2024-06-30``, ``2024/6/30`` or ``2024年6月30日`` as a date (None when unreadable)."""
    m = _DATE.search(text or "")
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


@dataclass(frozen=True)
class Validity:
    """A label (有效, 未注明有效期, 已过期, 已废止) and the stated end it rests on."""

    label: str
    until: str | None

    @property
    def warning(self) -> str | None:
        """The citation marker: 已过期/已废止, else None."""
        return self.label if self.label in (EXPIRED, REPEALED) else None


def validity(meta: Mapping[str, str], today: date, stated_until: str | None = None) -> Validity:
    """The validity of a policy from its manifest entry and the end its text states.

    >>> validity({}, date(2025, 1, 1)).label
    '未注明有效期'
    >>> validity({}, date(2025, 1, 1), "2020-12-31").label
    '已过期'
    >>> validity({"valid_until": "2030-01-01"}, date(2025, 1, 1)).label
    '有效'
    """
    status = (meta.get("status") or "").strip().lower()
    if any(word in status for word in _REPEALED_WORDS):
        return Validity(REPEALED, meta.get("valid_until") or stated_until)
    if any(word in status for word in _EXPIRED_WORDS):
        return Validity(EXPIRED, meta.get("valid_until") or stated_until)
    manifest = parse_date(meta.get("valid_until"))
    until, text = (manifest, meta.get("valid_until")) if manifest else (
        parse_date(stated_until), stated_until)
    if until is None:
        return Validity(UNSTATED, None)
    return Validity(EXPIRED if until < today else VALID, text)


def validity_status(meta: Mapping[str, str], today: date,
                    stated_until: str | None = None) -> str | None:
    """「已废止」 for a repealed/superseded status, 「已过期」 once ``valid_until`` (or the
    end the text states) has passed; else None."""
    return validity(meta, today, stated_until).warning


_UNTIL: dict[str, str | None] = {}
_UNTIL_LOCK = threading.Lock()


def document_stated_until(doc: Document) -> str | None:
    """The validity end ``doc``'s own text states for itself (memoised per document)."""
    with _UNTIL_LOCK:
        if doc.doc_id in _UNTIL:
            return _UNTIL[doc.doc_id]
    found = document_until(shadow_text(doc.text), doc.date)
    with _UNTIL_LOCK:
        _UNTIL[doc.doc_id] = found
    return found


def document_status(doc: Document, today: date) -> str | None:
    """The citation marker for ``doc``: its manifest or its own stated period."""
    return validity_status(doc.meta, today, document_stated_until(doc))


def mark_citations(text: str, citations: Iterable[Citation]) -> str:
    """Put each marked citation's status right after its ``[n]`` markers in ``text``.

    >>> c = Citation(2, "c", "d", "s", "t", None, None, "", "q", 0, 1, "已废止")
    >>> mark_citations("补贴1000元[2]。", [c])
    '补贴1000元[2]（已废止）。'
    """
    for c in citations:
        if c.status:
            text = re.sub(rf"\[{int(c.n)}\](?!（{c.status}）)", f"[{c.n}]（{c.status}）", text)
    return text
