"""Where each node of the HTML view sits, computed before the page opens.

A browser laying out 10,000 nodes with vis-network's physics needs tens of
seconds before the picture is still; igraph's Fruchterman–Reingold with a
grid (C, about a second for 10,000 nodes) does it here instead, so the page
draws every node where it belongs at once, with physics off. The start
positions come from each node's key, and the layout from them alone, so the
same graph is always laid out the same way, and a node keeps its place from
one build to the next as long as its neighbourhood does not change much.

Articles take no part in the layout: each goes on a ring just outside the
drawing, on the side of the events it reports, so that an article never sits
on an actor in the middle of the events it tells.
"""
from __future__ import annotations

import hashlib
import math
import random
from statistics import median

import networkx as nx

from kg.export import view

EDGE_PX = 130.0      # the typical (median) edge on the page, in vis-network's pixels
ITERATIONS = 500     # igraph's default; the grid keeps each one linear in the nodes
SEED = 7
RING_PX = 90.0       # how far outside the drawing the articles' ring runs


def positions(graph: nx.MultiDiGraph) -> dict[str, tuple[int, int]]:
    """Page coordinates of every node, in pixels around the origin."""
    inner = [key for key, node in view.nodes(graph) if node.kind != "article"]
    placed = _laid_out(graph, inner)
    placed.update(_ring(graph, [key for key in graph.nodes if key not in placed], placed))
    return {key: (round(placed[key][0]), round(placed[key][1])) for key in graph.nodes}


def _laid_out(graph: nx.MultiDiGraph, keys: list[str]) -> dict[str, tuple[float, float]]:
    """Fruchterman–Reingold over ``keys`` and the edges among them, scaled so the typical edge is EDGE_PX."""
    import igraph

    if not keys:
        return {}
    index = {key: i for i, key in enumerate(keys)}
    pairs = sorted({tuple(sorted((index[u], index[v]))) for u, v in graph.subgraph(keys).edges() if u != v})
    spread = math.sqrt(len(keys))
    g = igraph.Graph(n=len(keys), edges=pairs)
    igraph.set_random_number_generator(random.Random(SEED))   # igraph jitters nodes that coincide
    try:
        layout = g.layout_fruchterman_reingold(seed=[_start(key, spread) for key in keys], niter=ITERATIONS,
                                               grid="auto")
    finally:
        igraph.set_random_number_generator(random)
    coords = layout.coords
    lengths = [math.dist(coords[a], coords[b]) for a, b in pairs]
    typical = median(lengths) if lengths and median(lengths) > 0 else 1.0
    scale = EDGE_PX / typical
    return {key: (x * scale, y * scale) for key, (x, y) in zip(keys, coords)}


def _ring(graph: nx.MultiDiGraph, keys: list[str], placed: dict[str, tuple[float, float]]
          ) -> dict[str, tuple[float, float]]:
    """``keys`` (the articles) on a ring RING_PX outside the drawing, each towards the nodes it links to,
    at least one step apart so that none hides another."""
    if not keys:
        return {}
    cx = sum(x for x, _ in placed.values()) / len(placed) if placed else 0.0
    cy = sum(y for _, y in placed.values()) / len(placed) if placed else 0.0
    radius = max((math.dist((cx, cy), xy) for xy in placed.values()), default=0.0) + RING_PX
    step = 2 * math.pi / max(len(keys), 12)
    angles = []
    for rank, key in enumerate(keys):
        near = [placed[n] for n in nx.all_neighbors(graph, key) if n in placed]
        sx, sy = sum(x - cx for x, _ in near), sum(y - cy for _, y in near)
        angles.append((math.atan2(sy, sx) if math.hypot(sx, sy) > 1 else rank * step, rank, key))
    out, last = {}, -math.inf
    for angle, _, key in sorted(angles):
        last = max(angle, last + step)
        out[key] = (cx + radius * math.cos(last), cy + radius * math.sin(last))
    return out


def _start(key: str, spread: float) -> list[float]:
    """A start position from the key alone, inside a square the size igraph itself would pick."""
    digest = hashlib.sha256(key.encode("utf-8")).digest()
    return [spread * (int.from_bytes(digest[i:i + 4], "big") / 2**32 - 0.5) for i in (0, 4)]
