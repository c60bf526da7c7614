"""Command line: ``python -m index build|update|search``.

Parses arguments, calls the library and formats the result; errors become
one line on stderr and a non-zero exit status.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from index.build import BuildReport, build_index, update_index
from index.config import DEFAULT_CHUNKING, FOLD_THRESHOLD, MAX_K, IndexConfig
from index.embedder import DEFAULT_MODEL, E5_MODEL
from index.errors import IndexError_
from index.location import DEFAULT_COLLECTION, IndexLocation, MilvusLocation
from index.retriever import Retriever
from ingest import ChunkingConfig, IngestError
from ingest.dedup import parse_threshold

logger = logging.getLogger("index")

DEFAULT_INDEX_DIR = Path(os.environ.get("POLICYQA_INDEX_DIR", "indexes/main"))
BACKENDS = ("faiss", "milvus")


def _k(value: str) -> int:
    try:
        k = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--k must be an integer, got {value!r}") from None
    if not 1 <= k <= MAX_K:
        raise argparse.ArgumentTypeError(f"--k must be between 1 and {MAX_K}, got {k}")
    return k


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected an integer, got {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {n}")
    return n


def _fold(value: str) -> float | None:
    try:
        return parse_threshold(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def make_parser() -> argparse.ArgumentParser:
    """The argument parser for ``python -m index``."""
    parser = argparse.ArgumentParser(prog="python -m index", description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, help_text in (
        ("build", "ingest CORPUS_DIR and write a new index generation"),
        ("update", "re-embed only added/changed documents and write a new generation"),
    ):
        p = sub.add_parser(name, help=help_text)
        p.add_argument("corpus_dir", type=Path, metavar="CORPUS_DIR")
        p.add_argument("--index-dir", type=Path, default=DEFAULT_INDEX_DIR)
        _backend_flags(p)
        p.add_argument("--no-progress", action="store_true", help="hide the progress bar")
        if name == "build":
            p.add_argument(
                "--model", default=os.environ.get("POLICYQA_MODEL", DEFAULT_MODEL),
                help=f"embedding model: {DEFAULT_MODEL!r} (default: e5 beside USE, both "
                f"offline), {E5_MODEL!r} (e5 alone, smaller at scale), 'hash' (test "
                "stand-in), any sentence-transformers name/path, or names joined by '+'",
            )
            p.add_argument("--chunk-size", type=_positive, default=None)
            p.add_argument("--chunk-overlap", type=int, default=None)
            p.add_argument(
                "--fold-copies", type=_fold, default=FOLD_THRESHOLD, metavar="SHARE|off",
                help="fold republished near-identical copies into one document when this "
                f"share of their text matches both ways (default {FOLD_THRESHOLD}); "
                "'off' indexes every copy",
            )
    s = sub.add_parser("search", help="search the index and print hits")
    s.add_argument("query")
    s.add_argument("--index-dir", type=Path, default=DEFAULT_INDEX_DIR)
    _backend_flags(s)
    s.add_argument("--k", type=_k, default=5)
    s.add_argument("--region", default=None, help="mildly prefer documents of this region")
    s.add_argument("--json", action="store_true", help="print a JSON list of hits")
    return parser


def _backend_flags(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--backend", choices=BACKENDS, default=os.environ.get("POLICYQA_BACKEND", "faiss"),
        help="where the index lives: 'faiss' (a folder, --index-dir; default) or 'milvus' "
        "(a Milvus server or Milvus Lite file, --milvus-uri)",
    )
    p.add_argument(
        "--milvus-uri", default=os.environ.get("POLICYQA_MILVUS_URI"), metavar="URI",
        help="http://host:19530 for a Milvus server or cluster, or a local *.db file (Milvus Lite)",
    )
    p.add_argument(
        "--milvus-collection", metavar="NAME",
        default=os.environ.get("POLICYQA_MILVUS_COLLECTION", DEFAULT_COLLECTION),
        help=f"the alias naming the live generation (default {DEFAULT_COLLECTION!r})",
    )


def location(args: argparse.Namespace) -> IndexLocation:
    """The index folder, or the Milvus location the flags name (ValueError when incomplete)."""
    if args.backend != "milvus":
        if args.milvus_uri and args.milvus_uri != os.environ.get("POLICYQA_MILVUS_URI"):
            raise ValueError("--milvus-uri needs --backend milvus")
        return Path(args.index_dir)
    if not args.milvus_uri:
        raise ValueError(
            "--backend milvus needs --milvus-uri: http://host:19530 for a Milvus server, "
            "or a path ending in .db for Milvus Lite"
        )
    return MilvusLocation(args.milvus_uri, args.milvus_collection)


def _config(args: argparse.Namespace) -> IndexConfig:
    base = DEFAULT_CHUNKING
    chunking = ChunkingConfig(
        chunk_size=args.chunk_size or base.chunk_size,
        chunk_overlap=base.chunk_overlap if args.chunk_overlap is None else args.chunk_overlap,
    )
    return IndexConfig(model=args.model, chunking=chunking, fold_threshold=args.fold_copies)


def _print_report(report: BuildReport) -> None:
    print(report.summary())


def run(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; return the process exit status."""
    args = make_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    if not args.verbose:
        logging.getLogger("bm25s").setLevel(logging.WARNING)
    try:
        where = location(args)
        if args.command == "build":
            _print_report(build_index(args.corpus_dir, where, _config(args),
                                      progress=not args.no_progress and sys.stderr.isatty()))
        elif args.command == "update":
            _print_report(update_index(args.corpus_dir, where,
                                       progress=not args.no_progress and sys.stderr.isatty()))
        else:
            retriever = Retriever.load(where)
            hits = retriever.search(args.query, k=args.k, region=args.region)
            if args.json:
                print(json.dumps([h.to_json() for h in hits], ensure_ascii=False, indent=2))
            else:
                for h in hits:
                    c = h.chunk
                    print(f"{h.rank}. [{h.score:.4f}] {c.title} › {c.section_path}  ({c.source})")
                    print("   " + c.text.replace("\n", " ")[:160])
    except (IndexError_, IngestError, ValueError, OSError, KeyError) as exc:
        print(f"error: {_one_line(exc)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # last resort: one line, traceback only with -v
        logger.debug("unexpected error", exc_info=True)
        print(f"error: unexpected {type(exc).__name__}: {_one_line(exc)} "
              "(run with -v for details)", file=sys.stderr)
        return 2
    return 0


def _one_line(exc: BaseException) -> str:
    text = str(exc.args[0]) if isinstance(exc, KeyError) and exc.args else str(exc)
    return " ".join(text.split()) or type(exc).__name__
