"""Running the real ``kg`` command in a subprocess, as a user does (shared by the CLI tests)."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

# the Stanza training in the background owns the other core
ENV = {**os.environ, "OMP_NUM_THREADS": "1"}


def command(*args: object) -> list[str]:
    return [sys.executable, "-m", "kg", *map(str, args)]


def kg(*args: object, cwd: Path | None = None, timeout: float = 600) -> subprocess.CompletedProcess:
    """``kg ARGS…``: exit code, stdout and stderr."""
    return subprocess.run(command(*args), capture_output=True, text=True, cwd=cwd, env=ENV, timeout=timeout)


def _hear_ctrl_c() -> None:
    # a test run in the background (nohup, &) ignores SIGINT, and children would inherit that
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def kg_background(*args: object, stderr: Path) -> subprocess.Popen:
    """``kg ARGS…`` started and left running, its stderr going to a file that tests watch."""
    with open(stderr, "w") as err:
        return subprocess.Popen(command(*args), stdout=subprocess.DEVNULL, stderr=err, env=ENV,
                                preexec_fn=_hear_ctrl_c)


def skipped_lines(stderr: str) -> dict[str, str]:
    """``kg: skipped PATH: REASON`` lines as {PATH: REASON}."""
    out = {}
    for line in stderr.splitlines():
        if line.startswith("kg: skipped "):
            path, _, reason = line[len("kg: skipped "):].partition(": ")
            out[path] = reason
    return out
