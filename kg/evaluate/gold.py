"""Gold annotation files (``seed-gold/N``): reading, checking, and joining a set.

A development set comes as several gold files beside an ``articles`` folder
(``../shared/eval/dev``: gold-a/b/c.json). ``load_golds`` reads files and
folders into one gold dict, so that a real-world event (a ``cluster``) told
in articles of different files is scored as one, and entities that two files
both declare under one key become one entity with the union of their
aliases. Two files that give one key to different entities keep both: the
later file's key is prefixed with its file name. ``GoldNames`` tells which
gold entity a system entity stands for, by name.
"""
from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from kg.errors import KgError
from kg.model import Entity

GOLD_FORMAT = "seed-gold/"
ARTICLES_DIRNAME = "articles"      # where a gold folder keeps its articles
SOURCES_FILENAME = "sources.jsonl"  # and its articles' outlets, URLs, publication dates (kg.read.manifest)


def load_gold(path: Path | str) -> dict[str, Any]:
    """Read and check one gold file; a malformed one is a one-line :class:`KgError`."""
    try:
        gold = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise KgError(f"cannot read gold file {path}: {e}") from e
    check_gold(gold, str(path))
    return gold


def check_gold(gold: Any, name: str = "gold") -> None:
    if not isinstance(gold, dict) or not isinstance(gold.get("articles"), list):
        raise KgError(f"{name}: not a gold file (expected an object with an 'articles' list)")
    fmt = gold.get("format", "")
    if fmt and not str(fmt).startswith(GOLD_FORMAT):
        raise KgError(f"{name}: unsupported gold format {fmt!r} (expected {GOLD_FORMAT}N)")
    for i, art in enumerate(gold["articles"]):
        if not isinstance(art, dict) or "article" not in art:
            raise KgError(f"{name}: article #{i + 1} has no 'article' name")
        for j, ev in enumerate(art.get("events", [])):
            span = ev.get("trigger_span") if isinstance(ev, dict) else None
            if not (isinstance(span, list) and len(span) == 2 and all(isinstance(x, int) for x in span)
                    and "type" in ev):
                raise KgError(f"{name}: {art['article']} event #{j + 1} needs 'type' and 'trigger_span' [start, end]")


def gold_files(paths: list[Path]) -> list[Path]:
    """The gold files named: files as given, folders by their ``*.json`` files."""
    files: list[Path] = []
    for path in paths:
        found = sorted(path.glob("*.json")) if path.is_dir() else [path]
        if not found:
            raise KgError(f"{path}: no gold file (*.json) in this folder")
        files += [f for f in found if f not in files]
    return files


def default_articles(paths: list[Path]) -> Path | None:
    """The ``articles`` folder a gold folder (or a gold file's folder) keeps, if exactly one."""
    found = {(p if p.is_dir() else p.parent) / ARTICLES_DIRNAME for p in paths}
    found = {d for d in found if d.is_dir()}
    return found.pop() if len(found) == 1 else None


def default_sources(paths: list[Path]) -> Path | None:
    """The manifest (``sources.jsonl``) a gold folder (or a gold file's folder) keeps, if exactly one."""
    found = {(p if p.is_dir() else p.parent) / SOURCES_FILENAME for p in paths}
    found = {f for f in found if f.is_file()}
    return found.pop() if len(found) == 1 else None


def load_golds(paths: list[Path]) -> dict[str, Any]:
    """One gold dict from gold files and folders (see the module docstring)."""
    files = gold_files(paths)
    golds = [(f, load_gold(f)) for f in files]
    if len(golds) == 1:
        return golds[0][1]
    merged: dict[str, Any] = {"format": f"{GOLD_FORMAT}1", "types": {"primary": [], "secondary": []},
                              "entities": {}, "articles": []}
    seen: dict[str, Path] = {}
    for path, gold in golds:
        for group in ("primary", "secondary"):
            merged["types"][group] += [t for t in gold.get("types", {}).get(group, [])
                                       if t not in merged["types"][group]]
        renames = _merge_entities(merged["entities"], gold.get("entities", {}), path.stem)
        for art in gold["articles"]:
            if art["article"] in seen:
                raise KgError(f"{path}: article {art['article']} is annotated in {seen[art['article']]} too")
            seen[art["article"]] = path
            merged["articles"].append(_renamed(art, renames) if renames else art)
    return merged


def _merge_entities(into: dict[str, dict], entities: dict[str, dict], stem: str) -> dict[str, str]:
    """Add ``entities`` to ``into``; the keys renamed because they meant another entity there."""
    renames = {}
    for key, ent in entities.items():
        old = into.get(key)
        if old is None:
            into[key] = dict(ent)
        elif old.get("name") == ent.get("name") and old.get("type") == ent.get("type"):
            old["aliases"] = [*old.get("aliases", []),
                              *(a for a in ent.get("aliases", []) if a not in old.get("aliases", []))]
        else:
            renames[key] = f"{stem}:{key}"
    for key, new in renames.items():
        ent = dict(entities[key])
        if ent.get("affiliation") in renames:
            ent["affiliation"] = renames[ent["affiliation"]]
        into[new] = ent
    return renames


def _renamed(art: dict[str, Any], renames: dict[str, str]) -> dict[str, Any]:
    """``art`` with its events' entity keys renamed."""
    def keys(ids: list[str]) -> list[str]:
        return [renames.get(k, k) for k in ids]

    events = []
    for ev in art.get("events", []):
        ev = {**ev, "participants": keys(ev.get("participants", [])), "places": keys(ev.get("places", []))}
        if "roles" in ev:
            ev["roles"] = {role: keys(ids) for role, ids in ev["roles"].items()}
        events.append(ev)
    return {**art, "events": events}


class GoldNames:
    """Maps system entities (or unresolved mention texts) to gold entity keys by name."""

    def __init__(self, gold_entities: dict[str, dict], entities: list[Entity]) -> None:
        self.gold: dict[str, set[str]] = defaultdict(set)
        for key, ent in gold_entities.items():
            for name in [ent.get("name", ""), *ent.get("aliases", [])]:
                if name:
                    self.gold[name.casefold()].add(key)
        self.affiliation = {key: ent["affiliation"] for key, ent in gold_entities.items() if ent.get("affiliation")}
        self.entities = {e.id: e for e in entities}

    def closure(self, keys: set[str]) -> set[str]:
        """Keys plus what they belong to in the gold: an armed force found is its country found."""
        out = set(keys)
        while True:
            more = {self.affiliation[k] for k in out if k in self.affiliation} - out
            if not more:
                return out
            out |= more

    def _keys(self, names: list[str]) -> set[str]:
        return {k for n in names for k in self.gold.get(n.casefold(), ())}

    def key(self, entity_ids: list[str], text: str, want: set[str]) -> frozenset[str]:
        """Gold keys for one system argument: one per entity it resolved to.

        An entity that fits several gold entities counts as the one the gold
        mention expects, if any; one that fits none stays a system-only key.
        """
        if not entity_ids:
            keys = self._keys([text])
            return frozenset({_pick(keys, want) if keys else f"text:{text.casefold()}"})
        out = set()
        for eid in entity_ids:
            ent = self.entities.get(eid)
            keys = self._keys([ent.label, *ent.aliases]) if ent else set()
            out.add(_pick(keys, want) if keys else f"entity:{eid}")
        return frozenset(out)


def _pick(keys: set[str], want: set[str]) -> str:
    return min(keys & want) if keys & want else min(keys)
