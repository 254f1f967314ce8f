"""How long the HTML graph takes to become usable: a synthetic graph in headless Chromium.

Renders a synthetic graph (default 2,000 nodes, 5,000 edges) with kg.export.html,
opens it in Debian's chromium and reports, from the page's own clock
(``performance.now()``, zero at navigation start): when the network is first
drawn, and when it is still (layout stabilised, physics frozen). Runs both the
default page (opens on the most-mentioned nodes) and, with --all, every node.

    python benchmarks/html_render.py [--nodes 2000] [--edges 5000] [--runs 3] [--all]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "tests")]

from browser import browser_context, wait_for  # noqa: E402  (tests/browser.py)
from test_html import synthetic_graph  # noqa: E402

from kg.export import html  # noqa: E402


def measure(page_path: Path, runs: int) -> list[tuple[float, float, int]]:
    """(drawn s, still s, nodes drawn) for each run, each in a fresh page."""
    results = []
    with browser_context() as context:
        for _ in range(runs):
            page = context.new_page()
            requests: list[str] = []
            page.on("request", lambda r: requests.append(r.url))
            page.goto(page_path.as_uri())
            wait_for(page, "window.kgState && kgState.stillAt !== null", timeout_s=600)
            drawn, still, n = page.evaluate("[kgState.drawnAt, kgState.stillAt, network.body.nodeIndices.length]")
            off_line = [u for u in requests if not u.startswith(("file:", "data:"))]
            if off_line:
                raise SystemExit(f"the page made network requests: {off_line[:3]}")
            results.append((drawn / 1000, still / 1000, n))
            page.close()
    return results


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--nodes", type=int, default=2000)
    ap.add_argument("--edges", type=int, default=5000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--all", action="store_true", help="also time the page with every node drawn (no cap)")
    args = ap.parse_args()

    graph = synthetic_graph(args.nodes, args.edges)
    html.render(synthetic_graph(10, 10))   # load pyvis (and IPython) before timing
    caps = [html.DEFAULT_MAX_NODES] + ([args.nodes] if args.all else [])
    with tempfile.TemporaryDirectory() as tmp:
        for cap in caps:
            t0 = time.perf_counter()
            text = html.render(graph, title="benchmark", max_nodes=cap)
            render_s = time.perf_counter() - t0
            path = Path(tmp) / f"graph-{cap}.html"
            path.write_text(text, encoding="utf-8")
            runs = measure(path, args.runs)
            drawn = statistics.median(r[0] for r in runs)
            still = statistics.median(r[1] for r in runs)
            print(f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges, max_nodes={cap}: "
                  f"render {render_s:.2f} s ({len(text) / 1e6:.1f} MB); in Chromium {runs[0][2]} nodes drawn at "
                  f"{drawn:.2f} s, still at {still:.2f} s (median of {len(runs)}: "
                  + ", ".join(f"{r[1]:.2f}" for r in runs) + ")")


if __name__ == "__main__":
    main()
