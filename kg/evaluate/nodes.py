"""Scoring the graph's nodes: events merged or split against gold, entities typed.

The mention scores of :mod:`kg.evaluate` say whether each report was found;
these say whether the graph has one node per real-world thing. A gold
real-world event is a ``cluster`` (or, without one, the single gold mention);
every matched mention (optional ones too) tells which system event it landed
in. A gold cluster whose mentions landed in several nodes is **split** (a
cluster with one matched mention counts as in one node); a node that holds
mentions of several gold events **merges** them. Entity typing
asks, of every gold entity the scored mentions name, whether the graph has an
entity of that name, and whether one of them has the gold type.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from kg.model import Entity


@dataclass
class Landing:
    """One matched gold mention and the system event its system mention landed in."""

    gold_id: str
    cluster: str | None    # the gold real-world event, when annotated
    event_id: str

    @property
    def real_event(self) -> str:
        return self.cluster or self.gold_id


@dataclass
class NodeGroup:
    """A split gold event (``key`` = cluster, ``members`` = nodes) or a merging node (the reverse)."""

    key: str
    members: list[str]


@dataclass
class Typing:
    """Gold entities named by scored mentions: found by name in the graph, and with the gold type."""

    total: int = 0
    found: int = 0
    right: int = 0
    wrong: list[tuple[str, str, list[str]]] = field(default_factory=list)   # gold key, gold type, system types
    missing: list[str] = field(default_factory=list)
    nodes: int = 0                       # actor/place nodes mentioned in the scored articles
    untyped: int = 0                     # … of which the type is Unknown


@dataclass
class Nodes:
    real_events: int = 0                 # gold clusters with a matched mention
    whole: int = 0                       # … of which all matched mentions are in one node
    split: list[NodeGroup] = field(default_factory=list)
    nodes: int = 0                       # system events holding a matched mention
    merging: list[NodeGroup] = field(default_factory=list)
    typing: Typing = field(default_factory=Typing)

    def to_dict(self) -> dict[str, Any]:
        t = self.typing
        return {"gold_events": self.real_events, "gold_events_in_one_node": self.whole,
                "split": {g.key: g.members for g in self.split},
                "nodes": self.nodes, "merging_nodes": {g.key: g.members for g in self.merging},
                "typing": {"gold_entities": t.total, "found": t.found, "right_type": t.right,
                           "wrong_type": [{"gold": k, "type": ty, "system": s} for k, ty, s in t.wrong],
                           "missing": t.missing, "nodes": t.nodes, "untyped_nodes": t.untyped}}


def score_nodes(landings: list[Landing]) -> Nodes:
    """Split gold events and merging nodes (see the module docstring)."""
    nodes_of: dict[str, set[str]] = defaultdict(set)
    golds_in: dict[str, set[str]] = defaultdict(set)
    ids_in: dict[str, set[str]] = defaultdict(set)
    for landing in landings:
        if landing.cluster:
            nodes_of[landing.cluster].add(landing.event_id)
        golds_in[landing.event_id].add(landing.real_event)
        ids_in[landing.event_id].add(landing.gold_id)
    out = Nodes(real_events=len(nodes_of), nodes=len(golds_in))
    out.whole = sum(1 for nodes in nodes_of.values() if len(nodes) == 1)
    out.split = [NodeGroup(k, sorted(v)) for k, v in sorted(nodes_of.items()) if len(v) > 1]
    out.merging = [NodeGroup(k, sorted(v)) for k, v in sorted(golds_in.items()) if len(v) > 1]
    return out


def score_typing(gold_entities: dict[str, dict], keys: set[str], entities: list[Entity],
                 articles: set[str] | None = None) -> Typing:
    """Entity typing of the gold entities ``keys`` against the graph's ``entities``, and how many
    of the nodes mentioned in ``articles`` (all when None) stay untyped."""
    by_name: dict[str, list[Entity]] = defaultdict(list)
    for ent in entities:
        for name in {ent.label, *ent.aliases}:
            by_name[name.casefold()].append(ent)
    out = Typing()
    scored = [e for e in entities if articles is None or any(m.article_id in articles for m in e.mentions)]
    out.nodes, out.untyped = len(scored), sum(e.type == "Unknown" for e in scored)
    for key in sorted(keys):
        gold = gold_entities.get(key)
        if gold is None:
            continue
        out.total += 1
        names = {n.casefold() for n in [gold.get("name", ""), *gold.get("aliases", [])] if n}
        found = {e.id: e for n in names for e in by_name.get(n, [])}
        if not found:
            out.missing.append(key)
            continue
        out.found += 1
        types = sorted({e.type for e in found.values()})
        if gold.get("type") in types:
            out.right += 1
        else:
            out.wrong.append((key, str(gold.get("type")), types))
    return out
