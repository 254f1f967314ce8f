"""Shared fixtures: the real bundled parser and the seed articles, built once per test session."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def seed_dir() -> Path:
    """The two sample articles (examples/articles/*.txt)."""
    return REPO / "examples" / "articles"


@pytest.fixture(scope="session")
def parser():
    """kg's bundled Stanza pipeline (``KG_MODELS_DIR`` picks another models folder)."""
    from kg.parse import nlp

    return nlp.get_parser("id", "bundled")


@pytest.fixture(scope="session")
def english():
    """kg's bundled English Stanza pipeline (trained on UD English-EWT)."""
    from kg.parse import nlp

    return nlp.get_parser("en", "bundled")


@pytest.fixture(scope="session")
def examples(seed_dir, parser):
    """The two sample articles read, parsed and built once per session by the real pipeline (bundled models).

    Tests that need the examples' parses, graph or export start from this
    ``kg.model.Result`` instead of parsing the articles again.
    """
    import kg

    result = kg.build(seed_dir)
    assert len(result.articles) == 2 and not result.skipped, result.skipped
    return result
