"""The layout the architecture page promises: stages as folders, imports down the flow, small modules.

docs/architecture.md describes these rules; this test keeps them true.
"""
from __future__ import annotations

import ast
from pathlib import Path

KG = Path(__file__).resolve().parent.parent / "kg"
# a module may import its own stage and the stages before it, never one after it
FLOW = ["model", "errors", "io", "lang", "read", "parse", "extract", "resolve", "export", "pipeline", "evaluate", "cli"]
RANK = {name: k for k, name in enumerate(FLOW)}
RANK.update({"model": 0, "errors": 0, "io": 0, "lang": 0})   # the base: anyone may use them
RANK.update({"gold": RANK["evaluate"], "evaluate_nodes": RANK["evaluate"]})   # scoring, beside kg/evaluate.py
MAX_LINES = 400


def _modules() -> list[Path]:
    return sorted(p for p in KG.rglob("*.py") if "models" not in p.relative_to(KG).parts[:1])


def _stage(path: Path) -> str | None:
    parts = path.relative_to(KG).with_suffix("").parts
    return None if parts in (("__init__",), ("__main__",)) else parts[0]


def _imported_stages(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            parts = node.module.split(".")
            if parts[0] == "kg":
                found |= {parts[1]} if len(parts) > 1 else {alias.name for alias in node.names}
        elif isinstance(node, ast.Import):
            found |= {a.name.split(".")[1] for a in node.names if a.name.startswith("kg.")}
    return found


def test_every_module_belongs_to_a_stage_of_the_flow():
    stages = {_stage(p) for p in _modules()} - {None}
    assert stages <= set(RANK), stages - set(RANK)


def test_imports_point_only_down_the_flow():
    upward = [f"{p.relative_to(KG)} imports kg.{s}" for p in _modules() if (own := _stage(p))
              for s in _imported_stages(p) if s in RANK and RANK[s] > RANK[own]]
    assert upward == []


def test_no_module_is_over_400_lines():
    long = {str(p.relative_to(KG)): n for p in _modules()
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}
