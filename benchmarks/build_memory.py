"""Peak memory of ``kg build`` on a large archive of pre-parsed articles (so it measures kg, not Stanza).

Makes ``--articles`` articles (default 10,000) of ``--sentences`` sentences each
from the UD Indonesian treebanks, each ``NAME.txt`` with its parse beside it in
``NAME.conllu``; article i takes the sentences from position i × 7 on, so
articles overlap but differ. Then runs ``kg build DIR --provider conllu --lang id
--no-cache`` and samples the resident memory of the build and all its worker
processes together every 0.2 s.

    python benchmarks/build_memory.py [--ud ../shared/ud] [--articles 10000] [--jobs 1]

Target (issue 14): under 4 GiB peak.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil  # comes with dask distributed

REPO = Path(__file__).resolve().parent.parent
TREEBANKS = ("id_csui-ud-train.conllu", "id_gsd-ud-dev.conllu", "id_gsd-ud-test.conllu", "id_pud-ud-test.conllu")


def sentences(ud: Path) -> list[tuple[str, str]]:
    """(text, CoNLL-U block) of every sentence of the treebanks."""
    out = []
    for name in TREEBANKS:
        for block in (ud / name).read_text(encoding="utf-8").split("\n\n"):
            text = next((line[len("# text = "):] for line in block.splitlines() if line.startswith("# text = ")), None)
            if text and block.strip():
                out.append((text.strip(), block.strip() + "\n\n"))
    return out


def write_archive(pool: list[tuple[str, str]], n: int, per_article: int, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        chosen = [pool[(i * 7 + k) % len(pool)] for k in range(per_article)]
        stem = folder / f"a{i:05d}"
        stem.with_suffix(".txt").write_text("\n".join(t for t, _ in chosen) + "\n", encoding="utf-8")
        stem.with_suffix(".conllu").write_text("".join(b for _, b in chosen), encoding="utf-8")


def peak_rss(cmd: list[str]) -> tuple[float, float, int]:
    """(peak resident GiB of the process tree, wall seconds, exit code)."""
    t0 = time.monotonic()
    proc = subprocess.Popen(cmd, env={**os.environ, "PYTHONPATH": str(REPO)}, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    root, peak = psutil.Process(proc.pid), 0
    while proc.poll() is None:
        try:
            tree = [root, *root.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.2)
    if proc.returncode not in (0, 3):
        raise SystemExit(f"the build failed: {proc.stderr.read()[-500:]}")
    return peak / 2**30, time.monotonic() - t0, proc.returncode


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--ud", type=Path, default=REPO.parent / "shared" / "ud")
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--sentences", type=int, default=15, help="sentences per article")
    ap.add_argument("--jobs", type=int, default=1)
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="kg-build-memory-") as tmp:
        folder = Path(tmp) / "articles"
        write_archive(sentences(args.ud), args.articles, args.sentences, folder)
        cmd = [sys.executable, "-m", "kg", "build", str(folder), "-o", str(Path(tmp) / "out"), "--provider", "conllu",
               "--lang", "id", "--no-cache", "--jobs", str(args.jobs), "-q"]
        gib, seconds, _ = peak_rss(cmd)
        print(f"{args.articles} pre-parsed articles × {args.sentences} sentences, --jobs {args.jobs}: "
              f"peak RSS {gib:.2f} GiB (build and workers together), {seconds:.0f} s; "
              f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
