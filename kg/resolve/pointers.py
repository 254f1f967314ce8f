"""Pronouns and group phrases: whom they point back to, inside one article.

A third-person pronoun ("ia", "-nya", "he") is the most recent compatible
person, a paragraph's subject pronoun standing for the one it was resolved to
(a quote's speaker pronoun, the one quoted before when its paragraph names no
subject); a reported clause's "it" is the country or body that says it ("Indonesia
says it plans …"); a possessive in a fronted phrase is the subject after it
("Dalam kunjungannya ke Jakarta, Presiden Macron …"); a first-person one inside a
quotation is its speaker; a group phrase ("kedua pemimpin", "the two leaders") is the
actors the article has told most so far, a one-word group after a group phrase that one.
Read by :mod:`kg.resolve.entities` once names are resolved.
"""
from __future__ import annotations

import re
from collections import Counter

from kg.extract import ids
from kg.extract.text import fold, words
from kg.extract.tree import base
from kg.extract.vocab import Vocab
from kg.model import EntityMention, Sentence

QUOTES = '"“”«»„'


def _quote_before(text: str, pos: int) -> tuple[int, int] | None:
    """The quotation that closes right before ``pos`` on its line ("…," katanya): its span."""
    line_start = text.rfind("\n", 0, pos) + 1
    prefix = text[line_start:pos]
    marks = [k for k, c in enumerate(prefix) if c in QUOTES]
    if len(marks) < 2 or re.search(r"\w", prefix[marks[-1] + 1:]):
        return None
    return line_start + marks[-2], line_start + marks[-1]


# a quote's speaker pronoun points back to a speaker quoted up to this many sentences before
SPEAKER_REACH = 5
# words that may come before a paragraph's subject ("Setelah itu, …", "Namun …")
SUBJECT_WORDS = 3
# punctuation that opens another clause: a name after it is no part of the pronoun's own clause
_CLAUSE_BREAKS = ("—", "–", ";")


def _opens(c: EntityMention, text: str) -> bool:
    """Whether ``c`` opens its line, after at most SUBJECT_WORDS words ("Setelah itu, Albanese …"),
    outside quotation marks: where a paragraph's subject stands."""
    line_start = text.rfind("\n", 0, c.start) + 1
    return not _in_quote(text, c.start) and len(re.findall(r"\w+", text[line_start:c.start])) <= SUBJECT_WORDS


def _word_before(text: str, pos: int) -> tuple[str, int]:
    """The word right before ``pos``, attached or after spaces ("tambah" of "tambahnya", "ujar X"),
    folded, and where it starts."""
    m = re.search(r"(\w+)\s*$", text[:pos])
    return (fold(m.group(1)), m.start(1)) if m else ("", pos)


def resolve_pointers(article_mentions: list[EntityMention], text: str, v: Vocab,
                     sentences: dict[int, Sentence] | None = None) -> None:
    """Pronouns → the most recent compatible person; groups → the last N distinct actors;
    a first-person pronoun in a quotation → its speaker (once the speaker's own pronoun is resolved).
    With the article's ``sentences`` (by index), an object pronoun is never its own clause's
    subject ("Prabowo called Albanese to congratulate him": not Prabowo)."""
    for m in article_mentions:
        if _first_person(m, v):
            continue
        if m.source == "pronoun" and fold(m.text) in v.reported_subject:
            sayer = _reporting_subject(m, article_mentions, sentences.get(m.sentence) if sentences else None)
            m.entity_ids, m.type = (list(sayer.entity_ids), sayer.type) if sayer else ([], m.type)
        elif m.source == "pronoun" and (ahead := _cataphor(m, article_mentions, sentences.get(m.sentence)
                                                           if sentences else None)) is not None:
            m.entity_ids = list(ahead.entity_ids)
        elif m.source == "pronoun":
            host, host_start = _word_before(text, m.start)
            speaker = host in v.speaker_hosts          # '"…," katanya', '"…," tutur dia'
            skip = _quote_before(text, host_start) if speaker else None   # never a name inside the quote
            # a paragraph's subject pronoun, already resolved, stands for its person: "He explained
            # that … ordered by Hadi. … “…,” he said" goes on about the one the paragraph was about
            cands = [c for c in article_mentions if c.start < m.start and c.type == "Person" and c.entity_ids
                     and c.source != "group" and (c.source != "pronoun" or _opens(c, text) and not _first_person(c, v))
                     and not (skip and skip[0] <= c.start <= skip[1])]
            # not someone the rest of its sentence names ("Ia berterima kasih kepada Perdana
            # Menteri Jepang": not the Prime Minister), unless a dash or semicolon opens another
            # clause before it ("He said … — with Trump using an unconfirmed figure")
            own = {i for c in article_mentions if c.sentence == m.sentence and c.start > m.start
                   and c.source not in ("pronoun", "group") and not _in_quote(text, c.start)
                   and not any(ch in text[m.end:c.start] for ch in _CLAUSE_BREAKS) for i in c.entity_ids}
            cands = [c for c in cands if c.entity_ids[0] not in own] or cands
            bound = _clause_subject_ids(m, article_mentions, sentences.get(m.sentence)) if sentences else set()
            cands = [c for c in cands if c.entity_ids[0] not in bound] or cands
            if cands and speaker and not _opens(_antecedent(cands, text), text):
                # a quote's speaker ("…," tambahnya / tutur dia) after a paragraph that names no one
                # as its subject: the one quoted just before, if any
                quoted = [c for c in cands if _word_before(text, c.start)[0] in v.speaker_hosts
                          and m.sentence - c.sentence <= SPEAKER_REACH]
                cands = quoted[-1:] or cands
            if cands:
                m.entity_ids = [_antecedent(cands, text).entity_ids[0]]
        elif m.source == "group" and (told := _group_before(m, article_mentions)) is not None:
            # "the two countries renewed their … agreement": a one-word group ("their", "mereka") in
            # the clause of a group phrase stands for the same ones
            m.entity_ids, m.type = list(told.entity_ids), told.type
        elif m.source == "group":
            count = _group_count(m.text, v)
            # "kedua pemimpin": the ones the article has talked about most so far, not
            # whoever was named last (a delegation listed just before)
            told: Counter[str] = Counter()
            last: dict[str, int] = {}
            for c in article_mentions:
                if c.start < m.start:
                    for eid in _group_ids(c, m.type):
                        told[eid] += 1
                        last[eid] = c.start
            found = sorted(told, key=lambda e: (-told[e], -last[e]))[:count]
            m.entity_ids = sorted(found) if len(found) >= count else []


    for m in article_mentions:
        if _first_person(m, v):
            speaker = _quote_speaker(m, article_mentions, text, v)
            m.entity_ids = list(speaker.entity_ids) if speaker else []


def _cataphor(m: EntityMention, mentions: list[EntityMention], sent: Sentence | None) -> EntityMention | None:
    """The subject after a fronted phrase whose noun the possessive ``m`` is on: "Dalam
    kunjungannya ke Jakarta …, Presiden Emmanuel Macron sudah mengundang …", "In his speech,
    Trump said", "Setibanya di Ankara, Menlu Sugiono …": the pronoun points ahead to that person."""
    tok = next((t for t in sent.tokens if t.start <= m.start < t.end), None) if sent else None
    noun = sent.head_of(tok) if tok is not None and tok.deprel.startswith("nmod:poss") else None
    # the phrase is an oblique, or the sentence's first word set off by a comma however the parser
    # hangs it ("Setibanya di Ankara, Menteri Luar Negeri Sugiono langsung bertemu …")
    fronted = noun is not None and (base(noun.deprel) == "obl" or noun.id == 1 and any(
        t.text == "," for t in sent.tokens[noun.id:]))
    verb = sent.head_of(noun) if fronted else None
    if verb is None or not noun.id < verb.id:
        return None
    subject = next((c for c in sent.children(verb) if base(c.deprel) == "nsubj" and c.id > tok.id
                    and c.id != noun.id), None)
    ahead = next((c for c in mentions if subject is not None and c.sentence == m.sentence
                  and c.start <= subject.start < c.end and c.type == "Person" and c.entity_ids
                  and c.source not in ("pronoun", "group")), None)
    return ahead


def _group_before(m: EntityMention, mentions: list[EntityMention]) -> EntityMention | None:
    """The resolved group phrase before the one-word group ``m`` in its sentence, if any."""
    if len(m.text.split()) != 1:
        return None
    before = [c for c in mentions if c.sentence == m.sentence and c.start < m.start and c.source == "group"
              and c.entity_ids and len(c.text.split()) > 1]
    return before[-1] if before else None


def _reporting_subject(m: EntityMention, mentions: list[EntityMention], sent: Sentence | None) -> EntityMention | None:
    """The country or body a reported clause's subject pronoun ``m`` stands for: the subject of
    the verb the clause is the complement of ("Indonesia says it plans …"), when no person."""
    tok = next((t for t in sent.tokens if t.start <= m.start < t.end), None) if sent else None
    clause = sent.head_of(tok) if tok is not None and base(tok.deprel) == "nsubj" else None
    verb = sent.head_of(clause) if clause is not None and base(clause.deprel) == "ccomp" else None
    subject = next((c for c in sent.children(verb) if base(c.deprel) == "nsubj"), None) if verb else None
    if subject is None:
        return None
    said = next((c for c in mentions if c.sentence == m.sentence and c.start <= subject.start < c.end
                 and c.entity_ids), None)
    return said if said is not None and said.type in ("Country", "Organization", "ArmedForce") else None


def _first_person(m: EntityMention, v: Vocab) -> bool:
    """ "saya", "we": resolved to a quotation's speaker, after every other pointer."""
    return m.source == "pronoun" and fold(m.text) in v.first_person


def _clause_subject_ids(m: EntityMention, mentions: list[EntityMention], sent: Sentence | None) -> set[str]:
    """The entities of the subject of the clause whose object (or indirect object) the pronoun
    ``m`` is: the subject of a subjectless clause of purpose or time is its governor's, of an
    infinitive complement its governor's object ("asked X to visit him": X), of a clause on a
    noun that noun."""
    tok = next((t for t in sent.tokens if t.start <= m.start < t.end), None) if sent else None
    if tok is None or base(tok.deprel) not in ("obj", "iobj"):
        return set()
    verb = sent.head_of(tok)
    for _ in range(3):
        if verb is None:
            return set()
        kids = sent.children(verb)
        subject = next((c for c in kids if base(c.deprel) == "nsubj"), None)
        rel, gov = base(verb.deprel), sent.head_of(verb)
        if subject is None and rel == "xcomp" and gov is not None:
            subject = next((c for c in sent.children(gov) if base(c.deprel) == "obj"), None)
        elif subject is None and rel == "acl":
            subject = gov        # "President Prabowo on Sunday called …": the noun the clause is on
        if subject is not None:
            return {i for c in mentions if c.sentence == m.sentence and c.start <= subject.start < c.end
                    for i in c.entity_ids}
        if rel not in ("advcl", "conj", "xcomp"):
            return set()
        verb = gov
    return set()


# at most this many words between a quotation's closing mark and its speaker ('…,” kata Menteri X')
SPEAKER_AFTER_WORDS = 3


def _quote_speaker(m: EntityMention, mentions: list[EntityMention], text: str, v: Vocab) -> EntityMention | None:
    """Who says the quotation ``m`` stands in: the person named (or pointed to) right after its
    closing mark on the same line ('“Saya …,” ujar Prabowo', '"We …," Trump said', '“…,” katanya').
    None outside a quotation, or when the quotation runs on past its line."""
    if not _in_quote(text, m.start):
        return None
    line_end = text.find("\n", m.end)
    line_end = len(text) if line_end < 0 else line_end
    close = next((k for k in range(m.end, line_end) if text[k] in QUOTES), None)
    if close is None:
        return None
    after = [c for c in mentions if close < c.start < line_end and c.type == "Person" and c.entity_ids
             and not _first_person(c, v)]
    first = min(after, key=lambda c: c.start, default=None)
    if first is None or len(re.findall(r"\w+", text[close:first.start])) > SPEAKER_AFTER_WORDS:
        return None
    return first


def _antecedent(cands: list[EntityMention], text: str) -> EntityMention:
    """The person a pronoun points back to: in the latest sentence naming one, the one named
    first outside quotation marks — the subject or the speaker ("… kata Prabowo kepada
    Albanese. Ia juga menyatakan …": Prabowo), as the subject is what a next sentence goes on about."""
    last = max(cands, key=lambda c: c.start)
    there = [c for c in cands if (c.article_id, c.sentence) == (last.article_id, last.sentence)]
    unquoted = [c for c in there if not _in_quote(text, c.start)]
    return min(unquoted, key=lambda c: c.start) if unquoted else last


def _in_quote(text: str, pos: int) -> bool:
    """Whether ``pos`` lies inside a quotation opened on its line."""
    line_start = text.rfind("\n", 0, pos) + 1
    return sum(text[line_start:pos].count(q) for q in QUOTES) % 2 == 1


def _group_count(text: str, v: Vocab) -> int:
    m = v.groups.match(words(text), 0)
    return m[0].count if m else 2


def _group_ids(c: EntityMention, kind: str) -> list[str]:
    if c.source in ("pronoun", "group"):
        return []
    if kind == "Person":
        return c.entity_ids[:1] if c.type == "Person" else []
    if kind == "Country":
        if c.type == "Country":
            return c.entity_ids[:1]
        return [c.affiliation] if c.affiliation and ids.kind(c.affiliation) == "country" else []
    return []
