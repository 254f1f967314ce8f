"""kg: event knowledge graphs from news.

>>> import kg
>>> result = kg.build("examples/articles")      # doctest: +SKIP
>>> result.graph.number_of_nodes()             # doctest: +SKIP
"""
from __future__ import annotations

from typing import Any

__version__ = "0.1.0"
# the name on PyPI (``kg`` there is another project); the command and the package stay ``kg``
DISTRIBUTION = "kg-news"
__all__ = ["build", "Result"]


def __getattr__(name: str) -> Any:
    # lazy: ``import kg`` stays fast; Stanza and torch load only when parsing
    if name in ("build", "Result"):
        from kg import pipeline

        return getattr(pipeline, name)
    raise AttributeError(name)
