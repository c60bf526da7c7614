"""Who and what a policy names: degree slots, categories of people and kinds of
benefit (``degrees.tsv``, ``persons.tsv``, ``benefits.tsv``).

>>> [d.name for d in degrees()][:3]
['博士后', '博士', '硕士']
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType

from lexicon.tables import by_length, rows
from lexicon.wording import synonym_groups


@dataclass(frozen=True)
class Degree:
    """A degree slot: its name, the spellings that name it, the names that evidence it."""

    name: str
    aliases: tuple[str, ...]
    covers: tuple[str, ...]
    general: tuple[str, ...] = ()


@cache
def degrees() -> tuple[Degree, ...]:
    """Degree slots in ``degrees.tsv`` order (博士后 before 博士)."""
    return tuple(Degree(r["degree"], tuple(r["aliases"].split()), tuple(r["covers"].split()),
                        tuple(w for w in r["general"].split() if w != "-"))
                 for r in rows("degrees.tsv"))


@cache
def degree_aliases() -> tuple[tuple[str, str], ...]:
    """``(spelling, degree)`` pairs, longest spelling first (博士后 wins over 博士)."""
    return by_length([(a, d.name) for d in degrees() for a in d.aliases])


def _grouped(name: str, key: str) -> Mapping[str, tuple[str, ...]]:
    return MappingProxyType({r[key]: tuple(r["aliases"].split()) for r in rows(name)})


@cache
def person_categories() -> Mapping[str, tuple[str, ...]]:
    """Category -> other names for it (``persons.tsv``)."""
    return _grouped("persons.tsv", "category")


@cache
def benefit_kinds() -> Mapping[str, tuple[str, ...]]:
    """Benefit kind -> other names for it (``benefits.tsv``)."""
    return _grouped("benefits.tsv", "kind")


@cache
def benefit_families() -> Mapping[str, tuple[str, ...]]:
    """Family word (住房, 创业 …) -> every kind and alias in it (``benefits.tsv``)."""
    out: dict[str, list[str]] = {}
    for r in rows("benefits.tsv"):
        out.setdefault(r["family"], []).extend([r["kind"], *r["aliases"].split()])
    return MappingProxyType({k: tuple(dict.fromkeys(v)) for k, v in out.items()})


@cache
def domain_words() -> frozenset[str]:
    """The words of the degree, person, benefit and synonym tables, and the dictionary
    words they are made of (人才 of 高层次人才), two to four characters long: the
    domain's vocabulary, which a fast typist's pinyin initials (rc, bs, yjs) abbreviate."""
    from lexicon.segmenter import dictionary_parts  # jieba: loaded on first use only

    whole = {*(w for pair in degree_aliases() for w in pair),
             *(w for table in (person_categories(), benefit_kinds())
               for key, names in table.items() for w in (key, *names)),
             *(w for group in synonym_groups() for w in group)}
    parts = {p for w in whole for p in dictionary_parts(w)}
    return frozenset(w for w in whole | parts if 2 <= len(w) <= 4)
