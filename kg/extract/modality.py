"""Negation, plans and hearsay around a trigger, from the words in modality.yaml."""
from __future__ import annotations

from kg.extract.lexicon import Lexicon
from kg.extract.tree import base, lower
from kg.model import Sentence, Token


def marker_words(lex: Lexicon) -> set[str]:
    """Every modality word: these are never triggers themselves ("dilaporkan tiba")."""
    return set().union(*lex.modality_markers.values())


def modality(sent: Sentence, tokens: list[Token], head: Token, lex: Lexicon) -> list[str]:
    """The modality of a trigger: markers right before it (over transparent
    words like "telah", "akan"), its negating dependents, a marker verb
    it is the complement of ("dilaporkan tiba", "berencana mengerahkan"), and
    the auxiliaries of the clause it is an adjunct or complement of ("will begin by calling"),
    a light verb's whose object it is ("would start talks"), and a noun's it is joined to."""
    kinds = lex.modality_markers
    transparent = lex.words(lex.modality, "transparent")
    found: list[str] = []

    def note(tok: Token) -> bool:
        hit = [k for k, words in kinds.items() if lower(tok) in words]
        found.extend(k for k in hit if k not in found)
        return bool(hit)

    i = tokens[0].id - 2
    while i >= 0:
        t = sent.tokens[i]
        if not note(t) and lower(t) not in transparent:
            break
        i -= 1
    for c in sent.children(head):
        if base(c.deprel) in ("advmod", "aux", "neg"):
            note(c)
        elif base(c.deprel) == "obj" and lower(c) in kinds.get("negated", ()) and "negated" not in found:
            found.append("negated")      # "said nothing about the visits"
    gov = sent.head_of(head)
    if gov is not None and base(head.deprel) == "conj" and head.upos == gov.upos == "NOUN":
        # nouns joined in one phrase share its modality ("akan melakukan pertemuan … dan pertemuan bilateral")
        found.extend(k for k in modality(sent, [gov], gov, lex) if k not in found)
    if gov is not None and base(head.deprel) == "obj" and lower(gov) in lex.words(lex.roles, "light_verbs"):
        # a noun a light verb carries has the verb's modality ("would start talks", "akan menggelar pertemuan")
        found.extend(k for k in modality(sent, [gov], gov, lex) if k not in found)
    if gov is not None and base(head.deprel) in ("xcomp", "ccomp"):
        note(gov)
    if gov is not None and base(head.deprel) in ("xcomp", "advcl"):
        # a non-finite act shares the auxiliaries of the clause it depends on ("will begin by calling")
        for c in sent.children(gov):
            if base(c.deprel) == "aux":
                note(c)
    return found
