"""Errors a user sees as one line, and the exit codes the CLI documents."""
from __future__ import annotations

# Exit codes (documented in ``kg --help`` and the README).
OK = 0
FAILURE = 1          # the command could not do its job (bad graph file, missing models …)
USAGE = 2            # wrong arguments or a malformed query
SOME_SKIPPED = 3     # the build finished, but some inputs were skipped
NOTHING_PROCESSED = 4  # no input could be processed
INTERRUPTED_INT = 130
INTERRUPTED_TERM = 143


class KgError(Exception):
    """An error with a message fit for users; the CLI prints it on one line."""

    exit_code = FAILURE

    def __init__(self, message: str, exit_code: int | None = None) -> None:
        super().__init__(message)
        if exit_code is not None:
            self.exit_code = exit_code


class UsageError(KgError):
    exit_code = USAGE
