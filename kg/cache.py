"""A cache of parses, so that re-running a build does not re-parse what has not changed.

A parse depends only on the text handed to the parser (the article text and
the dateline kept out of it), the models and kg's own code, so that is the
key: sha256 over those, never over the article's path or id — a renamed or
copied article is still a hit. Entries are gzipped JSON (not pickle: a cache
folder may be shared, and loading it must never run code), written
atomically so that concurrent or interrupted builds leave no half entry; an
unreadable entry is a miss.
"""
from __future__ import annotations

import dataclasses
import gzip
import hashlib
import json
import logging
from pathlib import Path

import kg
from kg.io import atomic_write
from kg.model import Article, Sentence, Token

# bump when the stored layout changes
FORMAT = 1
CACHE_DIRNAME = ".kg-cache"
log = logging.getLogger(__name__)
_TOKEN_FIELDS = [f.name for f in dataclasses.fields(Token)]
_SENTENCE_FIELDS = [f.name for f in dataclasses.fields(Sentence)]


class ParseCache:
    """Parsed sentences of articles, keyed by content and model version."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.hits = 0
        self.misses = 0
        self.broken = False  # set when writing failed once: do not try again for every article

    def key(self, article: Article, model_version: str) -> str:
        h = hashlib.sha256()
        dateline = (article.dateline.start, article.dateline.end) if article.dateline else None
        # the token and sentence layouts are part of the key: a changed data model is a miss
        for part in (f"kg {kg.__version__} cache {FORMAT}", model_version, repr(_TOKEN_FIELDS),
                     repr(_SENTENCE_FIELDS), repr(dateline), article.text):
            h.update(part.encode("utf-8", "surrogatepass"))
            h.update(b"\0")
        return h.hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json.gz"

    def get(self, key: str, article: Article) -> list[Sentence] | None:
        """The cached sentences (texts re-cut from ``article``), or None."""
        try:
            rows = json.loads(gzip.decompress(self._path(key).read_bytes()))
            sentences = [_sentence(row, article) for row in rows]
        except (OSError, EOFError, ValueError, TypeError, IndexError):
            self.misses += 1
            return None
        self.hits += 1
        return sentences

    def put(self, key: str, sentences: list[Sentence]) -> None:
        """Store a parse; a cache that cannot be written (full disk, read-only) only costs speed."""
        if self.broken:
            return
        rows = [[s.index, s.start, s.end, [[getattr(t, f) for f in _TOKEN_FIELDS] for t in s.tokens]]
                for s in sentences]
        raw = json.dumps(rows, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")
        try:
            atomic_write(self._path(key), gzip.compress(raw, compresslevel=6, mtime=0))
        except OSError as e:
            self.broken = True
            log.warning("parses are not cached: cannot write to %s (%s)", self.folder, e.strerror or e)


def _sentence(row: list, article: Article) -> Sentence:
    index, start, end, tokens = row
    return Sentence(index=index, start=start, end=end, text=article.text[start:end],
                    tokens=[Token(*t) for t in tokens])
