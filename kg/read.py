"""Reading articles from files and folders (minimal: plain text).

API: ``read_path(path)`` yields :class:`Article` or :class:`Skipped` for a
file or a folder (recursively, in a stable order).
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

from kg.model import Article, Skipped

SUFFIXES = (".txt", ".md")


def read_file(path: Path, root: Path) -> list[Article]:
    text = path.read_text(encoding="utf-8")
    rel = path.relative_to(root).as_posix() if path != root else path.name
    return [Article(id=rel, path=path, text=text)]


def read_path(path: Path) -> Iterator[Article | Skipped]:
    root = path if path.is_dir() else path.parent
    files = sorted(p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES) if path.is_dir() else [path]
    for f in files:
        try:
            yield from read_file(f, root)
        except (OSError, UnicodeDecodeError) as e:
            yield Skipped(str(f), str(e))
