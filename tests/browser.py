"""Headless Chromium for the browser tests and the benchmark: Debian's chromium, driven by Playwright.

No browser is downloaded (``playwright install`` is never needed): Playwright's
Python package drives the system binary through ``executable_path``. A missing
browser or package is an error that says how to install it, never a skip.
"""
from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import playwright.sync_api

CHROMIUM_PATHS = ("/usr/lib/chromium/chromium", "/usr/bin/chromium")
# another Chromium (or Chrome) binary for the tests; the README's test step names it
CHROMIUM_ENV = "KG_CHROMIUM"
MISSING = ("Chromium not found{where}: the browser tests need it. Install it (Debian: `apt-get install -y "
           f"chromium`, Ubuntu: `snap install chromium`; .ci/run does) or set {CHROMIUM_ENV}=/path/to/chromium")
# generous: the machines running the tests share their cores with model training
TIMEOUT_MS = 180_000
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def chromium_path() -> str:
    """$KG_CHROMIUM, else Debian's chromium, else one on PATH; an error that says how to get one, never a skip."""
    chosen = os.environ.get(CHROMIUM_ENV)
    if chosen:
        if Path(chosen).is_file():
            return chosen
        raise RuntimeError(MISSING.format(where=f" at {CHROMIUM_ENV}={chosen}"))
    for path in CHROMIUM_PATHS:
        if Path(path).is_file():
            return path
    on_path = shutil.which("chromium") or shutil.which("chromium-browser")   # Ubuntu's snap: /snap/bin
    if on_path:
        return on_path
    raise RuntimeError(MISSING.format(where=" at " + ", ".join(CHROMIUM_PATHS) + " or on PATH"))


@contextlib.contextmanager
def browser_context(viewport: tuple[int, int] = (1400, 900)) -> Iterator[playwright.sync_api.BrowserContext]:
    """A fresh Chromium profile (new user-data dir), closed and removed afterwards."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as e:
        raise RuntimeError("Playwright is missing: `pip install -e '.[test]'` (no `playwright install` needed)") from e
    executable = chromium_path()
    profile = tempfile.mkdtemp(prefix="kg-chromium-")
    try:
        with sync_playwright() as p:
            context = p.chromium.launch_persistent_context(
                profile, executable_path=executable, headless=True, args=CHROMIUM_ARGS,
                viewport={"width": viewport[0], "height": viewport[1]})
            context.set_default_timeout(TIMEOUT_MS)
            context.set_default_navigation_timeout(TIMEOUT_MS)
            try:
                yield context
            finally:
                context.close()
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def wait_for(page: playwright.sync_api.Page, expression: str, timeout_s: float = TIMEOUT_MS / 1000) -> object:
    """Poll a JS expression until it is truthy; returns its value.

    ``page.wait_for_function`` evaluates its predicate with ``eval``, which the
    page's Content-Security-Policy forbids; ``page.evaluate`` goes through the
    DevTools protocol, which the policy does not govern.
    """
    deadline = time.monotonic() + timeout_s
    while True:
        value = page.evaluate(expression)
        if value:
            return value
        if time.monotonic() > deadline:
            raise TimeoutError(f"{expression!r} still falsy after {timeout_s:.0f} s")
        page.wait_for_timeout(50)
