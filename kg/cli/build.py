"""``kg build``: a folder of articles in, the event graph and its evidence out."""
from __future__ import annotations

import time
from pathlib import Path

import click

from kg.cli import EXIT_CODES, PROVIDER_HELP, cli
from kg.errors import OK, SOME_SKIPPED
from kg.parse.nlp import PROVIDERS
from kg.pipeline.outputs import FORMATS, BuildReport
from kg.pipeline.parallel import default_jobs
from kg.pipeline.progress import NORMAL, QUIET, VERBOSE, Reporter
from kg.pipeline.stages import LANGUAGES


@cli.command("build", epilog=EXIT_CODES)
@click.argument("source", type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--out", type=click.Path(file_okay=False, path_type=Path), default=Path("outputs"),
              show_default=True, help="Output folder: events.json, graph.<format>, graph.html.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="ttl", show_default=True,
              help="RDF serialisation of the graph (also its file extension).")
@click.option("--lang", type=click.Choice(["auto", *LANGUAGES]), default="auto", show_default=True,
              help="Language of the articles; auto detects it per article.")
@click.option("--provider", type=click.Choice(PROVIDERS), default="bundled", show_default=True,
              help=PROVIDER_HELP)
@click.option("--sources", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A manifest (.jsonl or .csv) of the articles' file, published date, url, outlet, title, language.")
@click.option("--html/--no-html", default=True, show_default=True, help="Also write the interactive graph.html.")
@click.option("--store/--no-store", default=True, show_default=True,
              help="Also write the graph into the Oxigraph store OUT/graph.oxigraph (for kg query, serve, push).")
@click.option("--no-cache", is_flag=True,
              help="Read and parse everything again, ignoring (and not filling) the cache.")
@click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path),
              help="Where parses are cached  [default: OUT/.kg-cache]")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=default_jobs, show_default="the cores available",
              help="Parse and extract in this many processes (or Dask workers with --scheduler local).")
@click.option("--scheduler", metavar="ADDRESS|local",
              help="Parse and extract on a Dask cluster: its scheduler's address, or local to start one here.")
@click.option("-q", "--quiet", is_flag=True, help="Print only skipped inputs and errors.")
@click.option("-v", "--verbose", is_flag=True, help="Also print every article and the time of each stage.")
@click.pass_context
def build_cmd(ctx: click.Context, source: Path, out: Path, fmt: str, lang: str, provider: str, sources: Path | None,
              html: bool, store: bool, no_cache: bool, cache_dir: Path | None, jobs: int, scheduler: str | None,
              quiet: bool, verbose: bool) -> None:
    """Build the event graph of SOURCE (a folder of articles, or one file) into OUT.

    Reads .txt, .md, .html/.htm, .json and .jsonl files (recursively); an
    input that cannot be used is reported as one line, "kg: skipped PATH:
    REASON", and the rest is still built. Outputs are replaced only when the
    build succeeds, all together, so an interrupted build leaves the previous
    ones as they were. Parses are cached by content and model version:
    unchanged articles are not parsed again. --sources reads the articles'
    publication dates (and URLs, outlets) from a manifest.
    """
    from kg.pipeline.outputs import build_into

    if quiet and verbose:
        raise click.UsageError("--quiet and --verbose exclude each other")
    t0 = time.monotonic()
    reporter = Reporter(QUIET if quiet else VERBOSE if verbose else NORMAL)
    report = build_into(source, out, fmt=fmt, lang=lang, provider=provider, html=html, store=store,
                        cache=not no_cache, cache_dir=cache_dir, progress=reporter, strict=ctx.obj["debug"],
                        jobs=jobs, scheduler=scheduler, sources=sources)
    if not quiet:
        click.echo(summary(report, time.monotonic() - t0))
    ctx.exit(SOME_SKIPPED if report.skipped else OK)


def _counts(counts: dict[str, int]) -> str:
    detail = ", ".join(f"{t} {n}" for t, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    return f"{sum(counts.values())}" + (f" ({detail})" if detail else "")


def summary(report: BuildReport, seconds: float) -> str:
    """The one summary a build prints at the end."""
    done = "up to date, nothing to rebuild" if report.up_to_date else "built"
    fresh = not report.up_to_date
    return "\n".join([
        f"kg: {done} in {seconds:.2f}s",
        f"  articles   {report.articles} read, {len(report.skipped)} skipped"
        f" ({report.parsed if fresh else 0} parsed, {report.cached if fresh else 0} from cache)",
        f"  sentences  {report.sentences}",
        f"  events     {_counts(report.events)}",
        f"  entities   {_counts(report.entities)}",
        f"  written    {', '.join(str(p) for p in report.files)}" + ("" if fresh else " (unchanged)"),
    ])
