"""Reading the lexicon's data files: every table is a TSV file under ``lexicon/data``,
``#`` lines are comments, and the first other line names the columns."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

DATA = Path(__file__).with_name("data")


def rows(name: str) -> Iterator[dict[str, str]]:
    """The rows of ``lexicon/data/<name>`` as column -> value."""
    with (DATA / name).open(encoding="utf-8") as fh:
        yield from csv.DictReader((line for line in fh if not line.startswith("#")),
                                  delimiter="\t")


def by_length(pairs: list[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    """``pairs`` with the longest first word first (so 博士后 is matched before 博士)."""
    return tuple(sorted(pairs, key=lambda p: len(p[0]), reverse=True))
