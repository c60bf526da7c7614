"""Questions about places the library does not cover: refused, or told so before anything.

Every answerable question of a set that names exactly one place gets that place swapped
for a prefecture-level city the corpus never mentions (drawn with a seed from the
gazetteer). An answer passes when it is refused, or when its first line says the asked
place is not covered and names the region the quoted rules come from.

    python -m bench.place_swap --index-dir IDX --questions eval/data/sample_questions.jsonl

Not a test: a measurement (the issue's target is ≥ 90%).
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import sys
from pathlib import Path

from app.answer.engine import QAEngine
from app.answer.question import analyze
from index import Retriever
from lexicon import gazetteer

log = logging.getLogger("bench.place_swap")


def uncovered_cities(corpus_text: str, seed: int) -> list[str]:
    """Short names of prefecture-level cities (and their provinces) the corpus never names,
    shuffled with ``seed``."""
    g = gazetteer()
    cities = []
    for place in g:
        province = g.province_of(place)
        if place.level != "city" or not place.short or province is None:
            continue
        if any(name in corpus_text for name in (place.short, province.short)):
            continue
        if g.named(place.short) and g.named(place.short)[0].code == place.code:
            cities.append(place.short)
    random.Random(seed).shuffle(cities)
    return cities


def passes(text: str, refused: bool, place: str) -> bool:
    """Refused, or the first line says the place is not covered and names a source region."""
    first = text.split("\n")[0]
    return refused or (first.startswith(f"没有找到{place}") and "以下" in first)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.place_swap",
                                description=__doc__.splitlines()[0])
    p.add_argument("--index-dir", type=Path, required=True)
    p.add_argument("--questions", type=Path, required=True)
    p.add_argument("--seed", type=int, default=14)
    p.add_argument("--out", type=Path, default=None)
    args = p.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if not args.questions.is_file():
        log.error("no question file at %s", args.questions)
        return 2
    retriever = Retriever.load(args.index_dir)
    engine = QAEngine(retriever)
    corpus = "".join(d.search_text or d.text for d in retriever.documents.values())
    cities = uncovered_cities(corpus, args.seed)
    rows = []
    for i, line in enumerate(args.questions.read_text(encoding="utf-8").splitlines()):
        if not line.strip():
            continue
        q = json.loads(line)
        info = analyze(q["question"])
        if not q.get("answerable", True) or info.script == "en" or len(info.places) != 1:
            continue
        city = cities[i % len(cities)]
        swapped = info.query.replace(info.places[0], city)
        answer = engine.answer(swapped)
        rows.append({"question": swapped, "place": city, "refused": answer.refused,
                     "first_line": answer.text.split("\n")[0],
                     "passes": passes(answer.text, answer.refused, city)})
    share = sum(r["passes"] for r in rows) / max(1, len(rows))
    print(f"{len(rows)} questions with a swapped place: {share:.3f} refused or told so "
          f"(refused {sum(r['refused'] for r in rows)})")
    for r in rows:
        if not r["passes"]:
            print(f"  FAIL {r['question']} -> {r['first_line'][:80]}")
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps({"share": share, "n": len(rows), "rows": rows},
                                       ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
