"""How fast ``kg query`` answers on a million triples: from an Oxigraph store, and from an N-Triples file.

Makes a graph of about ``--triples`` triples by copying a small kg graph under
new IRIs (benchmarks/copies.py), loads it into a
store with ``kg load``, then times every preset as a user runs it: one ``kg
query`` process per call, wall clock, process start included. The machine's
load average is printed with the figures (timings on a busy machine are slower).

    python benchmarks/store_speed.py [--triples 1000000] [--graph GRAPH.trig] [--runs 3] [--format csv|table|json]

Without --graph the copied graph is the hand-built one of the tests
(tests/test_rdf.py: every preset has rows in it); give a ``kg build`` output
(TriG keeps the articles' named graphs) to copy real articles instead.
"""
from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "tests"), str(REPO / "benchmarks")]

import copies  # noqa: E402  (benchmarks/copies.py)

from kg.export import query, rdf, store  # noqa: E402


def template(graph: Path | None) -> tuple[list[str], list[str]]:
    """The graph to copy as N-Quads lines and as N-Triples lines."""
    from pyoxigraph import RdfFormat, serialize

    if graph is None:
        from test_rdf import sample_graph

        data = store.Store()
        data.bulk_load(rdf.nquads(sample_graph()), format=RdfFormat.N_QUADS)
    else:
        data = store.open_graph(graph)
    quads = list(data)
    lines = lambda text: text.decode("utf-8").splitlines(keepends=True)  # noqa: E731
    return (lines(serialize(quads, format=RdfFormat.N_QUADS)),
            lines(serialize([q.triple for q in quads], format=RdfFormat.N_TRIPLES)))


def write_copies(template: tuple[list[str], list[str]], triples: int, nq: Path, nt: Path) -> int:
    """About ``triples`` triples (whole copies) as N-Quads and as N-Triples; the number of copies."""
    shared = len(template[0]) - copies.own_lines(template[0])
    n = max(1, -(-(triples - shared) // copies.own_lines(template[0])))
    for path, lines in ((nq, template[0]), (nt, template[1])):
        with open(path, "w", encoding="utf-8") as fh:
            fh.writelines(copies.copied(lines, n))
    return n


def timed(args: list[object], runs: int) -> tuple[float, float]:
    """Median wall and median CPU seconds (user + system) of ``kg ARGS`` over ``runs`` fresh processes.

    On a busy machine the wall time waits for a core; the CPU time is what the query itself costs.
    """
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.monotonic()
        proc = subprocess.run([sys.executable, "-m", "kg", *map(str, args)], capture_output=True, text=True,
                              env={**os.environ, "PYTHONPATH": str(REPO)})
        walls.append(time.monotonic() - t0)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        if proc.returncode != 0:
            raise SystemExit(f"kg {' '.join(map(str, args))} failed: {proc.stderr.strip()}")
    return statistics.median(walls), statistics.median(cpus)


def load_average() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--triples", type=int, default=1_000_000)
    ap.add_argument("--graph", type=Path, help="a kg graph file to copy (default: the tests' hand-built graph)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--file-runs", type=int, default=1, help="runs per preset on the N-Triples file")
    ap.add_argument("--format", default="csv", choices=query.OUTPUT_FORMATS, help="what each kg query prints")
    args = ap.parse_args()

    lines = template(args.graph)
    with tempfile.TemporaryDirectory(prefix="kg-store-speed-") as tmp:
        nq, nt, folder = Path(tmp) / "graph.nq", Path(tmp) / "graph.nt", Path(tmp) / "graph.oxigraph"
        n = write_copies(lines, args.triples, nq, nt)
        t0 = time.monotonic()
        quads = store.load([nq], folder)
        print(f"{quads:,} quads ({n} copies of a {len(lines[0])}-quad graph); kg load: {time.monotonic() - t0:.1f} s; "
              f"load average {load_average()}")
        print(f"{'preset':22} {'store wall':>10} {'store CPU':>9} {'nt wall':>8} {'nt CPU':>7}  load average")
        for name in query.presets():
            wall, cpu = timed(["query", folder, "--preset", name, "--format", args.format], args.runs)
            file_wall, file_cpu = timed(["query", nt, "--preset", name, "--format", args.format], args.file_runs)
            print(f"{name:22} {wall:9.2f}s {cpu:8.2f}s {file_wall:7.1f}s {file_cpu:6.1f}s  {load_average()}",
                  flush=True)


if __name__ == "__main__":
    main()
