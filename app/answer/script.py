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

__all__ = ["Script", "detect_script", "in_script", "simplified"]


def detect_script(question: str) -> Script:
    """``"en"`` without any CJK character, ``"hant"`` for Traditional, else ``"hans"``."""
    if not _CJK.search(question):
        return "en"
    return "hant" if is_traditional(question) else "hans"


def in_script(text: str, script: Script) -> str:
    """Framing text (written in simplified Chinese) converted for ``script``."""
    return to_traditional(text) if script == "hant" else text


def simplified(text: str) -> str:
    """Simplified-Chinese form of ``text`` used for all matching."""
    return to_simplified(text)
