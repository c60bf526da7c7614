"""Responsible departments named in a notice, in the forms notices use.

- a labelled list in brackets: 「（责任处室：就业处、就业人才中心）」, 「(责任单位：市卫生健康委、
  各相关区人民政府)」, 「（牵头单位：市财政局；责任单位：市工信局）」 (each label one entry);
- a labelled list opening a clause: 「责任单位：省药监局」;
- 「由市人社局负责」, 「由市商务局会同市财政局等相关部门负责」.

The labels, name endings and generic words are data (:func:`lexicon.department_cues`).
Pure functions over the Simplified shadow; spans index the display text too.

>>> found = find_departments("（牵头单位：市财政局；责任单位：市工信局、市商务局）")
>>> [(label, names) for label, names, _, _ in found]
[('牵头单位', ('市财政局',)), ('责任单位', ('市工信局', '市商务局'))]
>>> found = find_departments("由市人社局会同市财政局等相关部门负责。由专人负责。")
>>> [names for _, names, _, _ in found]
[('市人社局', '市财政局')]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from lexicon import department_cues

#: (label, departments, (clause start, clause end), (list start, list end))
Found = tuple[str, tuple[str, ...], tuple[int, int], tuple[int, int]]

_INNER = r"[（(][^（()）\n]{1,6}[)）]"
_LIST_STOP = re.compile(r"[。；;\n]|[（(][一二三四五六七八九十]+[)）]|\d+[．.、](?!\d)")
_MAX_LIST = 160


def _alternation(kind: str) -> str:
    return "|".join(re.escape(w) for w in department_cues()[kind])


@cache
def _bracket_re() -> re.Pattern[str]:
    return re.compile(rf"[（(]\s*(?={_alternation('label')})((?:[^（()）\n]|{_INNER})+)[)）]")


@cache
def _label_re() -> re.Pattern[str]:
    return re.compile(rf"({_alternation('label')})\s*[:：]\s*")


@cache
def _open_label_re() -> re.Pattern[str]:
    return re.compile(rf"(?:^|(?<=[。；;\n\s）)]))({_alternation('label')})\s*[:：]\s*")


@cache
def _by_re() -> re.Pattern[str]:
    return re.compile(r"由([^，,。；;：:\n由]{2,40}?)负责(?!人)")


def split_departments(text: str) -> tuple[str, ...]:
    """Split 「人才开发处、就业人才中心，各区、市人力资源社会保障局」 into departments.

    A part starting with 各 (各区、市…) is one department despite its 、.

    >>> split_departments("就业处、就业人才中心,各区、市人社局")
    ('就业处', '就业人才中心', '各区、市人社局')
    """
    out: list[str] = []
    for part in re.split(r"[,，;；]", text):
        part = part.strip()
        if not part:
            continue
        out.extend(
            [part] if part.startswith("各") else [p.strip() for p in part.split("、") if p.strip()]
        )
    return tuple(out)


def _labelled(shadow: str, lo: int, hi: int, clause: tuple[int, int]) -> Iterator[Found]:
    """Every 「label：list」 inside ``shadow[lo:hi]`` (a list runs to the next label)."""
    labels = list(_label_re().finditer(shadow, lo, hi))
    for k, m in enumerate(labels):
        end = labels[k + 1].start() if k + 1 < len(labels) else hi
        while end > m.end() and shadow[end - 1] in " \u3000；;，,":
            end -= 1
        names = split_departments(shadow[m.end() : end])
        if names:
            yield m.group(1), names, clause, (m.end(), end)


def _open_list_end(shadow: str, start: int) -> int:
    stop = _LIST_STOP.search(shadow, start, min(len(shadow), start + _MAX_LIST))
    return stop.start() if stop else min(len(shadow), start + _MAX_LIST)


def _by_names(text: str) -> tuple[str, ...]:
    """Departments in the X of 「由X负责」, or () when X names none (由专人负责)."""
    cues = department_cues()
    for tail in cues["tail"]:
        if text.endswith(tail):
            text = text[: -len(tail)]
    parts = re.split("|".join(re.escape(w) for w in cues["joiner"]), text)
    names = tuple(p.strip() for p in parts if p.strip())
    ok = names and all(
        n not in cues["generic"] and any(n.endswith(s) for s in cues["suffix"]) for n in names
    )
    return names if ok else ()


def find_departments(shadow: str) -> list[Found]:
    """Every department statement in ``shadow``, in text order, without overlaps."""
    found: list[Found] = []
    taken: list[tuple[int, int]] = []
    for m in _bracket_re().finditer(shadow):
        found.extend(_labelled(shadow, m.start(1), m.end(1), m.span()))
        taken.append(m.span())
    for m in _open_label_re().finditer(shadow):
        if any(a <= m.start() < b for a, b in taken):
            continue
        end = _open_list_end(shadow, m.end())
        found.extend(_labelled(shadow, m.start(), end, (m.start(), end)))
        taken.append((m.start(), end))
    for m in _by_re().finditer(shadow):
        names = _by_names(m.group(1))
        if names and not any(a <= m.start() < b for a, b in taken):
            found.append(("负责", names, m.span(), m.span(1)))
    found.sort(key=lambda f: f[3][0])
    return found
