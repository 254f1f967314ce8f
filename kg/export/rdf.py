"""The event graph as RDF: export (networkx → rdflib) and deterministic serialisations.

The RDF is kg's public output: outside tools and kg's own evaluation read it,
so its shape is a contract (docs/rdf.md). IRIs are derived from the
language-neutral ids alone, so re-running a build mints the same IRIs, and the
serialisations are made byte-for-byte deterministic here because rdflib's own
output order can depend on Python's per-process hash seed. Reading RDF back is
:mod:`kg.export.rdf_read`; SHACL validation is :mod:`kg.export.shacl`.
"""
from __future__ import annotations

import hashlib
import json
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from functools import lru_cache
from urllib.parse import quote

import networkx as nx
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kg.errors import KgError, UsageError
from kg.export import view
from kg.export.view import ArticleNode, EntityNode, EventNode, Evidence, split_key
from kg.export.vocab import (
    DCTERMS,
    DEFAULT_BASE,
    ENTITY_CLASS,
    EVENT_CLASS,
    GAF,
    GEONAMES,
    KG,
    NIF,
    ONTOLOGY_FILE,
    ONTOLOGY_IRI,
    OWL,
    PREFIXES,
    PROV,
    RDF,
    RDFS,
    ROLE_PROPERTY,
    SDO,
    SEM,
    SKOS,
    WGS84,
    XSD,
)

# kg's format names → rdflib's, and file extensions → kg's format names.
FORMATS = {"ttl": "turtle", "jsonld": "json-ld", "nt": "nt", "trig": "trig"}
EXTENSIONS = {".ttl": "ttl", ".jsonld": "jsonld", ".nt": "nt", ".trig": "trig"}



# --------------------------------------------------------------------------- IRIs

def entity_iri(entity_id: str, base: str = DEFAULT_BASE) -> URIRef:
    """``country/KP`` → ``<base>country/KP``: the id's own path, percent-encoded."""
    return URIRef(base + quote(entity_id, safe="/"))


def event_iri(event_id: str, base: str = DEFAULT_BASE) -> URIRef:
    return URIRef(f"{base}event/{quote(event_id, safe='')}")


def article_iri(article_id: str, base: str = DEFAULT_BASE) -> URIRef:
    """The article's ``nif:Context``; ``feed.jsonl#3`` keeps its record number as ``%23``."""
    return URIRef(f"{base}article/{quote(article_id, safe='/')}")


def mention_iri(event_id: str, article_id: str, begin: int, end: int, base: str = DEFAULT_BASE) -> URIRef:
    """One mention node per event and trigger occurrence, so its rule and confidence are its own.

    The name is a digest of (event, article, offsets): stable, and flat, because rdflib's
    Turtle writer slows down quadratically with the number of distinct IRI "folders".
    """
    digest = hashlib.sha256(f"{event_id}\n{article_id}\n{begin}\n{end}".encode()).hexdigest()[:20]
    return URIRef(f"{base}mention/{digest}")


def publisher_iri(outlet: str, base: str = DEFAULT_BASE) -> URIRef:
    """The outlet as an agent node (``dcterms:publisher``'s range is ``dcterms:Agent``), named by its name."""
    return URIRef(f"{base}publisher/{quote(outlet, safe='')}")


def quantity_iri(event_id: str, base: str = DEFAULT_BASE) -> URIRef:
    return URIRef(f"{base}quantity/{quote(event_id, safe='')}")


def modality_iri(value: str) -> URIRef:
    return URIRef(f"{ONTOLOGY_IRI}#{quote(value, safe='')}")


# --------------------------------------------------------------------------- export

@lru_cache(maxsize=1)
def ontology() -> Graph:
    """The ontology's triples (ontologies/kg.ttl), parsed once per process."""
    if not ONTOLOGY_FILE.is_file():
        raise KgError(f"the ontology is missing: {ONTOLOGY_FILE}")
    return Graph().parse(ONTOLOGY_FILE, format="turtle")


def bind_prefixes(g: Graph) -> None:
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True, replace=True)


def _decimal(x: float) -> Literal:
    """A float as xsd:decimal whose lexical form reads back as the same float."""
    return Literal(format(Decimal(repr(float(x))), "f"), datatype=XSD.decimal)


def _time(iso: str) -> Literal:
    """A time anchor at its granularity: 2024-11-04, 2024-11, 2024 or --11-04 (a day without its year)."""
    kind = XSD.gMonthDay if iso.startswith("--") else {4: XSD.gYear, 7: XSD.gYearMonth}.get(len(iso), XSD.date)
    return Literal(iso, datatype=kind)


def _date(text: str) -> Literal:
    return Literal(text, datatype=XSD.dateTime if "T" in text else XSD.date)


def _node_iri(key: str, base: str) -> URIRef:
    kind, ident = split_key(key)
    make = {"event": event_iri, "entity": entity_iri, "article": article_iri}.get(kind)
    if make is None:
        raise ValueError(f"graph node {key!r} is not an event, entity or article key")
    return make(ident, base)


def _add_article(g: Graph, iri: URIRef, a: ArticleNode, base: str) -> None:
    """The article's nif:Context with its whole text (NIF 2.0 requires ``nif:isString``), so a NIF tool
    can check every mention's anchor against its offsets from the RDF alone."""
    g.add((iri, RDF.type, NIF.Context))
    g.add((iri, DCTERMS.identifier, Literal(a.path)))
    if a.text is not None:
        g.add((iri, NIF.isString, Literal(a.text)))
        g.add((iri, NIF.beginIndex, Literal(0, datatype=XSD.nonNegativeInteger)))
        g.add((iri, NIF.endIndex, Literal(len(a.text), datatype=XSD.nonNegativeInteger)))
    for prop, value in ((DCTERMS.title, a.title), (DCTERMS.language, a.language)):
        if value:
            g.add((iri, prop, Literal(value)))
    if a.outlet:
        agent = publisher_iri(a.outlet, base)
        g.add((iri, DCTERMS.publisher, agent))
        g.add((agent, RDF.type, DCTERMS.Agent))
        g.add((agent, RDFS.label, Literal(a.outlet)))
    if a.url:
        g.add((iri, SDO.url, Literal(a.url, datatype=XSD.anyURI)))
    if a.published:
        g.add((iri, DCTERMS.issued, _date(a.published)))


def _add_entity(g: Graph, iri: URIRef, ident: str, e: EntityNode, base: str) -> None:
    g.add((iri, RDF.type, SEM.Place if e.kind == "place" else SEM.Actor))
    if e.type in ENTITY_CLASS:
        g.add((iri, RDF.type, ENTITY_CLASS[e.type]))
    g.add((iri, DCTERMS.identifier, Literal(ident)))
    g.add((iri, RDFS.label, Literal(e.label or ident)))
    for alias in e.aliases:
        if alias != e.label:
            g.add((iri, SKOS.altLabel, Literal(alias)))
    if e.affiliation:
        g.add((iri, KG.affiliation, entity_iri(e.affiliation, base)))
    if e.geonames_id is not None:
        g.add((iri, OWL.sameAs, GEONAMES[f"{int(e.geonames_id)}/"]))
    if e.lat is not None and e.lon is not None:
        g.add((iri, WGS84.lat, _decimal(e.lat)))
        g.add((iri, WGS84.long, _decimal(e.lon)))
    if e.mention_count is not None:
        g.add((iri, KG.mentionCount, Literal(int(e.mention_count), datatype=XSD.nonNegativeInteger)))
    if e.type_source:
        g.add((iri, KG.typeSource, Literal(e.type_source)))


def _add_modality(g: Graph, subject: URIRef, values: list[str]) -> None:
    """Modalities are SKOS concepts; one the ontology lacks is declared where it is used."""
    declared = ontology()
    for value in values:
        concept = modality_iri(value)
        g.add((subject, KG.modality, concept))
        if (concept, RDF.type, KG.Modality) not in declared:
            g.add((concept, RDF.type, KG.Modality))
            g.add((concept, RDF.type, SKOS.Concept))
            g.add((concept, SKOS.inScheme, KG.ModalityScheme))
            g.add((concept, SKOS.prefLabel, Literal(value)))


def _add_event(ds: Dataset, iri: URIRef, ident: str, ev: EventNode, base: str) -> None:
    g = ds.default_graph
    if ev.type not in EVENT_CLASS:
        raise ValueError(f"event {ident!r} has type {ev.type!r}, not one of {sorted(EVENT_CLASS)}")
    g.add((iri, RDF.type, SEM.Event))
    g.add((iri, RDF.type, EVENT_CLASS[ev.type]))
    g.add((iri, DCTERMS.identifier, Literal(ident)))
    g.add((iri, RDFS.label, Literal(ev.label or ident)))
    if ev.date:
        g.add((iri, SEM.hasTimeStamp, _date(ev.date)))
    _add_modality(g, iri, ev.modality)
    q = ev.quantity
    if q:
        node = quantity_iri(ident, base)
        g.add((iri, KG.quantity, node))
        g.add((node, RDF.type, SDO.QuantitativeValue))
        if q.value is not None:
            g.add((node, SDO.value, Literal(int(q.value))))
        if q.qualifier:
            g.add((node, KG.qualifier, Literal(q.qualifier)))
        if q.unit:
            g.add((node, SDO.unitText, Literal(q.unit)))
        if q.text:
            g.add((node, RDFS.label, Literal(q.text)))
    for m in ev.mentions:
        _add_mention(ds, iri, ident, m, base)


def _add_mention(ds: Dataset, event: URIRef, ident: str, m: Evidence, base: str) -> None:
    ctx = article_iri(m.article, base)
    ag = ds.graph(ctx)  # the mention belongs to its article's named graph
    node = mention_iri(ident, m.article, m.begin, m.end, base)
    ag.add((event, GAF.denotedBy, node))
    ag.add((node, RDF.type, KG.EventMention))
    ag.add((node, RDF.type, NIF.Phrase))
    ag.add((node, NIF.referenceContext, ctx))
    ag.add((node, NIF.beginIndex, Literal(int(m.begin), datatype=XSD.nonNegativeInteger)))
    ag.add((node, NIF.endIndex, Literal(int(m.end), datatype=XSD.nonNegativeInteger)))
    ag.add((node, NIF.anchorOf, Literal(m.anchor)))
    ag.add((node, KG.sentenceText, Literal(m.sentence or "")))
    ag.add((node, KG.rule, Literal(m.rule or "")))
    ag.add((node, KG.confidence, _decimal(m.confidence or 0.0)))
    for prop, value in ((KG.quote, m.quote), (KG.medium, m.medium), (KG.via, m.via), (KG.dateText, m.date_text),
                        (KG.timeGranularity, m.time_granularity)):
        if value:
            ag.add((node, prop, Literal(value)))
    if m.time_value:
        ag.add((node, KG.timeValue, _time(m.time_value)))
    if m.resolution:
        ag.add((node, KG.mergedBecause, Literal("; ".join(m.resolution))))
    _add_modality(ag, node, m.modality)


def to_dataset(graph: nx.MultiDiGraph, base: str = DEFAULT_BASE) -> Dataset:
    """The graph as an RDF dataset: the ontology, entities and events in the default
    graph; each article's context, mentions and provenance in a named graph
    whose name is the article's IRI (what TriG writes)."""
    ds = Dataset()
    bind_prefixes(ds)
    default = ds.default_graph
    for t in ontology():
        default.add(t)
    for key, node in view.nodes(graph):
        iri = _node_iri(key, base)
        ident = split_key(key)[1]
        if isinstance(node, ArticleNode):
            _add_article(ds.graph(iri), iri, node, base)
        elif isinstance(node, EntityNode):
            _add_entity(default, iri, ident, node, base)
        elif isinstance(node, EventNode):
            _add_event(ds, iri, ident, node, base)
    for u, v, role in view.edges(graph):
        s, o = _node_iri(u, base), _node_iri(v, base)
        if role in ROLE_PROPERTY:
            default.add((s, ROLE_PROPERTY[role], o))
        elif role == "about":
            default.add((s, KG.about, o))
        elif role == "affiliation":
            default.add((s, KG.affiliation, o))
        elif role == "reported_in":
            ds.graph(o).add((s, PROV.wasDerivedFrom, o))
        else:
            raise ValueError(f"edge {u} → {v} has unknown role {role!r}")
    return ds


@contextmanager
def rdflib_quietly() -> Iterator[None]:
    """Silences the deprecation warnings rdflib 7 raises about its own internals.

    kg uses ``Dataset`` as rdflib advises, but rdflib's TriG and JSON-LD parsers still build a
    ``ConjunctiveGraph`` and its ``Dataset`` methods read ``default_context`` themselves; those
    warnings point into rdflib (module ``rdflib.…``) and say nothing a kg user can act on. A
    deprecated call from kg's own code is attributed to kg's module and still shows.
    """
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", category=DeprecationWarning, module=r"rdflib\.")
        yield


def flatten(rdf: Graph) -> Graph:
    """All triples of a graph or dataset in one graph (what SHACL and the view read)."""
    flat = Graph()
    bind_prefixes(flat)
    with rdflib_quietly():
        quads = rdf.quads((None, None, None, None)) if isinstance(rdf, Dataset) else ((*t, None) for t in rdf)
        for s, p, o, _ in quads:
            flat.add((s, p, o))
    return flat


def _sorted_lines(text: str) -> str:
    return "".join(sorted(set(text.splitlines(keepends=True))))


def _canonical_json(data: object) -> object:
    """JSON-LD with node arrays and multi-values in a fixed order (they are sets)."""
    if isinstance(data, dict):
        return {k: _canonical_json(v) for k, v in sorted(data.items())}
    if isinstance(data, list):
        items = [_canonical_json(v) for v in data]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    return data


def serialize(graph: nx.MultiDiGraph, fmt: str = "ttl", base: str = DEFAULT_BASE) -> bytes:
    """The graph in one of FORMATS, byte-identical for the same input."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown RDF format {fmt!r} (choose one of {', '.join(FORMATS)})")
    ds = to_dataset(graph, base)
    if fmt == "trig":
        return _stable_trig(ds)
    flat = flatten(ds)
    if fmt == "nt":
        return _sorted_lines(flat.serialize(format="nt", encoding="utf-8").decode("utf-8")).encode("utf-8")
    if fmt == "jsonld":
        doc = json.loads(flat.serialize(format="json-ld", context=dict(PREFIXES), auto_compact=True))
        return (json.dumps(_canonical_json(doc), ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    return flat.serialize(format="longturtle", encoding="utf-8")


def nquads(graph: nx.MultiDiGraph, base: str = DEFAULT_BASE) -> bytes:
    """The dataset as N-Quads (what a store is loaded from), in no particular order."""
    with rdflib_quietly():
        return to_dataset(graph, base).serialize(format="nquads", encoding="utf-8")


def _stable_trig(ds: Dataset) -> bytes:
    """TriG with the default graph first, then named graphs in IRI order, each in long-Turtle's sorted form.

    Written with ``@prefix`` and without the ``GRAPH`` keyword (both TriG 1.1), so that parsers
    older than TriG 1.1's SPARQL-style forms (rapper 2.0.15 of Debian's raptor2-utils) read it too.
    """
    parts = [f"@prefix {prefix}: <{ns}> .\n" for prefix, ns in sorted(PREFIXES.items())]
    graphs = sorted((g for g in ds.graphs() if len(g)),
                    key=lambda g: "" if g.identifier == DATASET_DEFAULT_GRAPH_ID else str(g.identifier))
    for g in graphs:
        body = Graph()
        bind_prefixes(body)
        for t in g:
            body.add(t)
        text = body.serialize(format="longturtle", encoding="utf-8").decode("utf-8")
        # not indented: a long string literal spanning lines must keep its text
        body_text = "\n".join(line for line in text.splitlines() if not line.startswith("PREFIX ")).strip("\n")
        name = "" if g.identifier == DATASET_DEFAULT_GRAPH_ID else f"<{g.identifier}> "
        parts.append(f"\n{name}{{\n{body_text}\n}}\n")
    return "".join(parts).encode("utf-8")
