"""One dense score from the members of an embedding ensemble (pure functions).

An ensemble index stores each chunk's member vectors side by side
(:class:`index.embedder.EnsembleEmbedder`). The members' cosines live on
different scales (e5's crowd into 0.75-0.9, USE's spread over 0.1-0.8), so
each is min-max normalised over the candidates first; then they are weighed.

>>> member_weights(2, 0.3)
(0.7, 0.3)
>>> mixed = mix_members(np.array([[0.9, 0.2], [0.8, 0.6], [0.7, 0.4]]), (0.7, 0.3))
>>> [round(float(x), 3) for x in mixed]
[0.7, 0.65, 0.15]
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def member_weights(n_members: int, later_share: float) -> tuple[float, ...]:
    """The first member keeps ``1 - later_share``; the later members split ``later_share``.

    >>> member_weights(1, 0.3)
    (1.0,)
    >>> member_weights(3, 0.5)
    (0.5, 0.25, 0.25)
    """
    if n_members < 1:
        raise ValueError(f"an embedder has at least one member, got {n_members}")
    if not 0.0 <= later_share <= 1.0:
        raise ValueError(f"later_share must be within [0, 1], got {later_share}")
    if n_members == 1:
        return (1.0,)
    rest = later_share / (n_members - 1)
    return (round(1.0 - later_share, 12), *([round(rest, 12)] * (n_members - 1)))


def minmax_columns(scores: np.ndarray) -> np.ndarray:
    """Each column scaled to [0, 1] over the rows; a flat column becomes all ones (the rule
    of ``index.fusion.normalise_minmax``, here for score columns on the re-scoring path).

    >>> minmax_columns(np.array([[1.0, 5.0], [3.0, 5.0]])).tolist()
    [[0.0, 1.0], [1.0, 1.0]]
    """
    scores = np.asarray(scores, dtype=np.float64)
    lo, hi = scores.min(axis=0), scores.max(axis=0)
    span = hi - lo
    flat = span <= 1e-12
    out = (scores - lo) / np.where(flat, 1.0, span)
    out[:, flat] = 1.0
    return out


def mix_members(scores: np.ndarray, weights: Sequence[float]) -> np.ndarray:
    """Weighted sum of the members' min-max normalised scores (rows: candidates).

    A member with weight 0 is left out, so ``(1.0, 0.0)`` ranks by the first alone.
    """
    scores = np.asarray(scores, dtype=np.float64)
    if scores.ndim != 2 or scores.shape[1] != len(weights):
        raise ValueError(f"scores must have one column per weight, got {scores.shape} "
                         f"for {len(weights)} weights")
    if not len(scores):
        return np.zeros(0, dtype=np.float32)
    return (minmax_columns(scores) @ np.asarray(weights, dtype=np.float64)).astype(np.float32)
