"""``kg view``: the interactive HTML page of an exported graph."""
from __future__ import annotations

import webbrowser
from pathlib import Path
from typing import TYPE_CHECKING

import click

from kg.cli import cli
from kg.export.html import DEFAULT_MAX_NODES

if TYPE_CHECKING:
    import networkx as nx


@cli.command("view")
@click.argument("graph", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write the page  [default: GRAPH with .html]")
@click.option("--title", help="Page title  [default: the graph file's name]")
@click.option("--max-nodes", type=click.IntRange(min=1), default=DEFAULT_MAX_NODES, show_default=True,
              help="Above this many nodes the page opens on the most-mentioned ones.")
@click.option("--open", "open_browser", is_flag=True, help="Open the page in the default browser.")
def view_cmd(graph: Path, output: Path | None, title: str | None, max_nodes: int, open_browser: bool) -> None:
    """Write the interactive HTML graph of GRAPH (.ttl, .jsonld, .nt or .trig, as `kg build` exports it).

    The page is one self-contained file: it works offline and makes no
    network request.
    """
    from kg.export import rdf_read

    output = output or graph.with_suffix(".html")
    if output.resolve() == graph.resolve():
        raise click.UsageError(f"the page would overwrite the graph {graph}; choose another -o")
    g = rdf_read.to_networkx(rdf_read.load(graph))
    write_page(g, output, title or f"{graph.name} · kg event graph", max_nodes)
    click.echo(f"wrote {output} ({g.number_of_nodes()} nodes, {g.number_of_edges()} edges)")
    if open_browser and not webbrowser.open(output.resolve().as_uri()):
        click.echo(f"kg: no browser could be started; open {output} yourself", err=True)


def write_page(graph: nx.MultiDiGraph, output: Path, title: str, max_nodes: int = DEFAULT_MAX_NODES) -> None:
    """Render ``graph`` and replace ``output`` atomically (a reader never sees half a page)."""
    from kg.errors import KgError
    from kg.export import html
    from kg.io import atomic_write

    page = html.render(graph, title=title, max_nodes=max_nodes)
    try:
        atomic_write(output, page)
    except OSError as e:
        raise KgError(f"cannot write {output}: {e.strerror or e}") from e
