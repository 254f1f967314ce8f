"""``kg evaluate``: score a build of a folder against hand-annotated gold."""
from __future__ import annotations

import json
from pathlib import Path

import click

from kg.cli import PROVIDER_HELP, cli
from kg.errors import NOTHING_PROCESSED, KgError
from kg.parse.nlp import PROVIDERS
from kg.pipeline.stages import LANGUAGES


@cli.command("evaluate")
@click.option("--gold", "gold_paths", required=True, multiple=True,
              type=click.Path(exists=True, path_type=Path),
              help="Gold annotation (seed-gold/1 JSON), or a folder of them; repeat for several.")
@click.option("--articles", type=click.Path(exists=True, path_type=Path),
              help="Folder (or file) of the annotated articles  [default: the gold folder's articles/]")
@click.option("--sources", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Manifest of the articles' publication dates, URLs, outlets (.jsonl or .csv)  "
                   "[default: the gold folder's sources.jsonl]")
@click.option("--no-sources", is_flag=True, help="Read no manifest, not even the gold folder's.")
@click.option("--lang", type=click.Choice(LANGUAGES),
              help="Score only the gold articles in this language (the graph is still built from all).")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("--details", is_flag=True, help="Also list missed, spurious and mis-dated mentions.")
@click.option("--build-lang", type=click.Choice(["auto", *LANGUAGES]), default="auto", show_default=True,
              help="Language to read the articles in; auto detects it per article.")
@click.option("--provider", type=click.Choice(PROVIDERS), default="bundled", show_default=True,
              help=PROVIDER_HELP)
@click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path),
              help="Reuse parses cached here (and cache new ones), e.g. a build's OUT/.kg-cache.")
@click.pass_context
def evaluate_cmd(ctx: click.Context, gold_paths: tuple[Path, ...], articles: Path | None, sources: Path | None,
                 no_sources: bool, lang: str | None,
                 as_json: bool, details: bool, build_lang: str, provider: str, cache_dir: Path | None) -> None:
    """Build the graph of ARTICLES and compare it with the GOLD annotation.

    Prints the headline figures, per-type precision/recall/F1 over event
    mentions, argument P/R/F1, dates, the nodes each gold event landed in
    (split events, nodes merging several gold events), entity typing, and
    how often each extraction rule fired and was right.
    """
    from kg.evaluate import default_articles, default_sources, evaluate, load_golds
    from kg.pipeline.cache import ParseCache
    from kg.pipeline.stages import build

    gold = load_golds(list(gold_paths))          # fail fast, before the slow build
    articles = articles or default_articles(list(gold_paths))
    if articles is None:
        raise click.UsageError("say where the annotated articles are: --articles DIR")
    if sources and no_sources:
        raise click.UsageError("--sources and --no-sources exclude each other")
    sources = None if no_sources else sources or default_sources(list(gold_paths))
    result = build(articles, lang=build_lang, provider=provider,
                   cache=ParseCache(cache_dir) if cache_dir else None, strict=ctx.obj["debug"], sources=sources)
    for item in result.skipped:
        click.echo(f"kg: skipped {item.path}: {item.reason}", err=True)
    if not result.articles:
        raise KgError(f"no article in {articles} could be processed: nothing to evaluate", NOTHING_PROCESSED)
    report = evaluate(result, gold, lang=lang)
    if as_json:
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=1))
    else:
        click.echo(report.format(details=details), nl=False)
