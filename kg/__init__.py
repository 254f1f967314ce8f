"""kg: event knowledge graphs from news.

>>> import kg
>>> result = kg.build("examples/articles")      # doctest: +SKIP
>>> result.graph.number_of_nodes()             # doctest: +SKIP
>>> kg.build_into("examples/articles", "outputs")  # doctest: +SKIP  (what ``kg build`` does)
"""
from __future__ import annotations

from typing import Any

__version__ = "0.1.0"
# the name on PyPI (``kg`` there is another project); the command and the package stay ``kg``
DISTRIBUTION = "kg-news"
__all__ = ["build", "build_into", "Result"]


def __getattr__(name: str) -> Any:
    # lazy: ``import kg`` stays fast; Stanza and torch load only when parsing
    if name == "build":
        from kg.pipeline.stages import build

        return build
    if name == "build_into":
        from kg.pipeline.outputs import build_into

        return build_into
    if name == "Result":
        from kg.model import Result

        return Result
    raise AttributeError(name)
