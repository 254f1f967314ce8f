"""The IndoNLU NER corpora as training data, with the casing handled on purpose.

NER-P (news, PROSA) is entirely lower-cased; NERGrit is cased. News text is
cased, and case is the strongest cue for a name, so a model trained on
lower-cased text alone would ignore it and one trained on NERGrit alone
would see too little data. kg therefore trains on both spellings of every
sentence (case augmentation):

* each lower-cased sentence also appears **case-restored**: a word inside
  an entity gets its first letter upper-cased (or its usual spelling when the
  cased text spells it all in capitals: ``tni`` → ``TNI``), a word outside
  an entity takes the spelling it usually has in the cased treebanks when
  that is capitalised (``presiden`` → ``Presiden``, ``senin`` → ``Senin``),
  and the first word is capitalised;
* each cased sentence also appears lower-cased.

The model thus reads both ``jakarta`` and ``Jakarta`` as a place, and learns
from the capitalised words that are *not* names (titles, weekdays) that case
alone does not make an entity.

Tags are kept per corpus class (PER, LOC, ORG, EVT, FNB) so NER-P test
scores compare with the published ones; kg maps them to its own types
when it reads the model's output (``kg/lang/id/ner.yaml``).
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

# corpus tag → the tag kg's model predicts (CoNLL style names)
TAGS = {"PPL": "PER", "PERSON": "PER", "PLC": "LOC", "PLACE": "LOC", "IND": "ORG", "ORGANISATION": "ORG",
        "EVT": "EVT", "FNB": "FNB"}
CORPORA = ("nerp", "nergrit")
Sentence = list[tuple[str, str]]   # (word, BIO tag)


def read_tsv(path: Path) -> Iterator[Sentence]:
    """Sentences of an IndoNLU tsv file (word TAB tag, blank line between sentences), tags mapped."""
    sent: Sentence = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if sent:
                yield sent
            sent = []
            continue
        word, _, tag = line.partition("\t")
        tag = tag.strip() or "O"
        if tag != "O":
            prefix, _, cls = tag.partition("-")
            tag = f"{prefix}-{TAGS[cls]}"
        sent.append((word, tag))
    if sent:
        yield sent


def casing_lexicon(words: Iterable[tuple[str, bool]]) -> dict[str, str]:
    """The usual spelling of each word seen not sentence-initially, where it is not lower-case.

    ``words`` are (form, is_sentence_initial); initial words say nothing about case.
    """
    forms: dict[str, Counter] = defaultdict(Counter)
    for form, initial in words:
        if not initial and form.isalpha():
            forms[form.lower()][form] += 1
    out = {}
    for low, counts in forms.items():
        form, n = counts.most_common(1)[0]
        if form != low and n * 2 > sum(counts.values()):
            out[low] = form
    return out


def restore_case(sent: Sentence, lexicon: dict[str, str]) -> Sentence:
    """A lower-cased sentence spelled as news would spell it (see the module docstring)."""
    out = []
    for i, (word, tag) in enumerate(sent):
        usual = lexicon.get(word)
        if tag != "O":
            word = usual if usual and usual.isupper() else word[:1].upper() + word[1:]
        elif usual:
            word = usual
        if i == 0:
            word = word[:1].upper() + word[1:]
        out.append((word, tag))
    return out


def is_cased(sent: Sentence) -> bool:
    return any(c.isupper() for w, _ in sent for c in w)


def augment(sents: Iterable[Sentence], lexicon: dict[str, str]) -> list[Sentence]:
    """Every sentence in its own spelling and in the other one."""
    out = []
    for s in sents:
        other = [(w.lower(), t) for w, t in s] if is_cased(s) else restore_case(s, lexicon)
        out += [s, other]
    return out


def spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """Entity spans (start, end, class) of a BIO or BIOES tag sequence (an I- without B- opens one)."""
    out, start, cls = set(), None, None
    for i, tag in enumerate(list(tags) + ["O"]):
        prefix, _, c = tag.partition("-")
        if start is not None and (prefix in ("O", "B", "S") or c != cls):
            out.add((start, i, cls))
            start = None
        if prefix in ("B", "S") or (prefix in ("I", "E") and start is None):
            start, cls = i, c
        if prefix in ("E", "S") and start is not None:
            out.add((start, i + 1, cls))
            start = None
    return out


def entity_f1(gold: list[list[str]], pred: list[list[str]], classes: set[str] | None = None) -> dict:
    """Entity-level micro precision, recall and F1 (exact span and class), as IndoNLU scores NER."""
    tp = fp = fn = 0
    for g, p in zip(gold, pred):
        gs = {s for s in spans(g) if classes is None or s[2] in classes}
        ps = {s for s in spans(p) if classes is None or s[2] in classes}
        tp += len(gs & ps)
        fp += len(ps - gs)
        fn += len(gs - ps)
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"p": round(100 * prec, 2), "r": round(100 * rec, 2), "f1": round(100 * f1, 2), "gold": tp + fn}
