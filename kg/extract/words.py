"""The words the entity scanner reads: a sentence's tokens as plain words, with what the
tokenizer cut apart put back ("F-16") and what it kept together split ("AS-China").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract import gazetteer as gz
from kg.extract.anchoring import head_token
from kg.model import Sentence, Span, Token

# POS that never start or continue a capitalised name
FUNCTION_UPOS = {"ADP", "CCONJ", "SCONJ", "PRON", "DET", "AUX", "PART", "PUNCT", "NUM", "SYM"}
# a capitalised word after these (or first in the sentence) may just be capitalised by position
OPENERS = {'"', "“", "”", "'", "‘", "’", "(", "[", ":", "-", "–", "—", ".", "!", "?", "…"}
# a sentence whose words are this capitalised is a headline: only PROPN-tagged words are names
HEADLINE_CAPS = 0.75
# a model designation the tokenizer cuts at its hyphen ("F-16" → "F" "-" "16", "F-" "16")
_DESIGNATION = re.compile(r"^[A-Z][A-Za-z]{0,4}-\d{1,4}[A-Za-z]{0,2}$")


@dataclass
class Word:
    """A word as the scanner reads it."""

    text: str
    start: int
    end: int
    upos: str = "X"
    deprel: str = ""
    lemma: str = ""
    initial: bool = False   # capitalised by position (sentence start, after a quote)
    id: int = 0             # the token's id and head in its sentence's tree (0: none)
    head: int = 0
    headline: bool = False  # in a title-case line, where every word is capitalised

    @property
    def cap(self) -> bool:
        return self.text[:1].isupper()


def sentence_words(sentence: Sentence, body_start: int) -> list[Word]:
    toks = [t for t in sentence.tokens if t.start >= body_start]   # site banners before the headline
    texts = [t.text for t in toks]
    ws: list[Word] = []
    k = 0
    while k < len(toks):
        t, n = toks[k], _designation(toks, k)
        initial = k == 0 or toks[k - 1].text in OPENERS
        if n:           # one word, standing where the tree has the designation's head
            head = head_token(sentence, Span(t.start, toks[k + n - 1].end)) or t
            ws.append(Word(sentence.text[t.start - sentence.start:toks[k + n - 1].end - sentence.start],
                           t.start, toks[k + n - 1].end, "PROPN", head.deprel, "", initial, head.id, head.head))
            k += n
            continue
        w = Word(t.text, t.start, t.end, t.upos, t.deprel, t.lemma, initial, t.id, t.head)
        ws.extend(_hyphen_pair(w, texts, k) or [w])
        k += 1
    alpha = [w for w in ws if w.text[:1].isalpha()]
    # a title line has no closing stop; a sentence dense with names has one
    titled = bool(ws) and ws[-1].text not in (".", "!", "?")
    if titled:      # title case leaves function words small ("Trump dan Putin Berbincang via Telepon")
        alpha = [w for w in alpha if w.upos not in FUNCTION_UPOS] or alpha
    if len(alpha) >= 4 and sum(w.cap for w in alpha) >= HEADLINE_CAPS * len(alpha):
        for w in ws:
            w.initial, w.headline = True, titled
    return ws


def _designation(toks: list[Token], k: int) -> int:
    """How many tokens from ``k`` spell a model designation with no space inside ("F-16"), or 0."""
    for n in (3, 2):
        run = toks[k:k + n]
        if len(run) == n and all(a.end == b.start for a, b in zip(run, run[1:])) and \
                _DESIGNATION.match("".join(x.text for x in run)):
            return n
    return 0


def _hyphen_pair(w: Word, texts: list[str], k: int) -> list[Word] | None:
    """The words of a hyphenated pair of known countries or actors ("AS-China", "Rusia-Ukraina",
    "Korea Utara-Korea Selatan"), which the tokenizer keeps as one token: each side is its own
    name, at its own offsets. A side may end or start a longer name in the neighbouring words
    (``texts`` are the sentence's token texts, ``k`` the index of ``w``'s token)."""
    sides = w.text.split("-")
    if len(sides) != 2 or not all(side[:1].isupper() for side in sides):
        return None
    names, kinds = gz.names(), ("country", "actor")
    left = texts[max(0, k - names.longest + 1):k]
    ends_name = any((m := names.match(left[i:] + [sides[0]], 0, kinds)) and m[1] == len(left) - i + 1
                    for i in range(len(left) + 1))
    if not (ends_name and names.match([sides[1]] + texts[k + 1:k + names.longest], 0, kinds)):
        return None
    cut = w.start + len(sides[0])
    return [Word(sides[0], w.start, cut, w.upos, w.deprel, "", w.initial, w.id, w.head),
            Word("-", cut, cut + 1, "PUNCT", "punct", "-", False, w.id, w.head),
            Word(sides[1], cut + 1, w.end, w.upos, w.deprel, "", True, w.id, w.head)]


def text_words(text: str, base: int = 0) -> list[Word]:
    """Words of a bare string (no parse), for re-reading a mention's own text."""
    return [Word(m.group(), base + m.start(), base + m.end())
            for m in re.finditer(r"\w+(?:[-'’.]\w+)*|[^\w\s]", text)]
