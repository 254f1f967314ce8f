"""``kg load``, ``kg serve``, ``kg push``: the graph in an Oxigraph store, over HTTP, and on another server."""
from __future__ import annotations

from pathlib import Path

import click

from kg.cli import cli
from kg.export.remote import DEFAULT_BIND


@cli.command("load")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--store", "folder", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="The store folder; made if missing, added to if it exists.")
def load_cmd(files: tuple[Path, ...], folder: Path) -> None:
    """Load exported graph FILES (.ttl, .nt, .trig, .jsonld, .nq) into the Oxigraph store --store DIR.

    TriG keeps each article's named graph. A file that cannot be read leaves
    the store as it was. Then: `kg query DIR --preset timeline`, `kg serve DIR`.
    """
    from kg.export import store

    count = store.load(list(files), folder)
    click.echo(f"{folder}: {count:,} quads after loading {len(files)} file{'s' if len(files) != 1 else ''}")


@cli.command("serve")
@click.argument("folder", metavar="STORE", type=click.Path(file_okay=False, path_type=Path))
@click.option("--bind", default=DEFAULT_BIND, show_default=True,
              help="Address and port to listen on; 0.0.0.0:PORT opens it to the network.")
@click.option("--writable", is_flag=True, help="Accept SPARQL updates and Graph Store writes (read-only otherwise).")
@click.option("--cors", is_flag=True, help="Let web pages from other origins query it.")
def serve_cmd(folder: Path, bind: str, writable: bool, cors: bool) -> None:
    """Serve STORE over HTTP with Oxigraph's SPARQL server until Ctrl-C.

    \b
    SPARQL endpoint: http://BIND/query   (GET ?query=… or POST)
    Graph Store:     http://BIND/store   (GET; PUT/POST/DELETE with --writable)
    Queries see the union of every article's graph, as `kg query` does.
    """
    from kg.export import remote

    click.echo(f"kg: serving {folder} on http://{bind}/query ({'read-write' if writable else 'read-only'})",
               err=True)
    code = remote.serve(folder, bind, writable, cors)
    if code:
        from kg.errors import KgError

        raise KgError(f"the oxigraph server stopped with exit code {code}")


@cli.command("push")
@click.argument("source", metavar="FILE|STORE", type=click.Path(path_type=Path))
@click.option("--endpoint", required=True, metavar="URL",
              help="The SPARQL 1.1 Graph Store, e.g. http://localhost:7878/store (Oxigraph), "
                   "http://localhost:3030/ds/data (Fuseki).")
@click.option("--replace-default", is_flag=True,
              help="Replace the server's default graph too (only when it holds nothing but kg's graph).")
def push_cmd(source: Path, endpoint: str, replace_default: bool) -> None:
    """Send the graph in FILE|STORE to a SPARQL Graph Store.

    Each article's named graph replaces the one of the same name on the
    server, so pushing again loses and duplicates nothing; the events and
    entities of the default graph are merged into the server's.
    """
    from kg.export import remote, store

    done = remote.push(store.open_graph(source), endpoint, replace_default)
    click.echo(f"pushed {done.triples:,} triples in {done.graphs} graph{'s' if done.graphs != 1 else ''} to {endpoint}")
