"""Questions about one parsed sentence: dependents, phrases, words, mentions.

The bundled parser is modest, so every helper here tolerates odd trees
(cycles are impossible in Stanza output, but heads can be far off).
"""
from __future__ import annotations

import re

from kg.model import EntityMention, Sentence, Token

NOMINAL = ("NOUN", "PROPN", "PRON", "NUM", "X")
# dependents that start a new clause: a phrase stops there
CLAUSAL = ("acl", "advcl", "ccomp", "xcomp", "parataxis", "conj", "punct", "cc", "mark", "dep")
_WORD = re.compile(r"[\w'’-]+")
# the mention types an address is made of ("Gedung DPR, Senayan, Jakarta")
ADDRESS_TYPES = ("Place", "Country")


def base(deprel: str) -> str:
    return deprel.split(":")[0]


def case_of(sent: Sentence, tok: Token) -> str:
    """The case marker of a dependent ("ke", "dengan" …), or "none"."""
    for c in sent.children(tok):
        if base(c.deprel) == "case" and c.id < tok.id:
            return c.lemma.lower() if c.lemma else c.text.lower()
    prev = sent.tokens[tok.id - 2] if tok.id > 1 else None
    # a case marker the parser hung elsewhere, right before the phrase
    if prev is not None and prev.upos == "ADP":
        return prev.text.lower()
    return "none"


def conjuncts(sent: Sentence, tok: Token) -> list[Token]:
    """Nominal conjuncts of a dependent: "Zelensky dan Yoon" → [Yoon]."""
    chain = _descend(sent, tok, lambda c: base(c.deprel) == "conj" and c.upos in NOMINAL)
    return [t for t in chain if t is not tok]


def _descend(sent: Sentence, head: Token, keep) -> list[Token]:
    """``head`` and the dependents reachable through relations ``keep`` accepts
    (a visited set guards against cyclic trees in hand-made CoNLL-U)."""
    out, todo, seen = [], [head], {head.id}
    while todo:
        t = todo.pop()
        out.append(t)
        for c in sent.children(t):
            if c.id not in seen and keep(c):
                seen.add(c.id)
                todo.append(c)
    return sorted(out, key=lambda t: t.id)


def phrase(sent: Sentence, head: Token) -> list[Token]:
    """The tokens of the noun phrase headed by ``head``, without nested clauses
    or prepositional modifiers ("polisi [di Kanada]" names the police, not Canada)."""
    def keep(c: Token) -> bool:
        return base(c.deprel) not in CLAUSAL and base(c.deprel) != "case" and \
            not any(base(g.deprel) == "case" for g in sent.children(c))
    return _descend(sent, head, keep)


def subtree(sent: Sentence, head: Token) -> list[Token]:
    return _descend(sent, head, lambda c: True)


def word_at(text: str, start: int) -> tuple[int, str]:
    """The whole written word at ``start`` (a multi-word token: "katanya")."""
    m = _WORD.match(text, start)
    return (start, m.group(0)) if m else (start, "")


def lower(tok: Token) -> str:
    return tok.text.lower()


class MentionIndex:
    """Finds the entity mention of a token or a phrase among ``mentions``."""

    def __init__(self, mentions: list[EntityMention]) -> None:
        self.mentions = sorted(mentions, key=lambda m: (m.start, -(m.end - m.start)))

    def at(self, start: int, end: int) -> EntityMention | None:
        """The longest mention overlapping ``[start, end)``."""
        hits = [m for m in self.mentions if m.start < end and start < m.end]
        return max(hits, key=lambda m: m.end - m.start) if hits else None

    def of_phrase(self, sent: Sentence, head: Token) -> EntityMention | None:
        """The mention a phrase names: the one on its head, else the first typed one inside."""
        m = self.at(head.start, head.end)
        if m is not None:
            return m
        toks = phrase(sent, head)
        inside = [m for m in self.mentions if any(m.start < t.end and t.start < m.end for t in toks)]
        typed = [m for m in inside if m.type != "Unknown"]
        return (typed or inside or [None])[0]

    def address(self, sent: Sentence, m: EntityMention) -> list[EntityMention]:
        """ "Gedung DPR, Senayan, Jakarta": the mentions after ``m``, each right after a comma,
        that an address goes on with (the places it lies in)."""
        out: list[EntityMention] = []
        while True:
            while (joined := self._joined(sent, m)) is not None:
                m = joined      # "Gedung DPR": a name that runs on into another mention
            comma = next((t for t in sent.tokens if t.start >= m.end), None)
            after = next((t for t in sent.tokens if comma is not None and t.start >= comma.end), None)
            nxt = self.at(after.start, after.end) if after is not None and comma.text == "," else None
            # a place that fills its words (not "Ukraina" of "Ukraina-Korsel Sepakat", a new clause)
            if nxt is None or nxt.start != after.start or nxt.end < after.end or nxt.type not in ADDRESS_TYPES:
                return out
            out.append(nxt)
            m = nxt

    def _joined(self, sent: Sentence, m: EntityMention) -> EntityMention | None:
        """The mention that starts on the very next token after ``m``, if any."""
        nxt = next((t for t in sent.tokens if t.start >= m.end), None)
        found = self.at(nxt.start, nxt.end) if nxt is not None and nxt.upos != "PUNCT" else None
        return found if found is not None and found.start == nxt.start and found is not m else None

    def after(self, sent: Sentence, tok: Token, window: int = 4) -> EntityMention | None:
        """A mention starting within ``window`` words after ``tok``, in the same
        clause (no punctuation or subordinator between; verbs are passed, as
        the tagger takes nouns like "tempat" for verbs)."""
        for t in sent.tokens[tok.id:tok.id + window]:
            m = self.at(t.start, t.end)
            if m is not None:
                return m
            if t.upos in ("PUNCT", "SCONJ"):
                return None
        return None
