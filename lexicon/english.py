"""English terms: the glossary of policy words (``glossary_en.tsv``) and the English
function words that are never looked up.

>>> dict(glossary_en())["living allowance"]
'生活补贴'
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from types import MappingProxyType

from lexicon.tables import by_length, rows


@cache
def glossary_en() -> tuple[tuple[str, str], ...]:
    """``(english, chinese)`` pairs, longest English phrase first."""
    return by_length([(r["english"].lower(), r["chinese"]) for r in rows("glossary_en.tsv")])


@cache
def english_for() -> Mapping[str, str]:
    """Chinese term -> its English rendering: the first glossary line that gives it."""
    out: dict[str, str] = {}
    for r in rows("glossary_en.tsv"):
        out.setdefault(r["chinese"], r["english"])
    return MappingProxyType(out)


@cache
def english_stop_words() -> frozenset[str]:
    """English function words (the, does, many …) never looked up in the dictionary:
    scikit-learn's English stop words (318, BSD) with the extended list bm25s ships
    (NLTK's, 179). Both packages are loaded by the retrieval stack already."""
    from bm25s.stopwords import STOPWORDS_EN_PLUS
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS) | frozenset(STOPWORDS_EN_PLUS)
