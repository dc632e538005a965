"""The store package: no rdflib at import, nothing from the claim model, no import circle."""
import ast
import subprocess
import sys
from pathlib import Path

import claimgraph.store

STORE = Path(claimgraph.store.__file__).parent
MODEL = ["ingest", "importer", "ids", "lookup", "cite", "export", "checks", "network", "viz", "draft", "audit",
         "model", "validate", "data"]


def test_store_imports_neither_rdflib_nor_the_claim_model():
    modules = sorted(f"claimgraph.store.{p.stem}" for p in STORE.glob("*.py") if p.stem != "__init__")
    code = ("import sys\n" + "".join(f"import {m}\n" for m in modules)
            + "print(sorted(m for m in sys.modules if m.split('.')[0] == 'rdflib' or "
            f"m.split('.')[:2] in [['claimgraph', n] for n in {MODEL!r}]))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_no_two_store_modules_import_each_other():
    edges = {}
    for path in STORE.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        edges[path.stem] = {node.module for node in ast.walk(tree)
                            if isinstance(node, ast.ImportFrom) and node.level == 1 and node.module}
    edges.pop("__init__")

    def reaches(start, goal, seen=()):
        return any(n == goal or (n not in seen and reaches(n, goal, seen + (n,))) for n in edges.get(start, ()))

    assert [m for m in edges if reaches(m, m)] == []


def test_no_store_module_is_over_500_lines():
    assert {p.name: n for p in STORE.glob("*.py") if (n := len(p.read_text().splitlines())) > 500} == {}
