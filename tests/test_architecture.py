"""The layout the architecture page promises: stages as folders, imports down the flow, small modules.

docs/architecture.md describes these rules; this test keeps them true.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

KG = Path(__file__).resolve().parent.parent / "kg"
# a module may import its own stage and the stages before it, never one after it
FLOW = ["model", "errors", "io", "lang", "read", "parse", "extract", "resolve", "export", "pipeline", "evaluate", "cli"]
RANK = {name: k for k, name in enumerate(FLOW)}
RANK.update({"model": 0, "errors": 0, "io": 0, "lang": 0})   # the base: anyone may use them
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


def test_the_top_level_holds_only_the_base_and_the_stage_packages():
    loose = sorted(p.stem for p in KG.glob("*.py"))
    assert loose == ["__init__", "__main__", "errors", "io", "model"]


def test_imports_point_only_down_the_flow():
    upward = [f"{p.relative_to(KG)} imports kg.{s}" for p in _modules() if (own := _stage(p))
              for s in _imported_stages(p) if s in RANK and RANK[s] > RANK[own]]
    assert upward == []


def test_no_module_is_over_400_lines():
    long = {str(p.relative_to(KG)): n for p in _modules()
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}


# closed-class word lists of the language data: a rule that needs one of these words reads it from there
FUNCTION_WORDS = {"titles": ["links"], "roles": ["coordinators", "relative_pronouns", "topic_markers"],
                  "speech": ["complementizers", "according_to"], "pronouns": ["pronouns"],
                  "places": ["locatives"], "forces": ["possessive"]}
RULE_STAGES = ("read", "parse", "extract", "resolve", "export")


def _literals(path: Path) -> list[tuple[int, str]]:
    """The string literals of a module (f-strings' fixed parts included), docstrings left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = {id(n.body[0].value) for n in ast.walk(tree)
            if isinstance(n, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
            and n.body and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
    return [(n.lineno, n.value) for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docs]


def test_no_function_word_or_label_wording_is_a_literal_in_the_stages():
    """Words are data: no literal of a stage module is a function word of a language that is not the
    label language (its words cannot be messages or names in code), and none spells a label template's
    wording ("Armed forces of", " of ") — those live in kg/lang/<code>/*.yaml."""
    from kg import lang

    words = {str(w).casefold() for language in lang.every() if language.code != lang.LABEL_LANGUAGE
             for file, keys in FUNCTION_WORDS.items() for key in keys for w in language.data(file).get(key) or []}
    templates = lang.get(lang.LABEL_LANGUAGE).data("labels").values()
    wording = {part.casefold() for t in templates for part in re.split(r"\{\w+\}", t) if part.strip()}
    found = [f"{p.relative_to(KG)}:{line}: {text!r}" for p in _modules() if _stage(p) in RULE_STAGES
             for line, text in _literals(p)
             if text.strip().casefold() in words
             or any(w.strip() in text.casefold() if " " in w.strip() else w == text.casefold() for w in wording)]
    assert found == []


GRAPH_ATTRIBUTE_ACCESS = {"add_node", "add_edge", "add_nodes_from", "add_edges_from"}


def _graph_attribute_access(path: Path) -> list[str]:
    """Where a module reads or writes networkx's attribute dicts: adding a node or edge with attributes,
    ``.nodes(data=…)``/``.edges(data=…)``, ``.nodes[key]``, ``.nodes.get(key)``."""
    found = []
    for n in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute):
            attr = n.func.attr
            if attr in GRAPH_ATTRIBUTE_ACCESS or (attr in ("nodes", "edges", "out_edges", "in_edges")
                                                  and any(k.arg == "data" for k in n.keywords)):
                found.append(f"{path.relative_to(KG)}:{n.lineno}: .{attr}(…)")
            elif attr == "get" and isinstance(n.func.value, ast.Attribute) and n.func.value.attr in ("nodes", "edges"):
                found.append(f"{path.relative_to(KG)}:{n.lineno}: .{n.func.value.attr}.get(…)")
        elif isinstance(n, ast.Subscript) and isinstance(n.value, ast.Attribute) and n.value.attr in ("nodes", "edges"):
            found.append(f"{path.relative_to(KG)}:{n.lineno}: .{n.value.attr}[…]")
    return found


def test_only_the_typed_view_touches_the_graphs_attribute_dicts():
    """One typed model to the exporters: a node of the graph holds a kg.export.view object and an edge its
    role, put there and read back by kg/export/view.py alone, so that no mention, event or entity field
    is spelled as a dict key anywhere (graph, rdf, rdf_read and html read and make typed fields)."""
    found = [hit for p in _modules() if p != KG / "export" / "view.py" for hit in _graph_attribute_access(p)]
    assert found == []
    assert _graph_attribute_access(KG / "export" / "view.py")   # the rule still sees what view.py does
