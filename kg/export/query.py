"""SPARQL over an exported graph: presets, running a query, and formatting its answer.

Queries run on rdflib's SPARQL engine with kg's prefixes predeclared (a query
may still declare its own). A malformed query is the user's to fix, so it
becomes a one-line UsageError with its line and column, never a traceback.
"""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path

from pyparsing import ParseBaseException
from rdflib import Graph, Literal, URIRef
from rdflib.plugins.sparql import prepareQuery
from rdflib.query import Result

from kg.errors import KgError, UsageError
from kg.export.rdf import bind_prefixes, rdflib_quietly
from kg.export.vocab import PREFIXES, QUERIES_DIR

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


def run(rdf: Graph, text: str) -> Result:
    """Parse and evaluate a SPARQL query; syntax errors carry their position."""
    try:
        query = prepareQuery(text, initNs=PREFIXES)
    except ParseBaseException as e:
        raise UsageError(f"malformed query at line {e.lineno}, column {e.col}: {e.msg}") from e
    except Exception as e:  # rdflib reports unknown prefixes and bad algebra with plain exceptions
        raise UsageError(f"malformed query: {' '.join(str(e).split())}") from e
    try:
        with rdflib_quietly():
            result = rdf.query(query)
            if result.type == "SELECT":
                len(result)   # evaluated here, where rdflib's internal warnings are silenced
            return result
    except Exception as e:
        raise KgError(f"query failed: {' '.join(str(e).split())}") from e


def _text(term: object, rdf: Graph | None) -> str:
    """A value as a reader wants it: literal text, prefixed names for vocabulary IRIs."""
    if term is None:
        return ""
    if isinstance(term, URIRef) and rdf is not None:
        short = rdf.namespace_manager.normalizeUri(term)
        return short[1:-1] if short.startswith("<") else short
    return str(term)


def _json_value(term: object) -> object:
    if term is None:
        return None
    if isinstance(term, Literal):
        value = term.toPython()
        if isinstance(value, bool) or isinstance(value, int):
            return value
        if isinstance(value, (float, Decimal)):
            return float(value)
        if isinstance(value, (date, datetime, time)):
            return value.isoformat()
    return str(term)


def _cell(term: object, rdf: Graph | None) -> str:
    """One table cell on one line; long texts are cut, IRIs never (they get copied)."""
    text = " ".join(_text(term, rdf).split())
    return text if len(text) <= MAX_CELL or not isinstance(term, Literal) else text[:MAX_CELL - 1] + "…"


def table(columns: list[str], cells: list[list[str]]) -> str:
    """An aligned plain-text table, with the row count below it."""
    widths = [max([len(col)] + [len(r[i]) for r in cells]) for i, col in enumerate(columns)]
    line = lambda values: "  ".join(v.ljust(w) for v, w in zip(values, widths)).rstrip()  # noqa: E731
    out = [line(columns), line(["-" * w for w in widths])] + [line(r) for r in cells]
    out.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(out) + "\n"


def format_result(result: Result, fmt: str = "table", rdf: Graph | None = None) -> str:
    """Render a SELECT, ASK, CONSTRUCT or DESCRIBE answer as table, csv or json."""
    if fmt not in OUTPUT_FORMATS:
        raise UsageError(f"unknown output format {fmt!r} (choose one of {', '.join(OUTPUT_FORMATS)})")
    if result.type == "ASK":
        answer = bool(result.askAnswer)
        return json.dumps(answer) + "\n" if fmt == "json" else f"{str(answer).lower()}\n"
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        g = result.graph
        bind_prefixes(g)
        return g.serialize(format="json-ld" if fmt == "json" else "longturtle")
    columns = [str(v) for v in result.vars]
    rows = [[row[i] for i in range(len(columns))] for row in result]
    if fmt == "json":
        records = [{c: _json_value(v) for c, v in zip(columns, row)} for row in rows]
        return json.dumps(records, ensure_ascii=False, indent=1) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([[_text(v, None) for v in row] for row in rows])
        return buf.getvalue()
    return table(columns, [[_cell(v, rdf) for v in row] for row in rows])
