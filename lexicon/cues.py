"""Cue words for reading a sentence: which figures are benefits, which words name a
responsible department, which words carry or stop a sentence's region
(``fact_cues.tsv``, ``department_cues.tsv``, ``region_cues.tsv``), and the central
bodies that make a notice national (``national_bodies.txt``)."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from types import MappingProxyType

from lexicon.tables import DATA, rows


@cache
def national_bodies() -> tuple[str, ...]:
    """Names of central bodies that make a notice national, longest first."""
    with (DATA / "national_bodies.txt").open(encoding="utf-8") as fh:
        words = dict.fromkeys(w for line in fh if not line.startswith("#") for w in line.split())
    return tuple(sorted(words, key=len, reverse=True))  # ties in the file's order


def _cues(name: str) -> Mapping[str, tuple[str, ...]]:
    groups: dict[str, list[str]] = {}
    for r in rows(name):
        groups.setdefault(r["kind"], []).append(r["cue"])
    return MappingProxyType({k: tuple(sorted(dict.fromkeys(v), key=len, reverse=True))
                             for k, v in groups.items()})


@cache
def fact_cues() -> Mapping[str, tuple[str, ...]]:
    """Cue kind -> words (longest first) that tell a benefit amount from a statistic,
    budget, threshold, penalty or price (``fact_cues.tsv``).

    >>> "给予" in fact_cues()["grant"], "产值" in fact_cues()["statistic"]
    (True, True)
    """
    return _cues("fact_cues.tsv")


@cache
def department_cues() -> Mapping[str, tuple[str, ...]]:
    """Cue kind -> words for responsible departments: ``label`` (责任单位 …), ``suffix``,
    ``generic``, ``joiner`` and ``tail`` (``department_cues.tsv``)."""
    return _cues("department_cues.tsv")


@cache
def region_cues() -> Mapping[str, tuple[str, ...]]:
    """Cue kind -> words for reading a sentence's granting region: ``continues``,
    ``not_before`` and ``not_after`` (``region_cues.tsv``)."""
    return _cues("region_cues.tsv")
