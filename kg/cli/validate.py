"""``kg validate``: check an exported graph against kg's SHACL shapes."""
from __future__ import annotations

from pathlib import Path

import click

from kg.cli import cli

SHOWN = 50  # violations listed before "… and N more"


@cli.command("validate")
@click.argument("graph", type=click.Path(path_type=Path))
@click.option("--shapes", type=click.Path(path_type=Path), help="SHACL shapes to use instead of kg's own.")
def validate_cmd(graph: Path, shapes: Path | None) -> None:
    """Check GRAPH (.ttl, .jsonld, .nt or .trig) against kg's SHACL shapes.

    Exits 0 when the graph conforms; otherwise lists the violations (focus
    node, property, what is wrong) and exits 1.
    """
    from kg.errors import KgError
    from kg.export import rdf_read, shacl
    from kg.export.vocab import KG, NIF, RDF, SEM, SHAPES_FILE

    data = rdf_read.load(graph)
    violations = shacl.validate(data, shapes or SHAPES_FILE)
    if violations:
        for v in violations[:SHOWN]:
            click.echo(str(v))
        if len(violations) > SHOWN:
            click.echo(f"… and {len(violations) - SHOWN} more")
        raise KgError(f"{graph} does not conform to the SHACL shapes: {len(violations)} violation(s)")
    count = lambda cls: len(set(data.subjects(RDF.type, cls)))  # noqa: E731
    click.echo(f"{graph}: conforms ({count(SEM.Event)} events, {count(KG.EventMention)} mentions, "
               f"{count(SEM.Actor)} actors, {count(SEM.Place)} places, {count(NIF.Context)} articles)")
