"""Typing actor and place mentions by combining evidence, and dropping spans that are no actor.

The scanner (``kg.extract.entities``) finds mentions and types some of them from
one clue each: a title, a gazetteer or actor-file entry, a force noun, a
name pattern, a titled namesake in the article. Here every clue votes,
with an acronym's spelling ("UNIFIL": an organisation),
together with the named-entity tagger (``kg.parse.ner``) and the dependency
context (a locative case; where no tagger reads the language, being the subject
of a speech verb: "Vance said"), with the weights of ``kg/lang/<code>/typing.yaml``; the winning type
and its strongest voice (``type_source``) are kept on the mention, and the
entity takes them over (visible in events.json and the HTML view).

A capitalised span that no clue types and that the tagger does not take
for a name ("Adakan", "Alhamdulillah" in a headline) is no actor: it is
dropped, unless it is part of a typed name of the same article or has a
digit ("F-16": equipment, which the tagger was not taught). Without
a named-entity tagger for the language (English) the part-of-speech tagger
stands in: a span none of whose words it tags a proper noun is dropped.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kg import lang as languages
from kg.extract import gazetteer as gz
from kg.extract import ids
from kg.extract.anchoring import head_token
from kg.extract.text import fold
from kg.extract.tree import base
from kg.model import EntityMention, ParsedArticle, Sentence, Span
from kg.parse import ner

# types that vote together: a tagger's "place" agrees with a gazetteer's country
FAMILY = {"Person": "Person", "Country": "Place", "Place": "Place", "Organization": "Organization",
          "ArmedForce": "Organization"}
# the id of a name the tagger types and no gazetteer knows
NEW_ID = {"Organization": ids.org, "Place": ids.place}


@dataclass(frozen=True)
class Rules:
    weights: dict[str, float]
    ner_labels: dict[str, str]
    place_case: frozenset[str]
    acronym_min_length: int
    speech_verbs: frozenset[str]      # speech.yaml's inverted_verbs: "Vance said", "kata Agus"


@cache
def rules(lang: str) -> Rules:
    data, speech = languages.get(lang).data("typing"), languages.get(lang).data("speech")
    return Rules({k: float(v) for k, v in (data.get("weights") or {}).items()},
                 dict(data.get("ner_labels") or {}), frozenset(fold(w) for w in data.get("place_case") or []),
                 int(data.get("acronym_min_length") or 0),
                 frozenset(fold(w) for w in speech.get("inverted_verbs") or []))


def scanner_evidence(m: EntityMention) -> tuple[str, str] | None:
    """(evidence, type) of the scanner's own typing of ``m``, None when it typed nothing."""
    if m.type == "Unknown" or m.source in ("pronoun", "group"):
        return None
    if m.source in ("title", "gazetteer", "actor", "force"):
        return m.source, m.type
    return ("article" if m.type == "Person" else "pattern"), m.type


def ner_spans(s: Sentence, tagger: ner.Tagger) -> list[tuple[int, int, str]]:
    """The tagger's entities of sentence ``s`` as character spans with their label."""
    toks = s.tokens
    tags = tagger.tag([t.text for t in toks])
    out, start, label = [], None, None
    for k, tag in enumerate([*tags, "O"]):
        prefix, _, lab = tag.partition("-")
        if start is not None and (prefix != "I" or lab != label):
            out.append((toks[start].start, toks[k - 1].end, label))
            start = None
        if prefix == "B" or (prefix == "I" and start is None):
            start, label = k, lab
    return out


def _ner_label(m: EntityMention, spans: list[tuple[int, int, str]]) -> str | None:
    overlaps = [(min(m.end, b) - max(m.start, a), lab) for a, b, lab in spans if min(m.end, b) > max(m.start, a)]
    return max(overlaps)[1] if overlaps else None


def _context(m: EntityMention, s: Sentence, place_case: frozenset[str]) -> bool:
    """Does the name govern a locative preposition in the tree ("di Jalur Gaza")?"""
    inside = {t.id for t in s.tokens if m.start <= t.start and t.end <= m.end}
    roots = {t.id for t in s.tokens if t.id in inside and t.head not in inside}
    return any(t.head in roots and t.deprel == "case" and fold(t.text) in place_case for t in s.tokens)


def _speaks(m: EntityMention, s: Sentence, verbs: frozenset[str]) -> bool:
    """Is the name the subject of a speech verb ("Vance said", "kata Agus")? People say things
    far more often than organisations a gazetteer does not know."""
    head = head_token(s, Span(m.start, m.end))
    verb = s.head_of(head) if head is not None and base(head.deprel) == "nsubj" else None
    return verb is not None and fold(verb.text) in verbs


def decide(votes: list[tuple[str, str]], weights: dict[str, float]) -> tuple[str, str] | None:
    """(type, source) from (evidence, type) votes: the heaviest family, named by its strongest voice."""
    if not votes:
        return None
    total: dict[str, float] = {}
    for ev, typ in votes:
        total[FAMILY[typ]] = total.get(FAMILY[typ], 0.0) + weights.get(ev, 1.0)
    family = max(total, key=lambda f: (total[f], f == FAMILY[votes[0][1]]))
    ev, typ = max((v for v in votes if FAMILY[v[1]] == family), key=lambda v: weights.get(v[0], 1.0))
    return typ, ev


def _acronym(text: str, min_length: int) -> bool:
    return len(text) >= min_length and text.isalpha() and text.isupper()


def _words(text: str) -> list[str]:
    return [fold(w) for w in re.findall(r"\w+", text)]


def type_mentions(parsed: ParsedArticle, mentions: list[EntityMention]) -> list[EntityMention]:
    """Vote every mention's type (filling ``type_source``); return the mentions that are actors or places."""
    lang = parsed.article.language
    r, tagger = rules(lang), ner.tagger(lang)
    sentences = {s.index: s for s in parsed.sentences}
    spans = {i: ner_spans(s, tagger) for i, s in sentences.items()} if tagger else {}
    untagged = set()
    for m in mentions:
        if m.source in ("pronoun", "group"):
            m.type_source = m.source
            continue
        votes = [v] if (v := scanner_evidence(m)) else []
        if r.acronym_min_length and _acronym(m.text, r.acronym_min_length):
            votes.append(("acronym", "Organization"))
        label = _ner_label(m, spans.get(m.sentence, []))
        if label in r.ner_labels:
            votes.append(("ner", r.ner_labels[label]))
        s = sentences.get(m.sentence)
        if votes and s is not None and _context(m, s, r.place_case):
            votes.append(("context", "Place"))
        if "speaker" in r.weights and m.source == "propn" and not _designation(m.text) and s is not None \
                and _speaks(m, s, r.speech_verbs):     # "Vance said"; not the misparsed '"F-16s …," he said'
            votes.append(("speaker", "Person"))
        picked = decide(votes, r.weights)
        if picked is None:
            # with no named-entity tagger, the part-of-speech tagger's proper nouns stand in for its
            # names ("our Great Farmers", "Soybeans" in a post written in capitals are common nouns)
            if tagger is not None or not _proper(m, sentences):
                untagged.add(id(m))
            continue
        _retype(m, *picked)
    typed = [_words(m.text) for m in mentions if m.type != "Unknown" and m.source not in ("pronoun", "group")]
    text = parsed.article.text
    return [m for m in mentions if id(m) not in untagged or m.source != "propn"
            or _designation(text[m.start:m.end + 1])
            or any(_part_of(_words(m.text), t) for t in typed)]


def _proper(m: EntityMention, sentences: dict[int, Sentence]) -> bool:
    """Does the part-of-speech tagger take a word of ``m`` for a proper noun (or see no word of
    it), or does GeoNames know it ("visited Canberra", tagged a noun)?"""
    s = sentences.get(m.sentence)
    words = [t for t in s.tokens if m.start <= t.start < m.end] if s is not None else []
    return not words or any(t.upos == "PROPN" for t in words) or gz.find_place(m.text, ()) is not None


def _designation(text: str) -> bool:
    """A name with a digit in it or right after it ("F-16", "F-" before "16") designates equipment."""
    return any(c.isdigit() for c in text)


def _part_of(short: list[str], long: list[str]) -> bool:
    it = iter(long)
    return bool(short) and all(w in it for w in short)


def _retype(m: EntityMention, typ: str, source: str) -> None:
    """Give ``m`` the voted type; a name newly typed an organisation or place gets an id of that kind."""
    if m.entity_ids and FAMILY.get(m.type) != FAMILY[typ]:
        m.entity_ids = []
    m.type, m.type_source = typ, source
    if not m.entity_ids and typ in NEW_ID:
        place = gz.find_place(m.text) if typ == "Place" else None
        m.entity_ids = [place.id] if place else [NEW_ID[typ](m.text)]
