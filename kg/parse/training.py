"""Train kg's bundled Stanza models (Indonesian, English) from UD treebanks, offline.

Stanza's ``run_*.py`` wrappers fetch pretrained vectors and character
language models from a model hub; kg calls the ``stanza.models.*`` training
entry points directly instead, with ``--no_pretrain`` and no charlm, so that
training needs nothing but the CoNLL-U files.

Split (never train on a test file that is used for evaluation):
Indonesian: train = CSUI-train + GSD-dev + PUD, minus every 10th sentence
held out as dev for early stopping; evaluation uses GSD-test and CSUI-test.
English: train = EWT-train, dev = EWT-dev; evaluation uses EWT-test
(``kg.parse.ud_eval``).
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from kg.parse import ud
from kg.parse.nlp import PROCESSORS


@dataclass(frozen=True)
class Budget:
    """Training length per processor; the Indonesian defaults fit a 2-core machine in ~3 h."""

    tokenize_steps: int = 2000
    mwt_epochs: int = 10
    lemma_epochs: int = 10  # 0: a dictionary lemmatizer only (no seq2seq model for unseen words)
    pos_steps: int = 4000
    pos_tune_steps: int = 3000       # going on from a trained tagger (``continue_from``)
    depparse_steps: int = 1300

    @classmethod
    def quick(cls) -> Budget:
        """A smoke-test budget: seconds, not hours (the models are poor)."""
        return cls(tokenize_steps=20, mwt_epochs=1, lemma_epochs=1, pos_steps=20, pos_tune_steps=20,
                   depparse_steps=20)


@dataclass(frozen=True)
class Corpus:
    """What one language trains on: UD files, how they are split, and the budget its models got."""

    name: str
    train_files: tuple[str, ...]
    # empty: every 10th training sentence is held out as the development set
    dev_files: tuple[str, ...] = ()
    # the bundled models were trained with exactly these (model cards)
    budget: Budget = field(default_factory=Budget)
    # width of the tagger's and of the parser's layers relative to the Indonesian ones:
    # narrower layers make more training steps fit into the same CPU time
    pos_width: float = 1.0
    depparse_width: float = 1.0
    # the parser learns from the tagger's own tags, as it will parse (Stanza's practice): trained on
    # gold tags, kg's English parser lost 6.6 LAS on EWT-dev once the tags were predicted
    retag: bool = False


CORPORA = {
    "id": Corpus("Indonesian", ("id_csui-ud-train.conllu", "id_gsd-ud-dev.conllu", "id_pud-ud-test.conllu")),
    "en": Corpus("English", ("en_ewt-ud-train.conllu",), ("en_ewt-ud-dev.conllu",),
                 Budget(tokenize_steps=5000, mwt_epochs=2, lemma_epochs=0, pos_steps=5000, depparse_steps=10000),
                 depparse_width=0.5, retag=True),
}


def prepare_data(ud_dir: Path, work: Path, lang: str) -> dict[str, Path]:
    """Harmonise the training treebanks and write Stanza's input files into ``work``."""
    corpus = CORPORA[lang]
    missing = [f for f in corpus.train_files + corpus.dev_files if not (ud_dir / f).exists()]
    if missing:
        raise FileNotFoundError(f"UD folder {ud_dir} lacks {', '.join(missing)}")
    work.mkdir(parents=True, exist_ok=True)

    def read(files: tuple[str, ...]) -> list[ud.UDSentence]:
        return [ud.harmonise(s, lang) for f in files for s in ud.read_conllu(ud_dir / f)]

    train, dev = (read(corpus.train_files), read(corpus.dev_files)) if corpus.dev_files \
        else ud.split_dev(read(corpus.train_files))
    paths: dict[str, Path] = {}
    for name, sents in (("train", train), ("dev", dev)):
        conllu = work / f"{name}.conllu"
        ud.write_conllu(sents, conllu)
        txt = work / f"{name}.txt"
        # the tokenizer sees exactly the sentences of the conllu, in paragraphs
        txt.write_text(ud.paragraphs_text(sents), encoding="utf-8")
        labels = work / f"{name}.toklabels"
        mwt = work / f"{name}-mwt.json"
        from stanza.utils.datasets import prepare_tokenizer_data

        prepare_tokenizer_data.main([str(txt), str(conllu), "-o", str(labels), "-m", str(mwt)])
        paths.update({f"{name}_conllu": conllu, f"{name}_txt": txt,
                      f"{name}_labels": labels, f"{name}_mwt": mwt})
    return paths


def retag(conllu: Path, out: Path, pos_model: Path, lang: str) -> Path:
    """``conllu`` with the UPOS and features ``pos_model`` predicts for its words, all else kept."""
    import stanza

    write_resources(pos_model)      # Stanza wants a resources.json beside the models, even offline
    sents = list(ud.read_conllu(conllu))
    words = [[r[1] for r in s.rows if r[0].isdigit()] for s in sents]
    nlp = stanza.Pipeline(lang, processors="tokenize,pos", tokenize_pretokenized=True, pos_model_path=str(pos_model),
                          pos_pretrain_path=None, download_method=None, use_gpu=False, logging_level="ERROR",
                          dir=str(pos_model.parent), resources_filepath=str(pos_model.parent / "resources.json"))
    for sent, tagged in zip(sents, nlp(words).sentences):
        rows = iter(r for r in sent.rows if r[0].isdigit())
        for row, word in zip(rows, tagged.words):
            row[3], row[5] = word.upos, word.feats or "_"
    ud.write_conllu(sents, out)
    return out


def _commands(p: dict[str, Path], work: Path, b: Budget, lang: str,
              continue_from: Path | None = None) -> dict[str, list[str]]:
    """The Stanza training command line for each processor."""
    py = [sys.executable, "-m"]

    corpus = CORPORA[lang]

    def pos_dim(n: int) -> str:
        return str(int(n * corpus.pos_width))

    def dep_dim(n: int) -> str:
        return str(int(n * corpus.depparse_width))

    def warm_start(name: str) -> list[str]:
        # Stanza's tokenizer keeps no checkpoint of its own: a later run starts from the best model so far
        return ["--load_name", name] if (work / "models" / name).exists() else []

    common = ["--lang", lang, "--shorthand", f"{lang}_kg", "--save_dir", str(work / "models"), "--cpu"]
    return {
        "tokenize": py + ["kg.parse.tokenizer_warm", "--mode", "train",
                          "--txt_file", str(p["train_txt"]), "--label_file", str(p["train_labels"]),
                          "--dev_txt_file", str(p["dev_txt"]), "--dev_label_file", str(p["dev_labels"]),
                          "--dev_conll_gold", str(p["dev_conllu"]), "--mwt_json_file", str(p["dev_mwt"]),
                          "--max_seqlen", "300", "--steps", str(b.tokenize_steps),
                          "--eval_steps", str(max(10, b.tokenize_steps // 10)),
                          "--save_name", "tokenize.pt"] + warm_start("tokenize.pt") + common,
        "mwt": py + ["stanza.models.mwt_expander", "--mode", "train",
                     "--train_file", str(p["train_conllu"]), "--eval_file", str(p["dev_conllu"]),
                     "--output_file", str(work / "mwt.dev.pred.conllu"), "--gold_file", str(p["dev_conllu"]),
                     "--num_epoch", str(b.mwt_epochs), "--save_name", "mwt.pt"] + common,
        "lemma": py + ["stanza.models.lemmatizer", "--mode", "train",
                       "--train_file", str(p["train_conllu"]), "--eval_file", str(p["dev_conllu"]),
                       "--output_file", str(work / "lemma.dev.pred.conllu"),
                       "--save_name", "lemma.pt"]
                      + (["--num_epoch", str(b.lemma_epochs)] if b.lemma_epochs else ["--dict_only"])
                      + common[2:],
        "pos": py + (["kg.parse.tagger_warm", "--warm_from", str(continue_from)] if continue_from
                     else ["stanza.models.tagger"])
               + ["--mode", "train", "--no_pretrain",
                  "--train_file", str(p["train_conllu"]), "--eval_file", str(p["dev_conllu"]),
                  "--output_file", str(work / "pos.dev.pred.conllu"),
                  "--hidden_dim", pos_dim(200), "--char_hidden_dim", pos_dim(200),
                  "--deep_biaff_hidden_dim", pos_dim(200),
                  "--word_emb_dim", "100", "--batch_size", "50", "--save_name", "pos.pt"] + common
               + (["--max_steps", str(b.pos_steps), "--eval_interval", str(max(10, b.pos_steps // 14))]
                  if not continue_from else
                  # going on from a trained tagger: AMSGrad at a third of the learning rate, from its weights
                  ["--max_steps", str(b.pos_tune_steps), "--eval_interval", str(max(10, b.pos_tune_steps // 10)),
                   "--optim", "amsgrad", "--lr", "0.001", "--no_second_optim"]),
        "depparse": py + ["stanza.models.parser", "--mode", "train", "--no_pretrain",
                          "--train_file", str(p["train_conllu"]),
                          "--eval_file", str(p.get("dev_tagged", p["dev_conllu"])),
                          "--output_file", str(work / "depparse.dev.pred.conllu"), "--no_xpos",
                          "--hidden_dim", dep_dim(256), "--char_hidden_dim", dep_dim(200),
                          "--deep_biaff_hidden_dim", dep_dim(256),
                          "--word_emb_dim", "100", "--batch_size", "2000",
                          "--max_steps", str(b.depparse_steps),
                          "--eval_interval", str(max(10, b.depparse_steps // 18)),
                          "--save_name", "depparse.pt"] + common
                         + (["--continue_from", str(continue_from)] if continue_from else [])
                         # Stanza's "silver" data: the retagged sentences, two batches in three, encoded with
                         # the vocabulary of the gold ones (which a parser to continue from was built with)
                         + (["--silver_file", str(p["train_tagged"]), "--silver_weight", "2"]
                            if "train_tagged" in p else []),
    }


def ship_model(src: Path, dst: Path) -> None:
    """Copy a trained model, storing float weights as float16.

    Halves the tagger and parser on disk (Stanza loads them back into its
    float32 modules); the accuracy in the model card is measured on these.
    """
    import torch

    checkpoint = torch.load(src, map_location="cpu", weights_only=False)
    if isinstance(checkpoint, dict) and isinstance(checkpoint.get("model"), dict):
        checkpoint["model"] = {k: v.half() if torch.is_tensor(v) and v.is_floating_point() else v
                               for k, v in checkpoint["model"].items()}
        torch.save(checkpoint, dst)
    else:
        shutil.copyfile(src, dst)


def write_resources(out: Path) -> None:
    """Stanza's Pipeline insists on a resources.json even when nothing is downloaded."""
    resources = {code: {"lang_name": c.name, "default_processors": {p: "kg" for p in PROCESSORS}}
                 for code, c in CORPORA.items()}
    (out.parent / "resources.json").write_text(json.dumps(resources, indent=1) + "\n", encoding="utf-8")


def train(ud_dir: Path, out: Path, work: Path, lang: str, budget: Budget | None = None,
          processors: tuple[str, ...] = PROCESSORS, lanes: int = 2, log=print,
          continue_from: Path | None = None) -> None:
    """Train ``processors`` for ``lang`` and copy the models to ``out/<processor>.pt``.

    ``continue_from``: a parser or a tagger (whichever of the two ``processors``
    holds) to go on training from, with its step count and development history
    reset: the parser on a new kind of training data (Stanza's own checkpoint in
    ``work`` still wins when there is one), the tagger with a gentler optimiser
    (:mod:`kg.parse.tagger_warm`).

    ``budget`` defaults to the one the bundled models of ``lang`` got.
    Processors train in ``lanes`` parallel lanes (the parser, the longest, gets
    one of its own); the machine's cores are shared out between the lanes in use,
    unless ``OMP_NUM_THREADS`` is set (on a machine busy with other work, one
    thread per lane avoids the threads waiting on each other).
    """
    if continue_from and len({"pos", "depparse"} & set(processors)) != 1:
        raise ValueError("--continue-from goes on training one model: the tagger (--only pos) "
                         "or the parser (--only depparse)")
    retagging = CORPORA[lang].retag and "depparse" in processors
    if retagging and "pos" in processors:
        # the parser learns from the tagger this run trains: everything else first, then the parser
        train(ud_dir, out, work, lang, budget, tuple(x for x in processors if x != "depparse"), lanes, log)
        processors = ("depparse",)
    tagger = work / "models" / "pos.pt"
    if retagging and not tagger.exists():
        raise RuntimeError(f"the {lang} parser learns from the tagger's tags: train the tagger first "
                           f"(--only pos), then the parser (--only depparse)")
    p = prepare_data(ud_dir, work, lang)
    if retagging:
        log("tagging the parser's training and development data with the tagger")
        p.update({f"{name}_tagged": retag(p[f"{name}_conllu"], work / f"{name}.tagged.conllu", tagger, lang)
                  for name in ("train", "dev")})
    cmds = _commands(p, work, budget or CORPORA[lang].budget, lang, continue_from)
    order = [x for x in ("depparse", "mwt", "tokenize", "lemma", "pos") if x in processors]
    threads = os.environ.get("OMP_NUM_THREADS") or str(max(1, (os.cpu_count() or 1) // min(lanes, len(order) or 1)))
    env = dict(os.environ, OMP_NUM_THREADS=threads, MKL_NUM_THREADS=threads)
    (work / "logs").mkdir(exist_ok=True)
    running: list[tuple[str, subprocess.Popen, float]] = []
    failed: list[str] = []
    while order or running:
        while order and len(running) < lanes:
            name = order.pop(0)
            log(f"training {name}")
            logf = open(work / "logs" / f"{name}.log", "w")
            running.append((name, subprocess.Popen(cmds[name], stdout=logf, stderr=subprocess.STDOUT, env=env),
                            time.time()))
        time.sleep(5)
        for item in list(running):
            name, proc, t0 = item
            if proc.poll() is not None:
                running.remove(item)
                log(f"{name} finished with code {proc.returncode} in {time.time() - t0:.0f}s")
                if proc.returncode:
                    failed.append(name)
    if failed:
        raise RuntimeError(f"training failed for {', '.join(failed)}; see {work / 'logs'}")
    ship(work, out, processors)


def ship(work: Path, out: Path, processors: tuple[str, ...] = PROCESSORS) -> None:
    """Copy the best development checkpoints in ``work`` to ``out`` (float16).

    Also what ships a run that was stopped before its budget ran out: Stanza
    writes a model's best checkpoint every time the development score improves.
    """
    missing = [p for p in processors if not (work / "models" / f"{p}.pt").exists()]
    if missing:
        raise FileNotFoundError(f"no trained {', '.join(missing)} model in {work / 'models'}")
    out.mkdir(parents=True, exist_ok=True)
    for name in processors:
        ship_model(work / "models" / f"{name}.pt", out / f"{name}.pt")
    write_resources(out)
