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
@click.option("--lang", type=click.Choice(LANGUAGES), default="id", show_default=True,
              help="id: UD Indonesian CSUI + GSD + PUD; en: UD English-EWT.")
@click.option("--ud", "ud_dir", type=click.Path(exists=True, file_okay=False, path_type=Path), required=True,
              help="Folder with the language's UD CoNLL-U files (../shared/ud, ../shared/ud/en).")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where the trained models go  [default: kg/models/LANG]")
@click.option("--work", type=click.Path(file_okay=False, path_type=Path), default=Path("build/train"),
              show_default=True, help="Scratch folder for data files, checkpoints and logs.")
@click.option("--quick", is_flag=True, help="A few steps per model: checks the set-up, gives poor models.")
@click.option("--only", multiple=True, type=click.Choice(PROCESSORS),
              help="Train only these processors (repeatable).")
@click.option("--lanes", type=click.IntRange(1, len(PROCESSORS)), default=2, show_default=True,
              help="How many models train at the same time.")
@click.option("--ship-only", is_flag=True,
              help="Train nothing: copy the best checkpoints in --work to --out (after stopping a run early).")
@click.option("--continue-from", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Go on training the parser (--only depparse) or the tagger (--only pos) from this model "
                   "(its steps and development history start again).")
def train_cmd(lang: str, ud_dir: Path, out: Path | None, work: Path, quick: bool, only: tuple[str, ...],
              lanes: int, ship_only: bool, continue_from: Path | None) -> None:
    """Train kg's tokenizer, MWT, tagger, lemmatizer and parser for LANG from UD, offline.

    The parser resumes from its last checkpoint in --work if there is one
    (delete --work to start afresh).
    """
    from kg.parse import training

    out = out or Path("kg/models") / lang
    processors = only or training.PROCESSORS
    if ship_only:
        training.ship(work, out, processors)
    else:
        try:
            training.train(ud_dir, out, work, lang, training.Budget.quick() if quick else None,
                           processors=processors, lanes=lanes, log=lambda m: click.echo(m, err=True),
                           continue_from=continue_from)
        except ValueError as e:
            raise click.UsageError(str(e)) from None
    click.echo(f"models written to {out}")


@models.command("download")
@click.argument("lang", type=click.Choice(LANGUAGES), default="id")
def download_cmd(lang: str) -> None:
    """Download the official Stanza models for LANG (needs internet; then use --provider stanza)."""
    from kg.parse import nlp

    nlp.download(lang)


@models.command("evaluate")
@click.option("--lang", type=click.Choice(LANGUAGES), default="id", show_default=True,
              help="id: GSD-test and CSUI-test; en: EWT-test.")
@click.option("--ud", "ud_dir", type=click.Path(exists=True, file_okay=False, path_type=Path), required=True,
              help="Folder with the test treebanks (../shared/ud, ../shared/ud/en).")
@click.option("--provider", type=click.Choice(["bundled", "stanza"]), default="bundled", show_default=True,
              help="bundled: kg's models (KG_MODELS_DIR picks another folder); stanza: official models.")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=Path("build/ud-eval"),
              show_default=True, help="Where the harmonised gold and the system CoNLL-U files go.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON instead of a table.")
def evaluate_cmd(lang: str, ud_dir: Path, provider: str, out: Path, as_json: bool) -> None:
    """Score the parser end to end from raw text on LANG's UD test treebanks (CoNLL 2018 metrics).

    The system file is what `kg parse --format conllu` writes for the gold
    sentences' text; gold is harmonised like the training data (GSD
    `compound` is scored as `nmod`).
    """
    import json

    from kg.parse import ud_eval

    results = ud_eval.evaluate(ud_dir, out, lang, provider=provider, log=lambda m: click.echo(m, err=True))
    click.echo(json.dumps(results, indent=1) if as_json else ud_eval.table(results))


@models.command("train-ner")
@click.option("--ner", "ner_dir", type=click.Path(exists=True, file_okay=False, path_type=Path), required=True,
              help="Folder with the IndoNLU NER files (nerp-*.tsv, nergrit-*.tsv).")
@click.option("--ud", "ud_dir", type=click.Path(exists=True, file_okay=False, path_type=Path), required=True,
              help="Folder with the UD Indonesian CoNLL-U files (text for the word vectors and casing).")
@click.option("--articles", type=click.Path(exists=True, file_okay=False, path_type=Path),
              default=Path("examples/articles"), show_default=True,
              help="Articles whose text also feeds the word vectors (never the evaluation articles).")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=Path("kg/models/id"),
              show_default=True, help="Where ner.crfsuite and ner_clusters.tsv go.")
@click.option("--work", type=click.Path(file_okay=False, path_type=Path), default=Path("build/train-ner"),
              show_default=True, help="Scratch folder.")
@click.option("--iterations", type=click.IntRange(1), default=150, show_default=True,
              help="L-BFGS iterations of the CRF.")
def train_ner_cmd(ner_dir: Path, ud_dir: Path, articles: Path, out: Path, work: Path, iterations: int) -> None:
    """Train kg's Indonesian NER model (CRF) from NER-P and NERGrit, offline, and score it on their test sets."""
    from kg.parse import ner_training

    ner_training.train(ner_dir, ud_dir, out, work, articles, iterations=iterations,
                       log=lambda m: click.echo(m, err=True))
    click.echo(ner_training.table(ner_training.evaluate(ner_dir, out)))
