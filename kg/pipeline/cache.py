"""A cache of parses, so that re-running a build does not re-parse what has not changed.

A parse depends only on the text handed to the parser (the article text and
the dateline kept out of it), the models and kg's parsing code (kg/parse/nlp.py:
segmentation, offsets), so that is the key: sha256 over those, never over the article's path or id — a renamed or
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
import os
import re
from functools import lru_cache
from pathlib import Path

import kg
from kg.io import atomic_write
from kg.model import Article, Sentence, Token
from kg.parse import nlp

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
        # the token and sentence layouts are part of the key: a changed data model is a miss, and
        # so is a changed spelling table of the language (what the parser is given to read)
        spelled = repr(sorted(nlp.spelling(article.language).items()))
        for part in (f"kg {kg.__version__} cache {FORMAT}", model_version, _parser_code(), repr(_TOKEN_FIELDS),
                     repr(_SENTENCE_FIELDS), repr(dateline), spelled, article.text):
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


@lru_cache(maxsize=1)
def _parser_code() -> str:
    """A digest of kg/parse/nlp.py: a change to how kg cuts and aligns what Stanza parses is a miss."""
    return hashlib.sha256(Path(nlp.__file__).read_bytes()).hexdigest()


def _sentence(row: list, article: Article) -> Sentence:
    index, start, end, tokens = row
    return Sentence(index=index, start=start, end=end, text=article.text[start:end],
                    tokens=[Token(*t) for t in tokens])


class BuildRecord:
    """What the last build into an output folder was made from and what it wrote.

    A re-run with nothing changed — the same input files byte for byte, the
    same options, kg code, data files, models and library versions — whose
    outputs are still in place has nothing to do: it only repeats the last
    report, without reading, parsing or extracting anything (loading the
    language identifier, gazetteers and date parser alone takes seconds).
    Any change, even to one input file, means a real build, which the parse
    cache keeps quick.
    """

    NAME = "last-build.json"

    def __init__(self, folder: Path) -> None:
        self.path = Path(folder) / self.NAME

    def lookup(self, key: str, outputs: list[Path]) -> dict | None:
        """The stored report when ``key`` matches and every output is as written then."""
        try:
            record = json.loads(self.path.read_text(encoding="utf-8"))
            if record["key"] != key or sorted(record["outputs"]) != sorted(str(p) for p in outputs):
                return None
            if any(_sha256(Path(p).read_bytes()) != digest for p, digest in record["outputs"].items()):
                return None
            return record["report"]
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def save(self, key: str, files: dict[Path, bytes | str], report: dict) -> None:
        outputs = {str(p): _sha256(d.encode("utf-8") if isinstance(d, str) else d) for p, d in files.items()}
        try:
            atomic_write(self.path, json.dumps({"key": key, "outputs": outputs, "report": report},
                                               ensure_ascii=False, indent=1))
        except OSError as e:
            log.warning("the build record is not saved: %s", e.strerror or e)


def build_key(source: Path, options: dict[str, str], inputs: tuple[Path, ...] = ()) -> str:
    """A digest of everything a build's outputs depend on (``inputs``: other files read, e.g. a manifest)."""
    h = hashlib.sha256()
    _feed(h, f"kg {kg.__version__} record {FORMAT}", json.dumps(options, sort_keys=True))
    _feed(h, *(f"{name}=={version}" for name, version in _library_versions()))
    for root in _code_roots():
        _feed_tree(h, root, content=lambda p: p.suffix != ".pt")   # models: size and time, not 100 MB of bytes
    for path in (source, *inputs):
        _feed_tree(h, path, content=lambda p: True)
    return h.hexdigest()


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _feed(h: hashlib._Hash, *parts: str) -> None:
    for part in parts:
        h.update(part.encode("utf-8", "surrogateescape"))
        h.update(b"\0")


def _feed_tree(h: hashlib._Hash, root: Path, content) -> None:
    """Every file under ``root`` (or ``root`` itself): its path, and its bytes or its size and time.

    Links to folders are recorded, not followed, as the reader does; an
    unreadable file is recorded as such (its skip line depends on it).
    """
    paths = [root] if not root.is_dir() else sorted(
        Path(d) / n for d, dirs, files in os.walk(root) for n in dirs + files if n != "__pycache__")
    for p in paths:
        rel = p.relative_to(root).as_posix() if p != root else p.name
        if p.is_symlink() and not p.is_file():   # a link to a folder (not followed) or a broken one
            _feed(h, rel, "link", os.readlink(p))
        elif p.is_file():
            try:
                if content(p):
                    _feed(h, rel, _sha256(p.read_bytes()))
                else:
                    st = p.stat()
                    _feed(h, rel, str(st.st_size), str(st.st_mtime_ns))
            except OSError as e:
                _feed(h, rel, "unreadable", str(e.errno))
        elif p.is_dir():
            _feed(h, rel, "dir")


def _code_roots() -> list[Path]:
    """kg's code and data files, its models and its ontology."""
    from kg.export.vocab import ONTOLOGY_FILE
    from kg.parse import nlp

    return [Path(kg.__file__).parent, nlp.MODELS_DIR, ONTOLOGY_FILE]


def _library_versions() -> list[tuple[str, str]]:
    """The libraries kg depends on, with their installed versions (data such as CLDR comes with them)."""
    from importlib import metadata

    try:
        requires = metadata.requires(kg.DISTRIBUTION) or []
    except metadata.PackageNotFoundError:   # run from a checkout that is not installed
        return [(kg.DISTRIBUTION, "not installed")]
    out = []
    for req in requires:
        if "extra ==" in req:
            continue
        name = re.split(r"[<>=!~ ;\[]", req, maxsplit=1)[0]
        try:
            out.append((name, metadata.version(name)))
        except metadata.PackageNotFoundError:
            out.append((name, "missing"))
    return sorted(out)
