"""``kg evaluate``: score a build of a folder against hand-annotated gold."""
from __future__ import annotations

import json
from pathlib import Path

import click

from kg.cli import cli


@cli.command("evaluate")
@click.option("--gold", "gold_path", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Gold annotation (seed-gold/1 JSON).")
@click.option("--articles", required=True, type=click.Path(exists=True, path_type=Path),
              help="Folder (or file) of the annotated articles.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("--details", is_flag=True, help="Also list missed, spurious and mis-dated mentions.")
@click.option("--provider", type=click.Choice(["bundled", "stanza"]), default="bundled", show_default=True,
              help="bundled: kg's offline models; stanza: official models from `kg models download`.")
@click.option("--lang", default="id", show_default=True, help="Language of the articles.")
def evaluate_cmd(gold_path: Path, articles: Path, as_json: bool, details: bool, provider: str, lang: str) -> None:
    """Build the graph for ARTICLES and compare it with GOLD.

    Per-type precision/recall/F1 over event mentions, argument P/R/F1, date
    accuracy, events per gold cluster and how often each rule was right.
    """
    from kg.evaluate import evaluate, load_gold
    from kg.pipeline import build

    gold = load_gold(gold_path)          # fail fast, before the slow build
    report = evaluate(build(articles, lang=lang, provider=provider), gold)
    if as_json:
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=1))
    else:
        click.echo(report.format(details=details), nl=False)
