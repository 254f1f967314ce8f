#!/usr/bin/env python
"""How much faster a re-run of ``kg build`` is, thanks to the parse cache.

Copies the articles (by default examples/articles) to a scratch folder and
times, each as a fresh ``kg build`` process the way a user runs it:

* cold: an empty cache, so every article is parsed (Stanza loaded);
* unchanged: the same folder again (median of ``--runs``): the outputs are
  up to date, nothing is read or parsed, Stanza is not even imported;
* parses cached: the same folder into a new RDF format, so the outputs are
  rebuilt, but every parse comes from the cache (what a re-run costs after
  kg itself changed, say);
* one changed: one article edited, so it alone is parsed again.

Shown for each: the wall time of the whole command (Python start-up,
imports, outputs), its CPU time (user + system: what the work costs even
when other processes compete for the cores) and the build time kg reports.

    python benchmarks/rebuild_speed.py
    KG_MODELS_DIR=/tmp/kg-dev-models python benchmarks/rebuild_speed.py --articles my/folder --json
"""
from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SUMMARY = re.compile(r"(?:built|nothing to rebuild) in ([\d.]+)s.*?\((\d+) parsed, (\d+) from cache\)", re.S)
# appended to one article to change it; any sentence does
EDIT = "\nPada hari yang sama, menteri itu juga berbicara dengan wartawan.\n"


def _children_cpu() -> float:
    """CPU seconds (user + system) used by finished child processes: robust to a busy machine."""
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run_build(src: Path, out: Path, extra: list[str]) -> dict:
    """One ``kg build`` in a fresh process: wall seconds, kg's own seconds, parsed and cached counts."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])))
    t0, cpu0 = time.perf_counter(), _children_cpu()
    proc = subprocess.run([sys.executable, "-m", "kg", "build", str(src), "-o", str(out), *extra],
                          capture_output=True, text=True, env=env)
    wall, cpu = time.perf_counter() - t0, _children_cpu() - cpu0
    if proc.returncode not in (0, 3):
        sys.exit(f"kg build failed ({proc.returncode}):\n{proc.stderr}")
    m = SUMMARY.search(proc.stdout)
    if not m:
        sys.exit(f"no summary in kg build's output:\n{proc.stdout}")
    return {"wall_s": round(wall, 3), "cpu_s": round(cpu, 3), "build_s": float(m[1]),
            "parsed": int(m[2]), "cached": int(m[3])}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=Path, default=REPO / "examples" / "articles",
                    help="folder of articles (default: examples/articles)")
    ap.add_argument("--runs", type=int, default=3, help="unchanged re-runs to take the median of (default 3)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("build_args", nargs="*", help="more `kg build` options, after --")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="kg-rebuild-") as tmp:
        src, out = Path(tmp) / "articles", Path(tmp) / "out"
        shutil.copytree(args.articles, src)
        cold = run_build(src, out, args.build_args)
        unchanged = [run_build(src, out, args.build_args) for _ in range(args.runs)]
        warm = {k: statistics.median(r[k] for r in unchanged) for k in unchanged[0]}
        cached = run_build(src, out, [*args.build_args, "--format", "nt"])
        first = sorted(p for p in src.rglob("*") if p.is_file() and p.suffix in (".txt", ".md"))[0]
        first.write_text(first.read_text(encoding="utf-8") + EDIT, encoding="utf-8")
        changed = run_build(src, out, args.build_args)

    figures = {"articles": str(args.articles), "cold": cold, "unchanged": warm, "parses_cached": cached,
               "one_changed": changed,
               "speedup_wall": round(cold["wall_s"] / warm["wall_s"], 1),
               "speedup_cpu": round(cold["cpu_s"] / warm["cpu_s"], 1)}
    if args.json:
        print(json.dumps(figures, indent=1))
        return
    print(f"articles: {args.articles}")
    print(f"{'run':<16}{'wall s':>9}{'CPU s':>9}{'kg build s':>12}{'parsed':>8}{'cached':>8}")
    for name, r in (("cold", cold), (f"unchanged (x{args.runs})", warm), ("parses cached", cached),
                    ("one changed", changed)):
        print(f"{name:<16}{r['wall_s']:>9.2f}{r['cpu_s']:>9.2f}{r['build_s']:>12.2f}{r['parsed']:>8}{r['cached']:>8}")
    print(f"unchanged re-run: {figures['speedup_wall']}x faster (wall), {figures['speedup_cpu']}x less CPU than cold")


if __name__ == "__main__":
    main()
