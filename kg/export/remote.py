"""A store over HTTP: serving it with Oxigraph's server, pushing a graph to any SPARQL 1.1 Graph Store.

``kg serve`` runs the ``oxigraph`` server binary (the ``oxigraph`` package on
PyPI) on a store folder, on the loopback address and read-only unless asked:
a SPARQL endpoint at ``/query`` for tools and notebooks.

``kg push`` speaks the SPARQL 1.1 Graph Store HTTP Protocol, which Oxigraph,
Fuseki and GraphDB all implement. Each article's named graph is sent with
PUT, which *replaces* that graph on the server, so pushing a rebuilt graph
again leaves each article's mentions and provenance exactly as built, with
nothing lost and nothing twice. The shared part (events, entities) lives in
the default graph; it is merged with POST, as other data may share the
server's default graph, or replaced with PUT when ``replace_default`` says the
server holds only kg's graph. kg's export has no blank nodes, so a merge
never duplicates a triple.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlparse

from pyoxigraph import DefaultGraph, NamedNode, RdfFormat, Store, serialize

from kg.errors import KgError, UsageError

DEFAULT_BIND = "127.0.0.1:7878"
TIMEOUT_S = 120   # one graph's request; a server that takes longer is reported, not waited on forever


def server_binary() -> Path:
    """The ``oxigraph`` executable installed beside this Python (pip puts it in the scripts folder)."""
    for candidate in (Path(sysconfig.get_path("scripts")) / "oxigraph", Path(sys.executable).parent / "oxigraph"):
        if candidate.is_file():
            return candidate
    found = shutil.which("oxigraph")
    if found is None:
        raise KgError("the oxigraph server is not installed: pip install oxigraph")
    return Path(found)


def server_command(store: Path, bind: str = DEFAULT_BIND, writable: bool = False, cors: bool = False) -> list[str]:
    """The command line that serves ``store``; queries see every article's graph (union default graph)."""
    mode = "serve" if writable else "serve-read-only"
    return [str(server_binary()), mode, "--location", str(store), "--bind", bind, "--union-default-graph",
            *(["--cors"] if cors else [])]


def serve(store: Path, bind: str = DEFAULT_BIND, writable: bool = False, cors: bool = False) -> int:
    """Run the server in the foreground until it stops; its exit code. Stopping kg stops the server."""
    from kg.export.store import open_store

    open_store(store)   # a one-line error for a folder that is no store, before the server says it its way
    proc = subprocess.Popen(server_command(store, bind, writable, cors))
    try:
        return proc.wait()
    finally:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


@dataclass
class Pushed:
    """What a push sent: graphs replaced, and triples sent in all."""

    graphs: int = 0
    triples: int = 0


def push(store: Store, endpoint: str, replace_default: bool = False, timeout_s: float = TIMEOUT_S) -> Pushed:
    """Send every graph of ``store`` to the Graph Store at ``endpoint`` (e.g. ``http://host:7878/store``)."""
    url = urlparse(endpoint)
    if url.scheme not in ("http", "https") or not url.netloc:
        raise UsageError(f"--endpoint must be an http(s) URL of a SPARQL Graph Store, not {endpoint!r}")
    done = Pushed()
    named = sorted(store.named_graphs(), key=lambda g: g.value)
    for graph in [DefaultGraph(), *named]:
        triples = [q.triple for q in store.quads_for_pattern(None, None, None, graph)]
        if not triples:
            continue
        body = serialize(triples, format=RdfFormat.N_TRIPLES)
        if isinstance(graph, NamedNode):
            _send("PUT", _graph_url(endpoint, f"graph={quote(graph.value, safe='')}"), body, timeout_s)
        else:
            _send("PUT" if replace_default else "POST", _graph_url(endpoint, "default"), body, timeout_s)
        done.graphs += 1
        done.triples += len(triples)
    return done


def _graph_url(endpoint: str, parameter: str) -> str:
    return f"{endpoint}{'&' if '?' in endpoint else '?'}{parameter}"


def _send(method: str, url: str, body: bytes, timeout_s: float) -> None:
    request = urllib.request.Request(url, data=body, method=method,
                                     headers={"Content-Type": "application/n-triples"})
    try:
        with urllib.request.urlopen(request, timeout=timeout_s) as response:
            response.read()
    except urllib.error.HTTPError as e:
        with e:         # the refusal's body is read, then its connection closed
            detail = " ".join(e.read().decode("utf-8", "replace").split())[:200]
        raise KgError(f"the Graph Store at {url} refused the {method}: HTTP {e.code} {e.reason}"
                      + (f": {detail}" if detail else "")) from e
    except (urllib.error.URLError, OSError) as e:
        reason = getattr(e, "reason", None) or e
        raise KgError(f"cannot reach the Graph Store at {url}: {reason}") from e
