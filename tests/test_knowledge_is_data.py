"""Domain knowledge lives in lexicon/data only: no place names and no synonym lists written
into code elsewhere (docstrings and comments may show examples)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from lexicon import gazetteer, synonym_groups

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("ingest", "index", "app", "eval")
LIST_SEPARATORS = re.compile(r"[|、,，/ ]")  # a literal that lists words, not one compound


def _docstrings(tree: ast.AST) -> set[int]:
    """ids of the string nodes that are docstrings."""
    out: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = getattr(node, "body", [])
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                out.add(id(body[0].value))
    return out


def literals(path: Path) -> list[tuple[int, str]]:
    """(line, text) of every string constant of a module except its docstrings."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _docstrings(tree)
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and id(node) not in skip]


def place_names() -> set[str]:
    """Names of provinces and prefecture-level cities, full and short (≥ 2 characters)."""
    names = set()
    for place in gazetteer():
        if place.level in ("province", "city"):
            names.update(n for n in (place.name, place.short) if len(n) >= 2)
    names -= {p for p in names if not gazetteer().named(p)}  # common words are not names
    return names


def violations(root: Path = ROOT) -> list[str]:
    places = place_names()
    groups = [set(g) for g in synonym_groups()]
    found = []
    for package in PACKAGES:
        for path in sorted((root / package).rglob("*.py")):
            for line, text in literals(path):
                where = f"{path.relative_to(root)}:{line}"
                named = sorted(p for p in places if p in text)
                if named:
                    found.append(f"{where}: place {named[0]} in {text[:40]!r}")
                for group in groups:
                    members = [w for w in group if w in text]
                    listed = [m for m in members if not any(m != o and m in o for o in members)]
                    if len(listed) >= 2 and LIST_SEPARATORS.search(text):
                        found.append(f"{where}: synonyms {listed} in {text[:40]!r}")
    return found


def test_checker_finds_a_place_and_a_synonym_list(tmp_path: Path) -> None:
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "bad.py").write_text(
        '"""Docstring may say 青岛."""\nCITY = "青岛"\nPAIRS = "社保|社会保险"\n', encoding="utf-8")
    found = violations(tmp_path)
    assert any("place 青岛" in f for f in found) and any("synonyms" in f for f in found)
    assert not any(":1:" in f for f in found)


def test_no_domain_knowledge_outside_the_lexicon() -> None:
    assert violations() == []
