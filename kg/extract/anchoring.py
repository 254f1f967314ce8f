"""Which time anchor of a sentence dates which event mention: its own clause first.

A sentence often names several times for several events: "Prabowo
memerintahkan TNI …, manakala KTT di Mesir, Senin (13/10), mencapai hasil
…" dates the summit, not the order. So a mention takes, in this order:

1. an anchor inside its own phrase ("pertemuan pada Juli 2024"), or in a
   relative clause on it ("KTT …, yang digelar … Senin (13/10)");
2. an anchor of its own clause (the nearest clause head above it);
3. an anchor of a clause that governs its clause ("Trump on Wednesday said he
   spoke with Putin": the call told on Wednesday);
4. an anchor of the sentence in a clause no other mention heads, or in a
   clause below its own that has no subject of its own ("mengerahkan … dengan
   mengirimkan … ke Natuna, Selasa (7/1)": one act, however the parser hangs
   the date; "manakala KTT …, Senin (13/10), mencapai …" has its own).

A nominal topic of another event ("membahas kesepakatan") takes only 1:
its clause's time is that of the event that names it. Within a step, the
anchor nearest the trigger wins.
"""
from __future__ import annotations

from kg.extract.tree import base
from kg.model import Sentence, Span, TimeAnchor, Token

# dependency relations (UD) whose dependent heads a clause of its own
CLAUSE_RELATIONS = ("root", "acl", "advcl", "ccomp", "xcomp", "csubj", "parataxis")
SUBJECTS = ("nsubj", "csubj")
VERBAL = ("VERB", "AUX")
MAX_DEPTH = 64          # guards walks up odd (hand-made) trees


def head_token(sent: Sentence, span: Span) -> Token | None:
    """The token of ``span`` whose head lies outside it (the phrase's head)."""
    inside = [t for t in sent.tokens if t.start < span.end and span.start < t.end]
    ids = {t.id for t in inside}
    return next((t for t in inside if t.head not in ids), inside[0] if inside else None)


def _ancestors(sent: Sentence, tok: Token) -> list[Token]:
    out: list[Token] = []
    cur = sent.head_of(tok)
    while cur is not None and len(out) < MAX_DEPTH:
        out.append(cur)
        cur = sent.head_of(cur)
    return out


def _opens_clause(tok: Token) -> bool:
    rel = base(tok.deprel)
    return rel in CLAUSE_RELATIONS or (rel == "conj" and tok.upos in VERBAL)


def _has_subject(sent: Sentence, clause: Token) -> bool:
    return any(base(c.deprel) in SUBJECTS for c in sent.children(clause))


def clause_of(sent: Sentence, tok: Token) -> Token:
    """The head of the clause ``tok`` belongs to (itself when it opens one)."""
    return next((t for t in [tok, *_ancestors(sent, tok)] if _opens_clause(t)), tok)


def clause_chain(sent: Sentence, tok: Token) -> list[int]:
    """Token ids of ``tok``'s clause head and of the clause heads above it, nearest first."""
    chain = [clause_of(sent, tok)]
    while len(chain) < MAX_DEPTH:
        up = sent.head_of(chain[-1])
        if up is None:
            break
        chain.append(clause_of(sent, up))
    return [t.id for t in chain]


def pick_anchors(sent: Sentence, triggers: list[tuple[Token | None, Span, bool]],
                 anchors: list[TimeAnchor]) -> list[TimeAnchor | None]:
    """For each (trigger head, trigger span, topical) of ``sent``, the anchor that dates it, or None.

    A trigger found without the tree (quoted speech) gives no head: its span's head stands in.
    """
    placed = []
    for a in anchors:
        tok = head_token(sent, Span(a.start, a.end))
        if tok is not None:
            clause = clause_of(sent, tok)
            relative = base(clause.deprel) == "acl"       # a clause on a noun: the noun's own
            placed.append((a, tok, clause.id, {t.id for t in _ancestors(sent, tok)},
                           [t.id for t in _ancestors(sent, clause)], _has_subject(sent, clause), relative))
    heads = [(tok or head_token(sent, span), topical) for tok, span, topical in triggers]
    claimed = {clause_of(sent, t).id for t, _ in heads if t is not None}
    out: list[TimeAnchor | None] = []
    for trigger, topical in heads:
        if trigger is None:
            out.append(None)
            continue
        chain = clause_chain(sent, trigger)
        steps = [[p for p in placed if trigger.id in p[3] and (p[2] == chain[0] or p[6] and p[4][:1] == [trigger.id])]]
        if not topical:
            steps += [[p for p in placed if p[2] == c] for c in chain]
            steps.append([p for p in placed if p[2] not in claimed or (chain[0] in p[4] and not p[5])])
        found = next((step for step in steps if step), [])
        out.append(min(found, key=lambda p: abs(p[1].id - trigger.id))[0] if found else None)
    return out
