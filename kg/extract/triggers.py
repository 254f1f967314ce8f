"""Finding trigger words in a sentence: multiword phrases, then forms, then lemmas.

Forms come before lemmas because the bundled lemmatizer keeps some
nominalisations and gets some verbs wrong; the longest phrase wins so that
"percakapan telepon" is one trigger, not two.
"""
from __future__ import annotations

from dataclasses import dataclass

from kg.extract.lexicon import Lexicon, TriggerEntry
from kg.extract.tree import base, lower
from kg.model import EntityMention, Sentence, Token


@dataclass
class TriggerMatch:
    tokens: list[Token]
    entry: TriggerEntry
    kind: str                 # verb, nominal or multiword
    nominal: bool = False     # the trigger is a noun (a phrase: its first word)

    @property
    def head(self) -> Token:
        """The token of the match whose head lies outside it (the syntactic head)."""
        ids = {t.id for t in self.tokens}
        return next((t for t in self.tokens if t.head not in ids), self.tokens[0])


# a sentence with this share of capitalised words is a title-case line, not running text
NAME_CAPS = 0.6


def find_triggers(sent: Sentence, lex: Lexicon, exclude: set[int]) -> list[TriggerMatch]:
    """Trigger matches of ``sent``; token ids in ``exclude`` are never triggers."""
    taken = set(exclude)
    matches: list[TriggerMatch] = []
    toks = sent.tokens
    phrases = sorted(((p, e) for e in lex.triggers for p in e.phrases), key=lambda x: -len(x[0]))
    forms = [(lower(t), t.lemma.lower()) for t in toks]   # each token's form and lemma, lowercased once
    for words, entry in phrases:
        n = len(words)
        for i in range(len(toks) - n + 1):
            if words[0] not in forms[i]:
                continue
            span = toks[i:i + n]
            if any(t.id in taken for t in span):
                continue
            if all(w in f for w, f in zip(words, forms[i:i + n])):
                matches.append(TriggerMatch(span, entry, "multiword", lex.is_nominal(span[0], _prev(toks, i))))
                taken.update(t.id for t in span)
    named = _inside_names(toks)
    for by_lemma in (False, True):
        for t, (form, lemma) in zip(toks, forms):
            if t.id in taken or t.id in named:
                continue
            for entry in lex.triggers:
                hit = (lemma in entry.lemmas and t.upos in entry.pos) if by_lemma else form in entry.forms
                if hit:
                    nominal = lex.is_nominal(t, _prev(toks, t.id - 1))
                    if nominal and _names_a_setting(sent, t, lex):
                        break
                    matches.append(TriggerMatch([t], entry, "nominal" if nominal else "verb", nominal))
                    taken.add(t.id)
                    break
    return sorted(matches, key=lambda m: m.tokens[0].id)


def in_titles(sent: Sentence, mentions: list[EntityMention]) -> set[int]:
    """Ids of words inside a person's or an organisation's longer name or title: no event ("juru
    bicara Kemlu China Mao Ning"; a trigger word read as a name by itself, "KTT", still is one)."""
    return {t.id for t in sent.tokens for m in mentions if m.type in ("Person", "Organization")
            and m.start <= t.start and t.end <= m.end and m.end - m.start > t.end - t.start}


def _names_a_setting(sent: Sentence, t: Token, lex: Lexicon) -> bool:
    """ "ruang jamuan istana", "the meeting room": the noun says what a room is for, no event took place."""
    gov = sent.head_of(t)
    return gov is not None and base(t.deprel) in ("nmod", "compound") and \
        (lower(gov) in lex.settings or gov.lemma.lower() in lex.settings)


def _inside_names(toks: list[Token]) -> set[int]:
    """Ids of words inside a name in running text ("the Comprehensive and Progressive Agreement
    for Trans-Pacific Partnership"): a capitalised word, not opening the sentence nor
    an acronym, with a capitalised neighbour. A title-case line (a headline) names nothing so."""
    alpha = [t for t in toks if t.text[:1].isalpha()]
    if not alpha or sum(t.text[:1].isupper() for t in alpha) >= NAME_CAPS * len(alpha):
        return set()

    def cap(k: int) -> bool:
        return 0 < k < len(toks) and toks[k].text[:1].isupper()

    return {t.id for k, t in enumerate(toks) if k and cap(k) and not t.text.isupper()
            and (cap(k - 1) or cap(k + 1))}


def _prev(toks: list[Token], i: int) -> Token | None:
    """The token before position ``i`` of the sentence, if any."""
    return toks[i - 1] if i > 0 else None
