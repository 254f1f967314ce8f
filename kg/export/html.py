"""The interactive HTML view of an event graph: one self-contained, offline page.

Every node's place is computed here (:mod:`kg.export.html_layout`), so the page opens
on the finished picture with physics off, however large the graph. The nodes
and edges are the dicts pyvis would make, the options pyvis's own; the page
itself is kg's own template (``html_assets/``),
because pyvis 0.3.2's templates link Bootstrap from a CDN in every mode and
``cdn_resources="local"`` writes a ``lib/`` folder into the working directory.
vis-network's script and style are inlined from the pyvis package, so the page
makes no network request.

Article text is untrusted: all data travels as one JSON block whose ``<``,
``>``, ``&``, U+2028 and U+2029 are escaped (``</script>`` cannot close it),
and the page's script puts text into the DOM with ``textContent`` only.
"""
from __future__ import annotations

import html
import json
import math
import re
from collections import Counter
from pathlib import Path
from string import Template
from typing import TYPE_CHECKING, Any

from kg.export import view
from kg.export.view import ArticleNode, EntityNode, EventNode, Evidence, Node, article_key, entity_key
from kg.model import ENTITY_TYPES, EVENT_TYPES

if TYPE_CHECKING:
    import networkx as nx

DEFAULT_MAX_NODES = 2000  # above this many the page opens on the most-mentioned: what draws in < 3 s (docs/html.md)

_ASSETS = Path(__file__).with_name("html_assets")
_VIS_VERSION = "vis-9.1.2"   # the vis-network build pyvis 0.3.2 ships (and its templates use)

# (label in the legend, vis shape, fill colour) per node group
_EVENT_COLOURS = dict(zip(EVENT_TYPES, ("#e15759", "#f28e2b", "#8c564b", "#edc948", "#ff9da7", "#b07aa1",
                                        "#d37295")))
_ACTOR_STYLES = {
    "Person": ("dot", "#4e79a7"),
    "Organization": ("square", "#76b7b2"),
    "Country": ("hexagon", "#2e5a87"),
    "ArmedForce": ("triangleDown", "#7f7f3a"),
    "Unknown": ("dot", "#bab0ac"),
}
_PLACE_STYLE = ("triangle", "#59a14f")
_ARTICLE_STYLE = ("square", "#9d9d9d")
_FALLBACK_EVENT_COLOUR = "#c9a227"
assert set(_ACTOR_STYLES) | {"Place"} == set(ENTITY_TYPES), "every entity type needs a style"

_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_ESCAPE_RE = re.compile("[<>&\u2028\u2029]")


def render(graph: nx.MultiDiGraph, title: str = "kg event graph", max_nodes: int = DEFAULT_MAX_NODES) -> str:
    """A complete HTML page showing ``graph``; above ``max_nodes`` nodes it opens on the most-mentioned."""
    import pyvis

    from kg.export.html_layout import positions

    vis = Path(pyvis.__file__).parent / "templates" / "lib" / _VIS_VERSION
    nodes, edges = _nodes(graph, positions(graph)), _edges(graph)
    data = {
        "title": title,
        "maxNodes": max_nodes,
        "nodes": nodes,
        "edges": edges,
        "options": _options(nodes),
        "legend": _legend(nodes),
        "details": {key: _details(graph, key) for key in graph.nodes},
    }
    page = Template(_asset("page.html")).substitute(
        title=html.escape(title),
        vis_css=_inline(vis / "vis-network.css", "</style"),
        kg_css=_inline(_ASSETS / "page.css", "</style"),
        vis_js=_inline(vis / "vis-network.min.js", "</script"),
        kg_js=_inline(_ASSETS / "page.js", "</script"),
        data=script_json(data),
    )
    return page


def script_json(value: Any) -> str:
    """JSON that is safe inside ``<script type="application/json">``: no tag, entity or line separator."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return _ESCAPE_RE.sub(lambda m: _ESCAPES[m.group()], text)


def highlight(sentence: str, anchor: str) -> list[int] | None:
    """Where the trigger ``anchor`` is in ``sentence`` (first whole-word match), as ``[start, end]``."""
    if not anchor:
        return None
    found = re.search(rf"(?<!\w){re.escape(anchor)}(?!\w)", sentence) or re.search(re.escape(anchor), sentence)
    return [found.start(), found.end()] if found else None


def group_of(node: Node) -> str:
    """The legend group of a node: ``event:<type>``, ``actor:<type>``, ``place`` or ``article``."""
    if isinstance(node, EventNode):
        return f"event:{node.type or 'Unknown'}"
    if node.kind == "actor":
        return f"actor:{node.type if node.type in _ACTOR_STYLES else 'Unknown'}"
    return "place" if node.kind == "place" else "article"


def _style(group: str) -> tuple[str, str, str]:
    """(legend label, shape, colour) of a group."""
    kind, _, kind_type = group.partition(":")
    if kind == "event":
        return f"{kind_type} (event)", "diamond", _EVENT_COLOURS.get(kind_type, _FALLBACK_EVENT_COLOUR)
    if kind == "actor":
        return f"{kind_type} (actor)", *_ACTOR_STYLES[kind_type]
    if kind == "place":
        return "Place", *_PLACE_STYLE
    return "Article", *_ARTICLE_STYLE


def weight(node: Node) -> int:
    """How often a node is mentioned: event mentions, entity mentions; articles count 0."""
    if isinstance(node, EventNode):
        return len(node.mentions)
    return int(node.mention_count or 0) if isinstance(node, EntityNode) else 0


def _size(node: Node) -> float:
    """Node radius: grows with the square root of the mentions, so big hubs stay readable; events a bit larger."""
    if isinstance(node, ArticleNode):
        return 8.0
    base = 14.0 if isinstance(node, EventNode) else 10.0
    return round(min(42.0, base + 6.0 * math.sqrt(max(1, weight(node)))), 1)


def _label(key: str, node: Node) -> str:
    """The text under a node. An event's drops its type and date (its colour and the filters say them;
    the tooltip and the panel keep the whole label), so the drawing stays readable."""
    if isinstance(node, ArticleNode):
        text = node.title or node.path or key
        return text if len(text) <= 40 else text[:39] + "…"
    label = str(node.label or key)
    if isinstance(node, EventNode):
        short = label.removeprefix(f"{node.type} · ").removesuffix(f" · {node.date}")
        return short or label
    return label


def _tooltip(key: str, node: Node) -> str:
    """Plain text (vis-network 9 shows a string title with innerText): what it is and how often said."""
    if isinstance(node, EventNode):
        n_articles = len({m.article for m in node.mentions})
        return f"{node.label or key}\n{len(node.mentions)} mention(s) in {n_articles} article(s)"
    if isinstance(node, EntityNode):
        return f"{node.label or key} ({node.type})\n{node.mention_count or 0} mention(s)"
    return f"{node.title or node.path or key}\n{node.outlet or ''}".strip()


def _nodes(graph: nx.MultiDiGraph, xy: dict[str, tuple[int, int]]) -> list[dict[str, Any]]:
    """One vis-network node per graph node, in graph order, at its place ``xy``.

    Built as the dicts pyvis's ``add_node`` makes, without it: it checks each
    new id against a list of all ids, which is quadratic (minutes at 10,000).
    """
    out = []
    for key, node in view.nodes(graph):
        group = group_of(node)
        drawn: dict[str, Any] = {"id": key, "label": _label(key, node), "shape": _style(group)[1], "group": group,
                                 "size": _size(node), "title": _tooltip(key, node), "x": xy[key][0],
                                 "y": xy[key][1], "kind": node.kind, "weight": weight(node)}
        if isinstance(node, EventNode):
            drawn.update(etype=group.partition(":")[2], date=node.date, widthConstraint={"maximum": 170})
        out.append(drawn)
    return out


def _edges(graph: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """One vis-network edge per graph edge, in graph order, pointing from source to target."""
    out = []
    parallel: Counter[tuple[str, str]] = Counter()
    for i, (source, target, role) in enumerate(view.edges(graph)):
        role = str(role or "")
        nth = parallel[(source, target)]
        parallel[(source, target)] += 1
        edge: dict[str, Any] = {"id": f"e{i}", "from": source, "to": target, "arrows": "to", "role": role,
                                "label": role.replace("_", " ")}
        if nth:  # a second role between the same two nodes: bend it away from the first
            edge["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": 0.25 * nth}
        if role == "reported_in":
            edge.update(label="", dashes=True, color={"color": "#c8c8c8"})
        out.append(edge)
    return out


def _options(nodes: list[dict[str, Any]]) -> dict[str, Any]:
    """vis-network options: pyvis's, with kg's groups and fonts; physics off, as every node comes with its place."""
    from pyvis.network import Network

    net = Network(directed=True, cdn_resources="remote")   # pyvis never writes the page: see render()
    net.force_atlas_2based(gravity=-150, central_gravity=0.03, spring_length=130, spring_strength=0.05,
                           damping=0.5, overlap=0.8)
    net.set_edge_smooth("continuous")
    net.options.edges.smooth.enabled = False   # straight lines: curves cost more to draw than anything else
    net.toggle_hide_edges_on_drag(len(nodes) > 300)
    options = json.loads(net.options.to_json())
    options["physics"].update(enabled=False, minVelocity=1.0, timestep=0.5, adaptiveTimestep=True)
    options["physics"]["stabilization"].update(enabled=False)
    options["edges"].update(
        arrows={"to": {"enabled": True, "scaleFactor": 0.5}}, width=1.2,
        color={"color": "#8a9bb0", "highlight": "#1f3b5a", "inherit": False},
        font={"size": 10, "color": "#4a5a6a", "strokeWidth": 3, "strokeColor": "#ffffff", "align": "horizontal"},
        selectionWidth=2)
    options["nodes"] = {"font": {"size": 13, "face": "system-ui, sans-serif", "strokeWidth": 4,
                                 "strokeColor": "#ffffff"}, "borderWidth": 1}
    options["layout"] = {"improvedLayout": False}   # kg.export.html_layout placed every node
    options["interaction"].update(hover=True, tooltipDelay=250, navigationButtons=False, multiselect=False)
    options["groups"] = {}
    for node in nodes:
        _, shape, colour = _style(node["group"])
        options["groups"][node["group"]] = {
            "shape": shape, "color": {"background": colour, "border": "#333333",
                                      "highlight": {"background": colour, "border": "#000000"},
                                      "hover": {"background": colour, "border": "#000000"}}}
    return options


def _legend(nodes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One legend entry per group present, events first, with how many nodes it has."""
    counts = Counter(n["group"] for n in nodes)
    rank = {"event": 0, "actor": 1, "place": 2, "article": 3}
    entries = []
    for group in sorted(counts, key=lambda g: (rank.get(g.partition(":")[0], 9), g)):
        label, shape, colour = _style(group)
        entries.append({"group": group, "label": label, "shape": shape, "color": colour, "count": counts[group]})
    return entries


def _details(graph: nx.MultiDiGraph, key: str) -> dict[str, Any]:
    """What the side panel shows for a node; events carry their evidence sentences."""
    node = view.node(graph, key)
    if isinstance(node, EventNode):
        return {
            "kind": node.kind, "label": node.label, "type": node.type, "date": node.date,
            "modality": node.modality,
            "quantity": node.quantity.text if node.quantity else None,
            "mentions": [_evidence(graph, m) for m in node.mentions],
        }
    if isinstance(node, EntityNode):
        aff_key = entity_key(node.affiliation) if node.affiliation else None
        affiliation = view.node(graph, aff_key) if aff_key else None
        return {
            "kind": node.kind, "label": node.label, "type": node.type,
            "typeSource": node.type_source or None,
            "aliases": list(node.aliases),
            "affiliation": affiliation.label if isinstance(affiliation, EntityNode) else node.affiliation,
            "affiliationNode": aff_key if affiliation else None,
            "mentions": node.mention_count or 0, "geonames": node.geonames_id,
            "lat": node.lat, "lon": node.lon,
        }
    return {"kind": "article", "title": node.title, "outlet": node.outlet, "path": node.path, "url": node.url,
            "published": node.published, "language": node.language}


def _evidence(graph: nx.MultiDiGraph, mention: Evidence) -> dict[str, Any]:
    """One sentence of evidence, with where the trigger is and which article says it."""
    article = view.node(graph, article_key(mention.article))
    m = mention
    return {
        "article": m.article, "anchor": m.anchor, "rule": m.rule, "confidence": m.confidence, "quote": m.quote,
        "medium": m.medium, "date_text": m.date_text, "time_value": m.time_value,
        "time_granularity": m.time_granularity, "via": m.via,
        "modality": m.modality,
        "resolution": m.resolution,
        "sentence": m.sentence or "", "highlight": highlight(m.sentence or "", m.anchor or ""),
        "title": article.title if article else None, "outlet": article.outlet if article else None,
        "published": article.published if article else None,
        "articleNode": article_key(m.article) if article else None,
    }


def _asset(name: str) -> str:
    return (_ASSETS / name).read_text(encoding="utf-8")


def _inline(path: Path, closing: str) -> str:
    """A script or style to inline; it must not contain its own closing tag (nor a source-map link)."""
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"^\s*//# sourceMappingURL=\S+\s*$", "", text, flags=re.MULTILINE)
    if closing in text.lower() or "<!--" in text:
        raise ValueError(f"{path.name} cannot be inlined: it contains {closing}> or <!--")
    return text
