"""Oxigraph stores: where kg's SPARQL runs.

A store is a folder Oxigraph keeps its indexes in (``kg build`` writes one
beside the graph file, ``kg load`` fills one from exported files); opening it
costs milliseconds however big the graph, which is what makes ``kg query
STORE`` answer a million triples in a second or two. A graph *file* is loaded
into an in-memory store for one query instead. Articles keep their named
graphs in a store, and queries see the union of all graphs, as they do on a
TriG file.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from pyoxigraph import RdfFormat, Store

from kg.errors import KgError, UsageError

STORE_DIRNAME = "graph.oxigraph"   # the store ``kg build`` writes into its output folder

# kg's graph file extensions → Oxigraph's parsers (.nq: what a store dumps)
FORMATS = {".ttl": RdfFormat.TURTLE, ".nt": RdfFormat.N_TRIPLES, ".trig": RdfFormat.TRIG,
           ".jsonld": RdfFormat.JSON_LD, ".nq": RdfFormat.N_QUADS}


def is_store(path: Path) -> bool:
    """A folder is taken for a store; anything else for a graph file."""
    return Path(path).is_dir()


def open_store(path: Path | str) -> Store:
    """A store folder, read-only (several readers, and a running ``kg serve``, may share it)."""
    path = Path(path)
    if not (path / "CURRENT").is_file():   # RocksDB's marker file: every Oxigraph store has one
        raise KgError(f"{path}: not an Oxigraph store (make one with `kg build` or `kg load FILE --store {path}`)")
    try:
        return Store.read_only(str(path))
    except OSError as e:
        raise KgError(f"{path}: cannot open the store: {_one_line(e)}") from e


def open_graph(path: Path | str) -> Store:
    """A store folder as it is, or a graph file loaded into a store in memory."""
    path = Path(path)
    if is_store(path):
        return open_store(path)
    store = Store()
    load_file(store, path)
    return store


def load_file(store: Store, path: Path) -> None:
    """Add one exported graph file (ttl, nt, trig, jsonld, nq) to ``store``, in its own named graphs if it has any."""
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise UsageError(f"{path}: unknown RDF file type {path.suffix or '(none)'!r} (expected {', '.join(FORMATS)})")
    if not path.is_file():
        raise KgError(f"{path}: no such file")
    if fmt == RdfFormat.JSON_LD:
        from kg.export.rdf_read import refuse_remote_contexts

        refuse_remote_contexts(path)
    try:
        store.bulk_load(path=str(path), format=fmt)
    except (SyntaxError, ValueError, OSError) as e:
        raise KgError(f"{path}: not valid {fmt.name}: {_one_line(e)[:300]}") from e


def load(paths: list[Path], folder: Path) -> int:
    """Load graph files into the store at ``folder`` (made if missing); the number of quads it then holds.

    Every file is checked and loaded into a copy first, so a bad file leaves
    the store as it was. The store is compacted at the end: a bulk load leaves
    many small index files, and reading them makes queries about 1.5× slower.
    """
    folder = Path(folder)
    if folder.exists() and not is_store(folder):
        raise KgError(f"{folder}: exists and is not a folder")
    if folder.is_dir() and any(folder.iterdir()) and not (folder / "CURRENT").is_file():
        raise KgError(f"{folder}: not an Oxigraph store, and not empty: refusing to write into it")
    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".tmp", dir=folder.parent))
    try:
        if (folder / "CURRENT").is_file():
            Store.read_only(str(folder)).backup(str(tmp / "store"))
        store = Store(str(tmp / "store"))
        for path in paths:
            load_file(store, Path(path))
        store.optimize()
        count = len(store)
        del store
        replace_folder(tmp / "store", folder)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return count


def write(nquads: bytes, folder: Path) -> Path:
    """A new store holding ``nquads``, made beside ``folder``; returned for :func:`replace_folder` to put in place."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".tmp", dir=folder.parent))
    store = Store(str(tmp))
    store.bulk_load(nquads, format=RdfFormat.N_QUADS)
    store.optimize()
    del store
    return tmp


def replace_folder(new: Path, folder: Path) -> None:
    """Put the folder ``new`` where ``folder`` is: two renames, then the old one is removed."""
    old = None
    if folder.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".old", dir=folder.parent))
        os.replace(folder, old / "store")
    os.replace(new, folder)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _one_line(e: BaseException) -> str:
    return " ".join(str(e).split()) or type(e).__name__
