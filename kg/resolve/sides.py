"""Who and where, for event resolution: the side an actor stands for, the places and forces
a slot may hold, the most specific destination, the amounts a report gives.

Entity-level helpers of :mod:`kg.resolve.evidence`, kept apart so that each module has one job.
"""
from __future__ import annotations

from collections.abc import Iterable

from kg.extract import ids
from kg.model import Entity, Quantity

# What a destination or a force can be: a person or an organisation in those slots ("to serve
# in the United Nations …") is a misreading and rules nothing out.
PLACE_TYPES = frozenset({"Place", "Country", "Unknown"})
FORCE_TYPES = frozenset({"ArmedForce", "Country", "Unknown"})


def most_specific(places: frozenset[str], by_id: dict[str, Entity]) -> frozenset[str]:
    """Drop the places that contain another one given ("Kursk, Russia" → Kursk)."""
    containing = set()
    for p in places:
        seen, up = {p}, by_id[p].affiliation if p in by_id else None
        while up and up not in seen:
            containing.add(up)
            seen.add(up)
            up = by_id[up].affiliation if up in by_id else None
    return places - containing


def within(a: frozenset[str], b: frozenset[str], by_id: dict[str, Entity]) -> bool:
    """Whether a place of one side is named as lying in a place of the other: its name ends with
    the other's ("Lanud Raden Sadjad Ranai Natuna", an air base on Natuna). The chain of places a
    place lies in says less: "Paris" and "France" are told of different trips."""
    def words(p: str) -> list[str]:
        return by_id[p].label.casefold().split() if p in by_id else []

    def named_in(x: str, y: str) -> bool:
        wx, wy = words(x), words(y)
        return 0 < len(wy) < len(wx) and wx[-len(wy):] == wy

    return any(named_in(x, y) or named_in(y, x) for x in a for y in b)


def expand(ids: frozenset[str], by_id: dict[str, Entity]) -> frozenset[str]:
    """Entity ids plus the ids they are affiliated with (Zelensky → Ukraine)."""
    return ids | {by_id[i].affiliation for i in ids if i in by_id and by_id[i].affiliation}


def typed(ids: frozenset[str], types: frozenset[str], by_id: dict[str, Entity]) -> frozenset[str]:
    """The ids whose entity is of one of ``types`` (ids kg has no entity for count as unknown)."""
    return frozenset(i for i in ids if (by_id[i].type if i in by_id else "Unknown") in types)


def amounts(quantities: Iterable[Quantity | None]) -> set[int]:
    """The exact amounts (troops, ships) among ``quantities``; vague ones say too little."""
    return {q.value for q in quantities if q is not None and q.value is not None and q.qualifier is None}


def side(i: str, by_id: dict[str, Entity]) -> str:
    """The top of an entity's affiliation chain (TNI → Indonesia): the side it stands for."""
    seen = {i}
    while i in by_id and by_id[i].affiliation and by_id[i].affiliation not in seen:
        i = by_id[i].affiliation
        seen.add(i)
    return i


def sided_forces(forces: frozenset[str], by_id: dict[str, Entity]) -> frozenset[str]:
    """The forces whose side is known: a unit no country is told for
    ("Satgas Unifil Konga") may be either side's, so it contradicts nothing."""
    return frozenset(i for i in typed(forces, FORCE_TYPES, by_id)
                     if not (ids.kind(i) == "unit" and not by_id[i].affiliation))
