"""``kg parse``: show what the parser sees."""
from __future__ import annotations

import json
from pathlib import Path

import click

from kg.cli import PROVIDER_HELP, cli
from kg.errors import NOTHING_PROCESSED, SOME_SKIPPED, KgError
from kg.pipeline import LANGUAGES

# where ``kg build`` (default ``-o outputs``) caches its parses: parsing again what it parsed is a lookup
DEFAULT_CACHE = Path("outputs") / ".kg-cache"


@cli.command("parse")
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["conllu", "json"]), default="conllu", show_default=True,
              help="CoNLL-U (offsets in MISC) or JSON.")
@click.option("--provider", type=click.Choice(["bundled", "stanza", "conllu"]), default="bundled",
              show_default=True, help=PROVIDER_HELP)
@click.option("--lang", type=click.Choice(("auto",) + LANGUAGES), default="auto", show_default=True,
              help="Language of the articles: auto detects each article's and parses it with that language's models.")
@click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path), default=DEFAULT_CACHE,
              show_default=True, help="Parse cache to read and fill, as `kg build` does (its OUT/.kg-cache).")
@click.option("--no-cache", is_flag=True, help="Parse everything again, ignoring (and not filling) the cache.")
def parse_cmd(path: Path, fmt: str, provider: str, lang: str, cache_dir: Path, no_cache: bool) -> None:
    """Parse FILE or every article in DIR and print tokens, lemmas, POS and dependencies.

    Parses come from the same cache as `kg build`'s (by content and model
    version), so the articles of the last build print at once.
    """
    from kg.model import Skipped, Stats
    from kg.parse import nlp
    from kg.pipeline.cache import ParseCache
    from kg.pipeline.stages import NoModel, Parsers
    from kg.read.articles import read_path

    parsers = Parsers(provider, None if no_cache else ParseCache(cache_dir), Stats())
    out, parsed, skipped = [], 0, 0
    for item in read_path(path, lang=lang):
        if not isinstance(item, Skipped):
            try:
                sentences, _ = parsers.parse(item)
            except NoModel as e:   # the same for every article: one error, not a skipped line each
                raise KgError(str(e)) from None
            except KgError as e:   # too long, no CoNLL-U beside it …
                item = Skipped(str(item.path), str(e))
        if isinstance(item, Skipped):
            click.echo(f"kg: skipped {item.path}: {item.reason}", err=True)
            skipped += 1
            continue
        parsed += 1
        if fmt == "conllu":
            click.echo(f"# newdoc id = {item.id}")
            click.echo(nlp.to_conllu(sentences, item.text), nl=False)
        else:
            out.append({"article": item.id, "sentences": nlp.to_json(sentences)})
    if fmt == "json":
        click.echo(json.dumps(out, ensure_ascii=False, indent=1))
    if not parsed:
        raise KgError(f"no article to parse in {path}", exit_code=NOTHING_PROCESSED)
    if skipped:
        raise click.exceptions.Exit(SOME_SKIPPED)
