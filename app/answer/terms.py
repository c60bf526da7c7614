"""The content words a question asks about, weighted by how rare they are in the corpus.

Words come from jieba's segmentation of the question's content (phrasing such as
多少 or 有没有 is removed first), folded by the lexicon's synonyms. A word's weight is
its inverse sentence frequency in the corpus; a word the corpus never uses gets the
largest weight, because it names something the documents may not cover. Evidence
*supports* a question by the weighted share of these words it contains; a benefit
family word (住房) is present when any kind of that family is (人才公寓, 安家费 …).

>>> words("工作每月生活补贴")
('工作', '每月', '生活', '补贴')
>>> support({"住房": 2.0, "支持": 1.0}, normalise("提供人才公寓免费住宿"))
0.6666666666666666
"""

from __future__ import annotations

import logging
import math
import threading
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import cache, lru_cache

import jieba
import jieba.posseg

from app.answer.scoring import normalise
from lexicon import benefit_families, benefit_kinds, function_chars, question_phrases

jieba.setLogLevel(logging.WARNING)
_LOCK = threading.Lock()
MIN_CHARS = 2
NOUN_TAGS = frozenset({"vn", "j", "eng"})


def _segment(text: str) -> list[str]:
    with _LOCK:  # jieba's lazy initialisation is not thread-safe
        return jieba.lcut(text, HMM=True)


@lru_cache(maxsize=100_000)
def nouns(text: str) -> frozenset[str]:
    """Words jieba tags as nouns (n…, vn, j, eng) in normalised ``text``."""
    with _LOCK:
        tagged = jieba.posseg.lcut(normalise(text))
    return frozenset(t.word for t in tagged if t.flag.startswith("n") or t.flag in NOUN_TAGS)


def _parts(word: str) -> list[str]:
    """Words of two characters or more inside ``word`` (jieba's full mode), itself excluded."""
    with _LOCK:
        return [p for p in jieba.lcut(word, cut_all=True) if len(p) >= MIN_CHARS and p != word]


@lru_cache(maxsize=100_000)
def words(segment: str) -> tuple[str, ...]:
    """Content words of one question segment (two characters or more, no phrasing)."""
    phrasing = set(question_phrases())
    out = []
    for word in _segment(normalise(segment)):
        if len(word) < MIN_CHARS or word in phrasing or all(ch in function_chars() for ch in word):
            continue
        out.append(word)
    return tuple(out)


@cache
def _groups() -> dict[str, tuple[str, ...]]:
    """Benefit family words and kinds -> the normalised words that count for them."""
    out: dict[str, tuple[str, ...]] = {}
    for family, members in benefit_families().items():
        out[normalise(family)] = tuple(normalise(w) for w in members)
    for kind, aliases in benefit_kinds().items():
        out[normalise(kind)] = tuple(normalise(w) for w in (kind, *aliases))
    return out


def present(word: str, text: str) -> bool:
    """True when normalised ``text`` holds ``word`` or, for a benefit family or kind, one
    of its members or other names (购房券 for 购房补贴)."""
    return word in text or any(m in text for m in _groups().get(word, ()))


def support(terms: Mapping[str, float], text: str) -> float:
    """Weighted share of ``terms`` present in normalised ``text`` (1.0 with no terms)."""
    total = sum(terms.values())
    if total <= 0:
        return 1.0
    return sum(w for t, w in terms.items() if present(t, text)) / total


class TermWeights:
    """Sentence frequencies of the corpus's words (segmented once, on first use)."""

    def __init__(self, sentences: Iterable[str]) -> None:
        self._sentences = list(sentences)  # normalised
        self._df: Counter[str] | None = None
        self._lock = threading.Lock()
        self._counted: dict[str, int] = {}

    def _load(self) -> Counter[str]:
        with self._lock:
            if self._df is None:
                df: Counter[str] = Counter()
                for sentence in self._sentences:
                    df.update(set(_segment(sentence)))
                self._df = df
            return self._df

    def weights(self, segments: Iterable[str]) -> dict[str, float]:
        """Question words -> weight (inverse sentence frequency; unseen: the largest)."""
        df = self._load()
        n = len(self._sentences)
        unseen = math.log((n + 1) / 0.5)
        out: dict[str, float] = {}
        for segment in segments:
            for key in words(segment):
                count = df[key] if key in df else self._count(key)
                out[key] = math.log((n + 1) / (count + 0.5)) if count else unseen
        return out

    def unseen(self, segments: Iterable[str], query: str) -> tuple[str, ...]:
        """Nouns of the question the corpus never uses, even in part (月租金 when neither it
        nor 租金 occurs; not 总体目标 when 总体 and 目标 both do): the things it asks
        about that these documents cannot hold."""
        df = self._load()
        named = nouns(query)
        out = []
        for segment in segments:
            for word in words(segment):
                if word not in named or df.get(word) or self._count(word):
                    continue
                parts = _parts(word)
                if not parts or not all(df.get(p) or self._count(p) for p in parts):
                    out.append(word)
        return tuple(dict.fromkeys(out))

    def _count(self, word: str) -> int:
        """Sentences containing ``word`` as a substring (for words segmented otherwise in
        the corpus), counted once per word."""
        found = self._counted.get(word)
        if found is None:
            found = self._counted[word] = sum(1 for s in self._sentences if word in s)
        return found
