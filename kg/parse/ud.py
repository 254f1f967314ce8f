"""Reading, harmonising and writing Universal Dependencies CoNLL-U files.

The three Indonesian treebanks (CSUI, GSD, PUD) annotate the same language
with different conventions. Training one model on all of them only works
after they agree, so every choice made here is documented in the model card:

* XPOS is dropped: the three tagsets are incompatible.
* ``compound`` becomes ``nmod`` (GSD writes ``compound`` for noun-noun
  modification, as do 25 PUD words; CSUI and most of PUD, the majority of the
  training data, write ``nmod``); evaluation converts gold GSD the same way.
  Subtyped ``compound:*`` relations are kept.
* Proper-noun lemmas keep their case (GSD lowercases them).
* Lemmas the treebanks disagree on follow ``kg/lang/<code>/treebank.yaml``
  (Indonesian: the pronoun clitics ``nya`` and ``ia`` keep their own lemma as
  in CSUI/PUD, where GSD maps them to ``dia``; ``tersebut`` is its own lemma).
"""
from __future__ import annotations

import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kg import lang as languages


@dataclass
class UDSentence:
    """One CoNLL-U sentence: its comment lines and its token/word rows."""

    comments: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)

    @property
    def text(self) -> str:
        for c in self.comments:
            if c.startswith("# text ="):
                return c[len("# text ="):].strip()
        return surface_text(self)

    def to_conllu(self) -> str:
        return "\n".join(self.comments + ["\t".join(r) for r in self.rows]) + "\n\n"


def read_conllu(path: Path | str) -> Iterator[UDSentence]:
    """Yield the sentences of a CoNLL-U file."""
    sent = UDSentence()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip():
                if sent.rows:
                    yield sent
                sent = UDSentence()
            elif line.startswith("#"):
                sent.comments.append(line)
            else:
                sent.rows.append(line.split("\t"))
    if sent.rows:
        yield sent


def write_conllu(sentences: Iterable[UDSentence], path: Path | str) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for s in sentences:
            fh.write(s.to_conllu())


def surface_text(sent: UDSentence) -> str:
    """Rebuild the sentence text from its tokens and ``SpaceAfter=No``."""
    out: list[str] = []
    skip_to = 0
    for row in sent.rows:
        idx = row[0]
        if "." in idx:
            continue
        if "-" in idx:
            start, end = (int(x) for x in idx.split("-"))
            skip_to = end
        elif int(idx) <= skip_to:
            continue
        out.append(row[1])
        if "SpaceAfter=No" not in row[9]:
            out.append(" ")
    return "".join(out).strip()


def clean(sent: UDSentence) -> UDSentence:
    """A copy of ``sent`` with what kg neither trains nor scores removed, for any language.

    XPOS, enhanced dependencies and empty nodes go (treebank-specific; kg's
    tokens carry none of them), MISC keeps only ``SpaceAfter`` and comments
    only ``sent_id``, ``text``, ``newdoc`` and ``newpar``.
    """
    rows = []
    for row in sent.rows:
        if "." in row[0]:
            continue
        row = list(row)
        if "-" not in row[0]:
            row[4] = row[8] = "_"
            misc = [m for m in row[9].split("|") if m.startswith("SpaceAfter")]
            row[9] = "|".join(misc) or "_"
        rows.append(row)
    comments = [c for c in sent.comments if c.startswith(("# sent_id", "# text =", "# newdoc", "# newpar"))]
    return UDSentence(comments, rows)


def harmonise(sent: UDSentence, lang: str) -> UDSentence:
    """Return a :func:`clean` copy of ``sent`` (in language ``lang``) following kg's single annotation convention.

    The rules are the language's ``treebank.yaml``: English (one treebank,
    EWT) has none, the Indonesian treebanks need them to agree.
    """
    rules = languages.get(lang).data("treebank")
    own = {form: lemma for lemma, forms in (rules.get("own_lemma") or {}).items() for form in forms}
    fixed = set(rules.get("fixed_lemma") or [])
    relabel = rules.get("relabel") or {}
    sent = clean(sent)
    for row in sent.rows:
        if "-" in row[0]:
            continue
        form, lemma, upos = row[1], row[2], row[3]
        row[7] = relabel.get(row[7], row[7])
        if rules.get("proper_noun_lemma_keeps_case") and upos == "PROPN" and lemma.lower() == form.lower():
            row[2] = form
        if own.get(form.lower()) == lemma or form.lower() in fixed:
            row[2] = form.lower()
    return sent


def split_dev(sentences: list[UDSentence], every: int = 10) -> tuple[list[UDSentence], list[UDSentence]]:
    """Hold out every ``every``-th sentence as the development set for early stopping."""
    train = [s for i, s in enumerate(sentences) if i % every]
    dev = [s for i, s in enumerate(sentences) if not i % every]
    return train, dev


def paragraphs(sentences: list[UDSentence], seed: int = 1) -> list[list[UDSentence]]:
    """Group sentences into paragraphs of 1-5, reproducibly (``seed``).

    Treebanks without ``# newpar`` marks give no paragraphs; random short
    ones make the tokenizer learn, and the evaluation test, sentence breaks
    inside a paragraph as well as at its end.
    """
    rng = random.Random(seed)
    out: list[list[UDSentence]] = []
    i = 0
    while i < len(sentences):
        n = rng.randint(1, 5)
        out.append(sentences[i:i + n])
        i += n
    return out


def paragraphs_text(sentences: list[UDSentence], seed: int = 1) -> str:
    """Raw text for tokenizer training: sentences joined into paragraphs of 1-5.

    Paragraphs are separated by blank lines, the way ``kg.parse.nlp`` feeds text in.
    """
    return "\n\n".join(" ".join(surface_text(s) for s in p) for p in paragraphs(sentences, seed)) + "\n"
