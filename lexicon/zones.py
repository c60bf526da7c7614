"""Development zones by kind (高新, 经开 …) and the other spellings questions use for them.

>>> kinds = {"高新": ("高新", "高技术"), "经开": ("经济技术",)}
>>> zone_kind("威海火炬高技术产业开发区", kinds), zone_kind("临江新区", kinds)
('高新', None)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence

from lexicon.place_types import Place


def zone_kind(name: str, kinds: Mapping[str, Sequence[str]]) -> str | None:
    """The kind of zone whose markers ``name`` holds, if exactly one kind's."""
    found = [k for k, marks in kinds.items() if any(w in name for w in marks)]
    return found[0] if len(found) == 1 else None


def zone_spellings(shorts: Mapping[str, Sequence[Place]], taken: Mapping[str, Sequence[Place]],
                   suffixes: Sequence[str], kinds: Mapping[str, Sequence[str]],
                   excluded: Collection[str] = ()) -> dict[str, Place]:
    """A zone's own name with any suffix of its kind, when its short name has a name of
    its own before the suffix (火炬开发区 -> 火炬高新区, 火炬高新技术产业开发区): questions
    call a zone by its name and whichever suffix they know. Only for a development zone
    of a known kind whose short name it alone owns, with a core of two characters or more
    that is not ``excluded`` (common words, generic names) and no place's name in
    ``taken``, and spellings no other place owns. ``suffixes`` are longest first.

    >>> z = Place("1+", "某市火炬高技术产业开发区", "火炬开发区", "zone", "1")
    >>> sorted(zone_spellings({"火炬开发区": [z]}, {}, ("高新区", "开发区"),
    ...                       {"高新": ("高新", "高技术")}))
    ['火炬开发区', '火炬高新区']
    """
    found: dict[str, list[Place]] = defaultdict(list)
    for short, owners in shorts.items():
        if len(owners) != 1 or owners[0].level != "zone":
            continue
        suffix = next((z for z in suffixes if short.endswith(z)), None)
        core = short[:-len(suffix)] if suffix else ""
        kind = zone_kind(owners[0].name, kinds)
        if len(core) < 2 or kind is None or core in excluded or core in taken:
            continue  # 南阳 is a city: 南阳开发区 is read as the city's zone
        found[short].append(owners[0])
        for z in suffixes:
            if z != suffix and (z == "开发区" or zone_kind(z, kinds) == kind):
                found[core + z].append(owners[0])
    return {name: ps[0] for name, ps in found.items() if len(ps) == 1 and name not in taken}
