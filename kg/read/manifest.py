"""A manifest: what a folder of plain-text articles cannot say about itself.

Scraped news usually comes as one text file per article plus one table of
where each came from: URL, outlet, publication date (the dev set's
``sources.jsonl``, a spreadsheet exported as CSV). The publication date is
what turns "on Sunday" into a day, and tells two calls a month apart from
one call reported twice, so kg reads it instead of guessing from the text.

A record names its article by ``file`` (or ``path``): the path relative to
the articles folder ("2025/a-id-01.txt", "feed.jsonl#3") or, when that is
unambiguous, the bare file name. Its other fields, all optional:
``published`` (or ``date``), ``url``, ``outlet`` (or ``source``),
``title``, ``language`` (or ``lang``). What the manifest says wins over what
kg infers from the article, since the user said it.
"""
from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from dataclasses import dataclass, field, fields, replace
from datetime import date
from pathlib import Path
from typing import Any

from kg import lang as languages
from kg.errors import KgError
from kg.model import Skipped
from kg.read import pubdate

SUFFIXES = (".jsonl", ".csv")
ALIASES = {"file": ("file", "path"), "published": ("published", "date"), "url": ("url",),
           "outlet": ("outlet", "source"), "title": ("title",), "language": ("language", "lang")}


@dataclass
class Meta:
    """What a file format or a manifest tells about an article besides its text."""

    title: str | None = None
    url: str | None = None
    published: date | None = None
    outlet: str | None = None
    language: str | None = None

    def updated(self, other: Meta | None) -> Meta:
        """This metadata with every field ``other`` knows taken from ``other``."""
        if other is None:
            return self
        return replace(self, **{f.name: getattr(other, f.name) for f in fields(other)
                                if getattr(other, f.name) is not None})


def language_tag(value: str | None) -> str | None:
    """The language of a tag ("id", "en-GB"); anything else is left to detection."""
    tag = re.match(r"([a-z]{2,3})(?:[-_][a-z0-9]+)*$", (value or "").strip().lower())
    return tag.group(1) if tag else None


@dataclass
class Manifest:
    """Manifest records by the article they describe."""

    source: str
    by_path: dict[str, Meta] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)   # a file name found once -> its path
    used: set[str] = field(default_factory=set)
    problems: list[Skipped] = field(default_factory=list)   # records left out, and why

    def get(self, rel: str) -> Meta | None:
        """The record of the article at ``rel`` (posix path under the articles folder), if any."""
        key = rel if rel in self.by_path else self.names.get(rel.rsplit("/", 1)[-1])
        if key is None:
            return None
        self.used.add(key)
        return self.by_path[key]

    def unused(self) -> int:
        """How many records matched no article read so far (a typo in a file name, a missing file)."""
        return len(self.by_path) - len(self.used)


def load(path: Path | str) -> Manifest:
    """The manifest in ``path`` (.jsonl or .csv).

    A file kg cannot use at all raises KgError (one line); a bad record is
    left out and said in ``problems`` (as a build says a bad article), so
    one typo does not cost the dates of every other article.
    """
    path = Path(path)
    if path.suffix.lower() not in SUFFIXES:
        raise KgError(f"{path}: a manifest is a .jsonl or .csv file")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise KgError(f"{path}: not UTF-8 text") from None
    except OSError as e:
        raise KgError(f"{path}: cannot read the manifest: {e.strerror or e}") from None
    manifest = Manifest(str(path))
    for where, record in _records(text, path, manifest.problems):
        try:
            rel, meta = _meta(record)
        except ValueError as e:
            manifest.problems.append(Skipped(f"{path} {where}", str(e)))
            continue
        if rel in manifest.by_path:
            manifest.problems.append(Skipped(f"{path} {where}", f"a second record for '{rel}' (the first is used)"))
            continue
        manifest.by_path[rel] = meta
    names = Counter(rel.rsplit("/", 1)[-1] for rel in manifest.by_path)
    manifest.names = {rel.rsplit("/", 1)[-1]: rel for rel in manifest.by_path if names[rel.rsplit("/", 1)[-1]] == 1}
    return manifest


def _records(text: str, path: Path, problems: list[Skipped]) -> list[tuple[str, dict[str, Any]]]:
    if path.suffix.lower() == ".csv":
        table = csv.DictReader(io.StringIO(text), strict=True)
        try:
            if not set(ALIASES["file"]) & set(table.fieldnames or ()):
                raise KgError(f"{path}: no 'file' column in the header row")
            return [(f"row {n}", row) for n, row in enumerate(table, 2)]
        except csv.Error as e:
            raise KgError(f"{path}: not a CSV table ({e})") from None
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            problems.append(Skipped(f"{path} line {n}", f"invalid JSON ({e.msg})"))
            continue
        if isinstance(record, dict):
            out.append((f"line {n}", record))
        else:
            problems.append(Skipped(f"{path} line {n}", "not a JSON object"))
    return out


def _meta(record: dict[str, Any]) -> tuple[str, Meta]:
    """The article a record names and what it says of it; ValueError says what is wrong with it."""
    def value(name: str) -> str | None:
        for key in ALIASES[name]:
            v = record.get(key)
            if isinstance(v, (str, int, float)) and str(v).strip():
                return str(v).strip()
        return None

    rel = value("file")
    if rel is None:
        raise ValueError("no 'file' naming the article")
    language = language_tag(value("language"))
    published = None
    if (when := value("published")) is not None:
        # month names of the record's language, else of any language kg reads ("5 Mei 2025")
        published = next(filter(None, (pubdate.parse_date(when, code)
                                       for code in dict.fromkeys([language or "en", *languages.codes()]))), None)
        if published is None:
            raise ValueError(f"'{when}' is not a date with a day, month and year")
    rel = rel.replace("\\", "/")
    rel = rel[2:] if rel.startswith("./") else rel
    return rel, Meta(title=value("title"), url=value("url"), published=published, outlet=value("outlet"),
                     language=language)
