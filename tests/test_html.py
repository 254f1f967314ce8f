"""kg.html without a browser: the page is complete, offline, deterministic, and its data block is inert.

The graphs are built with kg.graph.build_graph from kg.model objects, so the
tests exercise the real graph contract. The browser tests reuse the builders.
"""
from __future__ import annotations

import json
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pytest

from kg.export import html, view
from kg.export.graph import build_graph
from kg.export.view import ArticleNode, EntityNode, EventNode, Evidence
from kg.model import Article, Entity, EntityMention, Event, EventMention, Span

PAYLOAD_TITLE = 'Berita </script><script>window.__pwned=1</script> "judul" \'x\''
PAYLOAD_NAME = '<img src=x onerror="window.__pwned=2">Budi'
PAYLOAD_SENTENCE = ('Menteri <b>Budi</b> menelepon </script><script>window.__pwned=3</script> '
                    'dan "\'\u2028<img src=x onerror=window.__pwned=4>.')


def _article(aid: str, title: str, outlet: str, published: date) -> Article:
    return Article(id=aid, path=Path(aid), text="", language="id", title=title, outlet=outlet, published=published)


def _mention(mid: str, article: str, etype: str, sentence: str, anchor: str, rule: str, confidence: float,
             **extra) -> EventMention:
    start = sentence.index(anchor)
    return EventMention(id=mid, article_id=article, type=etype, trigger=Span(100 + start, 100 + start + len(anchor)),
                        trigger_text=anchor, sentence=0, sentence_text=sentence, rule=rule, confidence=confidence,
                        **extra)


def _entity(eid: str, etype: str, label: str, aliases: set[str], n_mentions: int,
            affiliation: str | None = None) -> Entity:
    mentions = [EntityMention("a.txt", 0, i, i + 1, label, etype) for i in range(n_mentions)]
    return Entity(id=eid, type=etype, label=label, aliases=aliases | {label}, affiliation=affiliation,
                  mentions=mentions)


def two_article_graph() -> nx.MultiDiGraph:
    """A call told by two outlets, a deployment and a statement about the call; people, countries, a place."""
    articles = [_article("a.txt", "Presiden menelepon perdana menteri", "Harian Satu", date(2024, 3, 2)),
                _article("b.txt", "Pembicaraan telepon kedua pemimpin", "Warta Dua", date(2024, 3, 3))]
    entities = [
        _entity("country/ID", "Country", "Indonesia", {"RI"}, 3),
        _entity("country/AU", "Country", "Australia", set(), 2),
        _entity("person/prabowo-subianto", "Person", "Prabowo Subianto", {"Prabowo", "Presiden Prabowo"}, 4,
                affiliation="country/ID"),
        _entity("person/anthony-albanese", "Person", "Anthony Albanese", {"Albanese"}, 3, affiliation="country/AU"),
        _entity("force/tni", "ArmedForce", "Tentara Nasional Indonesia", {"TNI"}, 2, affiliation="country/ID"),
        _entity("geonames/1642911", "Place", "Jakarta", set(), 1),
    ]
    call = Event("ev-call", "Call", [
        _mention("m1", "a.txt", "Call", "Presiden Prabowo menelepon Perdana Menteri Albanese pada Jumat.",
                 "menelepon", "call.verb", 0.9, modality=["asserted"], date_text="Jumat", medium="telepon"),
        _mention("m2", "b.txt", "Call", "Kedua pemimpin berbicara melalui telepon selama 30 menit.",
                 "berbicara", "call.speak_phone", 0.75, via="dikutip Antara",
                 resolution=["same type (Call)", "shared participants: person/prabowo-subianto"]),
    ], roles={"participant": ["person/prabowo-subianto", "person/anthony-albanese"]}, date=date(2024, 3, 1))
    deploy = Event("ev-deploy", "Deployment", [
        _mention("m3", "a.txt", "Deployment", "TNI mengerahkan 500 personel ke Jakarta.", "mengerahkan",
                 "deploy.verb", 0.8),
    ], roles={"force": ["force/tni"], "destination": ["geonames/1642911"]}, date=date(2024, 2, 20))
    statement = Event("ev-say", "Statement", [
        _mention("m4", "b.txt", "Statement", "Albanese mengatakan pembicaraan itu produktif.", "mengatakan",
                 "statement.say", 0.85, quote="pembicaraan itu produktif"),
    ], roles={"speaker": ["person/anthony-albanese"]}, about=["ev-call"])
    return build_graph(articles, entities, [call, deploy, statement])


def xss_graph() -> nx.MultiDiGraph:
    """Title, names and sentences carrying markup and quote-breaking characters."""
    articles = [_article("x.txt", PAYLOAD_TITLE, '"><svg onload=window.__pwned=5>', date(2024, 5, 1)),
                _article("y.txt", "aman", "ok", date(2024, 5, 2))]
    entities = [_entity("person/budi", "Person", PAYLOAD_NAME, {"</script><script>window.__pwned=6</script>"}, 2),
                _entity("org/x", "Organization", "O'Neil \"&\" <Co>", set(), 1, affiliation="person/budi")]
    event = Event("ev-x", "Call", [
        _mention("x1", "x.txt", "Call", PAYLOAD_SENTENCE, "menelepon", "call.verb", 0.5,
                 quote="</script><img src=x onerror=window.__pwned=7>"),
        _mention("x2", "y.txt", "Call", "Budi <script>window.__pwned=8</script> menelepon.", "menelepon",
                 "call.verb", 0.5),
    ], roles={"participant": ["person/budi", "org/x"]}, date=date(2024, 5, 1))
    return build_graph(articles, entities, [event])


def synthetic_graph(n_nodes: int, n_edges: int, seed: int = 1) -> nx.MultiDiGraph:
    """A random graph with the contract's node kinds, attributes and roles, for scale tests and benchmarks.

    Mentions and entity mention counts are heavy-tailed like news; every event
    is reported in the articles of its mentions, the remaining edges are roles.
    """
    import random

    rng = random.Random(seed)
    g = nx.MultiDiGraph()
    n_articles, n_entities = max(1, n_nodes // 20), n_nodes // 3
    n_events = n_nodes - n_articles - n_entities
    types = ["Person", "Organization", "Country", "ArmedForce", "Place"]
    for i in range(n_articles):
        view.add(g, f"article:{i}.txt", ArticleNode(path=f"{i}.txt", title=f"Article {i}", outlet="Outlet",
                                                    published="2024-01-01", language="id"))
    for i in range(n_entities):
        t = types[i % len(types)]
        view.add(g, f"entity:e{i}", EntityNode(kind="place" if t == "Place" else "actor", type=t,
                                               label=f"Entity {i}", mention_count=int(rng.paretovariate(1.5))))
    entities = [k for k, node in view.nodes(g) if isinstance(node, EntityNode)]
    events = []
    for i in range(n_events):
        key = f"event:{i}"
        articles = sorted({f"{rng.randrange(n_articles)}.txt" for _ in range(min(6, int(rng.paretovariate(1.2))))})
        mentions = [Evidence(article=a, begin=0, end=4, anchor="kata", sentence=f"Kalimat {i} kata.", rule="r",
                             confidence=0.5) for a in articles]
        view.add(g, key, EventNode(type=("Call", "Statement", "Deployment")[i % 3], label=f"Event {i}",
                                   date=f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}", mentions=mentions))
        events.append((key, articles))
    for key, articles in events:
        for a in articles:
            view.link(g, key, f"article:{a}", "reported_in")
    for _ in range(n_edges - g.number_of_edges()):
        view.link(g, rng.choice(events)[0], rng.choice(entities), rng.choice(["participant", "speaker", "force"]))
    return g


class _Tags(HTMLParser):
    """Every start tag with its attributes, and the text of each script."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data


def _parse(page: str) -> _Tags:
    parser = _Tags()
    parser.feed(page)
    return parser


def _data(page: str) -> dict:
    match = re.search(r'<script id="kg-data" type="application/json">(.*?)</script>', page, re.S)
    return json.loads(match.group(1))


def test_page_is_complete_and_offline():
    page = html.render(two_article_graph(), title="Contoh")
    tags = _parse(page)
    names = [t for t, _ in tags.tags]
    assert page.startswith("<!DOCTYPE html>") and "<title>Contoh</title>" in page
    assert "link" not in names and "iframe" not in names and "img" not in names
    assert all("src" not in attrs and "href" not in attrs for _, attrs in tags.tags)
    assert not re.search(r"https?://[^\s\"')]*(cdn|jsdelivr|cloudflare|bootstrap)", page)
    assert len(tags.scripts) == 3 and all(s.strip() for s in tags.scripts)   # data, vis-network, kg
    assert "vis-network" in page and "sourceMappingURL" not in page
    assert "default-src 'none'" in page    # the CSP forbids any fetch, as a second line of defence


def test_data_matches_the_graph():
    g = two_article_graph()
    data = _data(html.render(g))
    assert [n["id"] for n in data["nodes"]] == list(g.nodes)
    assert len(data["edges"]) == g.number_of_edges() == len({e["id"] for e in data["edges"]})
    assert [(e["from"], e["to"], e["role"]) for e in data["edges"]] == list(view.edges(g))
    call = next(n for n in data["nodes"] if n["id"] == "event:ev-call")
    assert call["group"] == "event:Call" and call["shape"] == "diamond"
    assert data["options"]["groups"]["event:Call"]["shape"] == "diamond"
    assert data["options"]["groups"]["actor:Person"]["shape"] != data["options"]["groups"]["place"]["shape"]
    assert call["label"] == "Prabowo Subianto – Anthony Albanese"   # colour and filters say type and date
    assert call["title"].startswith("Call · Prabowo Subianto – Anthony Albanese · 2024-03-01")
    reported = [e for e in data["edges"] if e["role"] == "reported_in"]
    assert reported and all(e["label"] == "" for e in reported)     # the legend says what dashes mean
    sizes = {n["id"]: n["size"] for n in data["nodes"]}
    assert sizes["event:ev-call"] > sizes["event:ev-deploy"]          # two mentions beat one
    assert {e["label"] for e in data["edges"]} >= {"participant", "force", "destination", "speaker", "about"}
    legend = {entry["group"]: entry["count"] for entry in data["legend"]}
    assert legend == {"event:Call": 1, "event:Deployment": 1, "event:Statement": 1, "actor:Person": 2,
                      "actor:Country": 2, "actor:ArmedForce": 1, "place": 1, "article": 2}
    evidence = data["details"]["event:ev-call"]["mentions"]
    assert [(m["article"], m["outlet"]) for m in evidence] == [("a.txt", "Harian Satu"), ("b.txt", "Warta Dua")]
    first = evidence[0]
    assert first["sentence"][first["highlight"][0]:first["highlight"][1]] == "menelepon"
    assert data["details"]["entity:person/prabowo-subianto"]["affiliation"] == "Indonesia"
    assert data["options"]["physics"]["enabled"] is False                # every node comes with its place
    assert all(isinstance(n["x"], int) and isinstance(n["y"], int) for n in data["nodes"])


def test_render_is_deterministic():
    assert html.render(two_article_graph()) == html.render(two_article_graph())


def test_untrusted_text_stays_data():
    page = html.render(xss_graph(), title='t </script><script>window.__pwned=9</script>')
    tags = _parse(page)
    assert [t for t, _ in tags.tags if t in ("script", "img", "svg", "b")] == ["script", "script", "script"]
    assert "<img" not in page and "</script><script>" not in page and "\u2028" not in page
    data = _data(page)
    assert data["details"]["event:ev-x"]["mentions"][0]["sentence"] == PAYLOAD_SENTENCE
    assert data["details"]["entity:person/budi"]["label"] == PAYLOAD_NAME
    assert data["details"]["article:x.txt"]["title"] == PAYLOAD_TITLE


@pytest.mark.parametrize("raw", ["</script>", "<!--", "a & b", "x\u2028y\u2029z", "\"'`"])
def test_script_json_round_trips_without_markup(raw):
    text = html.script_json({"s": raw})
    assert not re.search("[<>&\u2028\u2029]", text) and json.loads(text) == {"s": raw}


def test_highlight_finds_whole_words():
    assert html.highlight("Dia menelepon, lalu menelepon lagi.", "menelepon") == [4, 13]
    assert html.highlight("pertemuan temu", "temu") == [10, 14]          # the whole word first
    assert html.highlight("pertemuan", "temu") == [3, 7]                 # inside a word as a last resort
    assert html.highlight("tidak ada", "menelepon") is None


def test_big_graph_keeps_everything_in_the_data():
    g = synthetic_graph(400, 900)
    data = _data(html.render(g, max_nodes=100))
    assert data["maxNodes"] == 100 and len(data["nodes"]) == 400 and len(data["edges"]) == 900


def test_view_command_writes_the_page_of_an_exported_graph(tmp_path):
    from click.testing import CliRunner

    from kg.cli import cli  # commands load on first use
    from kg.export import rdf

    g = two_article_graph()
    ttl = tmp_path / "graph.ttl"
    ttl.write_bytes(rdf.serialize(g, "ttl"))
    result = CliRunner().invoke(cli, ["view", str(ttl)], obj={})
    assert result.exit_code == 0, result.output
    data = _data((tmp_path / "graph.html").read_text(encoding="utf-8"))
    assert sorted(n["id"] for n in data["nodes"]) == sorted(g.nodes)
    assert len(data["edges"]) == g.number_of_edges()
    assert [m["article"] for m in data["details"]["event:ev-call"]["mentions"]] == ["a.txt", "b.txt"]
    assert "graph.ttl · kg event graph" in (tmp_path / "graph.html").read_text(encoding="utf-8")
    result = CliRunner().invoke(cli, ["view", str(ttl), "-o", str(tmp_path / "out" / "g.html"), "--max-nodes", "5"],
                                obj={})
    assert result.exit_code == 0 and _data((tmp_path / "out" / "g.html").read_text())["maxNodes"] == 5
    assert not [p for p in (tmp_path / "out").iterdir() if p.name != "g.html"]   # no temp file left behind


@pytest.mark.parametrize("content, message", [(None, "no such file"), ("not turtle at all", "not valid turtle")])
def test_view_command_bad_input_is_one_line(tmp_path, capsys, content, message):
    from kg.cli import main

    ttl = tmp_path / "graph.ttl"
    if content is not None:
        ttl.write_text(content)
    with pytest.raises(SystemExit) as exit_:
        main(["view", str(ttl)])
    err = capsys.readouterr().err
    assert exit_.value.code == 1 and message in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "graph.html").exists()
