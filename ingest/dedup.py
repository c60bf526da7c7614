"""Find republished copies: documents whose text is almost entirely another's.

Policy notices are reposted by many sites (a ministry notice, the same notice
on a provincial tax bureau's page, a news repost with a one-line lead). Indexed
separately, the copies crowd each other into every top 5 and push other
relevant notices out. Ingest keeps one copy per group and records the others as
aliases, exactly as it does for byte-identical files.

Two documents count as copies when they are near-identical both ways: at least
``threshold`` of each one's character 8-grams (whitespace removed) occur in the
other. A short notice that is merely quoted inside a long compilation is not a
copy, so it keeps its own entry and its own citations.

>>> a = "".join(f"第{i}条：企业按规定减免社会保险费{i * 7}元。" for i in range(1, 30))
>>> b = "转载：" + a
>>> near_duplicates({"a.txt": a, "b.txt": b}, threshold=0.9)
{'a.txt': 'b.txt'}
>>> c = a + "".join(f"附则{i}：补贴标准为每人{i * 13}元。" for i in range(1, 30))
>>> near_duplicates({"a.txt": a, "c.txt": c}, threshold=0.9)
{}
"""

from __future__ import annotations

import heapq
import zlib
from collections import Counter, defaultdict
from collections.abc import Mapping

#: Length of the character n-grams compared.
SHINGLE = 8
#: Default share of n-grams two documents must have in common, each way.
DEFAULT_THRESHOLD = 0.95
#: Loosest share accepted: below it, "copies" would differ by as much as they share.
MIN_THRESHOLD = 0.5
#: Documents with fewer n-grams than this are never folded (too little to judge).
MIN_SHINGLES = 50
#: Size of each document's bottom-k sketch, and how many sketch n-grams two
#: documents must share before their full n-gram sets are compared.
SKETCH = 32
MIN_SKETCH_SHARED = 4


def shingles(text: str, n: int = SHINGLE) -> frozenset[int]:
    """The set of CRC-32 hashes of ``text``'s character ``n``-grams, whitespace removed.

    >>> len(shingles("一二三四五六七八九")) == 2
    True
    """
    squashed = "".join(text.split())
    if len(squashed) < n:
        return frozenset()
    return frozenset(
        zlib.crc32(squashed[i : i + n].encode("utf-8")) for i in range(len(squashed) - n + 1)
    )


def near_duplicates(
    texts: Mapping[str, str], threshold: float = DEFAULT_THRESHOLD
) -> dict[str, str]:
    """Map each folded name to the name kept in its place.

    The longest document of a group is kept (ties go to the first name in sort
    order); each other document is folded into the kept document it shares the
    most n-grams with, when the share reaches ``threshold`` both ways. The
    result is deterministic and independent of the order of ``texts``.

    Candidates come from a bottom-k sketch (the ``SKETCH`` smallest n-gram
    hashes of each document): near-identical texts share most of their sketch,
    while boilerplate shared by hundreds of notices rarely puts two of its
    n-grams in both sketches. Candidates are then checked on their full n-gram
    sets, so the cost grows with the number of documents, not with how often
    common phrases repeat.
    """
    check_threshold(threshold)
    grams = {name: shingles(text) for name, text in texts.items()}
    order = sorted(grams, key=lambda name: (-len(grams[name]), name))
    postings: dict[int, list[str]] = defaultdict(list)
    folded: dict[str, str] = {}
    for name in order:
        mine = grams[name]
        sketch = heapq.nsmallest(SKETCH, mine)
        if len(mine) >= MIN_SHINGLES:
            shared = Counter(other for g in sketch for other in postings.get(g, ()))
            best: tuple[int, str] | None = None
            for other, n_sketch in shared.items():
                if n_sketch < MIN_SKETCH_SHARED:
                    continue
                common = len(mine & grams[other])
                both_ways = min(common / len(mine), common / len(grams[other])) >= threshold
                if both_ways and (best is None or (common, other) > best):
                    best = (common, other)
            if best is not None:
                folded[name] = best[1]
                continue
        for g in sketch:
            postings[g].append(name)
    return folded


def check_threshold(threshold: float, what: str = "threshold") -> float:
    """``threshold`` itself when it lies in [MIN_THRESHOLD, 1]; ValueError naming ``what``."""
    if not MIN_THRESHOLD <= threshold <= 1.0:
        raise ValueError(
            f"{what} must be between {MIN_THRESHOLD} and 1.0, got {threshold}"
        )
    return threshold


def parse_threshold(value: str, what: str = "--fold-copies") -> float | None:
    """A command-line fold setting: ``off`` (None) or a share between 0.5 and 1.0.

    >>> parse_threshold("off") is None, parse_threshold("0.9")
    (True, 0.9)
    """
    if value.strip().lower() in {"off", "none", "no"}:
        return None
    try:
        share = float(value)
    except ValueError:
        raise ValueError(
            f"{what} takes a share between {MIN_THRESHOLD} and 1.0 or 'off', got {value!r}"
        ) from None
    return check_threshold(share, what)
