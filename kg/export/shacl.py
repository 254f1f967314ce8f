"""SHACL validation of an exported graph against kg's shapes (``ontologies/kg-shapes.ttl``)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, URIRef

from kg.errors import KgError
from kg.export.rdf import flatten
from kg.export.vocab import DCTERMS, RDF, SHAPES_FILE


@dataclass(frozen=True)
class Violation:
    """One SHACL result, in words a user can act on."""

    focus: str
    path: str
    message: str
    severity: str

    def __str__(self) -> str:
        return f"{self.severity}: {self.focus}" + (f" {self.path}" if self.path else "") + f": {self.message}"


def validate(rdf: Graph, shapes: Path | str = SHAPES_FILE) -> list[Violation]:
    """The SHACL results of a graph against kg's shapes (empty: the graph conforms)."""
    from pyshacl import validate as shacl_validate
    from rdflib.namespace import SH

    if not Path(shapes).is_file():
        raise KgError(f"the SHACL shapes are missing: {shapes}")
    data = flatten(rdf)
    _, report, _ = shacl_validate(data, shacl_graph=Graph().parse(shapes, format="turtle"), inference="none")
    results = []
    for r in report.subjects(RDF.type, SH.ValidationResult):
        focus, path, value = (report.value(r, p) for p in (SH.focusNode, SH.resultPath, SH.value))
        message = str(report.value(r, SH.resultMessage) or "constraint violated")
        if value is not None and value != focus:
            message += f" (value: {_show(data, value)})"
        results.append(Violation(focus=_show(data, focus), path=_show(data, path) if isinstance(path, URIRef) else "",
                                 message=message,
                                 severity=str(report.value(r, SH.resultSeverity)).rpartition("#")[2]))
    return sorted(set(results), key=lambda v: (v.focus, v.path, v.message))


def _show(g: Graph, node: object) -> str:
    """A node as a reader knows it: its kg id, a prefixed name, or the IRI."""
    ident = g.value(node, DCTERMS.identifier)
    if ident is not None:
        return str(ident)
    return g.namespace_manager.normalizeUri(node) if isinstance(node, URIRef) else str(node)
