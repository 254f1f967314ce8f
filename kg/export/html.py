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


def group_of(attrs: dict[str, Any]) -> str:
    """The legend group of a node: ``event:<type>``, ``actor:<type>``, ``place`` or ``article``."""
    kind = attrs.get("kind")
    if kind == "event":
        return f"event:{attrs.get('type') or 'Unknown'}"
    if kind == "actor":
        return f"actor:{attrs.get('type') if attrs.get('type') in _ACTOR_STYLES else 'Unknown'}"
    return "place" if kind == "place" else "article"


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


def weight(attrs: dict[str, Any]) -> int:
    """How often a node is mentioned: event mentions, entity mentions; articles count 0."""
    if attrs.get("kind") == "event":
        return len(attrs.get("mentions") or [])
    return int(attrs.get("mention_count") or 0) if attrs.get("kind") in ("actor", "place") else 0


def _size(attrs: dict[str, Any]) -> float:
    """Node radius: grows with the square root of the mentions, so big hubs stay readable; events a bit larger."""
    if attrs.get("kind") == "article":
        return 8.0
    base = 14.0 if attrs.get("kind") == "event" else 10.0
    return round(min(42.0, base + 6.0 * math.sqrt(max(1, weight(attrs)))), 1)


def _label(key: str, attrs: dict[str, Any]) -> str:
    """The text under a node. An event's drops its type and date (its colour and the filters say them;
    the tooltip and the panel keep the whole label), so the drawing stays readable."""
    if attrs.get("kind") == "article":
        text = attrs.get("title") or attrs.get("path") or key
        return text if len(text) <= 40 else text[:39] + "…"
    label = str(attrs.get("label") or key)
    if attrs.get("kind") == "event":
        short = label.removeprefix(f"{attrs.get('type')} · ").removesuffix(f" · {attrs.get('date')}")
        return short or label
    return label


def _tooltip(key: str, attrs: dict[str, Any]) -> str:
    """Plain text (vis-network 9 shows a string title with innerText): what it is and how often said."""
    kind = attrs.get("kind")
    if kind == "event":
        mentions = attrs.get("mentions") or []
        n_articles = len({m.get("article") for m in mentions})
        return f"{attrs.get('label') or key}\n{len(mentions)} mention(s) in {n_articles} article(s)"
    if kind in ("actor", "place"):
        return f"{attrs.get('label') or key} ({attrs.get('type')})\n{attrs.get('mention_count') or 0} mention(s)"
    return f"{attrs.get('title') or attrs.get('path') or key}\n{attrs.get('outlet') or ''}".strip()


def _nodes(graph: nx.MultiDiGraph, xy: dict[str, tuple[int, int]]) -> list[dict[str, Any]]:
    """One vis-network node per graph node, in graph order, at its place ``xy``.

    Built as the dicts pyvis's ``add_node`` makes, without it: it checks each
    new id against a list of all ids, which is quadratic (minutes at 10,000).
    """
    out = []
    for key, attrs in graph.nodes(data=True):
        group = group_of(attrs)
        node: dict[str, Any] = {"id": key, "label": _label(key, attrs), "shape": _style(group)[1], "group": group,
                                "size": _size(attrs), "title": _tooltip(key, attrs), "x": xy[key][0],
                                "y": xy[key][1], "kind": attrs.get("kind"), "weight": weight(attrs)}
        if attrs.get("kind") == "event":
            node.update(etype=group.partition(":")[2], date=attrs.get("date"), widthConstraint={"maximum": 170})
        out.append(node)
    return out


def _edges(graph: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """One vis-network edge per graph edge, in graph order, pointing from source to target."""
    out = []
    parallel: Counter[tuple[str, str]] = Counter()
    for i, (source, target, attrs) in enumerate(graph.edges(data=True)):
        role = str(attrs.get("role") or "")
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
    attrs = graph.nodes[key]
    kind = attrs.get("kind")
    if kind == "event":
        return {
            "kind": kind, "label": attrs.get("label"), "type": attrs.get("type"), "date": attrs.get("date"),
            "modality": attrs.get("modality") or [],
            "quantity": (attrs.get("quantity") or {}).get("text") if attrs.get("quantity") else None,
            "mentions": [_evidence(graph, m) for m in attrs.get("mentions") or []],
        }
    if kind in ("actor", "place"):
        affiliation = attrs.get("affiliation")
        aff_key = f"entity:{affiliation}" if affiliation else None
        return {
            "kind": kind, "label": attrs.get("label"), "type": attrs.get("type"),
            "typeSource": attrs.get("type_source") or None,
            "aliases": list(attrs.get("aliases") or []),
            "affiliation": graph.nodes[aff_key].get("label") if aff_key in graph else affiliation,
            "affiliationNode": aff_key if aff_key in graph else None,
            "mentions": attrs.get("mention_count") or 0, "geonames": attrs.get("geonames_id"),
            "lat": attrs.get("lat"), "lon": attrs.get("lon"),
        }
    return {"kind": "article", **{k: attrs.get(k) for k in ("title", "outlet", "path", "url", "published",
                                                           "language")}}


def _evidence(graph: nx.MultiDiGraph, mention: dict[str, Any]) -> dict[str, Any]:
    """One sentence of evidence, with where the trigger is and which article says it."""
    article = graph.nodes.get(f"article:{mention.get('article')}", {})
    sentence = mention.get("sentence") or ""
    return {
        **{k: mention.get(k) for k in ("article", "anchor", "rule", "confidence", "quote", "medium", "date_text",
                                       "time_value", "time_granularity", "via")},
        "modality": mention.get("modality") or [],
        "resolution": mention.get("resolution") or [],
        "sentence": sentence, "highlight": highlight(sentence, mention.get("anchor") or ""),
        "title": article.get("title"), "outlet": article.get("outlet"), "published": article.get("published"),
        "articleNode": f"article:{mention.get('article')}" if article else None,
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
