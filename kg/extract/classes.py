"""Whether a phrase belongs to a word class of ``triggers.yaml`` (force, envoy, person …):
the question a trigger's conditions ask of its subject or theme, and the role filler of its
arguments ("dua unit tanker" is no force, "ribuan tentara" is).
"""
from __future__ import annotations

from kg.extract.lexicon import WordClass
from kg.extract.tree import MentionIndex, base, lower, phrase
from kg.model import Sentence, Token


def in_class(sent: Sentence, tok: Token, cls: WordClass, index: MentionIndex,
             amounts: frozenset[str] = frozenset()) -> bool:
    """Whether the phrase at ``tok`` (or the noun it modifies) belongs to a word class.

    ``amounts``: nouns that count what they modify ("jumlah personel"), like numbers do."""
    m = index.of_phrase(sent, tok)
    if m is not None and m.type in cls.types:
        return True
    # the head word decides ("dua unit tanker" is no force); an amount word
    # ("ribuan tentara") hands over to the noun it counts, a modifier to its noun
    toks = [tok]
    if tok.upos in ("NUM", "DET") or lower(tok) in amounts:
        toks += [c for c in sent.children(tok) if base(c.deprel) in ("nmod", "compound", "flat")]
    gov = sent.head_of(tok)
    if gov is not None and gov.upos == "NOUN" and base(tok.deprel) in ("nmod", "flat", "compound"):
        toks.append(gov)
    text = " ".join(lower(t) for t in phrase(sent, tok))
    return any(lower(t) in cls.words or t.lemma.lower() in cls.words for t in toks) or \
        any(" " in w and w in text for w in cls.words)
