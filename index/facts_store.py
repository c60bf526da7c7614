"""Extracted policy facts stored with a generation (``facts.jsonl``).

The builder runs :func:`ingest.facts.extract_facts` per document and writes one
JSON object per fact into the partial generation directory, so the manifest
checksums the file like every other one. Loading re-checks each fact against
its document (the quote must sit at its offsets) and answers simple filters.

>>> from ingest.types import Document
>>> doc = Document("d1", "a.txt", "t", None, None, None, "威海", "对博士每月给予5000元。", "")
>>> [f.value_min for f in facts_for_documents([doc])]
[5000.0]
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from index.regions import region_matches
from ingest.facts import Fact, check_kind, extract_facts
from ingest.types import Document

logger = logging.getLogger(__name__)

FACTS = "facts.jsonl"


def facts_for_documents(documents: Iterable[Document]) -> list[Fact]:
    """Every fact of ``documents``, document by document, in text order."""
    out: list[Fact] = []
    for doc in documents:
        out.extend(extract_facts(doc))
    return out


def write_facts(path: Path, facts: Sequence[Fact]) -> None:
    """Write ``facts`` as JSON lines (UTF-8, one fact per line)."""
    with path.open("w", encoding="utf-8") as fh:
        for fact in facts:
            fh.write(json.dumps(fact.to_json(), ensure_ascii=False) + "\n")


def read_facts(path: Path, documents: Mapping[str, Document]) -> tuple[Fact, ...]:
    """Facts written by :func:`write_facts`, each checked against its document.

    Raises ``ValueError`` naming the fact when a quote no longer matches the
    document text at its offsets (the caller turns that into a rebuild hint).
    """
    with path.open(encoding="utf-8") as fh:
        facts = checked_facts((json.loads(line) for line in fh if line.strip()), documents)
    logger.debug("%s: %d facts", path, len(facts))
    return facts


def checked_facts(
    rows: Iterable[Mapping[str, object]], documents: Mapping[str, Document]
) -> tuple[Fact, ...]:
    """Facts from their JSON form; ``ValueError`` when a quote is not at its offsets."""
    facts: list[Fact] = []
    shared: dict[str, str] = {}
    for row in rows:
        fact = Fact.from_json(_sharing(row, documents, shared))
        doc = documents.get(fact.doc_id)
        if doc is None or doc.text[fact.char_start : fact.char_end] != fact.quote:
            raise ValueError(f"fact {fact.fact_id} does not match its document text")
        facts.append(fact)
    return tuple(facts)


#: Fields whose values repeat across facts (a few hundred distinct values at most).
_REPEATED = ("kind", "programme", "beneficiary", "unit", "period", "condition", "region",
             "issuer", "date", "valid_until")


def _sharing(
    row: Mapping[str, object], documents: Mapping[str, Document], shared: dict[str, str]
) -> dict[str, object]:
    """``row`` with its repeated strings replaced by one shared copy each: the
    document's own id, source and title, and one object per distinct value of the
    other repeated fields (a million-chunk index holds 300k facts)."""
    out = dict(row)
    doc = documents.get(str(row.get("doc_id")))
    if doc is not None:
        for name in ("doc_id", "source", "title"):
            if out.get(name) == getattr(doc, name):
                out[name] = getattr(doc, name)
    for name in _REPEATED:
        value = out.get(name)
        if isinstance(value, str):
            out[name] = shared.setdefault(value, value)
    departments = out.get("departments")
    if isinstance(departments, list):
        out["departments"] = [shared.setdefault(d, d) if isinstance(d, str) else d
                              for d in departments]
    return out


def select_facts(
    facts: Iterable[Fact],
    documents: Mapping[str, Document],
    *,
    region: str | None = None,
    beneficiary: str | None = None,
    kind: str | None = None,
) -> tuple[Fact, ...]:
    """Facts whose region matches ``region`` (a district matches its city), whose
    beneficiary contains ``beneficiary`` and whose kind is ``kind``.

    The region of a fact is the region of the policy that grants it, read at ingest
    (the sentence, the heading, then the manifest): a story in a 青岛 document that
    reports 海南's grants is a 海南 fact. ``documents`` is kept for callers.
    """
    check_kind(kind)
    out = []
    for fact in facts:
        if region and not region_matches(fact.region, region):
            continue
        if beneficiary and beneficiary not in (fact.beneficiary or ""):
            continue
        if kind and fact.kind != kind:
            continue
        out.append(fact)
    return tuple(out)


def load_facts(
    gen_dir: Path, manifest: Mapping[str, object], documents: Sequence[Document]
) -> tuple[Fact, ...]:
    """The generation's stored facts; a generation written before facts were stored
    (no ``facts.jsonl`` in its manifest) gets them extracted from its documents."""
    by_id = {d.doc_id: d for d in documents}
    files = manifest.get("files")
    if isinstance(files, Mapping) and FACTS in files:
        return read_facts(gen_dir / FACTS, by_id)
    logger.info("%s has no %s; extracting facts from its documents", gen_dir, FACTS)
    return tuple(facts_for_documents(documents))
