"""Exported RDF read back: loading a graph file offline, and the networkx graph it describes.

``load`` reads any of kg's serialisations by file extension (refusing a
JSON-LD context on the web: kg never fetches); ``to_networkx`` rebuilds the
:mod:`kg.export.graph`-shaped graph from it, with the typed nodes of :mod:`kg.export.view`,
so ``kg view`` draws any exported file.
"""
from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import unquote, urlparse

import networkx as nx
from rdflib import Dataset, Graph, URIRef

from kg.errors import KgError, UsageError
from kg.export import view
from kg.export.rdf import EXTENSIONS, FORMATS, bind_prefixes, flatten, rdflib_quietly
from kg.export.view import ArticleNode, EntityNode, EventNode, Evidence, article_key, entity_key, event_key
from kg.export.vocab import (
    DCTERMS,
    DEFAULT_BASE,
    ENTITY_CLASS,
    EVENT_CLASS,
    GAF,
    GEONAMES,
    KG,
    NIF,
    OWL,
    RDF,
    RDFS,
    ROLE_PROPERTY,
    SDO,
    SEM,
    SKOS,
    WGS84,
)
from kg.model import Quantity

_ROLE_OF = {prop: role for role, prop in ROLE_PROPERTY.items()}
_TYPE_OF = {cls: name for name, cls in {**EVENT_CLASS, **ENTITY_CLASS}.items()}


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
        refuse_remote_contexts(path)
    rdf: Graph = Dataset(default_union=True) if fmt == "trig" else Graph()
    try:
        with rdflib_quietly():
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


def refuse_remote_contexts(path: Path) -> None:
    """rdflib would fetch a remote JSON-LD context over the network; kg reads graphs offline."""
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return   # not readable JSON: rdflib's parser reports it in load()
    remote = _remote_contexts(document)
    if remote:
        raise KgError(f"{path}: JSON-LD context {remote[0]} is on the web and kg does not fetch it; "
                      "inline the context in the file (kg's own exports do)")


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


def _outlet(g: Graph, publisher: object) -> str | None:
    """The outlet's name: its agent node's label (a plain literal in files kg wrote before agents)."""
    if isinstance(publisher, URIRef):
        return _str(g.value(publisher, RDFS.label))
    return _str(publisher)


def _modalities(g: Graph, node: URIRef) -> list[str]:
    return sorted(unquote(str(m).rpartition("#")[2]) for m in g.objects(node, KG.modality))


def _entity_type(g: Graph, node: URIRef) -> str:
    types = [_TYPE_OF[c] for c in g.objects(node, RDF.type) if c in _TYPE_OF and c in ENTITY_CLASS.values()]
    return sorted(types)[0] if types else "Unknown"


def to_networkx(rdf: Graph, base: str = DEFAULT_BASE) -> nx.MultiDiGraph:
    """Rebuild the kg.export.graph-shaped networkx graph from an exported file (for ``kg view``)."""
    g = flatten(rdf)
    out = nx.MultiDiGraph()
    contexts = sorted(set(g.subjects(RDF.type, NIF.Context)), key=lambda n: _ident(g, n, base, "article/"))
    for ctx in contexts:
        issued = g.value(ctx, DCTERMS.issued)
        view.add(out, article_key(_ident(g, ctx, base, "article/")), ArticleNode(
            path=_ident(g, ctx, base, "article/"), title=_str(g.value(ctx, DCTERMS.title)),
            outlet=_outlet(g, g.value(ctx, DCTERMS.publisher)), url=_str(g.value(ctx, SDO.url)),
            published=str(issued) if issued is not None else None,
            language=_str(g.value(ctx, DCTERMS.language)), text=_str(g.value(ctx, NIF.isString))))
    entities = {n: _ident(g, n, base) for t in (SEM.Actor, SEM.Place) for n in g.subjects(RDF.type, t)
                if isinstance(n, URIRef)}
    for node, ident in sorted(entities.items(), key=lambda kv: kv[1]):
        same = [str(o) for o in g.objects(node, OWL.sameAs) if str(o).startswith(str(GEONAMES))]
        affiliation = g.value(node, KG.affiliation)
        count = g.value(node, KG.mentionCount)
        view.add(out, entity_key(ident), EntityNode(
            kind="place" if (node, RDF.type, SEM.Place) in g else "actor",
            type=_entity_type(g, node), label=_str(g.value(node, RDFS.label)),
            aliases=sorted(str(a) for a in g.objects(node, SKOS.altLabel)),
            affiliation=(entities.get(affiliation) or _ident(g, affiliation, base)) if affiliation else None,
            geonames_id=int(same[0][len(str(GEONAMES)):].strip("/")) if same else None,
            lat=_float(g.value(node, WGS84.lat)), lon=_float(g.value(node, WGS84.long)),
            mention_count=int(count) if count is not None else None,
            type_source=_str(g.value(node, KG.typeSource)) or ""))
    for node, ident in sorted(entities.items(), key=lambda kv: kv[1]):
        affiliation = g.value(node, KG.affiliation)
        if affiliation in entities:
            view.link(out, entity_key(ident), entity_key(entities[affiliation]), "affiliation")
    events = {n: _ident(g, n, base, "event/") for n in g.subjects(RDF.type, SEM.Event) if isinstance(n, URIRef)}
    for node, ident in sorted(events.items(), key=lambda kv: kv[1]):
        types = sorted(_TYPE_OF[c] for c in g.objects(node, RDF.type) if c in EVENT_CLASS.values())
        stamp = g.value(node, SEM.hasTimeStamp) or g.value(node, SEM.hasBeginTimeStamp)
        mentions = _mentions(g, node, base)
        view.add(out, event_key(ident), EventNode(
            type=types[0] if types else None, label=_str(g.value(node, RDFS.label)),
            date=str(stamp) if stamp is not None else None, modality=_modalities(g, node),
            quantity=_quantity(g, g.value(node, KG.quantity)), mentions=mentions))
        roles = sorted((_ROLE_OF[p], entities[o]) for p, o in g.predicate_objects(node)
                       if p in _ROLE_OF and o in entities)
        for role, target in roles:
            view.link(out, event_key(ident), entity_key(target), role)
        for article in sorted({m.article for m in mentions}):
            view.link(out, event_key(ident), article_key(article), "reported_in")
    for node, ident in sorted(events.items(), key=lambda kv: kv[1]):
        for target in sorted(events[o] for o in g.objects(node, KG.about) if o in events):
            view.link(out, event_key(ident), event_key(target), "about")
    return out


def _quantity(g: Graph, node: object) -> Quantity | None:
    if node is None:
        return None
    value = g.value(node, SDO.value)
    return Quantity(value=int(value) if value is not None else None, qualifier=_str(g.value(node, KG.qualifier)),
                    unit=_str(g.value(node, SDO.unitText)), text=str(g.value(node, RDFS.label) or ""))


def _mentions(g: Graph, event: URIRef, base: str) -> list[Evidence]:
    mentions = []
    for m in g.objects(event, GAF.denotedBy):
        ctx = g.value(m, NIF.referenceContext)
        merged = _str(g.value(m, KG.mergedBecause))
        mentions.append(Evidence(
            article=_ident(g, ctx, base, "article/") if ctx is not None else "",
            begin=int(g.value(m, NIF.beginIndex)), end=int(g.value(m, NIF.endIndex)),
            anchor=str(g.value(m, NIF.anchorOf)), sentence=str(g.value(m, KG.sentenceText) or ""),
            rule=str(g.value(m, KG.rule) or ""), confidence=_float(g.value(m, KG.confidence)),
            quote=_str(g.value(m, KG.quote)), medium=_str(g.value(m, KG.medium)),
            date_text=_str(g.value(m, KG.dateText)), modality=_modalities(g, m), via=_str(g.value(m, KG.via)),
            time_value=_str(g.value(m, KG.timeValue)), time_granularity=_str(g.value(m, KG.timeGranularity)),
            resolution=merged.split("; ") if merged else [],
        ))
    return sorted(mentions, key=lambda m: (m.article, m.begin, m.end))
