"""Near-synonyms by the embedding model: a word the documents never use (手艺, 评级) may
still be asked about in their words (技艺, 等级).

A question naming a noun the corpus never uses is refused unless its evidence is strong
(``AnswerConfig.unseen_support``): the documents cannot hold what they never name. People
ask in their own words, though, and the dictionary's shared senses do not reach every
everyday word. This module checks an unseen word against the words of the best candidate
sentences with the retriever's own query embedder, word against word: a word at or above
``AnswerConfig.near_word_similarity`` (cosine) is the documents' word for it. The model
is whatever the index was built with; with the hash stand-in, distinct words are never
near, so the check is then a no-op.

>>> import numpy as np
>>> table = {"手艺": [1.0, 0.2], "技艺": [0.9, 0.3], "公寓": [0.0, 1.0]}
>>> vectors = WordVectors(lambda ws: np.asarray([table.get(w, [0.0, 0.0]) for w in ws]))
>>> near_word("手艺", ["公寓", "技艺"], vectors, 0.9)
'技艺'
>>> near_word("手艺", ["公寓"], vectors, 0.9) is None
True
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

import numpy as np

from app.answer.evidence import Candidate
from app.answer.terms import words

EmbedMany = Callable[[Sequence[str]], Any]

#: words kept before the store starts afresh (a long-running server meets new words daily)
MAX_WORDS = 50_000


class WordVectors:
    """Unit vectors of single words by an embedder of many texts at once, kept once
    embedded: a question's unseen word and the words of its best sentences are embedded
    in one call, and candidate sentences' words recur across questions. An embedder that
    gives no vectors (None, a test stand-in) leaves every word without one."""

    def __init__(self, embed_many: EmbedMany, max_words: int = MAX_WORDS) -> None:
        self._embed_many = embed_many
        self._max_words = max_words
        self._known: dict[str, np.ndarray | None] = {}

    def of(self, words: Iterable[str]) -> dict[str, np.ndarray | None]:
        """The unit vector of each word (None for a zero vector or no vector)."""
        words = list(dict.fromkeys(words))
        new = [w for w in words if w not in self._known]
        if new and len(self._known) + len(new) > self._max_words:
            self._known, new = {}, words  # start afresh, keeping what this call asks
        if new:
            self._known.update(zip(new, self._unit_rows(new), strict=True))
        return {w: self._known[w] for w in words}

    def _unit_rows(self, words: Sequence[str]) -> list[np.ndarray | None]:
        raw = self._embed_many(words)
        if raw is None:
            return [None] * len(words)
        rows = np.asarray(raw, dtype=np.float32).reshape(len(words), -1)
        norms = np.linalg.norm(rows, axis=1)
        return [row / n if n > 0 else None for row, n in zip(rows, norms, strict=True)]


def near_word(word: str, others: Sequence[str], vectors: WordVectors,
              threshold: float) -> str | None:
    """The first of ``others`` whose cosine with ``word`` is at least ``threshold``."""
    known = vectors.of([word, *others])
    target = known[word]
    if target is None:
        return None
    for other in others:
        v = known[other]
        if other != word and v is not None and float(target @ v) >= threshold:
            return other
    return None


def unseen_left(unseen: Sequence[str], cands: Sequence[Candidate], vectors: WordVectors,
                threshold: float, sentences: int) -> tuple[str, ...]:
    """``unseen`` without the words that have a near-synonym in one of the ``sentences``
    best-scored candidates (0 or a threshold above 1: every word is kept)."""
    if not unseen or sentences < 1 or threshold > 1:
        return tuple(unseen)
    best = sorted(cands, key=lambda c: c.score, reverse=True)[:sentences]
    held = list(dict.fromkeys(w for c in best for w in words(c.sentence.text)
                              if not any(ch.isdigit() for ch in w)))
    vectors.of([*unseen, *held])  # one engine call for every word not yet known
    return tuple(w for w in unseen if near_word(w, held, vectors, threshold) is None)
