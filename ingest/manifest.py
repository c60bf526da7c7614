"""Optional manifest (manifest.csv / manifest.yaml) with per-file metadata overrides.

Columns: file, title, issuer, date, region, url, valid_from, valid_until,
status (any other column is kept too). ``file`` is the path relative to the
corpus folder.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from pathlib import Path

import yaml

from ingest.errors import IngestError

MANIFEST_NAMES = ("manifest.csv", "manifest.yaml", "manifest.yml")
FIELD_KEYS = frozenset({"title", "issuer", "date", "region", "doc_number"})

Manifest = dict[str, dict[str, str]]


def _clean_rows(rows: list[Mapping[str, object]], path: Path) -> Manifest:
    out: Manifest = {}
    for number, row in enumerate(rows, start=1):
        if not isinstance(row, Mapping):
            raise IngestError(f"{path.name}: entry {number} is not a mapping of column → value")
        values = {
            str(k).strip(): str(v).strip() for k, v in row.items() if k and v not in (None, "")
        }
        name = values.pop("file", "")
        if not name:
            raise IngestError(f"{path.name}: entry {number} has no 'file' value")
        out[Path(name).as_posix()] = values
    return out


def _read_csv(path: Path) -> list[Mapping[str, object]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        if not reader.fieldnames or "file" not in [f.strip() for f in reader.fieldnames]:
            raise IngestError(f"{path.name}: the header must include a 'file' column")
        return list(reader)


def _read_yaml(path: Path) -> list[Mapping[str, object]]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except yaml.YAMLError as exc:
        raise IngestError(f"{path.name}: not valid YAML ({exc.__class__.__name__})") from exc
    if data is None:
        return []
    if isinstance(data, Mapping) and isinstance(data.get("files"), list):
        data = data["files"]
    if isinstance(data, Mapping):  # {file: {title: ...}}
        data = [{"file": k, **(v or {})} for k, v in data.items()]
    if not isinstance(data, list):
        raise IngestError(f"{path.name}: expected a list of entries with a 'file' key")
    return data


def find_manifest(corpus_dir: Path) -> Path | None:
    """The manifest file in ``corpus_dir``, if any."""
    for name in MANIFEST_NAMES:
        if (corpus_dir / name).is_file():
            return corpus_dir / name
    return None


def load_manifest(corpus_dir: Path) -> Manifest:
    """Per-file overrides keyed by relative path; empty when there is no manifest."""
    path = find_manifest(corpus_dir)
    if path is None:
        return {}
    try:
        rows = _read_csv(path) if path.suffix == ".csv" else _read_yaml(path)
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise IngestError(f"{path.name}: cannot read manifest ({exc})") from exc
    return _clean_rows(rows, path)
