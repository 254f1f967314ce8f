"""Train kg's bundled Indonesian Stanza models from UD treebanks, offline.

Stanza's ``run_*.py`` wrappers fetch pretrained vectors and character
language models from a model hub; kg calls the ``stanza.models.*`` training
entry points directly instead, with ``--no_pretrain`` and no charlm, so that
training needs nothing but the CoNLL-U files.

Split (never train on a test file that is used for evaluation):
train = CSUI-train + GSD-dev + PUD, minus every 10th sentence held out as dev
for early stopping; evaluation uses GSD-test and CSUI-test (``kg.ud_eval``).
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from kg.parse import ud
from kg.parse.nlp import PROCESSORS

LANG = "id"   # the language the bundled models are trained for
TRAIN_FILES = ("id_csui-ud-train.conllu", "id_gsd-ud-dev.conllu", "id_pud-ud-test.conllu")


@dataclass(frozen=True)
class Budget:
    """Training length per processor; the defaults fit a 2-core machine in ~3 h."""

    # the bundled models were trained with exactly these (model card)
    tokenize_steps: int = 2000
    mwt_epochs: int = 10
    lemma_epochs: int = 10
    pos_steps: int = 4000
    depparse_steps: int = 1300

    @classmethod
    def quick(cls) -> Budget:
        """A smoke-test budget: seconds, not hours (the models are poor)."""
        return cls(tokenize_steps=20, mwt_epochs=1, lemma_epochs=1, pos_steps=20, depparse_steps=20)


def prepare_data(ud_dir: Path, work: Path) -> dict[str, Path]:
    """Harmonise the training treebanks and write Stanza's input files into ``work``."""
    missing = [f for f in TRAIN_FILES if not (ud_dir / f).exists()]
    if missing:
        raise FileNotFoundError(f"UD folder {ud_dir} lacks {', '.join(missing)}")
    work.mkdir(parents=True, exist_ok=True)
    pool = [ud.harmonise(s, LANG) for f in TRAIN_FILES for s in ud.read_conllu(ud_dir / f)]
    train, dev = ud.split_dev(pool)
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


def _commands(p: dict[str, Path], work: Path, b: Budget) -> dict[str, list[str]]:
    """The Stanza training command line for each processor."""
    py = [sys.executable, "-m"]
    common = ["--lang", "id", "--shorthand", "id_kg", "--save_dir", str(work / "models"), "--cpu"]
    return {
        "tokenize": py + ["stanza.models.tokenizer", "--mode", "train",
                          "--txt_file", str(p["train_txt"]), "--label_file", str(p["train_labels"]),
                          "--dev_txt_file", str(p["dev_txt"]), "--dev_label_file", str(p["dev_labels"]),
                          "--dev_conll_gold", str(p["dev_conllu"]), "--mwt_json_file", str(p["dev_mwt"]),
                          "--max_seqlen", "300", "--steps", str(b.tokenize_steps),
                          "--save_name", "tokenize.pt"] + common,
        "mwt": py + ["stanza.models.mwt_expander", "--mode", "train",
                     "--train_file", str(p["train_conllu"]), "--eval_file", str(p["dev_conllu"]),
                     "--output_file", str(work / "mwt.dev.pred.conllu"), "--gold_file", str(p["dev_conllu"]),
                     "--num_epoch", str(b.mwt_epochs), "--save_name", "mwt.pt"] + common,
        "lemma": py + ["stanza.models.lemmatizer", "--mode", "train",
                       "--train_file", str(p["train_conllu"]), "--eval_file", str(p["dev_conllu"]),
                       "--output_file", str(work / "lemma.dev.pred.conllu"),
                       "--num_epoch", str(b.lemma_epochs), "--save_name", "lemma.pt"]
                      + [a for a in common if a not in ("--lang", "id")],
        "pos": py + ["stanza.models.tagger", "--mode", "train", "--no_pretrain",
                     "--train_file", str(p["train_conllu"]), "--eval_file", str(p["dev_conllu"]),
                     "--output_file", str(work / "pos.dev.pred.conllu"),
                     "--hidden_dim", "200", "--char_hidden_dim", "200", "--deep_biaff_hidden_dim", "200",
                     "--word_emb_dim", "100", "--batch_size", "50",
                     "--max_steps", str(b.pos_steps), "--eval_interval", str(max(10, b.pos_steps // 14)),
                     "--save_name", "pos.pt"] + common,
        "depparse": py + ["stanza.models.parser", "--mode", "train", "--no_pretrain",
                          "--train_file", str(p["train_conllu"]), "--eval_file", str(p["dev_conllu"]),
                          "--output_file", str(work / "depparse.dev.pred.conllu"), "--no_xpos",
                          "--hidden_dim", "256", "--char_hidden_dim", "200", "--deep_biaff_hidden_dim", "256",
                          "--word_emb_dim", "100", "--batch_size", "2000", "--no_checkpoint",
                          "--max_steps", str(b.depparse_steps),
                          "--eval_interval", str(max(10, b.depparse_steps // 18)),
                          "--save_name", "depparse.pt"] + common,
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
    resources = {"id": {"lang_name": "Indonesian", "default_processors": {p: "kg" for p in PROCESSORS}}}
    (out.parent / "resources.json").write_text(json.dumps(resources, indent=1) + "\n", encoding="utf-8")


def train(ud_dir: Path, out: Path, work: Path, budget: Budget = Budget(),
          processors: tuple[str, ...] = PROCESSORS, lanes: int = 2, log=print) -> None:
    """Train ``processors`` and copy the models to ``out/<processor>.pt``.

    Processors train in ``lanes`` parallel lanes (the parser, the longest, gets
    one of its own); the machine's cores are shared out between the lanes in use.
    """
    p = prepare_data(ud_dir, work)
    cmds = _commands(p, work, budget)
    order = [x for x in ("depparse", "mwt", "tokenize", "lemma", "pos") if x in processors]
    threads = str(max(1, (os.cpu_count() or 1) // min(lanes, len(order) or 1)))
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
    out.mkdir(parents=True, exist_ok=True)
    for name in processors:
        ship_model(work / "models" / f"{name}.pt", out / f"{name}.pt")
    write_resources(out)
