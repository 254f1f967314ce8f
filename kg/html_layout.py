"""Where each node of the HTML view sits, computed before the page opens.

A browser laying out 10,000 nodes with vis-network's physics needs tens of
seconds before the picture is still; igraph's Fruchterman–Reingold with a
grid (C, about a second for 10,000 nodes) does it here instead, so the page
draws every node where it belongs at once, with physics off. The start
positions come from each node's key, and the layout from them alone, so the
same graph is always laid out the same way, and a node keeps its place from
one build to the next as long as its neighbourhood does not change much.
"""
from __future__ import annotations

import hashlib
import math
import random
from statistics import median
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import networkx as nx

EDGE_PX = 130.0      # the typical (median) edge on the page, in vis-network's pixels
ITERATIONS = 500     # igraph's default; the grid keeps each one linear in the nodes
SEED = 7


def positions(graph: nx.MultiDiGraph) -> dict[str, tuple[int, int]]:
    """Page coordinates of every node, in pixels around the origin."""
    import igraph

    keys = list(graph.nodes)
    if not keys:
        return {}
    index = {key: i for i, key in enumerate(keys)}
    pairs = sorted({tuple(sorted((index[u], index[v]))) for u, v in graph.edges() if u != v})
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
    return {key: (round(x * scale), round(y * scale)) for key, (x, y) in zip(keys, coords)}


def _start(key: str, spread: float) -> list[float]:
    """A start position from the key alone, inside a square the size igraph itself would pick."""
    digest = hashlib.sha256(key.encode("utf-8")).digest()
    return [spread * (int.from_bytes(digest[i:i + 4], "big") / 2**32 - 0.5) for i in (0, 4)]
