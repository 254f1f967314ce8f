"""The event graph's typed view: what a node and an edge of kg's networkx graph hold.

Every node holds one object — an :class:`ArticleNode`, :class:`EntityNode` or
:class:`EventNode` — and every edge its role. :mod:`kg.export.graph` makes them
from the :mod:`kg.model` objects of a build and :mod:`kg.export.rdf_read` from an
exported RDF file; the exporters (RDF, HTML) read their typed fields. This
module is the only one that touches networkx's attribute dicts, so a field is
named once, in its class (``tests/test_architecture.py`` keeps it so).
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import ClassVar

import networkx as nx

from kg.model import Quantity

_NODE = "node"   # the networkx attribute holding a node's object
_ROLE = "role"   # the networkx attribute holding an edge's role


def event_key(event_id: str) -> str:
    return f"event:{event_id}"


def entity_key(entity_id: str) -> str:
    return f"entity:{entity_id}"


def article_key(article_id: str) -> str:
    return f"article:{article_id}"


def split_key(key: str) -> tuple[str, str]:
    """``("entity", "country/KP")`` for ``entity:country/KP``."""
    kind, _, ident = key.partition(":")
    return kind, ident


@dataclass(frozen=True)
class ArticleNode:
    """An article: ``path`` is its id (the ``dcterms:identifier``), ``text`` the decoded text all offsets point into."""

    path: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None   # ISO date (or date-time)
    language: str | None = None
    text: str | None = None
    kind: ClassVar[str] = "article"


@dataclass(frozen=True)
class EntityNode:
    """An actor or a place (``kind``), with its type, canonical label and what is known of it."""

    kind: str                      # "actor" or "place"
    type: str                      # one of kg.model.ENTITY_TYPES
    label: str | None
    aliases: list[str] = field(default_factory=list)   # sorted, the label left out
    affiliation: str | None = None  # entity id
    geonames_id: int | None = None
    lat: float | None = None
    lon: float | None = None
    mention_count: int | None = None
    type_source: str = ""


@dataclass(frozen=True)
class Evidence:
    """One mention of an event: where an article tells it, and how kg found it and merged it."""

    article: str                   # article id
    begin: int                     # the trigger's offsets in the article text
    end: int
    anchor: str                    # the trigger's words
    sentence: str
    rule: str
    confidence: float | None
    quote: str | None = None
    medium: str | None = None
    date_text: str | None = None
    modality: list[str] = field(default_factory=list)
    via: str | None = None
    time_value: str | None = None  # ISO at its granularity: 2024-11-04, 2024-11, 2024, --11-04
    time_granularity: str | None = None
    resolution: list[str] = field(default_factory=list)   # why the mention was merged into the event


@dataclass(frozen=True)
class EventNode:
    """A real-world event and its mentions (sorted by article and offset)."""

    type: str | None               # one of kg.model.EVENT_TYPES
    label: str | None
    date: str | None = None        # ISO date
    modality: list[str] = field(default_factory=list)
    quantity: Quantity | None = None
    mentions: list[Evidence] = field(default_factory=list)
    kind: ClassVar[str] = "event"


Node = ArticleNode | EntityNode | EventNode


def add(graph: nx.MultiDiGraph, key: str, node: Node) -> None:
    graph.add_node(key, **{_NODE: node})


def link(graph: nx.MultiDiGraph, source: str, target: str, role: str) -> None:
    """An edge in ``role``: event → entity (a role of kg.model), event → event ``about``, event → article
    ``reported_in``, entity → entity ``affiliation``."""
    graph.add_edge(source, target, **{_ROLE: role})


def node(graph: nx.MultiDiGraph, key: str) -> Node | None:
    """The object of the node ``key`` (None when the graph has no such node)."""
    return graph.nodes[key][_NODE] if key in graph else None


def nodes(graph: nx.MultiDiGraph) -> Iterator[tuple[str, Node]]:
    """Every node's key and object, in graph order."""
    yield from graph.nodes(data=_NODE)


def edges(graph: nx.MultiDiGraph) -> Iterator[tuple[str, str, str]]:
    """Every edge as (source, target, role), in graph order."""
    yield from graph.edges(data=_ROLE)
