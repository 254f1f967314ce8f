"""Writing outputs atomically: a reader never sees a half-written file.

``atomic_write`` replaces one file; ``atomic_write_all`` replaces a set of
files (a build's outputs) so that an interruption leaves either all the old
files or all the new ones.
"""
from __future__ import annotations

import os
import signal
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# signals that would interrupt the renames of a set of files; held back while they run
_DEFERRED = {signal.SIGINT, signal.SIGTERM}


def _write_temp(path: Path, data: str | bytes) -> Path:
    """Write ``data`` fully (fsynced) to a temporary file beside ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
            fh.flush()
            os.fsync(fh.fileno())
        # mkstemp makes 0600 files; outputs get the usual permissions
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def atomic_write(path: Path | str, data: str | bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it into place.

    The rename is atomic on POSIX, so an interrupted write leaves the previous
    file intact and no partial one behind.
    """
    path = Path(path)
    tmp = _write_temp(path, data)
    try:
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


@contextmanager
def signals_held() -> Iterator[None]:
    """Hold SIGINT and SIGTERM back while the block runs; one that came meanwhile is delivered after it."""
    old = signal.pthread_sigmask(signal.SIG_BLOCK, _DEFERRED)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def atomic_write_all(files: dict[Path, str | bytes]) -> None:
    """Replace several files as one step: all new, or (if interrupted) all old.

    Every file is first written to a temporary file beside its target; only
    then are they renamed into place, with SIGINT and SIGTERM held back for
    the few microseconds the renames take (a held-back signal is delivered
    right after, so the process still stops).
    """
    temps: dict[Path, Path] = {}
    try:
        for path, data in files.items():
            temps[Path(path)] = _write_temp(Path(path), data)
        with signals_held():
            for path, tmp in temps.items():
                os.replace(tmp, path)
    finally:
        for tmp in temps.values():
            tmp.unlink(missing_ok=True)
