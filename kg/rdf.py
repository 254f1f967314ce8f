"""The event graph as RDF: export (networkx → rdflib), loading, and the way back.

The RDF is kg's public output: outside tools and kg's own evaluation read it,
so its shape is a contract (docs/rdf.md). IRIs are derived from the
language-neutral ids alone, so re-running a build mints the same IRIs, and the
serialisations are made byte-for-byte deterministic here because rdflib's own
output order can depend on Python's per-process hash seed.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote, unquote, urlparse

import networkx as nx
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kg.errors import KgError, UsageError
from kg.graph import article_key, entity_key, event_key
from kg.vocab import (DCTERMS, DEFAULT_BASE, ENTITY_CLASS, EVENT_CLASS, GAF, GEONAMES, KG, NIF, ONTOLOGY_FILE,
                      ONTOLOGY_IRI, OWL, PREFIXES, PROV, RDF, RDFS, ROLE_PROPERTY, SDO, SEM, SHAPES_FILE, SKOS, WGS84,
                      XSD)

# kg's format names → rdflib's, and file extensions → kg's format names.
FORMATS = {"ttl": "turtle", "jsonld": "json-ld", "nt": "nt", "trig": "trig"}
EXTENSIONS = {".ttl": "ttl", ".jsonld": "jsonld", ".nt": "nt", ".trig": "trig"}

_ROLE_OF = {prop: role for role, prop in ROLE_PROPERTY.items()}
_TYPE_OF = {cls: name for name, cls in {**EVENT_CLASS, **ENTITY_CLASS}.items()}


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
    digest = hashlib.sha256(f"{event_id}\n{article_id}\n{begin}\n{end}".encode("utf-8")).hexdigest()[:20]
    return URIRef(f"{base}mention/{digest}")


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
    kind, _, ident = key.partition(":")
    make = {"event": event_iri, "entity": entity_iri, "article": article_iri}.get(kind)
    if make is None:
        raise ValueError(f"graph node {key!r} is not an event, entity or article key")
    return make(ident, base)


def _add_article(g: Graph, iri: URIRef, attrs: dict) -> None:
    g.add((iri, RDF.type, NIF.Context))
    g.add((iri, DCTERMS.identifier, Literal(attrs["path"])))
    for prop, key in ((DCTERMS.title, "title"), (DCTERMS.publisher, "outlet"), (DCTERMS.language, "language")):
        if attrs.get(key):
            g.add((iri, prop, Literal(attrs[key])))
    if attrs.get("url"):
        g.add((iri, SDO.url, Literal(attrs["url"], datatype=XSD.anyURI)))
    if attrs.get("published"):
        g.add((iri, DCTERMS.issued, _date(attrs["published"])))


def _add_entity(g: Graph, iri: URIRef, ident: str, attrs: dict, base: str) -> None:
    g.add((iri, RDF.type, SEM.Place if attrs.get("kind") == "place" else SEM.Actor))
    if attrs.get("type") in ENTITY_CLASS:
        g.add((iri, RDF.type, ENTITY_CLASS[attrs["type"]]))
    g.add((iri, DCTERMS.identifier, Literal(ident)))
    g.add((iri, RDFS.label, Literal(attrs.get("label") or ident)))
    for alias in attrs.get("aliases") or []:
        if alias != attrs.get("label"):
            g.add((iri, SKOS.altLabel, Literal(alias)))
    if attrs.get("affiliation"):
        g.add((iri, KG.affiliation, entity_iri(attrs["affiliation"], base)))
    if attrs.get("geonames_id") is not None:
        g.add((iri, OWL.sameAs, GEONAMES[f"{int(attrs['geonames_id'])}/"]))
    if attrs.get("lat") is not None and attrs.get("lon") is not None:
        g.add((iri, WGS84.lat, _decimal(attrs["lat"])))
        g.add((iri, WGS84.long, _decimal(attrs["lon"])))
    if attrs.get("mention_count") is not None:
        g.add((iri, KG.mentionCount, Literal(int(attrs["mention_count"]), datatype=XSD.nonNegativeInteger)))


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


def _add_event(ds: Dataset, iri: URIRef, ident: str, attrs: dict, base: str) -> None:
    g = ds.default_graph
    if attrs.get("type") not in EVENT_CLASS:
        raise ValueError(f"event {ident!r} has type {attrs.get('type')!r}, not one of {sorted(EVENT_CLASS)}")
    g.add((iri, RDF.type, SEM.Event))
    g.add((iri, RDF.type, EVENT_CLASS[attrs["type"]]))
    g.add((iri, DCTERMS.identifier, Literal(ident)))
    g.add((iri, RDFS.label, Literal(attrs.get("label") or ident)))
    if attrs.get("date"):
        g.add((iri, SEM.hasTimeStamp, _date(attrs["date"])))
    _add_modality(g, iri, attrs.get("modality") or [])
    q = attrs.get("quantity")
    if q:
        node = quantity_iri(ident, base)
        g.add((iri, KG.quantity, node))
        g.add((node, RDF.type, SDO.QuantitativeValue))
        if q.get("value") is not None:
            g.add((node, SDO.value, Literal(int(q["value"]))))
        if q.get("qualifier"):
            g.add((node, KG.qualifier, Literal(q["qualifier"])))
        if q.get("unit"):
            g.add((node, SDO.unitText, Literal(q["unit"])))
        if q.get("text"):
            g.add((node, RDFS.label, Literal(q["text"])))
    for m in attrs.get("mentions") or []:
        ctx = article_iri(m["article"], base)
        ag = ds.graph(ctx)  # the mention belongs to its article's named graph
        node = mention_iri(ident, m["article"], m["begin"], m["end"], base)
        ag.add((iri, GAF.denotedBy, node))
        ag.add((node, RDF.type, KG.EventMention))
        ag.add((node, RDF.type, NIF.Phrase))
        ag.add((node, NIF.referenceContext, ctx))
        ag.add((node, NIF.beginIndex, Literal(int(m["begin"]), datatype=XSD.nonNegativeInteger)))
        ag.add((node, NIF.endIndex, Literal(int(m["end"]), datatype=XSD.nonNegativeInteger)))
        ag.add((node, NIF.anchorOf, Literal(m["anchor"])))
        ag.add((node, KG.sentenceText, Literal(m.get("sentence") or "")))
        ag.add((node, KG.rule, Literal(m.get("rule") or "")))
        ag.add((node, KG.confidence, _decimal(m.get("confidence") or 0.0)))
        for prop, key in ((KG.quote, "quote"), (KG.medium, "medium"), (KG.via, "via"), (KG.dateText, "date_text"),
                          (KG.timeGranularity, "time_granularity")):
            if m.get(key):
                ag.add((node, prop, Literal(m[key])))
        if m.get("time_value"):
            ag.add((node, KG.timeValue, _time(m["time_value"])))
        _add_modality(ag, node, m.get("modality") or [])


def to_dataset(graph: nx.MultiDiGraph, base: str = DEFAULT_BASE) -> Dataset:
    """The graph as an RDF dataset: the ontology, entities and events in the default
    graph; each article's context, mentions and provenance in a named graph
    whose name is the article's IRI (what TriG writes)."""
    ds = Dataset()
    bind_prefixes(ds)
    default = ds.default_graph
    for t in ontology():
        default.add(t)
    for key, attrs in graph.nodes(data=True):
        kind = attrs.get("kind")
        iri = _node_iri(key, base)
        ident = key.partition(":")[2]
        if kind == "article":
            _add_article(ds.graph(iri), iri, attrs)
        elif kind in ("actor", "place"):
            _add_entity(default, iri, ident, attrs, base)
        elif kind == "event":
            _add_event(ds, iri, ident, attrs, base)
    for u, v, attrs in graph.edges(data=True):
        role = attrs.get("role")
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


def flatten(rdf: Graph) -> Graph:
    """All triples of a graph or dataset in one graph (what SHACL and the view read)."""
    flat = Graph()
    bind_prefixes(flat)
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


def _stable_trig(ds: Dataset) -> bytes:
    """TriG with the default graph first, then named graphs in IRI order, each in long-Turtle's sorted form."""
    parts = [f"PREFIX {prefix}: <{ns}>\n" for prefix, ns in sorted(PREFIXES.items())]
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
        name = "" if g.identifier == DATASET_DEFAULT_GRAPH_ID else f"GRAPH <{g.identifier}> "
        parts.append(f"\n{name}{{\n{body_text}\n}}\n")
    return "".join(parts).encode("utf-8")


# --------------------------------------------------------------------------- loading

def load(path: Path | str) -> Graph:
    """An exported graph, by extension: a Graph, or a Dataset (union default graph) for TriG."""
    path = Path(path)
    fmt = EXTENSIONS.get(path.suffix.lower())
    if fmt is None:
        raise UsageError(f"{path}: unknown RDF file type {path.suffix or '(none)'!r} "
                         f"(expected {', '.join(EXTENSIONS)})")
    if not path.is_file():
        raise KgError(f"{path}: no such file")
    if fmt == "jsonld":
        _refuse_remote_contexts(path)
    rdf: Graph = Dataset(default_union=True) if fmt == "trig" else Graph()
    try:
        rdf.parse(path, format=FORMATS[fmt])
    except Exception as e:  # rdflib's parsers raise many types; the user needs one line
        message = " ".join(str(e).split()) or type(e).__name__
        raise KgError(f"{path}: not valid {FORMATS[fmt]}: {message[:300]}") from e
    bind_prefixes(rdf)
    return rdf


def _remote_contexts(node: object) -> list[str]:
    """Every ``@context``/``@import`` reference in a JSON-LD document that names a web address."""
    if isinstance(node, list):
        return [url for item in node for url in _remote_contexts(item)]
    if not isinstance(node, dict):
        return []
    found = []
    for key, value in node.items():
        if key in ("@context", "@import"):
            refs = value if isinstance(value, list) else [value]
            found += [r for r in refs if isinstance(r, str) and urlparse(r).scheme in ("http", "https")]
        found += _remote_contexts(value)
    return found


def _refuse_remote_contexts(path: Path) -> None:
    """rdflib would fetch a remote JSON-LD context over the network; kg reads graphs offline."""
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return   # not readable JSON: rdflib's parser reports it in load()
    remote = _remote_contexts(document)
    if remote:
        raise KgError(f"{path}: JSON-LD context {remote[0]} is on the web and kg does not fetch it; "
                      "inline the context in the file (kg's own exports do)")


# --------------------------------------------------------------------------- the way back

def _ident(g: Graph, node: URIRef, base: str, prefix: str = "") -> str:
    """A node's language-neutral id: its dcterms:identifier, else its IRI minus the base."""
    value = g.value(node, DCTERMS.identifier)
    if value is not None:
        return str(value)
    text = str(node)
    return unquote(text[len(base) + len(prefix):] if text.startswith(base + prefix) else text)


def _float(lit: object) -> float | None:
    return None if lit is None else float(lit.toPython())


def _str(lit: object) -> str | None:
    return None if lit is None else str(lit)


def _modalities(g: Graph, node: URIRef) -> list[str]:
    return sorted(unquote(str(m).rpartition("#")[2]) for m in g.objects(node, KG.modality))


def _entity_type(g: Graph, node: URIRef) -> str:
    types = [_TYPE_OF[c] for c in g.objects(node, RDF.type) if c in _TYPE_OF and c in ENTITY_CLASS.values()]
    return sorted(types)[0] if types else "Unknown"


def to_networkx(rdf: Graph, base: str = DEFAULT_BASE) -> nx.MultiDiGraph:
    """Rebuild the kg.graph-shaped networkx graph from an exported file (for ``kg view``)."""
    g = flatten(rdf)
    out = nx.MultiDiGraph()
    contexts = sorted(set(g.subjects(RDF.type, NIF.Context)), key=lambda n: _ident(g, n, base, "article/"))
    for ctx in contexts:
        issued = g.value(ctx, DCTERMS.issued)
        out.add_node(article_key(_ident(g, ctx, base, "article/")), kind="article",
                     path=_ident(g, ctx, base, "article/"), title=_str(g.value(ctx, DCTERMS.title)),
                     outlet=_str(g.value(ctx, DCTERMS.publisher)), url=_str(g.value(ctx, SDO.url)),
                     published=str(issued) if issued is not None else None,
                     language=_str(g.value(ctx, DCTERMS.language)))
    entities = {n: _ident(g, n, base) for t in (SEM.Actor, SEM.Place) for n in g.subjects(RDF.type, t)
                if isinstance(n, URIRef)}
    for node, ident in sorted(entities.items(), key=lambda kv: kv[1]):
        same = [str(o) for o in g.objects(node, OWL.sameAs) if str(o).startswith(str(GEONAMES))]
        affiliation = g.value(node, KG.affiliation)
        count = g.value(node, KG.mentionCount)
        out.add_node(entity_key(ident), kind="place" if (node, RDF.type, SEM.Place) in g else "actor",
                     type=_entity_type(g, node), label=_str(g.value(node, RDFS.label)),
                     aliases=sorted(str(a) for a in g.objects(node, SKOS.altLabel)),
                     affiliation=(entities.get(affiliation) or _ident(g, affiliation, base)) if affiliation else None,
                     geonames_id=int(same[0][len(str(GEONAMES)):].strip("/")) if same else None,
                     lat=_float(g.value(node, WGS84.lat)), lon=_float(g.value(node, WGS84.long)),
                     mention_count=int(count) if count is not None else None)
    for node, ident in sorted(entities.items(), key=lambda kv: kv[1]):
        affiliation = g.value(node, KG.affiliation)
        if affiliation in entities:
            out.add_edge(entity_key(ident), entity_key(entities[affiliation]), role="affiliation")
    events = {n: _ident(g, n, base, "event/") for n in g.subjects(RDF.type, SEM.Event) if isinstance(n, URIRef)}
    for node, ident in sorted(events.items(), key=lambda kv: kv[1]):
        types = sorted(_TYPE_OF[c] for c in g.objects(node, RDF.type) if c in EVENT_CLASS.values())
        stamp = g.value(node, SEM.hasTimeStamp) or g.value(node, SEM.hasBeginTimeStamp)
        out.add_node(event_key(ident), kind="event", type=types[0] if types else None,
                     label=_str(g.value(node, RDFS.label)), date=str(stamp) if stamp is not None else None,
                     modality=_modalities(g, node), quantity=_quantity(g, g.value(node, KG.quantity)),
                     mentions=_mentions(g, node, base))
        roles = sorted((_ROLE_OF[p], entities[o]) for p, o in g.predicate_objects(node)
                       if p in _ROLE_OF and o in entities)
        for role, target in roles:
            out.add_edge(event_key(ident), entity_key(target), role=role)
        for article in sorted({m["article"] for m in out.nodes[event_key(ident)]["mentions"]}):
            out.add_edge(event_key(ident), article_key(article), role="reported_in")
    for node, ident in sorted(events.items(), key=lambda kv: kv[1]):
        for target in sorted(events[o] for o in g.objects(node, KG.about) if o in events):
            out.add_edge(event_key(ident), event_key(target), role="about")
    return out


def _quantity(g: Graph, node: object) -> dict | None:
    if node is None:
        return None
    value = g.value(node, SDO.value)
    return {"value": int(value) if value is not None else None, "qualifier": _str(g.value(node, KG.qualifier)),
            "unit": _str(g.value(node, SDO.unitText)), "text": str(g.value(node, RDFS.label) or "")}


def _mentions(g: Graph, event: URIRef, base: str) -> list[dict]:
    mentions = []
    for m in g.objects(event, GAF.denotedBy):
        ctx = g.value(m, NIF.referenceContext)
        mentions.append({
            "article": _ident(g, ctx, base, "article/") if ctx is not None else "",
            "begin": int(g.value(m, NIF.beginIndex)), "end": int(g.value(m, NIF.endIndex)),
            "anchor": str(g.value(m, NIF.anchorOf)), "sentence": str(g.value(m, KG.sentenceText) or ""),
            "rule": str(g.value(m, KG.rule) or ""), "confidence": _float(g.value(m, KG.confidence)),
            "quote": _str(g.value(m, KG.quote)), "medium": _str(g.value(m, KG.medium)),
            "date_text": _str(g.value(m, KG.dateText)), "modality": _modalities(g, m), "via": _str(g.value(m, KG.via)),
            "time_value": _str(g.value(m, KG.timeValue)), "time_granularity": _str(g.value(m, KG.timeGranularity)),
        })
    return sorted(mentions, key=lambda m: (m["article"], m["begin"], m["end"]))


# --------------------------------------------------------------------------- validation

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
