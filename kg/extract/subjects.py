"""A trigger's subject where no frame pattern found one: from a controlling, conjoined or
modified word up the tree, else by token sequence left of the trigger.

Part of filling a role frame (:mod:`kg.extract.roles`), kept apart so that each module stays
small: "berencana untuk mulai mengerahkan" climbs to the planner, "Xi invited Trump to
visit" takes the object, "Zelensky dan Yoon (juga) membahas" is read left to right.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract.lexicon import Frame, Lexicon
from kg.extract.tree import MentionIndex, base, conjuncts, lower
from kg.extract.triggers import TriggerMatch
from kg.model import Sentence, Token

if TYPE_CHECKING:
    from kg.extract.roles import Filler


def subject_fallback(f: Filler, match: TriggerMatch, role: str, lex: Lexicon, passive: bool = False,
                      frame: Frame | None = None) -> None:
    sent, head = f.sent, match.head
    rel, gov = base(head.deprel), sent.head_of(match.head)
    if frame is not None and frame.name in lex.words(lex.roles, "participle_frames") and _bare_participle(sent, head):
        rel = "xcomp"      # "X described Moscow as a friend, saying he hoped …": X says
    participle = rel != base(head.deprel)      # read as an open complement: its subject, never its object
    for _ in range(3):   # "berencana untuk mulai mengerahkan": climb a few controllers
        if passive and rel == "advcl" and gov is not None and _purpose_clause(sent, head, lex):
            # "menyiapkan prajurit untuk diberangkatkan", "disiapkan untuk dikirim": what is
            # prepared is what is sent, the governor's object or passive subject
            done = next((c for c in sent.children(gov) if c.deprel in ("obj", "nsubj:pass")), None)
            if done is not None:
                f.add_with_conjuncts(role, done, "purpose-of", True)
                f.out.subject.append(done)
                return
        if gov is None or rel not in ("xcomp", "conj", "acl") and not _same_subject(sent, head, rel, lex):
            break
        if rel == "acl":
            f.add_with_conjuncts(role, gov, "relcl-head", True)
            f.out.subject.append(gov)
            return
        # an open complement's subject is its governor's object where there is one ("memerintahkan
        # TNI mempersiapkan …": UD's controller), and so is an object-control verb's adverbial one
        # ("Xi invited Trump to visit China", as the parser may hang it), else its subject
        control = not participle and rel == "xcomp" or rel == "advcl" and bool(
            {lower(gov), gov.lemma.lower()} & lex.words(lex.roles, "object_control"))
        obj = next((c for c in sent.children(gov) if base(c.deprel) in ("obj", "iobj") and c.id < head.id),
                   None) if control else None
        if obj is not None:
            # named or not ("allowing Arab forces to enter Gaza"), the object is who acts: never the subject
            if f.index.of_phrase(sent, obj) is not None:
                f.add_with_conjuncts(role, obj, "controller-object", True)
                f.out.subject += [obj] + conjuncts(sent, obj)
            return
        subj = next((c for c in sent.children(gov) if base(c.deprel) == "nsubj"), None)
        if subj is not None:
            f.add_with_conjuncts(role, subj, "inherited", True)
            f.out.subject += [subj] + conjuncts(sent, subj)
            return
        rel, gov, participle = base(gov.deprel), sent.head_of(gov), False
    for tok in left_scan(sent, match.tokens[0], lex, f.index):
        f.add(role, tok, "left-scan", True)
        f.out.subject.append(tok)


def _bare_participle(sent: Sentence, verb: Token) -> bool:
    """A present participle heading an adverbial clause with no marker and no subject of its own."""
    return base(verb.deprel) == "advcl" and {"VerbForm=Part", "Tense=Pres"} <= set(verb.feats.split("|")) \
        and not any(base(c.deprel) in ("mark", "nsubj") for c in sent.children(verb))


def _same_subject(sent: Sentence, verb: Token, rel: str, lex: Lexicon) -> bool:
    """A subjectless adverbial clause of time ("… ketika melepas prajurit", "while visiting X"):
    its subject is its governor's (roles.yaml ``same_subject_markers``)."""
    return rel == "advcl" and any(base(c.deprel) == "mark" and lower(c) in lex.words(lex.roles, "same_subject_markers")
                                  for c in sent.children(verb))


def _purpose_clause(sent: Sentence, verb: Token, lex: Lexicon) -> bool:
    """Is ``verb`` marked as a purpose ("untuk", "guna")?"""
    markers = lex.words(lex.roles.get("purpose") or {}, "markers")
    return any(base(c.deprel) == "mark" and lower(c) in markers for c in sent.children(verb))


def left_scan(sent: Sentence, first: Token, lex: Lexicon, index: MentionIndex) -> list[Token]:
    """The subject left of a verb by token sequence: "Zelensky dan Yoon (juga) membahas"."""
    skip = lex.words(lex.roles, "subject_scan_skip")
    asides = lex.words(lex.roles, "aside_openers")
    found: list[Token] = []
    i = first.id - 2
    while i >= 0:
        t = sent.tokens[i]
        m = index.at(t.start, t.end)
        if m is not None:
            found.append(t)
            while i >= 0 and sent.tokens[i].start >= m.start:
                i -= 1
            # "X dan Y", "X, Y dan Z": keep going over coordination; a comma joins
            # only a list that "dan" closes ("Dilansir dari Guardian, Juru Bicara …
            # mengatakan": the outlet is no second speaker)
            joiner = lower(sent.tokens[i]) if i >= 1 else ""
            if joiner in lex.coordinators or joiner == "," and len(found) > 1:
                prev = sent.tokens[i - 1]
                if index.at(prev.start, prev.end) is not None:
                    i -= 1
                    continue
            return found
        if found:
            return found
        if lower(t) in skip or t.upos in ("ADV", "AUX", "PART"):
            i -= 1
            continue
        if lower(t) == ",":
            # "Yoon, menurut kantornya, mengatakan": step over an attribution aside
            j = next((k for k in range(i - 1, -1, -1) if lower(sent.tokens[k]) == ","), -1)
            if j >= 0 and j + 1 < i and lower(sent.tokens[j + 1]) in asides:
                i = j - 1
                continue
        if t.upos in ("NOUN", "PROPN", "PRON"):
            return [t]
        return found
    return found
