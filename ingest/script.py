"""Simplified/Traditional Chinese conversion with OpenCC.

>>> to_simplified("關于強化人才")
'关于强化人才'
>>> is_traditional("青島市人力資源和社會保障局")
True
"""

from __future__ import annotations

from functools import cache

import opencc


@cache
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def to_simplified(text: str) -> str:
    """Return ``text`` with Traditional characters converted to Simplified."""
    return _converter("t2s").convert(text) if text else text


def to_traditional(text: str) -> str:
    """Return ``text`` with Simplified characters converted to Traditional."""
    return _converter("s2t").convert(text) if text else text


def is_traditional(text: str) -> bool:
    """True when more characters change under Traditional→Simplified than the reverse."""
    if not text:
        return False
    simplified = to_simplified(text)
    traditional = to_traditional(text)
    changed_t2s = sum(a != b for a, b in zip(text, simplified, strict=False))
    changed_s2t = sum(a != b for a, b in zip(text, traditional, strict=False))
    return changed_t2s > changed_s2t
