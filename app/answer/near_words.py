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
>>> embed = lambda w: np.asarray(table.get(w, [0.0, 0.0]))
>>> near_word("手艺", ["公寓", "技艺"], embed, 0.9)
'技艺'
>>> near_word("手艺", ["公寓"], embed, 0.9) is None
True
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import Any

import numpy as np

from app.answer.evidence import Candidate
from app.answer.terms import words

Embed = Callable[[str], Any]


@lru_cache(maxsize=50_000)
def _unit(embed: Embed, word: str) -> np.ndarray | None:
    """The unit vector of ``word`` (None for a zero vector). Memoised per embedder:
    candidate sentences' words recur across questions."""
    v = np.asarray(embed(word), dtype=np.float32).ravel()
    norm = float(np.linalg.norm(v))
    return v / norm if norm > 0 else None


def near_word(word: str, others: Iterable[str], embed: Embed, threshold: float) -> str | None:
    """The first of ``others`` whose cosine with ``word`` is at least ``threshold``."""
    target = _unit(embed, word)
    if target is None:
        return None
    for other in others:
        v = _unit(embed, other)
        if other != word and v is not None and float(target @ v) >= threshold:
            return other
    return None


def unseen_left(unseen: Sequence[str], cands: Sequence[Candidate], embed: Embed,
                threshold: float, sentences: int) -> tuple[str, ...]:
    """``unseen`` without the words that have a near-synonym in one of the ``sentences``
    best-scored candidates (0 or a threshold above 1: every word is kept)."""
    if not unseen or sentences < 1 or threshold > 1:
        return tuple(unseen)
    best = sorted(cands, key=lambda c: c.score, reverse=True)[:sentences]
    held = list(dict.fromkeys(w for c in best for w in words(c.sentence.text)
                              if not any(ch.isdigit() for ch in w)))
    return tuple(w for w in unseen if near_word(w, held, embed, threshold) is None)
