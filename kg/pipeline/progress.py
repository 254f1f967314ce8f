"""What a build tells its user while it runs: progress, skipped inputs, notes.

On a terminal, a tqdm bar over the articles (rate and ETA); otherwise
(logs, CI, pipes) a plain line every few seconds. Skipped inputs are always
reported, one line each, even with ``--quiet``.
"""
from __future__ import annotations

import sys
import time
from contextlib import ExitStack
from typing import TextIO

import click
from tqdm import tqdm
from tqdm.contrib.logging import logging_redirect_tqdm

from kg.model import Skipped

# SILENT: nothing at all (the API default); QUIET: only skipped inputs
SILENT, QUIET, NORMAL, VERBOSE = -1, 0, 1, 2


def _duration(seconds: float) -> str:
    seconds = int(round(seconds))
    return f"{seconds // 60}m{seconds % 60:02d}s" if seconds >= 60 else f"{seconds}s"


def _speed(done: int, seconds: float) -> str:
    """"2.1/s" when articles go by faster than one a second, else "26s per article" (never "0.0/s")."""
    if seconds > 0 and done >= seconds:
        return f"{done / seconds:.1f}/s"
    return f"{_duration(seconds / done)} per article"


class Reporter:
    """Receives the pipeline's events; prints them for a human at the chosen verbosity."""

    def __init__(self, verbosity: int = NORMAL, stream: TextIO | None = None,
                 tty: bool | None = None, log_every: float = 5.0) -> None:
        self.verbosity = verbosity
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty() if tty is None else tty
        self.log_every = log_every
        self._bar: tqdm | None = None
        self._while_bar = ExitStack()   # log lines go through the bar while it is shown
        self._total = 0
        self._done = 0
        self._t0 = 0.0
        self._last_log = 0.0

    def _echo(self, line: str) -> None:
        if self._bar is not None:
            self._bar.write(line, file=self.stream)
        else:
            click.echo(line, file=self.stream)

    def info(self, message: str) -> None:
        if self.verbosity >= NORMAL:
            self._echo(f"kg: {message}")

    def detail(self, message: str) -> None:
        if self.verbosity >= VERBOSE:
            self._echo(f"kg: {message}")

    def skipped(self, item: Skipped) -> None:
        if self.verbosity > SILENT:
            self._echo(f"kg: skipped {item.path}: {item.reason}")

    def start(self, total: int, what: str = "parsing") -> None:
        self._total, self._done = total, 0
        self._t0 = self._last_log = time.monotonic()
        if not total:
            return
        if self.verbosity >= NORMAL and self.tty:
            self._bar = tqdm(total=total, desc=f"kg: {what}", unit="article", file=self.stream,
                             dynamic_ncols=True, leave=False)
            self._while_bar.enter_context(logging_redirect_tqdm())
        else:
            self.info(f"{what} {total} article{'s' * (total != 1)}")

    def advance(self, article_id: str) -> None:
        self._done += 1
        if self._bar is not None:
            self._bar.update(1)
            return
        now = time.monotonic()
        if self.verbosity >= NORMAL and now - self._last_log >= self.log_every and self._done < self._total:
            self._last_log = now
            elapsed = now - self._t0
            eta = elapsed / self._done * (self._total - self._done)
            speed = _speed(self._done, elapsed)
            self.info(f"{self._done}/{self._total} articles ({speed}, about {_duration(eta)} left)")

    def finish(self) -> None:
        if self._bar is not None:
            self._while_bar.close()
            self._bar.close()
            self._bar = None
