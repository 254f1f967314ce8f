"""``kg evaluate``: score a build of a folder against hand-annotated gold."""
from __future__ import annotations

import json
from pathlib import Path

import click

from kg.cli import cli
from kg.errors import NOTHING_PROCESSED, KgError
from kg.parse.nlp import PROVIDERS
from kg.pipeline.stages import LANGUAGES


@cli.command("evaluate")
@click.option("--gold", "gold_path", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Gold annotation (seed-gold/1 JSON).")
@click.option("--articles", required=True, type=click.Path(exists=True, path_type=Path),
              help="Folder (or file) of the annotated articles.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("--details", is_flag=True, help="Also list missed, spurious and mis-dated mentions.")
@click.option("--lang", type=click.Choice(["auto", *LANGUAGES]), default="auto", show_default=True,
              help="Language of the articles; auto detects it per article.")
@click.option("--provider", type=click.Choice(PROVIDERS), default="bundled", show_default=True,
              help="bundled: kg's offline Indonesian models; stanza: official models from `kg models download`.")
@click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path),
              help="Reuse parses cached here (and cache new ones): re-evaluating after a rule change is quick.")
@click.pass_context
def evaluate_cmd(ctx: click.Context, gold_path: Path, articles: Path, as_json: bool, details: bool, lang: str,
                 provider: str, cache_dir: Path | None) -> None:
    """Build the graph of ARTICLES and compare it with the GOLD annotation.

    Prints per-type precision/recall/F1 over event mentions, argument P/R/F1,
    date accuracy, the number of events each gold event landed in, and how
    often each extraction rule fired and was right.
    """
    from kg.evaluate import evaluate, load_gold
    from kg.pipeline.cache import ParseCache
    from kg.pipeline.stages import build

    gold = load_gold(gold_path)          # fail fast, before the slow build
    result = build(articles, lang=lang, provider=provider, cache=ParseCache(cache_dir) if cache_dir else None,
                   strict=ctx.obj["debug"])
    for item in result.skipped:
        click.echo(f"kg: skipped {item.path}: {item.reason}", err=True)
    if not result.articles:
        raise KgError(f"no article in {articles} could be processed: nothing to evaluate", NOTHING_PROCESSED)
    report = evaluate(result, gold)
    if as_json:
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=1))
    else:
        click.echo(report.format(details=details), nl=False)
