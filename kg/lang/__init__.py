"""The languages kg reads: one :class:`Language` per folder ``kg/lang/<code>/``.

A folder holds one language's linguistic knowledge as YAML data files, each
documenting its own format at its top. They are read once per process and
checked against :mod:`kg.lang.schema`: an unknown file, an unknown or
misspelled key, or a value of the wrong kind fails loudly with the file and
the key. The known languages are exactly the folders present — adding one is
adding a folder — and asking for any other is an error, never a quiet
fallback to another language.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from kg.errors import KgError
from kg.lang import schema

LANG_DIR = Path(__file__).resolve().parent
# node labels are worded in one language, whatever the articles' languages, so that one
# entity has one label ("President of Brazil" from "Presiden Brasil" and "Brazil's President")
LABEL_LANGUAGE = "en"


class UnknownLanguage(KgError):
    """A language code with no folder under kg/lang/."""


@dataclass(frozen=True)
class Language:
    """One language's data files, read and checked."""

    code: str
    folder: Path
    files: Mapping[str, Mapping[str, Any]]   # file name without .yaml → its (checked) content

    def data(self, name: str) -> Mapping[str, Any]:
        """The content of ``<name>.yaml`` ({} when this language has no such file)."""
        if name not in schema.FILES:
            raise KeyError(f"kg/lang has no data file kind {name!r}")
        return self.files.get(name, MappingProxyType({}))


def label(template: str, **fields: str) -> str:
    """A node label: the label language's ``labels.yaml`` template ``template`` with ``fields`` filled in."""
    return get(LABEL_LANGUAGE).data("labels")[template].format(**fields)


def codes() -> tuple[str, ...]:
    """The codes of the languages kg knows: the folders of kg/lang/ that hold data files."""
    return _codes(LANG_DIR)


def known(code: str) -> bool:
    return code in codes()


def get(code: str) -> Language:
    """The language ``code``, loaded and checked on first use."""
    if not known(code):
        raise UnknownLanguage(f"kg has no language {code!r}: it knows {', '.join(codes())} "
                              f"(the folders of {LANG_DIR})")
    return _load(LANG_DIR, code)


def every() -> list[Language]:
    """Every known language, in code order (for knowledge shared by all: names, outlets)."""
    return [get(c) for c in codes()]


@lru_cache(maxsize=None)
def _codes(root: Path) -> tuple[str, ...]:
    return tuple(sorted(p.name for p in root.iterdir() if p.is_dir() and any(p.glob("*.yaml"))))


@lru_cache(maxsize=None)
def _load(root: Path, code: str) -> Language:
    folder = root / code
    files = {}
    for path in sorted(folder.glob("*.yaml")):
        files[path.stem] = MappingProxyType(read_file(path))
    return Language(code, folder, MappingProxyType(files))


def read_file(path: Path) -> dict[str, Any]:
    """One data file, parsed and checked against its schema (KgError naming the file and key)."""
    spec = schema.FILES.get(path.stem)
    if spec is None:
        raise KgError(f"{path}: not a kg data file (known: {', '.join(f'{n}.yaml' for n in schema.FILES)})")
    try:
        # libyaml's loader where PyYAML has it: the same safe subset, several times faster
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as e:
        raise KgError(f"{path}: not valid YAML ({e.__class__.__name__})") from e
    except (OSError, UnicodeDecodeError) as e:
        raise KgError(f"{path}: cannot be read ({e})") from e
    data = {} if data is None else data
    found = schema.problems(data, spec)
    if found:
        raise KgError(f"{path}: {found[0]}" + (f" (and {len(found) - 1} more)" if len(found) > 1 else ""))
    return data
