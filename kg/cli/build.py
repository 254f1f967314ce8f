"""``kg build``: a folder of articles in, the event graph and its evidence out."""
from __future__ import annotations

import time
from collections import Counter
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import click

from kg.cli import cli
from kg.errors import NOTHING_PROCESSED, OK, SOME_SKIPPED, KgError
from kg.nlp import PROVIDERS
from kg.pipeline import LANGUAGES, Result
from kg.progress import NORMAL, QUIET, VERBOSE, Reporter

# RDF serialisations kg.rdf writes; the file extension is the format's name
RDF_FORMATS = ("ttl", "jsonld", "nt", "trig")


@cli.command("build")
@click.argument("source", type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--out", type=click.Path(file_okay=False, path_type=Path), default=Path("outputs"),
              show_default=True, help="Output folder: events.json, graph.<format>, graph.html.")
@click.option("--format", "fmt", type=click.Choice(RDF_FORMATS), default="ttl", show_default=True,
              help="RDF serialisation of the graph.")
@click.option("--lang", type=click.Choice(["auto", *LANGUAGES]), default="auto", show_default=True,
              help="Language of the articles; auto detects it per article.")
@click.option("--provider", type=click.Choice(PROVIDERS), default="bundled", show_default=True,
              help="bundled: kg's offline Indonesian models; stanza: official models from `kg models download`.")
@click.option("--html/--no-html", default=True, show_default=True, help="Also write the interactive graph.html.")
@click.option("--no-cache", is_flag=True, help="Parse every article again, ignoring (and not filling) the cache.")
@click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path),
              help="Where parses are cached  [default: OUT/.kg-cache]")
@click.option("-q", "--quiet", is_flag=True, help="Print only skipped inputs and errors.")
@click.option("-v", "--verbose", is_flag=True, help="Also print every article and the time of each stage.")
@click.pass_context
def build_cmd(ctx: click.Context, source: Path, out: Path, fmt: str, lang: str, provider: str, html: bool,
              no_cache: bool, cache_dir: Path | None, quiet: bool, verbose: bool) -> None:
    """Build the event graph of SOURCE (a folder of articles, or one file) into OUT.

    Reads .txt, .md, .html/.htm, .json and .jsonl files (recursively); an
    input that cannot be used is reported as one line, "kg: skipped PATH:
    REASON", and the rest is still built. Outputs are replaced only when the
    build succeeds, all together, so an interrupted build leaves the previous
    ones as they were. Parses are cached by content and model version:
    unchanged articles are not parsed again.
    """
    from kg import pipeline
    from kg.cache import CACHE_DIRNAME, ParseCache
    from kg.io import atomic_write_all
    from kg.lock import BuildLock

    if quiet and verbose:
        raise click.UsageError("--quiet and --verbose exclude each other")
    t0 = time.monotonic()
    reporter = Reporter(QUIET if quiet else VERBOSE if verbose else NORMAL)
    try:
        with _writing(out):
            lock = BuildLock(out).acquire()
        with lock:
            if lock.previous_pid:
                reporter.detail(f"took over the lock left by pid {lock.previous_pid}")
            cache = None if no_cache else ParseCache(cache_dir or out / CACHE_DIRNAME)
            reporter.info(f"reading {source}")
            result = pipeline.build(source, lang=lang, provider=provider, cache=cache, progress=reporter,
                                    strict=ctx.obj["debug"])
            if not result.articles:
                raise KgError(f"no article in {source} could be processed ({len(result.skipped)} inputs skipped); "
                              f"the previous outputs in {out}/ are unchanged", NOTHING_PROCESSED)
            files = _render(result, out, fmt, html, title=f"{source.resolve().name} · kg event graph")
            with _writing(out):
                atomic_write_all(files)
    except KeyboardInterrupt as e:
        raise type(e)(f"the previous outputs in {out}/ are unchanged") from None
    for stage, seconds in result.stats.seconds.items():
        reporter.detail(f"{stage}: {seconds:.2f}s")
    if not quiet:
        click.echo(summary(result, list(files), time.monotonic() - t0))
    ctx.exit(SOME_SKIPPED if result.skipped else OK)


@contextmanager
def _writing(out: Path) -> Iterator[None]:
    """An OS error while writing into ``out`` (permissions, full disk) is the user's one-line error."""
    try:
        yield
    except OSError as e:
        raise KgError(f"cannot write to {out}/: {e.strerror or e}") from e


def _render(result: Result, out: Path, fmt: str, html: bool, title: str) -> dict[Path, bytes | str]:
    """Every output file's content, in memory: nothing is written until all are ready."""
    from kg import export_json, rdf

    files: dict[Path, bytes | str] = {out / "events.json": export_json.dumps(result),
                                      out / f"graph.{fmt}": rdf.serialize(result.graph, fmt)}
    if html:
        from kg import html as view

        files[out / "graph.html"] = view.render(result.graph, title=title)
    return files


def _counts(types: list[str]) -> str:
    counts = Counter(types)
    detail = ", ".join(f"{t} {n}" for t, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    return f"{len(types)}" + (f" ({detail})" if detail else "")


def summary(result: Result, files: list[Path], seconds: float) -> str:
    """The one summary a build prints at the end."""
    s = result.stats
    return "\n".join([
        f"kg: built in {seconds:.1f}s",
        f"  articles   {len(result.articles)} read, {len(result.skipped)} skipped"
        f" ({s.parsed} parsed, {s.cached} from cache)",
        f"  sentences  {s.sentences}",
        f"  events     {_counts([e.type for e in result.events])}",
        f"  entities   {_counts([e.type for e in result.entities])}",
        f"  written    {', '.join(str(f) for f in files)}",
    ])
