"""Which script a question is written in, and conversion of answer framing.

Conversion itself lives in :mod:`ingest.script` (OpenCC); this module only
decides what to convert. Quotes are never converted: they stay verbatim.

>>> detect_script("How much is the allowance?")
'en'
>>> detect_script("硕士每月补贴多少？")
'hans'
"""

from __future__ import annotations

import re
from typing import Literal

from ingest.script import is_traditional, to_simplified, to_traditional

Script = Literal["hans", "hant", "en"]
_CJK = re.compile(r"[\u3400-\u9fff]")
_ENGLISH_WORD = re.compile(r"[A-Za-z]{2,}")

__all__ = ["Script", "detect_script", "in_script", "mostly_english", "simplified"]


def detect_script(question: str) -> Script:
    """``"en"`` without any CJK character, ``"hant"`` for Traditional, else ``"hans"``."""
    if not _CJK.search(question):
        return "en"
    return "hant" if is_traditional(question) else "hans"


def mostly_english(text: str) -> bool:
    """True for an English question that quotes a few Chinese characters (「talent loan
    (人才贷)」): four English words or more, and more of them than Chinese characters. Its
    script is still ``hans`` (it names the notices' own term), but its English says what
    it asks.

    >>> mostly_english("how much can I borrow with their 人才贷?"), mostly_english("想找intern")
    (True, False)
    """
    words = len(_ENGLISH_WORD.findall(text))
    return words >= 4 and words > len(_CJK.findall(text))


def in_script(text: str, script: Script) -> str:
    """Framing text (written in simplified Chinese) converted for ``script``."""
    return to_traditional(text) if script == "hant" else text


def simplified(text: str) -> str:
    """Simplified-Chinese form of ``text`` used for all matching."""
    return to_simplified(text)
