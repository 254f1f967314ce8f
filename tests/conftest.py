"""Shared fixtures: the real bundled parser (loaded once per test session) and the seed articles."""
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
    from kg import nlp

    return nlp.get_parser("id", "bundled")


@pytest.fixture(scope="session")
def english():
    """kg's bundled English Stanza pipeline (trained on UD English-EWT)."""
    from kg import nlp

    return nlp.get_parser("en", "bundled")
