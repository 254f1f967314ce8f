"""``kg models``: train, download and evaluate the Stanza models kg parses with."""
from __future__ import annotations

from pathlib import Path

import click

from kg.cli import cli
from kg.parse.nlp import PROCESSORS
from kg.pipeline.stages import LANGUAGES


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
@click.option("--only", multiple=True, type=click.Choice(PROCESSORS),
              help="Train only these processors (repeatable).")
def train_cmd(ud_dir: Path, out: Path, work: Path, quick: bool, only: tuple[str, ...]) -> None:
    """Train kg's Indonesian tokenizer, MWT, tagger, lemmatizer and parser from UD, offline."""
    from kg.parse import training

    budget = training.Budget.quick() if quick else training.Budget()
    training.train(ud_dir, out, work, budget, processors=only or training.PROCESSORS,
                   log=lambda m: click.echo(m, err=True))
    click.echo(f"models written to {out}")


@models.command("download")
@click.argument("lang", type=click.Choice(LANGUAGES), default="id")
def download_cmd(lang: str) -> None:
    """Download the official Stanza models for LANG (needs internet; then use --provider stanza)."""
    from kg.parse import nlp

    nlp.download(lang)


@models.command("evaluate")
@click.option("--ud", "ud_dir", type=click.Path(exists=True, file_okay=False, path_type=Path), required=True,
              help="Folder with id_gsd-ud-test.conllu and id_csui-ud-test.conllu.")
@click.option("--provider", type=click.Choice(["bundled", "stanza"]), default="bundled", show_default=True,
              help="bundled: kg's models (KG_MODELS_DIR picks another folder); stanza: official models.")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=Path("build/ud-eval"),
              show_default=True, help="Where the harmonised gold and the system CoNLL-U files go.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON instead of a table.")
def evaluate_cmd(ud_dir: Path, provider: str, out: Path, as_json: bool) -> None:
    """Score the parser end to end from raw text on GSD-test and CSUI-test (CoNLL 2018 metrics).

    Gold is harmonised like the training data (GSD `compound` is scored as `nmod`).
    """
    import json

    from kg.parse import ud_eval

    results = ud_eval.evaluate(ud_dir, out, provider=provider, log=lambda m: click.echo(m, err=True))
    click.echo(json.dumps(results, indent=1) if as_json else ud_eval.table(results))
