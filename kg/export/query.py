"""SPARQL over an exported graph: presets, running a query, and formatting its answer.

Queries run on Oxigraph (a store folder, or a graph file loaded into memory:
:mod:`kg.store`) with kg's prefixes predeclared (a query may still declare its
own), over the union of the default graph and every article's named graph. A
malformed query is the user's to fix, so it becomes a one-line UsageError with
its line and column, never a traceback.
"""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

from pyoxigraph import BlankNode, Literal, NamedNode, QueryBoolean, QuerySolutions, RdfFormat, Store, serialize

from kg.errors import KgError, UsageError
from kg.export.namespaces import PREFIXES, QUERIES_DIR

Term = NamedNode | BlankNode | Literal | None


@dataclass(frozen=True)
class Solutions:
    """A SELECT answer, read in full (Oxigraph's own is an iterator that can be read once)."""

    columns: list[str]
    rows: list[list[Term]]


Answer = Solutions | QueryBoolean | list   # SELECT, ASK, or the triples of CONSTRUCT / DESCRIBE

OUTPUT_FORMATS = ("table", "csv", "json")
MAX_CELL = 60  # table cells longer than this are cut with "…" (csv and json keep everything)


@dataclass(frozen=True)
class Preset:
    """A named query in queries/<name>.rq; its description is the file's first comment line."""

    name: str
    description: str
    path: Path

    @property
    def text(self) -> str:
        return self.path.read_text(encoding="utf-8")


def presets(folder: Path = QUERIES_DIR) -> dict[str, Preset]:
    found = {}
    for path in sorted(folder.glob("*.rq")):
        first = path.read_text(encoding="utf-8").lstrip().splitlines()[:1]
        description = first[0].lstrip("#").strip() if first and first[0].startswith("#") else ""
        found[path.stem] = Preset(path.stem, description, path)
    return found


def preset(name: str) -> Preset:
    known = presets()
    if name not in known:
        listed = ", ".join(known) or f"none found in {QUERIES_DIR}"
        raise UsageError(f"no preset named {name!r} (presets: {listed})")
    return known[name]


def run(store: Store, text: str) -> Answer:
    """Parse and evaluate a SPARQL query; syntax errors carry their position."""
    try:
        answer = store.query(text, prefixes=PREFIXES, use_default_graph_as_union=True)
        if isinstance(answer, QuerySolutions):
            columns = [v.value for v in answer.variables]
            return Solutions(columns, [[solution[i] for i in range(len(columns))] for solution in answer])
        return answer if isinstance(answer, QueryBoolean) else list(answer)
    except SyntaxError as e:
        raise UsageError(_syntax_message(str(e))) from e
    except OSError as e:
        raise KgError(f"query failed: {' '.join(str(e).split())}") from e


def _syntax_message(message: str) -> str:
    """Oxigraph's ``error at 2:23: expected one of …`` (long lists of characters) as one readable line."""
    where = re.match(r"error at (\d+):(\d+): (.*)", message, re.S)
    if not where:
        return f"malformed query: {' '.join(message.split())[:200]}"
    line, col, detail = where.groups()
    detail = "unknown prefix (declare it with PREFIX)" if "Prefix not found" in detail else " ".join(detail.split())
    return f"malformed query at line {line}, column {col}: {detail[:120]}{'…' if len(detail) > 120 else ''}"


_SHORT = sorted(PREFIXES.items(), key=lambda kv: -len(kv[1]))
_LOCAL = re.compile(r"[A-Za-z_][\w.-]*$")


def _short(iri: str) -> str:
    """A vocabulary IRI as a prefixed name (``kg:Call``); any other IRI as it is."""
    for prefix, ns in _SHORT:
        if iri.startswith(ns) and _LOCAL.match(iri[len(ns):]) and not iri.endswith("."):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def _text(term: Term) -> str:
    """A value as a reader wants it: literal text, prefixed names for vocabulary IRIs."""
    if term is None:
        return ""
    if isinstance(term, NamedNode):
        return _short(term.value)
    return term.value


_XSD = PREFIXES["xsd"]
_NUMBERS = {_XSD + t for t in ("decimal", "double", "float")}
_INTEGERS = {_XSD + t for t in ("integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
                                   "nonPositiveInteger", "negativeInteger", "unsignedInt", "unsignedLong")}


def _json_value(term: Term) -> object:
    """Numbers and booleans as JSON's own; dates and everything else as their text."""
    if term is None:
        return None
    if isinstance(term, Literal):
        datatype = term.datatype.value
        try:
            if datatype in _INTEGERS:
                return int(term.value)
            if datatype in _NUMBERS:
                return float(term.value)
        except ValueError:
            return term.value
        if datatype == _XSD + "boolean":
            return term.value in ("true", "1")
    return term.value


def _cell(term: Term) -> str:
    """One table cell on one line; long texts are cut, IRIs never (they get copied)."""
    text = " ".join(_text(term).split())
    return text if len(text) <= MAX_CELL or not isinstance(term, Literal) else text[:MAX_CELL - 1] + "…"


def table(columns: list[str], cells: list[list[str]]) -> str:
    """An aligned plain-text table, with the row count below it."""
    widths = [max([len(col)] + [len(r[i]) for r in cells]) for i, col in enumerate(columns)]
    line = lambda values: "  ".join(v.ljust(w) for v, w in zip(values, widths)).rstrip()  # noqa: E731
    out = [line(columns), line(["-" * w for w in widths])] + [line(r) for r in cells]
    out.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(out) + "\n"


def format_result(answer: Answer, fmt: str = "table") -> str:
    """Render a SELECT, ASK, CONSTRUCT or DESCRIBE answer as table, csv or json."""
    if fmt not in OUTPUT_FORMATS:
        raise UsageError(f"unknown output format {fmt!r} (choose one of {', '.join(OUTPUT_FORMATS)})")
    if isinstance(answer, QueryBoolean):
        return json.dumps(bool(answer)) + "\n" if fmt == "json" else f"{str(bool(answer)).lower()}\n"
    if isinstance(answer, list):   # CONSTRUCT / DESCRIBE: the triples
        return serialize(answer, format=RdfFormat.JSON_LD if fmt == "json" else RdfFormat.TURTLE,
                         prefixes=PREFIXES).decode("utf-8")
    columns, rows = answer.columns, answer.rows
    if fmt == "json":
        records = [{c: _json_value(v) for c, v in zip(columns, row)} for row in rows]
        return json.dumps(records, ensure_ascii=False, indent=1) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([["" if v is None else v.value for v in row] for row in rows])   # IRIs in full
        return buf.getvalue()
    return table(columns, [[_cell(v) for v in row] for row in rows])
