"""Build throughput: ``kg build --jobs 1`` and ``--jobs 2`` against bare Stanza on 30 news articles.

The articles are the news half of UD Indonesian-PUD (``# text`` lines of
``id_pud-ud-test.conllu``, sentences with ids ``n…``), whole documents grouped
in order into ``--articles`` articles of about equal length. Three fresh
processes are timed, wall clock from start to exit, each on one thread
(``OMP_NUM_THREADS=1``), with no cache:

* bare Stanza: import, load kg's bundled models, one Pipeline call per article;
* ``kg build DIR --no-cache --jobs 1``: the whole build, graph, HTML and store written;
* ``kg build DIR --no-cache --jobs 2``.

    python benchmarks/build_speed.py [--ud ../shared/ud] [--articles 30] [--runs 1]

Targets (issue 14): jobs 1 ≤ 1.1 × bare Stanza; jobs 2 ≥ 1.6 × faster than jobs 1 on 2 cores.
The load average is printed with every figure: other work on the machine slows all three.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "OMP_NUM_THREADS": "1", "PYTHONPATH": str(REPO)}

BARE = """\
import sys
from pathlib import Path
from kg.parse import nlp
pipeline = nlp.StanzaParser("id", "bundled").pipeline   # kg's bundled models, the same Stanza options
for path in sorted(Path(sys.argv[1]).glob("*.txt")):
    pipeline(path.read_text(encoding="utf-8"))
"""


def news_documents(conllu: Path) -> list[list[str]]:
    """The sentences of each news document (ids ``n`` + 5 digits of the document + 3 of the sentence)."""
    docs: dict[str, list[str]] = {}
    sent_id = ""
    for line in conllu.read_text(encoding="utf-8").splitlines():
        if line.startswith("# sent_id = "):
            sent_id = line.split("= ", 1)[1].strip()
        elif line.startswith("# text = ") and sent_id.startswith("n"):
            docs.setdefault(sent_id[:6], []).append(line.split("= ", 1)[1].strip())
    return list(docs.values())


def write_articles(docs: list[list[str]], n: int, folder: Path) -> int:
    """Whole documents, in order, into ``n`` articles of about equal sentence count; the sentence count."""
    total = sum(len(d) for d in docs)
    groups: list[list[str]] = [[] for _ in range(n)]
    seen = 0
    for doc in docs:
        groups[min(n - 1, seen * n // total)].append(" ".join(doc))
        seen += len(doc)
    folder.mkdir(parents=True, exist_ok=True)
    for i, paragraphs in enumerate(groups):
        (folder / f"pud-news-{i + 1:02d}.txt").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return total


def timed(cmd: list[str], runs: int) -> float:
    """Median wall seconds of ``cmd`` over ``runs`` fresh processes."""
    times = []
    for _ in range(runs):
        t0 = time.monotonic()
        proc = subprocess.run(cmd, env=ENV, capture_output=True, text=True)
        times.append(time.monotonic() - t0)
        if proc.returncode not in (0, 3):
            raise SystemExit(f"{' '.join(cmd)} failed: {proc.stderr.strip()[-500:]}")
    return statistics.median(times)


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--ud", type=Path, default=REPO.parent / "shared" / "ud")
    ap.add_argument("--articles", type=int, default=30)
    ap.add_argument("--runs", type=int, default=1)
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="kg-build-speed-") as tmp:
        folder, out = Path(tmp) / "articles", Path(tmp) / "out"
        sentences = write_articles(news_documents(args.ud / "id_pud-ud-test.conllu"), args.articles, folder)
        print(f"{args.articles} articles, {sentences} sentences of UD Indonesian-PUD news; one thread per process")
        bare = timed([sys.executable, "-c", BARE, str(folder)], args.runs)
        print(f"bare Stanza, one Pipeline call per article   {bare:6.1f} s   load average {load()}", flush=True)
        kg = [sys.executable, "-m", "kg", "build", str(folder), "-o", str(out), "--no-cache", "--lang", "id", "-q"]
        one = timed(kg + ["--jobs", "1"], args.runs)
        print(f"kg build --no-cache --jobs 1                 {one:6.1f} s   {one / bare:.2f} × bare Stanza   "
              f"load average {load()}", flush=True)
        two = timed(kg + ["--jobs", "2"], args.runs)
        print(f"kg build --no-cache --jobs 2                 {two:6.1f} s   {one / two:.2f} × faster than --jobs 1   "
              f"load average {load()}")


if __name__ == "__main__":
    main()
