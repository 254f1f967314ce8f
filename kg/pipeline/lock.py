"""One build at a time per output folder.

A lock file in the output folder is held with ``flock`` for the whole build:
the kernel drops the lock when its process dies, however it dies, so a lock
left by a crashed or killed build is simply taken over. The holder's pid is
written into the file only to tell the user who holds it.
"""
from __future__ import annotations

import fcntl
import os
from pathlib import Path
from types import TracebackType

from kg.errors import KgError

LOCK_NAME = ".kg-build.lock"


class OutputLocked(KgError):
    """Another live build holds the output folder."""


class BuildLock:
    """Exclusive, non-blocking lock on ``folder``; use as a context manager."""

    def __init__(self, folder: Path) -> None:
        self.path = Path(folder) / LOCK_NAME
        self.previous_pid: int | None = None   # pid found in a lock file we took over
        self._fd: int | None = None

    def acquire(self) -> BuildLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        while True:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                pid = _read_pid(fd)
                os.close(fd)
                who = f" (pid {pid})" if pid else ""
                raise OutputLocked(f"another kg build is writing to {self.path.parent}/{who}; "
                                   "wait for it to finish or choose another -o folder") from None
            # the holder we waited on may have unlinked the file meanwhile: lock the file on disk
            try:
                same = os.stat(self.path).st_ino == os.fstat(fd).st_ino
            except FileNotFoundError:
                same = False
            if same:
                break
            os.close(fd)
        self.previous_pid = _read_pid(fd)
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self._fd = fd
        return self

    def release(self) -> None:
        if self._fd is None:
            return
        # unlink while still holding the lock: a waiting build re-checks the inode
        self.path.unlink(missing_ok=True)
        os.close(self._fd)
        self._fd = None

    def __enter__(self) -> BuildLock:
        return self if self._fd is not None else self.acquire()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.release()


def _read_pid(fd: int) -> int | None:
    raw = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    return int(raw) if raw.isdigit() else None
