"""Command line: ``python -m ingest CORPUS_DIR [--out OUT_DIR]``.

Without ``--out`` it only reports what would be indexed.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path

from ingest.config import DEFAULT_CHUNK_OVERLAP, DEFAULT_CHUNK_SIZE, ChunkingConfig
from ingest.dedup import DEFAULT_THRESHOLD, parse_threshold
from ingest.errors import IngestError
from ingest.jsonl import write_chunks, write_documents
from ingest.pipeline import ingest_corpus


def _fold(value: str) -> float | None:
    try:
        return parse_threshold(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m ingest",
        description="Load, clean and chunk a folder of policy documents.",
    )
    parser.add_argument("corpus_dir", type=Path, metavar="CORPUS_DIR")
    parser.add_argument(
        "--out", type=Path, metavar="OUT_DIR", help="write documents.jsonl and chunks.jsonl here"
    )
    parser.add_argument("--chunk-size", type=int, default=DEFAULT_CHUNK_SIZE)
    parser.add_argument("--chunk-overlap", type=int, default=DEFAULT_CHUNK_OVERLAP)
    parser.add_argument(
        "--fold-copies", type=_fold, default=DEFAULT_THRESHOLD, metavar="SHARE|off",
        help="fold republished near-identical copies into one document when this share of "
        f"their text matches both ways (default {DEFAULT_THRESHOLD}); 'off' keeps every copy",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log details")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; returns the process exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s: %(message)s",
        stream=sys.stderr,
    )
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # our own warning names the file
    try:
        config = ChunkingConfig(args.chunk_size, args.chunk_overlap)
    except ValueError as exc:
        parser.error(str(exc))
    started = time.perf_counter()
    try:
        result = ingest_corpus(
            args.corpus_dir, config, progress=sys.stderr.isatty(), fold_threshold=args.fold_copies
        )
        if args.out is not None:
            write_documents(args.out / "documents.jsonl", result.documents)
            write_chunks(args.out / "chunks.jsonl", result.chunks)
    except IngestError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"error: cannot write output: {exc}", file=sys.stderr)
        return 2
    print(result.report.summary())
    if args.out is not None:
        print(f"wrote {args.out / 'documents.jsonl'} and {args.out / 'chunks.jsonl'}")
    print(f"time: {time.perf_counter() - started:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
