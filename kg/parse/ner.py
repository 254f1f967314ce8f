"""Named-entity recognition: which words of a sentence name a person, a place or an organisation.

A linear-chain CRF (CRFsuite) over features that say as much in lower-cased
as in cased text: the word, its affixes, its shape, and the clusters of the
word vectors built here (``kg.parse.vectors``), each for a window of five words.
The model and its word clusters live in ``kg/models/<lang>/`` (``ner.crfsuite``,
``ner_clusters.tsv``); the card there says how they were trained and scored.
It is one voice among several when kg types an entity (``kg/lang/<code>/ner.yaml``
maps its labels to kg's types).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from kg.parse.nlp import MODELS_DIR

MODEL = "ner.crfsuite"
CLUSTERS = "ner_clusters.tsv"
WINDOW = 2

_DIGITS = re.compile(r"\d")


def shape(word: str) -> str:
    """Word shape with runs collapsed: "Jakarta" → "Xx", "TNI" → "X", "2024" → "d", "al-Aqsa" → "x-Xx"."""
    s = re.sub(r"[A-Z]", "X", re.sub(r"[a-z]", "x", _DIGITS.sub("d", word)))
    return re.sub(r"(.)\1+", r"\1", s)


def word_features(word: str, clusters: dict[str, tuple[str, ...]]) -> dict[str, str | float]:
    """Features of one word on its own (the window is added by :func:`sentence_features`)."""
    low = word.lower()
    f: dict[str, str | float] = {"w": low, "p3": low[:3], "s2": low[-2:], "s3": low[-3:], "shape": shape(word),
                                 "len": str(min(len(word), 8))}
    for i, c in enumerate(clusters.get(low, ())):
        f[f"c{i}"] = c
    if word[:1].isupper():
        f["cap"] = 1.0
    return f


def sentence_features(words: Sequence[str], clusters: dict[str, tuple[str, ...]]) -> list[dict[str, str | float]]:
    """CRFsuite features of every word: its own and its neighbours' (offset-prefixed)."""
    own = [word_features(w, clusters) for w in words]
    out = []
    for i in range(len(words)):
        f: dict[str, str | float] = {"bias": 1.0}
        if i == 0:
            f["first"] = 1.0
        for d in range(-WINDOW, WINDOW + 1):
            j = i + d
            if not 0 <= j < len(words):
                f[f"{d}:pad"] = 1.0
                continue
            keys = own[j] if d == 0 else {k: v for k, v in own[j].items() if k in ("w", "shape", "c0", "c1", "cap")}
            f.update({f"{d}:{k}": v for k, v in keys.items()})
        if i > 0:
            f["-1|0:w"] = f"{own[i - 1]['w']}|{own[i]['w']}"
        out.append(f)
    return out


def read_clusters(path: Path) -> dict[str, tuple[str, ...]]:
    """word TAB cluster-id TAB cluster-id … per line."""
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        word, *ids = line.split("\t")
        out[word] = tuple(ids)
    return out


class Tagger:
    """A trained NER model: BIO tags for the words of a sentence."""

    def __init__(self, model_dir: Path) -> None:
        import pycrfsuite

        self.clusters = read_clusters(model_dir / CLUSTERS)
        self._crf = pycrfsuite.Tagger()
        self._crf.open(str(model_dir / MODEL))

    def tag(self, words: Sequence[str]) -> list[str]:
        return list(self._crf.tag(sentence_features(words, self.clusters))) if words else []


@cache
def tagger(lang: str) -> Tagger | None:
    """The bundled tagger of ``lang``, or None where kg ships none (English types from other evidence)."""
    model_dir = MODELS_DIR / lang
    return Tagger(model_dir) if (model_dir / MODEL).exists() else None
