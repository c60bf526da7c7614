"""Chinese-aware tokenisation for BM25 and query synonym expansion (pure functions).

Chinese runs become overlapping character bigrams (a lone character stays a
unigram); Latin words and numbers stay whole tokens, lower-cased.

>>> bigrams("人才公寓 2024年 Hukou")
['人才', '才公', '公寓', '2024', '年', 'hukou']
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

from lexicon import synonym_groups

TOKENISER_NAME = "cjk-bigram+latin-words/v1"

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TOKEN_RE = re.compile(rf"[{_CJK}]+|[a-z]+|\d+(?:\.\d+)?")
_CJK_RE = re.compile(rf"[{_CJK}]")

#: Groups of interchangeable colloquial and formal terms, applied to queries (the
#: lexicon owns them: ``lexicon/data/synonyms.tsv``).
SYNONYM_GROUPS: tuple[tuple[str, ...], ...] = synonym_groups()


def has_chinese(text: str) -> bool:
    """True when ``text`` contains at least one CJK ideograph.

    >>> has_chinese("housing subsidy"), has_chinese("住房")
    (False, True)
    """
    return _CJK_RE.search(text) is not None


def bigrams(text: str) -> list[str]:
    """Tokenise already-simplified ``text`` into CJK bigrams and Latin/number tokens."""
    norm = unicodedata.normalize("NFKC", text).lower()
    tokens: list[str] = []
    for run in _TOKEN_RE.findall(norm):
        if _CJK_RE.match(run):
            if len(run) == 1:
                tokens.append(run)
            else:
                tokens.extend(run[i : i + 2] for i in range(len(run) - 1))
        else:
            tokens.append(run)
    return tokens


def expand_synonyms(
    text: str, groups: Sequence[Sequence[str]] = SYNONYM_GROUPS
) -> list[str]:
    """Terms to add to a query: the other members of every group one of whose terms occurs.

    >>> expand_synonyms("社保怎么交")
    ['社会保险']
    >>> expand_synonyms("社会保险怎么交")
    ['社保']
    """
    extra: list[str] = []
    for group in groups:
        if any(term in text for term in group):
            extra.extend(term for term in group if term not in text and term not in extra)
    return extra


def query_tokens(text: str, groups: Sequence[Sequence[str]] = SYNONYM_GROUPS) -> list[str]:
    """Tokens for a simplified query: its bigrams plus those of its synonym expansions.

    >>> query_tokens("硕士补贴")[:3]
    ['硕士', '士补', '补贴']
    """
    tokens = bigrams(text)
    for term in expand_synonyms(text, groups):
        tokens.extend(tok for tok in bigrams(term) if tok not in tokens)
    return tokens


def field_text(title: str, section_path: str, text: str, title_repeat: int = 1) -> str:
    """Text indexed for one chunk: the title (repeated as a field boost), section path and body.

    >>> field_text("标题", "一、总则", "正文", 0)
    '一、总则\\n正文'
    """
    parts: Iterable[str] = [*([title] * title_repeat), section_path, text]
    return "\n".join(p for p in parts if p)
