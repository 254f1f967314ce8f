"""A big kg graph from a small one: N copies of its N-Triples/N-Quads lines under new IRIs.

Every instance IRI (``<base>KIND/ID``) becomes ``<base>KIND/c<n>-ID`` in copy n, so
each copy is its own events, actors and articles, of the same kinds and with the
same labels (``kg view`` still tells an event from an actor); lines without one
(the ontology's) are the same in every copy and are written once. Shared by
the benchmarks that need a graph of archive size.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from kg.export.vocab import DEFAULT_BASE

MARK = f"<{DEFAULT_BASE}"
_KIND = re.compile(re.escape(MARK) + r"([^/>]+)/")
_IDENTIFIER = "<http://purl.org/dc/terms/identifier> \""


def own_lines(lines: list[str]) -> int:
    """How many lines each copy adds."""
    return sum(MARK in line for line in lines)


def copied(lines: list[str], copies: int, identifiers: bool = False) -> Iterator[str]:
    """The lines of ``copies`` copies; ``identifiers`` renames the ``dcterms:identifier`` values too
    (``kg view`` keys nodes by them, so without it the copies would fold into one)."""
    yield from (line for line in lines if MARK not in line)
    for n in range(copies):
        for line in lines:
            if MARK in line:
                line = _KIND.sub(rf"\g<0>c{n}-", line)
                yield line.replace(_IDENTIFIER, f"{_IDENTIFIER}c{n}-") if identifiers else line
