"""Oxigraph stores end to end: ``kg load``, ``kg query STORE``, and the real ``oxigraph`` server behind
``kg serve`` and ``kg push``, started and stopped here on a free port of 127.0.0.1."""
from __future__ import annotations

import json
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from cli_run import ENV, command, kg
from test_query import PRESETS
from test_rdf import sample_graph

from kg.export import query, rdf, remote, store

WAIT_S = 30   # the longest a server may take to answer its first request


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http(url: str, data: bytes | None = None, method: str = "GET", accept: str = "",
         content_type: str = "application/n-triples") -> bytes:
    headers = {"Accept": accept} if accept else {}
    if data is not None:
        headers["Content-Type"] = content_type
    request = urllib.request.Request(url, data=data, method=method, headers=headers)
    with urllib.request.urlopen(request, timeout=WAIT_S) as response:
        return response.read()


@contextmanager
def running(cmd: list[str], port: int) -> Iterator[str]:
    """A server process answering on 127.0.0.1:port (bounded wait), stopped with SIGTERM at the end."""
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=ENV)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + WAIT_S
        while True:
            try:
                http(f"{base}/query?query=" + urllib.parse.quote("ASK {}"))
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(f"the server did not start: {proc.communicate()[0]!r}") from None
                time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=WAIT_S)
        proc.stdout.close()


def sparql(base: str, text: str) -> list[dict]:
    """A SELECT over HTTP, as {variable: value} rows."""
    raw = http(f"{base}/query", text.encode(), "POST", "application/sparql-results+json", "application/sparql-query")
    return [{k: v["value"] for k, v in b.items()} for b in json.loads(raw)["results"]["bindings"]]


def count(base: str, graph: str | None = None) -> int:
    where = f"GRAPH <{graph}> {{ ?s ?p ?o }}" if graph else "{ ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } }"
    return int(sparql(base, f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}")[0]["n"])


def answers(source: Path) -> dict[str, str]:
    data = store.open_graph(source)
    return {name: query.format_result(query.run(data, query.preset(name).text), "json") for name in PRESETS}


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("graphs")
    g = sample_graph()
    out = {}
    for fmt in rdf.FORMATS:
        out[fmt] = folder / f"graph.{fmt}"
        out[fmt].write_bytes(rdf.serialize(g, fmt))
    return out


@pytest.fixture(scope="module")
def loaded(files, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("store") / "kg.oxigraph"
    proc = kg("load", files["trig"], "--store", folder)
    assert proc.returncode == 0, proc.stderr
    return folder


def test_load_then_query_store_answers_as_the_file(loaded, files) -> None:
    assert answers(loaded) == answers(files["ttl"])
    proc = kg("query", loaded, "--preset", "who-called-whom")
    assert proc.returncode == 0 and "Anthony Albanese  talked with  Prabowo Subianto" in proc.stdout


@pytest.mark.parametrize("fmt", ["ttl", "nt", "jsonld"])
def test_every_format_loads_into_a_store(files, tmp_path, fmt) -> None:
    assert store.load([files[fmt]], tmp_path / "s") > 0
    assert answers(tmp_path / "s") == answers(files["trig"])


def test_trig_keeps_each_articles_named_graph(loaded) -> None:
    names = {g.value for g in store.open_store(loaded).named_graphs()}
    assert names and all("/article/" in n for n in names)


def test_loading_again_duplicates_nothing(loaded, files, tmp_path) -> None:
    once = store.load([files["trig"]], tmp_path / "s")
    assert store.load([files["trig"], files["trig"]], tmp_path / "s") == once


def test_bad_file_leaves_the_store_as_it_was(loaded, files, tmp_path) -> None:
    folder = tmp_path / "s"
    before = store.load([files["trig"]], folder)
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .", encoding="utf-8")
    proc = kg("load", files["nt"], bad, "--store", folder)
    assert proc.returncode == 1 and proc.stderr.startswith(f"kg: error: {bad}: not valid Turtle")
    assert proc.stderr.count("\n") == 1
    assert len(store.open_store(folder)) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_query_on_a_folder_that_is_no_store(tmp_path) -> None:
    proc = kg("query", tmp_path, "--preset", "timeline")
    assert proc.returncode == 1 and "not an Oxigraph store" in proc.stderr and proc.stderr.count("\n") == 1


def test_serve_answers_sparql_over_http_read_only(loaded) -> None:
    before = len(store.open_store(loaded))
    port = free_port()
    with running(command("serve", loaded, "--bind", f"127.0.0.1:{port}"), port) as base:
        rows = sparql(base, query.preset("who-called-whom").text)
        assert [(r["who"], r["whom"], r["article"]) for r in rows] == [
            ("Anthony Albanese", "Prabowo Subianto", "berita/001 call.txt"),
            ("Anthony Albanese", "Prabowo Subianto", "feed.jsonl#3")]
        with pytest.raises(urllib.error.HTTPError) as refused:
            http(f"{base}/update", b"INSERT DATA { <urn:a> <urn:b> <urn:c> }", "POST", "", "application/sparql-update")
        assert refused.value.code in (403, 404, 405)
        refused.value.close()      # the refusal holds the response and its socket
    assert len(store.open_store(loaded)) == before   # stopped, and the store is as it was


def test_push_replaces_each_article_graph_so_a_re_push_loses_and_duplicates_nothing(files, tmp_path) -> None:
    port = free_port()
    server = [str(remote.server_binary()), "serve", "--location", str(tmp_path / "server"),
              "--bind", f"127.0.0.1:{port}"]
    with running(server, port) as base:
        endpoint = f"{base}/store"
        http(f"{endpoint}?default", b"<urn:other> <urn:p> <urn:data> .\n", "PUT")   # someone else's triple
        source = store.open_graph(files["trig"])
        proc = kg("push", files["trig"], "--endpoint", endpoint)
        assert proc.returncode == 0, proc.stderr
        first = count(base)
        assert first == len(source) + 1
        assert kg("push", files["trig"], "--endpoint", endpoint).returncode == 0
        assert count(base) == first
        # the same article graph, with one triple changed on the server: a re-push restores it exactly
        article = sorted(g.value for g in source.named_graphs())[0]
        size = count(base, article)
        http(f"{endpoint}?graph={urllib.parse.quote(article, safe='')}", b"<urn:stale> <urn:p> <urn:o> .\n", "POST")
        assert count(base, article) == size + 1
        assert kg("push", files["trig"], "--endpoint", endpoint).returncode == 0
        assert count(base, article) == size and count(base) == first
        assert sparql(base, "SELECT ?s WHERE { <urn:other> ?p ?s }") == [{"s": "urn:data"}]


def test_push_to_nothing_is_one_line(files) -> None:
    proc = kg("push", files["ttl"], "--endpoint", f"http://127.0.0.1:{free_port()}/store")
    assert proc.returncode == 1 and "cannot reach the Graph Store" in proc.stderr and proc.stderr.count("\n") == 1
    proc = kg("push", files["ttl"], "--endpoint", "ftp://example.org/x")
    assert proc.returncode == 2 and "http(s) URL" in proc.stderr
