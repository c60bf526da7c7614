"""Draw a seeded sample of money mentions from the NCP dev documents for labelling.

The frame is every money mention (a number, optionally 万/亿/千, then 元) that a
deliberately generous pattern finds in the display text of the documents named by
``dev_questions.jsonl``'s ``doc`` (after ingest's de-duplication, so a folded copy
counts as the document kept). The pattern is independent of the extractor, so the
sample measures the extractor's recall as well as its precision.

Each output row names the document stem, the mention and a whitespace-free
``context`` that occurs once in the document (so :func:`bench.bench_facts.locate`
finds it), plus the sentence around it to read. The label fields are left empty:
``eval/data/ncp_amount_facts_gold.jsonl`` holds the same rows with labels filled
in by reading each clause (rules in ``eval/data/README.md``).

Usage (the committed set was drawn with exactly this command)::

    python bench/sample_fact_clauses.py --seed 16 --n 180 --out ncp_sample.jsonl
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from ingest import ingest_corpus  # noqa: E402
from ingest.facts import shadow_text  # noqa: E402
from ingest.types import Document  # noqa: E402

log = logging.getLogger("sample_fact_clauses")
NCP = ROOT.parent / "shared" / "benchmarks" / "ncp_policies"
MONEY_RE = re.compile(
    r"(?:[0-9０-９][0-9０-９,，.．]*|[零〇一二两三四五六七八九十百千万亿]+)"
    r"\s*(?:多|余)?\s*(?:万亿|万|亿|千)?\s*(?:多|余)?元"
)
_SENTENCE_END = "。！？!?；;"
_CONTEXT_BEFORE, _CONTEXT_AFTER = 14, 4


@dataclass(frozen=True)
class Mention:
    """One sampled money mention, located by ``context`` (whitespace removed)."""

    id: str
    doc: str
    mention: str
    context: str
    sentence: str


def dev_documents(ncp: Path = NCP) -> tuple[list[Document], list[Document]]:
    """(dev documents, other documents) of the NCP corpus after ingest's folding."""
    result = ingest_corpus(ncp / "corpus")
    with (ncp / "dev_questions.jsonl").open(encoding="utf-8") as fh:
        dev = {json.loads(line)["doc"] for line in fh if line.strip()}
    kept_of = {Path(dropped).stem: Path(kept).stem for kept, dropped in result.report.aliases}
    wanted = {kept_of.get(stem, stem) for stem in dev}
    docs = sorted(result.documents, key=lambda d: d.source)
    return ([d for d in docs if Path(d.source).stem in wanted],
            [d for d in docs if Path(d.source).stem not in wanted])


def _squeeze(text: str) -> tuple[str, list[int]]:
    index = [i for i, ch in enumerate(text) if not ch.isspace()]
    return "".join(text[i] for i in index), index


def _unique_context(squeezed: str, start: int, end: int) -> str:
    """The shortest window around ``squeezed[start:end]`` that occurs once."""
    before, after = _CONTEXT_BEFORE, _CONTEXT_AFTER
    while True:
        ctx = squeezed[max(0, start - before) : end + after]
        if squeezed.count(ctx) == 1 or (start - before <= 0 and end + after >= len(squeezed)):
            return ctx
        before, after = before + 6, after + 2


def _sentence(squeezed: str, start: int, end: int) -> str:
    lo = max(squeezed.rfind(ch, 0, start) for ch in _SENTENCE_END) + 1
    ends = [j for j in (squeezed.find(ch, end) for ch in _SENTENCE_END) if j >= 0]
    hi = min(ends) + 1 if ends else len(squeezed)
    return squeezed[lo:hi]


def mentions(doc: Document) -> Iterator[tuple[str, str, str]]:
    """(mention, unique context, sentence) for every money mention of ``doc``."""
    shadow, _ = _squeeze(shadow_text(doc.text))
    display, _ = _squeeze(doc.text)
    for m in MONEY_RE.finditer(shadow):
        yield (display[m.start() : m.end()], _unique_context(display, m.start(), m.end()),
               _sentence(display, m.start(), m.end()))


def sample(docs: Sequence[Document], n: int, seed: int) -> list[Mention]:
    """``n`` mentions drawn without replacement with ``random.Random(seed)``, in corpus order."""
    frame = [(Path(d.source).stem, *m) for d in docs for m in mentions(d)]
    picked = sorted(random.Random(seed).sample(range(len(frame)), min(n, len(frame))))
    log.info("frame: %d mentions in %d documents; sampled %d", len(frame), len(docs),
             len(picked))
    return [Mention(f"n{k + 1:03d}", *frame[i]) for k, i in enumerate(picked)]


def main(argv: Sequence[str] | None = None) -> int:
    """Command line entry point: write the unlabelled sample as JSON lines."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ncp", type=Path, default=NCP)
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--n", type=int, default=180)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    if not (args.ncp / "corpus").is_dir():
        parser.error(f"no NCP corpus at {args.ncp / 'corpus'}")
    dev, _ = dev_documents(args.ncp)
    rows = sample(dev, args.n, args.seed)
    with args.out.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(asdict(row), ensure_ascii=False) + "\n")
    log.info("wrote %s", args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
