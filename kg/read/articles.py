"""Reading articles from files and folders: plain text, markdown, HTML and JSON records.

API: ``read_path(path, lang="auto", max_bytes=MAX_BYTES)`` yields an
:class:`~kg.model.Article` or a :class:`~kg.model.Skipped` (file and a
one-line reason) for a file or a folder, recursively and in a stable
(sorted) order. No bad file makes it raise: real folders hold empty files,
binaries named ``.txt``, legacy encodings and broken JSON, and a user wants
the rest read and one line about each problem. ``article_from_text`` makes
an Article from a string, with the same analysis.
"""
from __future__ import annotations

import json
import logging
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

from kg.model import Article, Skipped
from kg.read import langid, layout, pubdate
from kg.read.manifest import Manifest, Meta, language_tag
from kg.read.textfile import NotText, decode

TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")
JSON_SUFFIXES = (".jsonl", ".json")
SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSON_SUFFIXES
# formats users drop into article folders that kg cannot read: said, not ignored
UNSUPPORTED = {".pdf": "PDF", ".doc": "Word", ".docx": "Word", ".odt": "OpenDocument", ".rtf": "RTF"}
# a single article is far smaller; a bigger file is a dump to split (or raise the limit)
MAX_BYTES = 20 * 1024 * 1024

log = logging.getLogger(__name__)


def read_path(path: Path | str, lang: str = "auto", max_bytes: int | None = MAX_BYTES,
              manifest: Manifest | None = None) -> Iterator[Article | Skipped]:
    """Articles (or reasons for skipping) from a file or a folder.

    ``lang``: "auto" detects each article's language, a code ("id", "en")
    forces it. ``max_bytes``: larger files are skipped (None: no limit).
    ``manifest``: metadata by file (:mod:`kg.read.manifest`), over the file's own.
    Hidden files and folders are ignored, links to folders are not followed
    (so link loops cannot hang), files of other types are ignored except
    documents kg cannot read (PDF, Word …), which are reported.
    """
    path = Path(path)
    if path.is_dir():
        items = _walk(path)
        root = path
    elif path.exists() or path.is_symlink():
        items, root = [path], path.parent
    else:
        yield Skipped(str(path), "no such file or folder")
        return
    for item in items:
        if isinstance(item, Skipped):
            yield item
        else:
            yield from _read_file(item, root, lang, max_bytes, manifest)


def _walk(root: Path) -> list[Path | Skipped]:
    """Files under ``root`` in sorted order, and what was left out on the way."""
    found: list[tuple[tuple[str, ...], Path | Skipped]] = []

    def add(p: Path, item: Path | Skipped) -> None:
        found.append((p.relative_to(root).parts, item))

    def unreadable(err: OSError) -> None:
        p = Path(err.filename)
        add(p, Skipped(str(p), f"cannot read folder: {err.strerror}"))

    for dirpath, dirnames, filenames in os.walk(root, onerror=unreadable):
        here = Path(dirpath)
        for d in list(dirnames):
            if d.startswith("."):
                dirnames.remove(d)
            elif (here / d).is_symlink():
                dirnames.remove(d)
                add(here / d, Skipped(str(here / d), "link to a folder, not followed"))
        for name in filenames:
            suffix = Path(name).suffix.lower()
            if name.startswith("."):
                continue
            if suffix in SUFFIXES:
                add(here / name, here / name)
            elif suffix in UNSUPPORTED:
                add(here / name, Skipped(str(here / name), f"{UNSUPPORTED[suffix]} files are not supported "
                                         "(convert to .txt, .html or .jsonl)"))
    return [item for _, item in sorted(found, key=lambda f: f[0])]


def _read_file(path: Path, root: Path, lang: str, max_bytes: int | None,
               manifest: Manifest | None) -> Iterator[Article | Skipped]:
    shown = str(path)
    rel = path.relative_to(root).as_posix()
    listed = manifest.get if manifest is not None else lambda _rel: None
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        yield Skipped(shown, f"unsupported file type '{suffix or path.name}' (use .txt, .md, .html, .json, .jsonl)")
        return
    try:
        raw = _read_bytes(path, max_bytes)
        if isinstance(raw, Skipped):
            yield raw
            return
        decoded = decode(raw)
        if decoded.note:
            log.warning("%s: %s", shown, decoded.note)
        if decoded.encoding not in ("utf-8", "utf-8-sig"):
            log.info("%s: decoded as %s", shown, decoded.encoding)
        if suffix in HTML_SUFFIXES:
            yield _from_html(decoded.text, rel, path, lang, listed(rel))
        elif suffix in JSON_SUFFIXES:
            yield from _from_json(decoded.text, rel, path, lang, jsonl=suffix == ".jsonl", listed=listed)
        else:
            yield article_from_text(decoded.text, rel, path, lang, listed(rel))
    except NotText as e:
        yield Skipped(shown, str(e))
    except PermissionError:
        yield Skipped(shown, "permission denied")
    except OSError as e:
        yield Skipped(shown, f"cannot read: {e.strerror or e}")
    except Exception as e:  # a bad file must not stop the folder: say it, keep going
        log.debug("reading %s failed", shown, exc_info=True)
        yield Skipped(shown, f"could not be read ({type(e).__name__}: {e})")


def _read_bytes(path: Path, max_bytes: int | None) -> bytes | Skipped:
    """The file's bytes, or why not: never more than ``max_bytes`` + 1 are read."""
    st = path.stat()
    if not stat.S_ISREG(st.st_mode):
        return Skipped(str(path), "not a regular file")
    if max_bytes is not None and st.st_size > max_bytes:
        return Skipped(str(path), _too_large(st.st_size, max_bytes))
    with path.open("rb") as fh:
        raw = fh.read(-1 if max_bytes is None else max_bytes + 1)
    if max_bytes is not None and len(raw) > max_bytes:
        return Skipped(str(path), _too_large(len(raw), max_bytes))
    if not raw.strip():
        return Skipped(str(path), "empty file")
    return raw


def _too_large(size: int, limit: int) -> str:
    return (f"too large ({size / 2**20:.1f} MB, the limit is {limit / 2**20:.0f} MB: "
            "a dump of many articles? split it into one file per article)")


def _from_html(html: str, rel: str, path: Path, lang: str, listed: Meta | None) -> Article | Skipped:
    """The main text of a web page (trafilatura), without menus, scripts or styles."""
    import trafilatura

    # the date from the page's metadata only: htmldate's extensive search would take an event's
    # date from the text ("pada Kamis (15/5/2025)") for the publication date
    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_images=False,
                                      include_links=False, include_tables=True, favor_recall=True,
                                      date_extraction_params={"extensive_search": False, "original_date": True})
    if doc is None or not (doc.text or "").strip():
        return Skipped(str(path), "no main text found in the HTML page")
    published = pubdate.parse_date(doc.date, lang if lang != "auto" else "en") if doc.date else None
    meta = Meta(title=doc.title or None, url=doc.url or None, published=published, outlet=doc.sitename or None)
    return article_from_text(doc.text, rel, path, lang, meta.updated(listed))


def _from_json(text: str, rel: str, path: Path, lang: str, jsonl: bool,
               listed: Callable[[str], Meta | None]) -> Iterator[Article | Skipped]:
    """Records with ``text`` and optional ``title``, ``url``, ``date``, ``source``, ``language``.

    A .jsonl record is "file.jsonl#N", N its line number; a .json file holds
    one record (id: the file) or a list of them ("file.json#N", from 1).
    """
    shown = str(path)
    if jsonl:
        numbered = []
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                numbered.append((n, json.loads(line), f"line {n}"))
            except json.JSONDecodeError as e:
                yield Skipped(shown, f"line {n}: invalid JSON ({e.msg})")
        if not numbered:
            return
    else:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as e:
            yield Skipped(shown, f"invalid JSON ({e.msg} at line {e.lineno})")
            return
        records = data if isinstance(data, list) else [data]
        numbered = [(n, r, f"record {n}") for n, r in enumerate(records, 1)]
        if not isinstance(data, list):
            numbered = [(None, data, "the record")]
    if not numbered:
        yield Skipped(shown, "no records")   # "[]"
    for n, record, where in numbered:
        record_id = rel if n is None else f"{rel}#{n}"
        if not isinstance(record, dict):
            yield Skipped(shown, f"{where}: not a JSON object")
        elif not isinstance(record.get("text"), str) or not record["text"].strip():
            yield Skipped(shown, f"{where}: no 'text'")
        else:
            meta = _record_meta(record, lang).updated(listed(record_id))
            yield article_from_text(record["text"], record_id, path, lang, meta, shown if n is None else f"{shown}#{n}")


def _record_meta(record: dict, lang: str) -> Meta:
    def value(name: str) -> str | None:
        v = record.get(name)
        return (str(v).strip() or None) if isinstance(v, (str, int, float)) else None

    language = language_tag(value("language") or value("lang"))
    when = value("date")
    return Meta(title=value("title"), url=value("url"), outlet=value("source"), language=language,
                published=pubdate.parse_date(when, language or (lang if lang != "auto" else "en")) if when else None)


def article_from_text(text: str, article_id: str, path: Path | None = None, lang: str = "auto",
                      meta: Meta | None = None, shown: str | None = None) -> Article | Skipped:
    """An Article with its layout (boilerplate, title, dateline, date, language) analysed.

    A text with nothing left once its boilerplate is marked is Skipped, under
    the name ``shown`` (default: the path).
    """
    meta = meta or Meta()
    path = path or Path(article_id)
    shown = shown or str(path)
    if not text.strip():
        return Skipped(shown, "empty text")
    if lang != "auto":
        language = lang
    else:
        language = meta.language or langid.detect(text)[0]
    found = layout.analyse(text, language, meta.title)
    if not found.has_content:
        return Skipped(shown, "no article text after boilerplate")
    return Article(id=article_id, path=path, text=text, title=found.title, outlet=meta.outlet or found.outlet,
                   url=meta.url, published=meta.published or found.published,
                   dateline_place=found.dateline_place, dateline=found.dateline, language=language,
                   boilerplate=found.boilerplate, body_start=found.body_start)
