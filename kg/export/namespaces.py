"""kg's prefixes and data folders as plain strings and paths, without rdflib.

SPARQL needs only the prefixes, and importing rdflib for them would cost every
``kg query`` call a third of a second; :mod:`kg.export.vocab` builds its rdflib
namespaces from these (a test checks that rdflib's own vocabularies agree).
"""
from __future__ import annotations

from pathlib import Path

ONTOLOGY_IRI = "https://kg.example.org/ontology"

# Prefixes written into every export and known to every query.
PREFIXES: dict[str, str] = {
    "kg": ONTOLOGY_IRI + "#",
    "sem": "http://semanticweb.cs.vu.nl/2009/11/sem/",
    "gaf": "http://groundedannotationframework.org/gaf#",
    "nif": "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
    "dcterms": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "schema": "https://schema.org/",
    "time": "http://www.w3.org/2006/time#",
    # W3C Basic Geo; rdflib's WGS spells it with https, which is not the published IRI.
    "geo": "http://www.w3.org/2003/01/geo/wgs84_pos#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}

# ontologies/ and queries/ live at the repository root; kg/ontologies and
# kg/queries are links to them, so that a built wheel carries their files.
_PACKAGE = Path(__file__).parent.parent
ONTOLOGY_FILE = _PACKAGE / "ontologies" / "kg.ttl"
SHAPES_FILE = _PACKAGE / "ontologies" / "kg-shapes.ttl"
QUERIES_DIR = _PACKAGE / "queries"
