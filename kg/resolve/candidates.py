"""Which events a group may join across articles: those sharing a key with it.

Across articles a merge needs evidence beyond the type (``CROSS_THRESHOLD``):
a date, a day of the year or week, a shared person, actor, place or force, an
amount, or for statements the same quote or words. Two groups that share none
of these cannot reach it, so resolution compares a group only with the events
that share one of its keys instead of with every event built so far — which on
an archive of thousands of articles is what made resolution quadratic. The
keys are a superset of the evidence (:func:`kg.resolve.evidence.evidence`),
so the events found, and the order they are tried in, are those of a full scan.
"""
from __future__ import annotations

from collections import defaultdict

from kg.model import Entity
from kg.resolve import statements
from kg.resolve.evidence import Group
from kg.resolve.sides import amounts, expand

Key = tuple


class Candidates:
    """An inverted index from keys to the positions of the events that have them."""

    def __init__(self, by_id: dict[str, Entity]) -> None:
        self.by_id = by_id
        self.buckets: dict[Key, set[int]] = defaultdict(set)

    def add(self, position: int, g: Group) -> None:
        """Index (again, after it grew) the event at ``position``."""
        for k in _keys(g, self.by_id):
            self.buckets[k].add(position)

    def of(self, g: Group) -> list[int]:
        """Positions of the events ``g`` may join, in the order they were made."""
        found: set[int] = set()
        for k in _keys(g, self.by_id, probe=True):
            found |= self.buckets.get(k, set())
        return sorted(found)


def _keys(g: Group, by_id: dict[str, Entity], probe: bool = False) -> set[Key]:
    keys: set[Key] = set()
    if g.anchor is not None:
        v, level = g.anchor.value, g.anchor.granularity
        keys |= {("year", v.year), ("year", v.isocalendar()[0])}
        # a week and a month are never compared (kg.resolve.evidence.Anchor.conflicts): any two may merge
        if level in ("week", "month"):
            other = "month" if level == "week" else "week"
            keys.add(("any", other if probe else level))
    keys |= {("day", d) for d in g.days}
    keys |= {("weekday", w) for w in g.days_of_week}
    keys |= {("amount", n) for n in amounts(r.mention.quantity for r in g.members)}
    entities = g.persons | expand(g.actors, by_id) | g.places | g.destinations | expand(g.ids("force"), by_id)
    keys |= {("entity", i) for i in entities}
    if g.type == "Statement":
        keys |= {("word", w) for r in g.members for w in r.content}
        keys |= {("quote", statements.norm(r.mention.quote)) for r in g.members if r.quoted and r.mention.quote}
    return {(g.type, *k) for k in keys}
