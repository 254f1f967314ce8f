"""Parsing and extraction of many articles: in batches, in parallel processes, or on a Dask cluster.

Articles are parsed :data:`BATCH` at a time, in one Stanza call per batch
(Stanza fills its own batches with sentences from all of them), and each
batch is one task for a worker: parse, then extract. The batches are cut from
the article order alone, never from the number of workers, and results come
back in article order, so a build is byte for byte the same whatever
``--jobs`` or scheduler runs it.

The client (the ``kg build`` process) keeps everything that needs the whole
folder: reading, the parse cache (an article found there travels with its
sentences, and the worker only extracts), resolution and export. A worker
loads its own parser the first time it needs one: the bundled models come
with the kg package installed on it (``KG_MODELS_DIR`` points elsewhere).
"""
from __future__ import annotations

import logging
import os
import signal
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial

from kg.errors import KgError
from kg.model import Article, EntityMention, EventMention, ParsedArticle, Sentence

BATCH = 4        # articles per Stanza call and per task
CONNECT_S = 10   # how long to try reaching a Dask scheduler

log = logging.getLogger(__name__)

Task = tuple[Article, "list[Sentence] | None"]   # an article, with its sentences when the cache had them


@dataclass
class Outcome:
    """What became of one article in a worker: its parse and mentions, or why it is skipped."""

    sentences: list[Sentence] = field(default_factory=list)
    entity_mentions: list[EntityMention] = field(default_factory=list)
    event_mentions: list[EventMention] = field(default_factory=list)
    skipped: str | None = None
    no_model: bool = False     # skipped because its language has no model: every such article will be


def default_jobs() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def batches(tasks: list[Task]) -> list[list[Task]]:
    return [tasks[i:i + BATCH] for i in range(0, len(tasks), BATCH)]


def work(batch: list[Task], provider: str, strict: bool) -> list[Outcome]:
    """Parse the articles of one batch that need it (one Stanza call per language), then extract each."""
    from kg.pipeline.stages import extract

    outcomes = [Outcome(sentences=s) if s is not None else None for _, s in batch]
    todo: dict[str, list[int]] = {}
    for i, (article, sentences) in enumerate(batch):
        if sentences is None:
            todo.setdefault(article.language, []).append(i)
    for lang, indices in todo.items():
        for i, outcome in zip(indices, _parse(lang, [batch[i][0] for i in indices], provider, strict)):
            outcomes[i] = outcome
    for (article, _), outcome in zip(batch, outcomes):
        if outcome.skipped is None:
            try:
                outcome.entity_mentions, outcome.event_mentions = extract(ParsedArticle(article, outcome.sentences))
            except KgError as e:
                outcome.skipped = str(e)
            except Exception as e:  # one article's failure must not cost the whole folder
                if strict:
                    raise
                outcome.skipped = _bug("extract events from", article, e)
    return outcomes


def _parse(lang: str, articles: list[Article], provider: str, strict: bool) -> list[Outcome]:
    """Outcomes with the sentences of ``articles`` (all in ``lang``), or why each could not be parsed."""
    from kg.parse import nlp
    from kg.pipeline.stages import no_model_reason

    try:
        parser = nlp.get_parser(lang, provider)
    except nlp.ModelsMissing as e:
        return [Outcome(skipped=no_model_reason(lang, provider, str(e)), no_model=True) for _ in articles]
    try:
        return [Outcome(sentences=s) for s in parser.parse_many(articles)]
    except Exception:   # some article of the batch fails: parse them one by one to skip just that one
        log.debug("a batch failed; parsing its articles one by one", exc_info=True)
    outcomes = []
    for article in articles:
        try:
            outcomes.append(Outcome(sentences=parser.parse(article)))
        except KgError as e:   # no pre-parsed CoNLL-U beside it …
            outcomes.append(Outcome(skipped=str(e)))
        except Exception as e:
            if strict:
                raise
            outcomes.append(Outcome(skipped=_bug("parse", article, e)))
    return outcomes


def _bug(stage: str, article: Article, e: Exception) -> str:
    log.debug("failed on %s", article.path, exc_info=True)
    return (f"kg could not {stage} it ({type(e).__name__}: {e}); "
            "this is a kg bug: please report it (--debug shows details)")


def run(tasks: list[Task], provider: str, strict: bool, jobs: int = 1,
        scheduler: str | None = None) -> Iterator[Outcome]:
    """Every task's outcome, in task order: in this process, in ``jobs`` processes, or on a Dask scheduler."""
    chunks = batches(tasks)
    do = partial(work, provider=provider, strict=strict)
    if scheduler:
        results = _on_dask(do, chunks, scheduler, jobs)
    elif jobs > 1 and len(chunks) > 1:
        results = _in_processes(do, chunks, min(jobs, len(chunks)))
    else:
        results = map(do, chunks)
    for outcomes in results:
        yield from outcomes


def _quiet_worker() -> None:
    """A worker process leaves Ctrl-C to the build, which stops it, and parses on one core of its own."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    import torch

    torch.set_num_threads(1)


def _in_processes(do: Callable[[list[Task]], list[Outcome]], chunks: list[list[Task]],
                  jobs: int) -> Iterator[list[Outcome]]:
    import multiprocessing

    # spawn: a fresh interpreter per worker, never a fork of a process that may hold torch's threads
    pool = multiprocessing.get_context("spawn").Pool(jobs, initializer=_quiet_worker)
    try:
        yield from pool.imap(do, chunks)
        pool.close()
        pool.join()
    finally:
        pool.terminate()


def _on_dask(do: Callable[[list[Task]], list[Outcome]], chunks: list[list[Task]], scheduler: str,
             jobs: int) -> Iterator[list[Outcome]]:
    """The batches as tasks on a Dask cluster: ``local`` starts one on this machine with ``jobs`` workers."""
    from distributed import Client, LocalCluster

    cluster = None
    try:
        if scheduler == "local":
            cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None,
                                   host="127.0.0.1")
            client = Client(cluster)
        else:
            client = Client(scheduler, timeout=CONNECT_S)
    except OSError as e:
        raise KgError(f"cannot reach the Dask scheduler at {scheduler}: {e}") from e
    try:
        futures = client.map(do, chunks, pure=False)
        for future in futures:
            yield future.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
