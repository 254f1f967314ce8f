#!/usr/bin/env python
"""Parse throughput, peak memory and cold start of kg's parser.

The articles (by default the two seed articles) are repeated until they hold
at least ``--min-sentences`` sentences and parsed one article at a time, the
way ``kg build`` does. Cold start (import of kg.parse.nlp and Stanza, plus loading
the pipeline) is timed in a fresh Python process, so nothing is cached.

    python benchmarks/parse_speed.py                 # bundled models, a table
    KG_MODELS_DIR=/tmp/models python benchmarks/parse_speed.py --json
"""
from __future__ import annotations

import argparse
import json
import math
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # measure this checkout's kg, installed or not

COLD_START = """\
import time
t0 = time.perf_counter()
from kg.parse import nlp
nlp.get_parser({lang!r}, {provider!r})
print(time.perf_counter() - t0)
"""


def cold_start(lang: str, provider: str, threads: int | None) -> float:
    """Seconds from a bare interpreter to a loaded pipeline, in a new process."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])))
    if threads:
        env["OMP_NUM_THREADS"] = str(threads)
    out = subprocess.run([sys.executable, "-c", COLD_START.format(lang=lang, provider=provider)],
                         env=env, capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def throughput(articles_dir: Path, min_sentences: int, lang: str, provider: str) -> dict:
    """Parse the articles repeated to ``min_sentences``; rates and peak RSS of this process."""
    from kg.model import Article
    from kg.parse import nlp

    files = sorted(articles_dir.glob("*.txt"))
    if not files:
        raise SystemExit(f"parse_speed: no .txt articles in {articles_dir}")
    articles = [Article(id=f.name, path=f, text=f.read_text(encoding="utf-8"), language=lang) for f in files]
    parser = nlp.get_parser(lang, provider)
    per_round = sum(len(parser.parse(a)) for a in articles)  # also warms the pipeline up
    rounds = math.ceil(min_sentences / per_round)
    sentences = tokens = 0
    t0 = time.perf_counter()
    for _ in range(rounds):
        for a in articles:
            parsed = parser.parse(a)
            sentences += len(parsed)
            tokens += sum(len(s.tokens) for s in parsed)
    seconds = time.perf_counter() - t0
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux
    return {"articles": len(articles) * rounds, "sentences": sentences, "tokens": tokens,
            "seconds": round(seconds, 2), "sentences_per_s": round(sentences / seconds, 1),
            "tokens_per_s": round(tokens / seconds, 1), "peak_rss_mb": round(peak_kb / 1024, 1)}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog="The models come from kg/models (or KG_MODELS_DIR).")
    ap.add_argument("--articles", type=Path, default=REPO / "examples" / "articles",
                    help="folder of .txt articles to parse (default: the seed articles)")
    ap.add_argument("--min-sentences", type=int, default=500, help="repeat the articles to at least this many")
    ap.add_argument("--lang", default="id")
    ap.add_argument("--provider", choices=["bundled", "stanza"], default="bundled")
    ap.add_argument("--threads", type=int, help="torch CPU threads (default: torch's choice)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)

    if args.threads:
        import torch

        torch.set_num_threads(args.threads)
    result = {"provider": args.provider, "models_dir": os.environ.get("KG_MODELS_DIR", "kg/models"),
              "cpus": os.cpu_count(), "threads": args.threads, "python": platform.python_version()}
    result["cold_start_s"] = round(cold_start(args.lang, args.provider, args.threads), 2)
    result.update(throughput(args.articles, args.min_sentences, args.lang, args.provider))
    if args.json:
        print(json.dumps(result, indent=1))
        return
    rows = [("sentences parsed", result["sentences"]), ("tokens parsed", result["tokens"]),
            ("sentences/s", result["sentences_per_s"]), ("tokens/s", result["tokens_per_s"]),
            ("peak RSS (MB)", result["peak_rss_mb"]), ("cold start (s)", result["cold_start_s"])]
    print("| metric | value |\n|---|---|")
    for name, value in rows:
        print(f"| {name} | {value} |")
    print(f"\n{args.provider} models from {result['models_dir']}, {result['cpus']} CPUs, "
          f"threads={args.threads or 'default'}")


if __name__ == "__main__":
    main()
