"""The ablation's rule for choosing a default, and the paired test it rests on (pure).

>>> significantly_better(np.array([1.0] * 9), np.array([0.0] * 9))
True
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np


def significantly_better(x: np.ndarray, y: np.ndarray, z: float = 1.96) -> bool:
    """Paired sign test: ``x`` wins on more questions than it loses, beyond chance.

    ``x`` and ``y`` hold one score per question (same questions, same order); ties
    are ignored. With ``w`` wins and ``l`` losses, ``w - l > z * sqrt(w + l)``
    (the normal approximation; z 1.96 is about 95% two-sided).

    >>> significantly_better(np.array([1] * 12 + [0] * 2), np.array([0] * 12 + [1] * 2))
    True
    >>> significantly_better(np.array([1, 1, 0]), np.array([0, 0, 1]))
    False
    """
    wins, losses = int((x > y).sum()), int((x < y).sum())
    return wins - losses > z * float(np.sqrt(wins + losses))


def choose(results: Mapping[str, Mapping[str, Any]], lecoqa_rows: Mapping[str, np.ndarray],
           baseline: str, n_ncp: int) -> str:
    """The variant the rule picks (see the module docstring); the baseline when none qualifies.

    ``results[name]`` holds ``full``, ``A``, ``B`` (NCP rows, doc Recall@5 first, with
    ``n_A``/``n_B`` question counts) and ``sample_r5``; ``lecoqa_rows[name]`` one
    LeCoQA score per question (doc + any-cited hit). A variant qualifies when it
    loses nothing on the sample set, stays within one question of the baseline on
    NCP (full and each half) and beats the baseline on LeCoQA by a paired sign
    test; among those no other qualifying variant beats the same way, the first
    listed wins, so differences within noise never move the default.
    """
    base = results[baseline]

    def holds(e: Mapping[str, Any]) -> bool:
        if e["sample_r5"] < base["sample_r5"] - 1e-9:
            return False
        return all(e[h][0] >= base[h][0] - 1.0 / n - 1e-9
                   for h, n in (("full", n_ncp), ("A", base["n_A"]), ("B", base["n_B"])))

    eligible = [n for n, e in results.items() if n != baseline and holds(e)]
    better = [n for n in eligible
              if significantly_better(lecoqa_rows[n], lecoqa_rows[baseline])]
    unbeaten = [n for n in better
                if not any(significantly_better(lecoqa_rows[o], lecoqa_rows[n]) for o in eligible)]
    return unbeaten[0] if unbeaten else baseline
