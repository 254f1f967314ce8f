"""``kg parse``: show what the parser sees."""
from __future__ import annotations

import json
from pathlib import Path

import click

from kg.cli import cli
from kg.errors import NOTHING_PROCESSED, SOME_SKIPPED, KgError
from kg.pipeline import LANGUAGES


@cli.command("parse")
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["conllu", "json"]), default="conllu", show_default=True,
              help="CoNLL-U (offsets in MISC) or JSON.")
@click.option("--provider", type=click.Choice(["bundled", "stanza", "conllu"]), default="bundled",
              show_default=True,
              help="bundled: kg's offline models; stanza: official models from `kg models download`; "
                   "conllu: pre-parsed ARTICLE.conllu beside each article.")
@click.option("--lang", type=click.Choice(("auto",) + LANGUAGES), default="auto", show_default=True,
              help="Language of the articles: auto detects each article's and parses it with that language's models.")
def parse_cmd(path: Path, fmt: str, provider: str, lang: str) -> None:
    """Parse FILE or every article in DIR and print tokens, lemmas, POS and dependencies."""
    from kg.model import Skipped
    from kg.parse import nlp
    from kg.read.articles import read_path

    out, parsed, skipped = [], 0, 0
    for item in read_path(path, lang):
        if not isinstance(item, Skipped) and item.language not in LANGUAGES:
            item = Skipped(str(item.path), f"the article is in '{item.language}'; kg parses "
                                           f"{', '.join(LANGUAGES)} only")
        if isinstance(item, Skipped):
            click.echo(f"kg: skipped {item.path}: {item.reason}", err=True)
            skipped += 1
            continue
        # each language's parser is loaded on its first article, once
        sentences = nlp.get_parser(item.language, provider).parse(item)
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
