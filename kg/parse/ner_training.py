"""Train and score kg's Indonesian NER model (``kg.parse.ner``), offline.

Data: IndoNLU NER-P and NERGrit (``kg.parse.ner_data``), case-augmented; train
splits for training, test splits only for the scores in the model card.
Word vectors: built here (``kg.parse.vectors``) and clustered for the CRF.
"""
from __future__ import annotations

import shutil
import time
from pathlib import Path

from kg.parse import ner, ner_data, ud, vectors

UD_FILES = ("id_csui-ud-train.conllu", "id_csui-ud-test.conllu", "id_gsd-ud-dev.conllu",
            "id_gsd-ud-test.conllu", "id_pud-ud-test.conllu")


def _ud_sentences(ud_dir: Path) -> list[list[str]]:
    """Word forms of every UD sentence (cased; multi-word token lines skipped)."""
    return [[r[1] for r in s.rows if r[0].isdigit()]
            for f in UD_FILES if (ud_dir / f).exists() for s in ud.read_conllu(ud_dir / f)]


def prepare(ner_dir: Path, ud_dir: Path, articles: Path | None, log=print):
    """(case-augmented training sentences, vector vocabulary, vectors)."""
    train = {c: list(ner_data.read_tsv(ner_dir / f"{c}-train.tsv")) for c in ner_data.CORPORA}
    valid = {c: list(ner_data.read_tsv(ner_dir / f"{c}-valid.tsv")) for c in ner_data.CORPORA}
    ud_sents = _ud_sentences(ud_dir)
    cased = ud_sents + [[w for w, _ in s] for s in train["nergrit"] if ner_data.is_cased(s)]
    lexicon = ner_data.casing_lexicon((w, i == 0) for s in cased for i, w in enumerate(s))
    sents = ner_data.augment(train["nerp"] + train["nergrit"], lexicon)
    text = ud_sents + [[w for w, _ in s] for split in (train, valid) for c in split for s in split[c]]
    if articles:
        text += [vectors.tokenize(line) for p in sorted(articles.glob("*.txt"))
                 for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]
    t0 = time.time()
    vocab, vecs = vectors.build(text)
    log(f"{len(sents)} training sentences; {len(vocab)} word vectors "
        f"from {sum(map(len, text))} words in {time.time() - t0:.0f}s")
    return sents, vocab, vecs


def clusters(vocab: list[str], vecs, sizes: tuple[int, ...] = (32, 128, 512)) -> dict[str, tuple[str, ...]]:
    """Word clusters at several granularities (k-means over the vectors): the CRF's view of the vectors."""
    import numpy as np
    from scipy.cluster.vq import kmeans2

    rng = np.random.default_rng(0)
    ids = [kmeans2(vecs, k, minit="points", seed=rng, iter=10)[1] for k in sizes]
    return {w: tuple(str(c[i]) for c in ids) for i, w in enumerate(vocab)}


def train(ner_dir: Path, ud_dir: Path, out: Path, work: Path, articles: Path | None = None,
          iterations: int = 150, log=print) -> None:
    """Prepare the data, train the CRF and write ``ner.crfsuite`` and ``ner_clusters.tsv`` into ``out``."""
    import pycrfsuite

    train_sents, vocab, vecs = prepare(ner_dir, ud_dir, articles, log)
    t0 = time.time()
    groups = clusters(vocab, vecs)
    out.mkdir(parents=True, exist_ok=True)
    (out / ner.CLUSTERS).write_text("".join(f"{w}\t" + "\t".join(c) + "\n" for w, c in groups.items()),
                                    encoding="utf-8")
    trainer = pycrfsuite.Trainer(verbose=False)
    for s in train_sents:
        trainer.append(ner.sentence_features([w for w, _ in s], groups), [t for _, t in s])
    trainer.set_params({"c1": 0.1, "c2": 0.01, "max_iterations": iterations,
                        "feature.possible_transitions": True, "feature.minfreq": 2})
    work.mkdir(parents=True, exist_ok=True)
    trainer.train(str(work / ner.MODEL))
    shutil.copyfile(work / ner.MODEL, out / ner.MODEL)
    log(f"CRF trained in {time.time() - t0:.0f}s ({iterations} L-BFGS iterations)")


def evaluate(ner_dir: Path, model_dir: Path) -> dict[str, dict]:
    """Entity-level scores on the NER-P and NERGrit test splits (NER-P also on kg's three types)."""
    results = {}
    tagger = ner.Tagger(model_dir)
    for corpus in ner_data.CORPORA:
        sents = list(ner_data.read_tsv(ner_dir / f"{corpus}-test.tsv"))
        gold = [[t for _, t in s] for s in sents]
        pred = [tagger.tag([w for w, _ in s]) for s in sents]
        classes = {c for g in gold for _, _, c in ner_data.spans(g)}
        results[corpus] = ner_data.entity_f1(gold, pred, classes)
        results[f"{corpus} PER/LOC/ORG"] = ner_data.entity_f1(gold, pred, {"PER", "LOC", "ORG"})
        for c in sorted(classes):
            results[f"{corpus} {c}"] = ner_data.entity_f1(gold, pred, {c})
    return results


def table(results: dict[str, dict]) -> str:
    lines = ["| test set | P | R | F1 | gold entities |", "|---|---|---|---|---|"]
    lines += [f"| {k} | {v['p']:.2f} | {v['r']:.2f} | {v['f1']:.2f} | {v['gold']} |" for k, v in results.items()]
    return "\n".join(lines)
