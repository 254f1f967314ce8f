"""The graph page in real headless Chromium: drawn completely, offline, usable, and inert to article markup.

Runs Debian's chromium through Playwright (tests/browser.py); a missing
browser fails with the command that installs it. A screenshot of each page is
saved beside it in the test's pytest temp folder (``kg-html-*.png``) for a human to look at.
"""
from __future__ import annotations

from pathlib import Path

import browser
import pytest
from browser import browser_context, wait_for
from test_html import PAYLOAD_NAME, PAYLOAD_SENTENCE, PAYLOAD_TITLE, synthetic_graph, two_article_graph, xss_graph

from kg.export import html
from kg.export import view as graph_view
from kg.export.view import EventNode


@pytest.mark.parametrize("env", [None, "/nonexistent/chromium"])
def test_missing_chromium_fails_with_the_install_instruction(monkeypatch, env) -> None:
    """No Chromium is an error naming the package and KG_CHROMIUM (as the README's test step does), never a skip."""
    monkeypatch.setattr(browser, "CHROMIUM_PATHS", ("/nonexistent/usr/bin/chromium",))
    monkeypatch.setenv("PATH", "/nonexistent")
    if env:
        monkeypatch.setenv(browser.CHROMIUM_ENV, env)
    else:
        monkeypatch.delenv(browser.CHROMIUM_ENV, raising=False)
    with pytest.raises(RuntimeError, match=r"apt-get install -y chromium.*KG_CHROMIUM=/path/to/chromium"):
        browser.chromium_path()


def test_kg_chromium_picks_the_binary(monkeypatch, tmp_path) -> None:
    (tmp_path / "chrome").write_text("")
    monkeypatch.setenv(browser.CHROMIUM_ENV, str(tmp_path / "chrome"))
    assert browser.chromium_path() == str(tmp_path / "chrome")


@pytest.fixture(scope="module")
def context():
    with browser_context() as ctx:
        yield ctx


class Opened:
    """A page opened from a file, with every request, console error and dialog it caused."""

    def __init__(self, context, graph, tmp_path: Path, name: str, **render_args) -> None:
        self.path = tmp_path / f"{name}.html"
        self.path.write_text(html.render(graph, title=render_args.pop("title", name), **render_args),
                             encoding="utf-8")
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page = context.new_page()
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", self._dialog)
        self.page.goto(self.path.as_uri())
        wait_for(self.page, "window.kgState && kgState.stillAt !== null")
        self.page.screenshot(path=str(tmp_path / f"kg-html-{name}.png"))

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def js(self, expression: str, arg=None):
        return self.page.evaluate(expression, arg)

    def drawn(self) -> list[str]:
        return self.js("network.body.nodeIndices.slice()")

    def click_node(self, node_id: str) -> None:
        """A real mouse click on the node where the network drew it."""
        x, y = self.js("""id => { const d = network.canvasToDOM(network.getPositions([id])[id]);
                                  const r = document.getElementById('mynetwork').getBoundingClientRect();
                                  return [r.left + d.x, r.top + d.y]; }""", node_id)
        self.page.mouse.click(x, y)
        assert self.js("network.getSelectedNodes()") == [node_id]

    def panel_text(self, selector: str = "#kg-panel") -> str:
        return self.page.inner_text(selector)


@pytest.fixture
def opened(context, tmp_path):
    pages: list[Opened] = []

    def open_(graph, name: str, **render_args) -> Opened:
        pages.append(Opened(context, graph, tmp_path, name, **render_args))
        return pages[-1]

    yield open_
    for p in pages:
        assert not p.dialogs, p.dialogs
        p.page.close()


def test_draws_every_node_and_edge_offline(opened):
    g = two_article_graph()
    view = opened(g, "two-articles")
    assert len(view.drawn()) == g.number_of_nodes() == view.js("nodes.length")
    assert view.js("network.body.edgeIndices.length") == g.number_of_edges() == view.js("edges.length")
    assert sorted(view.drawn()) == sorted(g.nodes)
    assert view.js("network.physics.options.enabled") is False            # stabilised, then frozen
    assert [u for u in view.requests if not u.startswith(("file:", "data:"))] == []
    assert view.requests == [view.path.as_uri()]
    assert view.errors == []
    legend = view.page.locator("#kg-legend li")   # events: one line; their colours are in the type filter
    assert legend.count() == 1 + 5 + 2 and "event" in view.panel_text("#kg-legend")
    assert view.page.locator("#kg-filter-types svg").count() == 3
    assert view.page.locator("#kg-filter-types input[type=checkbox]").count() == 3
    assert view.page.locator("#kg-date-from").get_attribute("min") == "2024-02-20"
    assert view.page.locator("#kg-actor option").count() == 1 + 6
    assert view.page.locator("#kg-search").is_visible()
    assert view.page.inner_text("#kg-status").startswith("showing 11 nodes of 11, 13 edges of 13")


def test_layout_is_the_same_every_time(opened):
    first, second = opened(two_article_graph(), "layout-1"), opened(two_article_graph(), "layout-2")
    assert first.js("network.getPositions()") == second.js("network.getPositions()")


def test_event_evidence_lists_sentences_from_both_articles(opened):
    view = opened(two_article_graph(), "evidence")
    view.click_node("event:ev-call")
    boxes = view.page.locator("#kg-panel .kg-article")
    assert [boxes.nth(i).get_attribute("data-article") for i in range(boxes.count())] == ["a.txt", "b.txt"]
    text = view.panel_text()
    assert "Presiden Prabowo menelepon Perdana Menteri Albanese pada Jumat." in text
    assert "Kedua pemimpin berbicara melalui telepon selama 30 menit." in text
    assert view.page.locator("#kg-panel mark").all_inner_texts() == ["menelepon", "berbicara"]
    for expected in ("Harian Satu", "Warta Dua", "a.txt", "2024-03-02", "rule call.verb", "confidence 0.90",
                     "rule call.speak_phone", "modality asserted", "2 sentences from 2 articles",
                     "merged because: same type (Call); shared participants: person/prabowo-subianto"):
        assert expected in text
    view.click_node("event:ev-say")
    assert "says: “pembicaraan itu produktif”" in view.panel_text()
    view.page.screenshot(path=str(view.path.with_name("kg-html-evidence.png")))


def test_actor_panel_shows_names_type_and_affiliation(opened):
    view = opened(two_article_graph(), "actor")
    view.click_node("entity:person/prabowo-subianto")
    text = view.panel_text()
    assert view.page.inner_text("#kg-panel h2") == "Prabowo Subianto"
    assert "Presiden Prabowo" in text and "Prabowo" in text and "Person" in text and "Indonesia" in text
    view.page.get_by_role("button", name="Indonesia").first.click()        # the affiliation leads to the country
    assert view.js("network.getSelectedNodes()") == ["entity:country/ID"]


def test_filters_by_type_date_and_actor(opened):
    view = opened(two_article_graph(), "filters")
    view.page.locator("#kg-filter-types input[value=Call]").uncheck()
    assert "event:ev-call" not in view.drawn() and "event:ev-deploy" in view.drawn()
    view.page.click("#kg-reset")
    view.page.fill("#kg-date-from", "2024-02-25")
    assert {"event:ev-call", "event:ev-say"} <= set(view.drawn()) and "event:ev-deploy" not in view.drawn()
    view.page.locator("#kg-date-undated").uncheck()
    assert "event:ev-say" not in view.drawn()                               # no date: out once dates matter
    view.page.click("#kg-reset")
    view.page.select_option("#kg-actor", "entity:force/tni")
    assert sorted(view.drawn()) == sorted(["event:ev-deploy", "entity:force/tni", "entity:geonames/1642911",
                                           "article:a.txt"])
    assert "(filtered)" in view.page.inner_text("#kg-status")
    view.page.click("#kg-reset")
    assert len(view.drawn()) == 11


def test_search_finds_and_focuses_a_node(opened):
    view = opened(two_article_graph(), "search")
    view.page.fill("#kg-search", "albanese")
    view.page.press("#kg-search", "Enter")
    assert view.js("network.getSelectedNodes()") == ["entity:person/anthony-albanese"]
    assert view.page.inner_text("#kg-panel h2") == "Anthony Albanese"
    view.page.fill("#kg-search", "TNI")                                    # an alias finds its entity
    view.page.press("#kg-search", "Enter")
    assert view.js("network.getSelectedNodes()") == ["entity:force/tni"]
    view.page.fill("#kg-search", "no such name")
    view.page.press("#kg-search", "Enter")
    assert "No node matches" in view.page.inner_text("#kg-search-note")


def test_big_graph_opens_on_the_most_mentioned_and_says_so(opened):
    g = synthetic_graph(250, 500)
    view = opened(g, "big", max_nodes=60)
    drawn = view.drawn()
    assert 0 < len(drawn) <= 60 and view.js("nodes.length") == 250
    assert view.page.locator("#kg-cap").is_visible()
    assert "250 nodes match" in view.page.inner_text("#kg-cap") and "most-mentioned" in view.page.inner_text("#kg-cap")
    events = {k: node for k, node in graph_view.nodes(g) if isinstance(node, EventNode)}
    top_event = max(events, key=lambda k: (len(events[k].mentions), -list(g.nodes).index(k)))
    assert top_event in drawn
    hidden = next(k for k, node in graph_view.nodes(g) if k not in drawn and node.kind == "actor")
    view.page.fill("#kg-search", graph_view.node(g, hidden).label)
    view.page.press("#kg-search", "Enter")                                 # search reaches beyond the cap
    assert hidden in view.drawn() and view.js("network.getSelectedNodes()") == [hidden]
    wait_for(view.page, "kgState.stillAt !== null")                        # the newcomers settle, then freeze
    view.page.click("#kg-show-all")
    wait_for(view.page, "kgState.stillAt !== null")
    assert len(view.drawn()) == 250 and view.js("network.body.edgeIndices.length") == 500


def test_untrusted_text_is_shown_literally_and_never_runs(opened):
    view = opened(xss_graph(), "xss", title=PAYLOAD_TITLE)
    view.click_node("event:ev-x")
    panel = view.panel_text()
    assert PAYLOAD_TITLE in panel and "Budi <script>window.__pwned=8</script> menelepon." in panel
    assert view.js("document.querySelector('#kg-panel blockquote').textContent") == PAYLOAD_SENTENCE
    assert "</script><img src=x onerror=window.__pwned=7>" in panel
    view.click_node("entity:person/budi")
    assert view.page.inner_text("#kg-panel h2") == PAYLOAD_NAME
    assert "</script><script>window.__pwned=6</script>" in view.panel_text()
    x, y = view.js("""() => { const d = network.canvasToDOM(network.getPositions(['entity:org/x'])['entity:org/x']);
                              const r = document.getElementById('mynetwork').getBoundingClientRect();
                              return [r.left + d.x, r.top + d.y]; }""")
    view.page.mouse.move(x, y)                                             # the hover tooltip is plain text
    wait_for(view.page, "document.querySelector('.vis-tooltip') && "
                        "document.querySelector('.vis-tooltip').style.visibility === 'visible'", 10)
    assert view.js("document.querySelector('.vis-tooltip').innerText").startswith("O'Neil \"&\" <Co>")
    assert view.js("document.querySelector('.vis-tooltip').querySelectorAll(':not(br)').length") == 0
    assert view.page.title() == PAYLOAD_TITLE
    assert view.js("typeof window.__pwned") == "undefined"
    assert view.js("document.querySelectorAll('img, #kg-panel script, #kg-panel svg, #kg-panel b').length") == 0
    assert view.requests == [view.path.as_uri()] and view.errors == []


def test_empty_graph_still_opens(opened):
    import networkx as nx

    view = opened(nx.MultiDiGraph(), "empty")
    assert view.drawn() == [] and view.errors == []
    assert view.page.inner_text("#kg-status").startswith("showing 0 nodes of 0")
    assert "no events" in view.page.inner_text("#kg-filter-types")


@pytest.fixture(scope="module")
def seed_graph(examples):
    """The event graph of the two sample articles, from the session's build (real pipeline, bundled models)."""
    return examples.graph


def test_examples_page_counts_and_the_call_evidence_from_both_articles(opened, seed_graph, seed_dir):
    g = seed_graph
    view = opened(g, "examples", title="examples/articles · kg event graph")
    assert sorted(view.drawn()) == sorted(g.nodes) and view.js("nodes.length") == g.number_of_nodes()
    assert view.js("network.body.edgeIndices.length") == g.number_of_edges() == view.js("edges.length")
    assert view.page.locator("#kg-legend li").count() >= 4 and view.page.locator("#kg-filters select").count() == 1
    assert view.requests == [view.path.as_uri()] and view.errors == []
    events = [(k, node) for k, node in graph_view.nodes(g) if isinstance(node, EventNode)]
    calls = [k for k, node in events if node.type == "Call"
             and "Zelensky" in (node.label or "") and "Yoon" in (node.label or "")]
    assert len(calls) == 1, [node.label for _, node in events]
    view.click_node(calls[0])
    boxes = view.page.locator("#kg-panel .kg-article")
    articles = sorted(boxes.nth(i).get_attribute("data-article") for i in range(boxes.count()))
    assert articles == sorted(p.name for p in seed_dir.glob("*.txt"))
    sentences = view.page.locator("#kg-panel blockquote.kg-sentence").all_inner_texts()
    seeds = {p.name: p.read_text(encoding="utf-8") for p in seed_dir.glob("*.txt")}
    for i in range(boxes.count()):                                          # each sentence is from its article
        box = boxes.nth(i)
        for s in box.locator("blockquote").all_inner_texts():
            assert " ".join(s.split()) in " ".join(seeds[box.get_attribute("data-article")].split())
    assert len(sentences) >= 2 and view.page.locator("#kg-panel mark").count() == len(sentences)
    view.page.screenshot(path=str(view.path.with_name("kg-html-examples-call.png")))


def test_examples_page_reads_at_first_sight(opened, seed_graph):
    """What a newcomer sees before touching anything (screenshot kg-html-examples-first-sight.png):
    statements told apart by what was said, articles off to the side of the actors they report,
    edge and node labels at least 10 px high, and the whole legend on screen."""
    g = seed_graph
    view = opened(g, "examples-first-sight", title="examples/articles · kg event graph")
    statements = [node.label for _, node in graph_view.nodes(g) if isinstance(node, EventNode)
                  and node.type == "Statement"]
    assert len(statements) > 5 and len(set(statements)) == len(statements), statements
    positions = view.js("network.getPositions()")
    kinds = {k: node.kind for k, node in graph_view.nodes(g)}
    inner = [positions[k] for k in g if kinds[k] != "article"]
    cx, cy = (sum(p["x"] for p in inner) / len(inner), sum(p["y"] for p in inner) / len(inner))
    radius = max(((p["x"] - cx) ** 2 + (p["y"] - cy) ** 2) ** 0.5 for p in inner)
    for article in (k for k in g if kinds[k] == "article"):
        p = positions[article]
        assert ((p["x"] - cx) ** 2 + (p["y"] - cy) ** 2) ** 0.5 > radius + 50, article   # outside the drawing
    scale = view.js("network.getScale()")
    for part in ("edges", "nodes"):
        size = view.js(f"Object.values(network.body.{part})[0].options.font.size")
        assert size * scale >= 10, (part, size, scale)
    assert view.js("(() => { const c = document.getElementById('kg-controls');"
                   " return c.scrollHeight <= c.clientHeight; })()"), "the legend is cut off"
