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
   the date; "manakala KTT …, Senin (13/10), mencapai …" has its own) or is
   a relative clause on a name or titled person among its words (not on a
   common noun: "continues Indonesia's commitment …, which began in 2006").

A nominal topic of another event ("membahas kesepakatan") takes only 1:
its clause's time is that of the event that names it; a planned event takes
1 and 2 (a governing clause tells when it was planned, not when it happens).
An anchor in the phrase of another mention beside this one (neither above
nor below it) is that mention's: "This call was a follow up to our meeting
…, three weeks ago" dates the meeting, not the call; so is one of a mention
that completes this one, its object or complement ("agreed to meet in
Istanbul next month": the meeting is next month, the agreement now).
Quotations are their own time, and a subject-bearing clause below a mention
("mengungkapkan bahwa situasi memanas sejak 7 Oktober 2023") never dates it.
Within a step, the anchor nearest the trigger wins.
"""
from __future__ import annotations

from dataclasses import dataclass

from kg.extract.tree import base
from kg.model import Sentence, Span, TimeAnchor, Token

# dependency relations (UD) whose dependent heads a clause of its own
CLAUSE_RELATIONS = ("root", "acl", "advcl", "ccomp", "xcomp", "csubj", "parataxis")
SUBJECTS = ("nsubj", "csubj")
VERBAL = ("VERB", "AUX")
MAX_DEPTH = 64          # guards walks up odd (hand-made) trees
PHRASE, CLAUSE, ALL = 1, 2, 4   # how far a trigger looks for its anchor (see pick_anchors)


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


@dataclass
class Trigger:
    """A mention to date: its head token (None for speech found without the tree), span and reach."""

    head: Token | None
    span: Span
    reach: int = ALL      # PHRASE: a topic of another event; CLAUSE: a plan (not when it was planned)


@dataclass
class _Placed:
    anchor: TimeAnchor
    token: Token
    clause: int                  # its clause head
    above: set[int]              # the tokens above it
    clause_above: list[int]      # the tokens above its clause head, nearest first
    own_subject: bool            # its clause has a subject of its own
    relative: bool               # its clause is a relative clause on a noun
    on_name: bool                # … on a name or titled person ("Bambang, yang memimpin upacara")
    quote: int                   # the quotation it is in (-1: none)
    fence: int | None = None     # the head of the "since …"/"after …" phrase it is in


def pick_anchors(sent: Sentence, triggers: list[Trigger], anchors: list[TimeAnchor],
                 quotes: list[Span] = (), sequence: frozenset[str] = frozenset()) -> list[TimeAnchor | None]:
    """For each trigger of ``sent``, the anchor that dates it, or None.

    Quotations (``quotes``) are their own time: "Kami bertemu kemarin," kata X
    dates no reporting verb outside them, and nothing outside dates what is said inside.
    A phrase or clause opened by a ``sequence`` marker ("since Trump was sworn in on Jan. 20",
    "after the summit on Monday") dates what it tells, not the mentions outside it.
    """
    def quote_of(offset: int) -> int:
        return next((i for i, q in enumerate(quotes) if q.start <= offset < q.end), -1)

    def fence(tok: Token) -> int | None:
        """The head of the nearest phrase around ``tok`` that a sequence marker opens."""
        for t in [tok, *_ancestors(sent, tok)]:
            if any(base(c.deprel) in ("mark", "case") and c.lemma.lower() in sequence for c in sent.children(t)):
                return t.id
        return None

    placed = []
    for a in anchors:
        tok = head_token(sent, Span(a.start, a.end))
        if tok is not None:
            clause = clause_of(sent, tok)
            placed.append(_Placed(a, tok, clause.id, {t.id for t in _ancestors(sent, tok)},
                                  [t.id for t in _ancestors(sent, clause)], _has_subject(sent, clause),
                                  base(clause.deprel) == "acl", _on_name(sent, clause), quote_of(a.start),
                                  fence(tok) if sequence else None))
    heads = [(t.head or head_token(sent, t.span), t) for t in triggers]
    claimed = {clause_of(sent, h).id for h, _ in heads if h is not None}
    head_ids = {h.id for h, _ in heads if h is not None}
    # the mention whose phrase holds an anchor: the nearest trigger at or above it
    owner = {id(p): next((t.id for t in [p.token, *_ancestors(sent, p.token)] if t.id in head_ids), None)
             or _set_off_after(sent, p.anchor, head_ids) for p in placed}
    out: list[TimeAnchor | None] = []
    for head, trig in heads:
        if head is None:
            out.append(None)
            continue
        chain = clause_chain(sent, head)
        inside = {head.id, *(t.id for t in _ancestors(sent, head))}
        # "This call was a follow up to our meeting …, three weeks ago": an anchor in the phrase of
        # a mention beside this one (neither above nor below it) dates that mention only
        # "agreed to meet in Istanbul next month", "discussed a visit … later this year": an anchor that
        # a trigger completing another one owns dates that one, not the act it completes
        mine = [p for p in placed if p.quote == quote_of(trig.span.start) and (p.fence is None or p.fence in inside)
                and (owner[id(p)] is None or owner[id(p)] in inside
                     or head.id in p.above and not _complement(sent, owner[id(p)]))]
        steps = [[p for p in mine if head.id in p.above
                  and (p.clause == chain[0] or p.relative and p.clause_above[:1] == [head.id])]]
        if trig.reach >= CLAUSE:
            steps.append([p for p in mine if p.clause == chain[0]])
        if trig.reach >= ALL:
            steps += [[p for p in mine if p.clause == c] for c in chain[1:]]
            # below my clause, a clause without a subject of its own is still my act, and so is a
            # relative clause on a name among my words ("… melalui Bambang, yang memimpin upacara …,
            # Kamis"), not one on a common noun ("continues Indonesia's commitment …, which began in 2006")
            below = [p for p in mine if chain[0] in p.clause_above]
            steps.append([p for p in below if not p.own_subject or p.on_name]
                         + [p for p in mine if p.clause not in claimed and p not in below])
        found = next((step for step in steps if step), [])
        out.append(min(found, key=lambda p: abs(p.token.id - head.id)).anchor if found else None)
    return out


def _on_name(sent: Sentence, clause: Token) -> bool:
    """A relative clause on a name or a titled person ("Kepala Staf Umum TNI Letjen Bambang, yang …"):
    its head is capitalised where a common noun is not."""
    noun = sent.head_of(clause) if base(clause.deprel) == "acl" else None
    return noun is not None and noun.text[:1].isupper()


def _complement(sent: Sentence, tok_id: int) -> bool:
    return base(sent.tokens[tok_id - 1].deprel) in ("xcomp", "ccomp", "obj")


def _set_off_after(sent: Sentence, anchor: TimeAnchor, head_ids: set[int]) -> int | None:
    """The trigger whose phrase a comma-set anchor closes, by word sequence: the nearest trigger
    before it with no verb between ("… our meeting in South Korea, three weeks ago" however the
    parser hangs "ago")."""
    first = next((t for t in sent.tokens if t.start >= anchor.start), None)
    if first is None or first.id < 2 or sent.tokens[first.id - 2].text != ",":
        return None
    for t in reversed(sent.tokens[:first.id - 2]):
        if t.id in head_ids:
            return t.id
        if t.upos in VERBAL:
            return None
    return None
