"""``kg build``: a folder of articles in, the event graph and its evidence out."""
from __future__ import annotations

import shutil
import time
from collections import Counter
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import click

from kg.cli import EXIT_CODES, PROVIDER_HELP, cli
from kg.errors import NOTHING_PROCESSED, OK, SOME_SKIPPED, KgError
from kg.model import Skipped
from kg.nlp import PROVIDERS
from kg.pipeline import LANGUAGES, Result
from kg.progress import NORMAL, QUIET, VERBOSE, Reporter
from kg.rdf import FORMATS as RDF_FORMATS


@cli.command("build", epilog=EXIT_CODES)
@click.argument("source", type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--out", type=click.Path(file_okay=False, path_type=Path), default=Path("outputs"),
              show_default=True, help="Output folder: events.json, graph.<format>, graph.html.")
@click.option("--format", "fmt", type=click.Choice(RDF_FORMATS), default="ttl", show_default=True,
              help="RDF serialisation of the graph (also its file extension).")
@click.option("--lang", type=click.Choice(["auto", *LANGUAGES]), default="auto", show_default=True,
              help="Language of the articles; auto detects it per article.")
@click.option("--provider", type=click.Choice(PROVIDERS), default="bundled", show_default=True,
              help=PROVIDER_HELP)
@click.option("--html/--no-html", default=True, show_default=True, help="Also write the interactive graph.html.")
@click.option("--no-cache", is_flag=True,
              help="Read and parse everything again, ignoring (and not filling) the cache.")
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
    from kg.cache import CACHE_DIRNAME, BuildRecord, build_key
    from kg.lock import BuildLock

    if quiet and verbose:
        raise click.UsageError("--quiet and --verbose exclude each other")
    t0 = time.monotonic()
    reporter = Reporter(QUIET if quiet else VERBOSE if verbose else NORMAL)
    outputs = [out / "events.json", out / f"graph.{fmt}"] + ([out / "graph.html"] if html else [])
    # whether the new outputs are in place, and whether there were outputs before: what a failure says
    state = {"written": False, "previous": any(p.exists() for p in outputs)}
    created = not out.exists()
    try:
        with _writing(out):
            lock = BuildLock(out).acquire()
        with lock:
            if lock.previous_pid:
                reporter.detail(f"took over the lock left by pid {lock.previous_pid}")
            record = BuildRecord(out / CACHE_DIRNAME)
            key = build_key(source, {"source": str(source), "lang": lang, "provider": provider})
            report = None if no_cache else record.lookup(key, outputs)
            up_to_date = report is not None
            if up_to_date:
                reporter.info(f"nothing changed since the last build: {out}/ is up to date")
                for path, reason in report["skipped"]:   # the same inputs, skipped for the same reasons
                    reporter.skipped(Skipped(path, reason))
            else:
                report, files = _rebuild(source, out, outputs, fmt, lang, provider, html,
                                         None if no_cache else cache_dir or out / CACHE_DIRNAME,
                                         reporter, ctx.obj["debug"], state)
                if not no_cache:
                    record.save(key, files, report)
    except KeyboardInterrupt as e:
        left = ("the new outputs in {}/ are complete" if state["written"] else
                "the previous outputs in {}/ are unchanged" if state["previous"] else "nothing was written to {}/")
        raise type(e)(left.format(out)) from None
    except KgError as e:
        if e.exit_code == NOTHING_PROCESSED and created:   # no empty folder left behind (the lock made it)
            shutil.rmtree(out, ignore_errors=True)
        raise
    if not quiet:
        click.echo(summary(report, time.monotonic() - t0, up_to_date=up_to_date))
    ctx.exit(SOME_SKIPPED if report["skipped"] else OK)


def _rebuild(source: Path, out: Path, outputs: list[Path], fmt: str, lang: str, provider: str, html: bool,
             cache_dir: Path | None, reporter: Reporter, strict: bool,
             state: dict[str, bool]) -> tuple[dict, dict[Path, bytes | str]]:
    """Build for real and replace the outputs; the report and the files written."""
    from kg import pipeline
    from kg.cache import ParseCache
    from kg.io import atomic_write_all, signals_held

    reporter.info(f"reading {source}")
    result = pipeline.build(source, lang=lang, provider=provider,
                            cache=ParseCache(cache_dir) if cache_dir else None, progress=reporter, strict=strict)
    if not result.articles:
        n = len(result.skipped)
        kept = f"; the previous outputs in {out}/ are unchanged" if state["previous"] else ""
        raise KgError(f"no article in {source} could be processed ({n} input{'s' * (n != 1)} skipped){kept}",
                      NOTHING_PROCESSED)
    files = _render(result, out, fmt, html, title=f"{source.resolve().name} · kg event graph")
    with _writing(out), signals_held():   # a signal during the renames is heard once all are done
        atomic_write_all(files)
        state["written"] = True
    for stage, seconds in result.stats.seconds.items():
        reporter.detail(f"{stage}: {seconds:.2f}s")
    return _report(result, outputs), files


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


def _report(result: Result, outputs: list[Path]) -> dict:
    """What the summary tells, as plain data (kept in the build record for up-to-date re-runs)."""
    s = result.stats
    return {"articles": len(result.articles), "skipped": [[k.path, k.reason] for k in result.skipped],
            "parsed": s.parsed, "cached": s.cached, "sentences": s.sentences,
            "events": Counter(e.type for e in result.events), "entities": Counter(e.type for e in result.entities),
            "files": [str(p) for p in outputs]}


def _counts(counts: dict[str, int]) -> str:
    detail = ", ".join(f"{t} {n}" for t, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    return f"{sum(counts.values())}" + (f" ({detail})" if detail else "")


def summary(report: dict, seconds: float, up_to_date: bool = False) -> str:
    """The one summary a build prints at the end."""
    done = "up to date, nothing to rebuild" if up_to_date else "built"
    return "\n".join([
        f"kg: {done} in {seconds:.2f}s",
        f"  articles   {report['articles']} read, {len(report['skipped'])} skipped"
        f" ({0 if up_to_date else report['parsed']} parsed, {0 if up_to_date else report['cached']} from cache)",
        f"  sentences  {report['sentences']}",
        f"  events     {_counts(report['events'])}",
        f"  entities   {_counts(report['entities'])}",
        f"  written    {', '.join(report['files'])}" + (" (unchanged)" if up_to_date else ""),
    ])
