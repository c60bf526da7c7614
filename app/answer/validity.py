"""Validity of a policy from its manifest entry: 「已过期」, 「已废止」 or still valid.

A document stays searchable either way; only its citations are marked.

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
from collections.abc import Iterable, Mapping
from datetime import date

from app.answer.types import Citation

EXPIRED = "已过期"
REPEALED = "已废止"
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


def validity_status(meta: Mapping[str, str], today: date) -> str | None:
    """「已废止」 for a repealed/superseded status, 「已过期」 once ``valid_until`` has passed."""
    status = (meta.get("status") or "").strip().lower()
    if any(word in status for word in _REPEALED_WORDS):
        return REPEALED
    if any(word in status for word in _EXPIRED_WORDS):
        return EXPIRED
    until = parse_date(meta.get("valid_until"))
    if until is not None and until < today:
        return EXPIRED
    return None


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
