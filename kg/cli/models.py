"""``kg models``: train, download and evaluate the Stanza models kg parses with."""
from __future__ import annotations

from pathlib import Path

import click

from kg.cli import cli


@cli.group("models")
def models() -> None:
    """Manage the parsing models (bundled Indonesian, or official Stanza)."""


@models.command("train")
@click.option("--ud", "ud_dir", type=click.Path(exists=True, file_okay=False, path_type=Path), required=True,
              help="Folder with the UD Indonesian CoNLL-U files (CSUI, GSD, PUD).")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=Path("kg/models/id"),
              show_default=True, help="Where the trained models go.")
@click.option("--work", type=click.Path(file_okay=False, path_type=Path), default=Path("build/train"),
              show_default=True, help="Scratch folder for data files, checkpoints and logs.")
@click.option("--quick", is_flag=True, help="A few steps per model: checks the set-up, gives poor models.")
@click.option("--only", multiple=True, type=click.Choice(["tokenize", "mwt", "pos", "lemma", "depparse"]),
              help="Train only these processors (repeatable).")
def train_cmd(ud_dir: Path, out: Path, work: Path, quick: bool, only: tuple[str, ...]) -> None:
    """Train kg's Indonesian tokenizer, MWT, tagger, lemmatizer and parser from UD, offline."""
    from kg import training

    budget = training.Budget.quick() if quick else training.Budget()
    training.train(ud_dir, out, work, budget, processors=only or training.PROCESSORS,
                   log=lambda m: click.echo(m, err=True))
    click.echo(f"models written to {out}")


@models.command("download")
@click.argument("lang", type=click.Choice(["id", "en"]), default="id")
def download_cmd(lang: str) -> None:
    """Download the official Stanza models for LANG (needs internet; then use --provider stanza)."""
    from kg import nlp

    nlp.download(lang)
