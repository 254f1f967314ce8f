"""``kg query``: ask an exported graph a SPARQL question, or a preset one."""
from __future__ import annotations

from pathlib import Path

import click

from kg.cli import cli
from kg.export.query import OUTPUT_FORMATS


@cli.command("query")
@click.argument("graph", required=False, type=click.Path(path_type=Path))
@click.argument("text", metavar="[QUERY]", required=False)
@click.option("--file", "query_file", metavar="FILE", type=click.Path(path_type=Path),
              help="Read the SPARQL query from a .rq file.")
@click.option("--preset", metavar="NAME", help="Run a preset query (see --list).")
@click.option("--format", "fmt", type=click.Choice(OUTPUT_FORMATS), default="table", show_default=True,
              help="Aligned table for reading, CSV or JSON (a list of rows) for tools.")
@click.option("--list", "list_presets", is_flag=True, help="List the preset queries and exit.")
def query_cmd(graph: Path | None, text: str | None, query_file: Path | None, preset: str | None, fmt: str,
              list_presets: bool) -> None:
    """Run a SPARQL QUERY (or --file, or --preset) on GRAPH (.ttl, .jsonld, .nt or .trig).

    \b
    Examples:
      kg query outputs/graph.ttl --preset who-called-whom
      kg query outputs/graph.ttl 'SELECT ?e WHERE { ?e a/rdfs:subClassOf* sem:Event }'
      kg query --list
    kg's prefixes (kg sem gaf nif dcterms prov skos schema time geo owl rdf rdfs xsd)
    are predeclared. A malformed query exits with code 2 and its line and column.
    """
    from kg.errors import KgError, UsageError
    from kg.export import query, rdf_read

    if list_presets:
        known = query.presets()
        width = max((len(name) for name in known), default=0)
        for name, p in known.items():
            click.echo(f"{name.ljust(width)}  {p.description}")
        return
    if graph is None:
        raise UsageError("give the GRAPH file to query (or --list to see the presets)")
    sources = [s for s in (text, query_file, preset) if s is not None]
    if len(sources) != 1:
        raise UsageError("give exactly one of QUERY, --file FILE or --preset NAME")
    if query_file is not None:
        try:
            text = query_file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise KgError(f"cannot read query file {query_file}: {getattr(e, 'strerror', None) or e}") from e
    elif preset is not None:
        text = query.preset(preset).text
    data = rdf_read.load(graph)
    click.echo(query.format_result(query.run(data, text), fmt, data), nl=False)
