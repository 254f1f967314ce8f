"""What the event mentions of one sentence share with one another.

A bare trigger noun borrows the parties of the noun of its type it is joined to, or of its
sentence's verb; a noun depending on a trigger of its type folds into it. Read by
:mod:`kg.extract.events` once a sentence's mentions are found.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract.lexicon import Lexicon
from kg.extract.tree import base, case_of
from kg.model import ACTOR_ROLES, Argument, Sentence

if TYPE_CHECKING:
    from kg.extract.events import _Found

# confidence kept by a mention whose parties come from a fallback, not its own phrase
FALLBACK_FACTOR = 0.85


def borrow_parties(out: list[_Found]) -> None:
    """ "X dan Y, menurut panggilan telepon …, mengonfirmasi": a nominal talk
    with no parties of its own, in a sentence whose verb has a subject, is
    between that subject's actors (the nearest such verb when the tree could
    not tie the noun to its clause). A noun joined to a trigger noun of its type ("pertemuan
    tête-à-tête dan pertemuan bilateral") is between that one's parties."""
    by_head = {g.head.id: g for g in out if g.head is not None}
    for f in out:
        ev = f.mention
        if f.borrows is None or any(a.role in ACTOR_ROLES for a in ev.arguments):
            continue
        first = by_head.get(f.head.head) if f.head is not None and base(f.head.deprel) == "conj" else None
        if first is not None and first.mention.type == ev.type and first.nominal:
            ev.arguments += [Argument(a.role, a.mention) for a in first.mention.arguments if a.role in ACTOR_ROLES]
            ev.rule = ev.rule.rsplit(":", 1)[0] + ":conjunct"
            continue
        # what a statement is about is not its speaker's act ("Rusia belum mengkonfirmasi percakapan ini")
        donors = [g for g in out if g is not f and not g.nominal and g.subject_args
                  and not (g.mention.type == "Statement" and f.head is not None and g.head is not None
                           and f.head.head == g.head.id)]
        if not donors:
            continue
        g = min(donors, key=lambda g: abs(g.mention.trigger.start - ev.trigger.start))
        ev.arguments += [Argument(f.borrows, a.mention) for a in g.subject_args]
        ev.rule = ev.rule.rsplit(":", 1)[0] + ":sentence-subject"
        ev.confidence = round(ev.confidence * FALLBACK_FACTOR, 2)


def absorb(out: list[_Found], sent: Sentence, lex: Lexicon) -> None:
    """ "tiba … untuk kunjungan": a nominal trigger depending on a trigger of
    its own type (directly or through one word) tells the same event; keep
    the governing one. A verb the noun's governor controls counts as that
    governor ("dilaporkan tiba … untuk kunjungan", the purpose attached to
    the reporting verb). Where the language keeps nominals apart (reports tell
    "spoke on a call" twice), only the verb's object ("renewed their pact"), an
    apposition ("Konferensi Tingkat Tinggi (KTT)") and a purpose ("tiba … untuk
    kunjungan") are folded in. A noun placed before or after its governor ("spoke
    with Zelensky shortly after his conversation with Putin") is another event."""
    heads = {f.head.id: f for f in out if f.head is not None}
    sequence = lex.words(lex.roles, "sequence_markers")
    apart = bool(lex.roles.get("nominals_apart"))
    purpose = lex.words(lex.roles.get("purpose") or {}, "markers")
    for f in list(out):
        if f.head is None or not f.nominal or case_of(sent, f.head) in sequence or \
                apart and base(f.head.deprel) not in ("obj", "appos") and case_of(sent, f.head) not in purpose:
            continue
        gov = sent.head_of(f.head)
        if gov is None:
            continue
        chain = [gov, sent.head_of(gov)] + [c for c in sent.children(gov) if base(c.deprel) == "xcomp"]
        other = next((heads[t.id] for t in chain if t is not None and t.id in heads), None)
        if other is not None and other is not f and other.mention.type == f.mention.type:
            out.remove(f)
