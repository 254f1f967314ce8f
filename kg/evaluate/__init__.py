"""Scoring a build against hand-annotated gold (``kg evaluate``).

``gold`` reads and checks gold files (``load_gold``, ``load_golds``) and matches
gold names to entities; ``mentions`` scores event mentions, arguments and dates
(``evaluate`` → ``Report``); ``nodes`` scores how gold events landed on the
graph's nodes and how entities were typed.

>>> from kg.evaluate import evaluate, load_golds   # doctest: +SKIP
>>> evaluate(kg.build("../shared/eval/dev"), load_golds([Path("../shared/eval")]))   # doctest: +SKIP
"""
from __future__ import annotations

from kg.evaluate.gold import default_articles, default_sources, load_gold, load_golds
from kg.evaluate.mentions import Report, Score, evaluate
from kg.evaluate.nodes import Nodes, score_typing

__all__ = ["Nodes", "Report", "Score", "default_articles", "default_sources", "evaluate", "load_gold", "load_golds",
           "score_typing"]
