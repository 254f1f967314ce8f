"""A build into an output folder: the whole job of ``kg build``, as one call.

:func:`build_into` takes the folder's lock, recognises an unchanged build
from the up-to-date record (nothing is parsed then), otherwise builds with
the parse cache, renders every output in memory and replaces them all
atomically, and saves the record. What it did comes back as a
:class:`BuildReport`; the CLI only prints it.
"""
from __future__ import annotations

import shutil
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import NOTHING_PROCESSED, KgError, UsageError
from kg.export import html as html_page
from kg.export import json as events_json
from kg.export import rdf
from kg.export import store as graph_store
from kg.export.store import STORE_DIRNAME
from kg.io import atomic_write_all, signals_held
from kg.model import Result, Skipped
from kg.pipeline import stages
from kg.pipeline.cache import CACHE_DIRNAME, BuildRecord, ParseCache, build_key
from kg.pipeline.lock import BuildLock
from kg.pipeline.progress import SILENT, Reporter
from kg.read.manifest import load as load_manifest

FORMATS = tuple(rdf.FORMATS)


@dataclass
class BuildReport:
    """What a build into a folder did: the summary's figures (kept in the up-to-date record too)."""

    articles: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    parsed: int = 0
    cached: int = 0
    sentences: int = 0
    events: dict[str, int] = field(default_factory=dict)     # event type → count
    entities: dict[str, int] = field(default_factory=dict)   # entity type → count
    files: list[Path] = field(default_factory=list)
    up_to_date: bool = False      # nothing had changed: the outputs were left as they were
    result: Result | None = None  # the build itself (None when up to date)

    def to_record(self) -> dict:
        return {"articles": self.articles, "skipped": [[s.path, s.reason] for s in self.skipped],
                "parsed": self.parsed, "cached": self.cached, "sentences": self.sentences,
                "events": self.events, "entities": self.entities, "files": [str(p) for p in self.files]}

    @classmethod
    def from_record(cls, record: dict) -> BuildReport:
        return cls(record["articles"], [Skipped(p, r) for p, r in record["skipped"]], record["parsed"],
                   record["cached"], record["sentences"], record["events"], record["entities"],
                   [Path(p) for p in record["files"]], up_to_date=True)


def output_files(out: Path, fmt: str = "ttl", html: bool = True) -> list[Path]:
    """The files a build writes into ``out``."""
    return [out / "events.json", out / f"graph.{fmt}"] + ([out / "graph.html"] if html else [])


def build_into(source: Path | str, out: Path | str, fmt: str = "ttl", lang: str = "auto",
               provider: str = "bundled", html: bool = True, store: bool = True, cache: bool = True,
               cache_dir: Path | str | None = None, progress: Reporter | None = None,
               strict: bool = False, jobs: int = 1, scheduler: str | None = None,
               sources: Path | str | None = None) -> BuildReport:
    """Build ``source`` into the folder ``out``: events.json, graph.<fmt>, (``html``) graph.html and
    (``store``) the Oxigraph store graph.oxigraph/.

    Under the folder's lock; an unchanged build (same inputs, options, code
    and models) is recognised from the record and writes nothing; otherwise
    every output is replaced atomically, all together, and an interruption
    leaves the previous outputs (or, once renamed, the complete new ones).
    ``cache=False`` neither reads nor fills the parse cache and the record; ``jobs`` and
    ``scheduler`` say where articles are parsed, ``sources`` is the articles' manifest (see
    :func:`kg.pipeline.stages.build`).
    """
    source, out = Path(source), Path(out)
    progress = progress or Reporter(SILENT)
    if fmt not in rdf.FORMATS:
        raise UsageError(f"unknown RDF format {fmt!r} (choose one of {', '.join(rdf.FORMATS)})")
    manifest = load_manifest(sources) if sources else None    # a bad one fails before anything is written
    outputs = output_files(out, fmt, html)
    store_dir = out / STORE_DIRNAME if store else None
    written = False   # whether the new outputs are in place, for what an interruption says
    previous = any(p.exists() for p in outputs)   # whether there are outputs a failure leaves as they were
    created = not out.exists()
    try:
        with _writing(out):
            lock = BuildLock(out).acquire()
        with lock:
            if lock.previous_pid:
                progress.detail(f"took over the lock left by pid {lock.previous_pid}")
            record = BuildRecord(out / CACHE_DIRNAME)
            key = build_key(source, {"source": str(source), "lang": lang, "provider": provider, "store": str(store),
                                     "sources": str(sources)}, inputs=(Path(sources),) if sources else ())
            have_store = store_dir is None or (store_dir / "CURRENT").is_file()
            known = record.lookup(key, outputs) if cache and have_store else None
            if known is not None:
                progress.info(f"nothing changed since the last build: {out}/ is up to date")
                report = BuildReport.from_record(known)
                for item in report.skipped:   # the same inputs, skipped for the same reasons
                    progress.skipped(item)
                return report
            progress.info(f"reading {source}")
            parses = ParseCache(Path(cache_dir) if cache_dir else out / CACHE_DIRNAME) if cache else None
            result = stages.build(source, lang=lang, provider=provider, cache=parses, progress=progress,
                                  strict=strict, jobs=jobs, scheduler=scheduler, sources=manifest)
            if not result.articles:
                n = len(result.skipped)
                kept = f"; the previous outputs in {out}/ are unchanged" if previous else ""
                raise KgError(f"no article in {source} could be processed ({n} input{'s' * (n != 1)} skipped)"
                              f"{kept}", NOTHING_PROCESSED)
            files = render(result, out, fmt, html, title=f"{source.resolve().name} · kg event graph")
            with _writing(out), _new_store(result, store_dir) as new_store, signals_held():
                atomic_write_all(files)   # a signal during the renames is heard once all are done
                if new_store:
                    graph_store.replace_folder(new_store, store_dir)
                written = True
            for stage, seconds in result.stats.seconds.items():
                progress.detail(f"{stage}: {seconds:.2f}s")
            report = _report(result, outputs + ([store_dir] if store_dir else []))
            if cache:
                record.save(key, files, report.to_record())
            return report
    except KeyboardInterrupt as e:
        left = ("the new outputs in {}/ are complete" if written else
                "the previous outputs in {}/ are unchanged" if previous else "nothing was written to {}/")
        raise type(e)(left.format(out)) from None
    except KgError as e:
        if e.exit_code == NOTHING_PROCESSED and created:   # no empty folder left behind (the lock made it)
            shutil.rmtree(out, ignore_errors=True)
        raise


def render(result: Result, out: Path, fmt: str, html: bool, title: str) -> dict[Path, bytes | str]:
    """Every output file's content, in memory: nothing is written until all are ready."""
    files: dict[Path, bytes | str] = {out / "events.json": events_json.dumps(result),
                                      out / f"graph.{fmt}": rdf.serialize(result.graph, fmt)}
    if html:
        files[out / "graph.html"] = html_page.render(result.graph, title=title)
    return files


@contextmanager
def _new_store(result: Result, folder: Path | None) -> Iterator[Path | None]:
    """The graph in a new Oxigraph store beside ``folder``, for the block to put in place; removed if it does not."""
    new = graph_store.write(rdf.nquads(result.graph), folder) if folder else None
    try:
        yield new
    finally:
        if new is not None:
            shutil.rmtree(new, ignore_errors=True)


@contextmanager
def _writing(out: Path) -> Iterator[None]:
    """An OS error while writing into ``out`` (permissions, full disk) is the user's one-line error."""
    try:
        yield
    except OSError as e:
        raise KgError(f"cannot write to {out}/: {e.strerror or e}") from e


def _report(result: Result, outputs: list[Path]) -> BuildReport:
    s = result.stats
    return BuildReport(len(result.articles), list(result.skipped), s.parsed, s.cached, s.sentences,
                       dict(Counter(e.type for e in result.events)), dict(Counter(e.type for e in result.entities)),
                       outputs, result=result)
