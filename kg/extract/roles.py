"""Filling a trigger's role frame: the tree first, token sequences where it fails.

Order of evidence, most reliable first: dependents matched by the frame's
patterns (relation + case marker + voice); the subject inherited from a
controlling or conjoined verb or the noun a relative clause modifies; for
nominal triggers the subject of the clause they frame; then token sequences
(a mention left of the trigger, a case marker + mention right of it).
Every argument references a mention from the extractor's input list.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from kg.extract.lexicon import Frame, Lexicon, Pattern
from kg.extract.subjects import left_scan, subject_fallback
from kg.extract.tree import ADDRESS_TYPES, MentionIndex, base, case_of, conjuncts, lower
from kg.extract.triggers import TriggerMatch
from kg.model import ACTOR_ROLES, PLACE_ROLES, Argument, EntityMention, Sentence, Token

# punctuation that ends a scan to the right of a trigger (as does a complementizer: Lexicon.complementizers)
_STOP_PUNCT = frozenset({";", ".", ",", "“", "”", "\""})


@dataclass
class Filled:
    """The arguments of one trigger in one frame, and how they were found."""

    arguments: list[Argument] = field(default_factory=list)
    how: str = "none"               # how the first actor argument was found
    fallback: bool = False          # that actor came from a fallback, not the tree
    slots: dict[str, list[Token]] = field(default_factory=dict)   # role → phrase heads
    subject: list[Token] = field(default_factory=list)            # subject-position heads
    other_party: bool = False       # a party besides the subject (dengan/antara/obj)


def voice_of(sent: Sentence, tok: Token, nominal: bool, auxiliary_passive: bool = False) -> str:
    """nominal, passive (di- verbs, "were deployed") or active.

    ``auxiliary_passive``: the language marks the passive with an auxiliary (English "be"),
    so a participle with a subject or a plain auxiliary of its own ("Indonesia has requested",
    "Trump discussed", which the tagger marks Voice=Pass) is active."""
    if nominal:
        return "nominal"
    kids = sent.children(tok)
    if any(c.deprel in ("nsubj:pass", "aux:pass") for c in kids):
        return "passive"
    if "Voice=Pass" in tok.feats and not (auxiliary_passive and any(c.deprel in ("nsubj", "aux") for c in kids)):
        return "passive"
    return "active"


def _matches(p: Pattern, sent: Sentence, dep: Token, voice: str) -> bool:
    if p.voice and p.voice != voice:
        return False
    rel_ok = any(dep.deprel == r if ":" in r else base(dep.deprel) == r for r in p.rels)
    return rel_ok and (p.case is None or case_of(sent, dep) == p.case)


def _label(p: Pattern) -> str:
    """The pattern's name in rule names: its case marker ("antara"), else its relation."""
    return p.rels[0].replace(":", "-") if p.case in (None, "none") else p.case


class Filler:
    """Collects arguments for one trigger, never the same mention twice."""

    def __init__(self, sent: Sentence, index: MentionIndex, lex: Lexicon) -> None:
        self.sent, self.index, self.lex, self.out = sent, index, lex, Filled()
        self.function_words = lex.function_words

    def add(self, role: str, tok: Token, how: str, fallback: bool = False) -> None:
        self.out.slots.setdefault(role, []).append(tok)
        m = self.index.of_phrase(self.sent, tok)
        if m is not None and role in PLACE_ROLES and m.type in ("Organization", "Person"):
            m = self._place_in(m) or m
        elif m is None and role in PLACE_ROLES:
            m = self._located(tok)
        if m is None or any(a.mention is m for a in self.out.arguments) or m.text.lower() in self.function_words:
            return
        if role in PLACE_ROLES and m.text.lower() in self.lex.words(self.lex.speech, "media"):
            return       # "wrote in a Truth Social post": the medium is no place
        self.out.arguments.append(Argument(role, m))
        if role in ("destination", "place") and m.type in ADDRESS_TYPES:
            # "ke Sharm el-Sheikh, Mesir": where one goes lies in the places after it; where one is
            # lies in the town after it ("di Jalan Kertanegara, Jakarta"), the country said aside
            chain = self.index.address(self.sent, m)
            if role == "place":
                chain = chain[:next((k for k, a in enumerate(chain) if a.type != "Place"), len(chain))]
            self.out.arguments += [Argument(role, a) for a in chain
                                   if not any(x.mention is a for x in self.out.arguments)]
        if role in ACTOR_ROLES and self.out.how == "none":
            self.out.how, self.out.fallback = how, fallback

    def _place_in(self, m: EntityMention) -> EntityMention | None:
        """ "to serve in the United Nations Interim Force in Lebanon": an organisation read into a
        place slot stands for where it is, the place its name goes on to (before any punctuation),
        or the address after it ("di kediamannya, Jalan Kertanegara, Jakarta": the city)."""
        after = [t for t in self.sent.tokens if t.start >= m.end][:6]
        for t in after:
            if t.upos == "PUNCT":
                break
            found = self.index.at(t.start, t.end)
            if found is not None and found is not m and found.type in ADDRESS_TYPES:
                return found
        return (self.index.address(self.sent, m) or [None])[-1]

    def _located(self, tok: Token) -> EntityMention | None:
        """ "in the presidential palace in Jakarta": a place noun no name stands for is where
        the place its locative modifier names is."""
        markers = self.lex.words(self.lex.speech, "place_markers")
        for c in self.sent.children(tok):
            found = self.index.of_phrase(self.sent, c) if case_of(self.sent, c) in markers else None
            if found is not None and found.type in ADDRESS_TYPES:
                return found
        return None

    def add_with_conjuncts(self, role: str, tok: Token, how: str, fallback: bool = False) -> None:
        for t in [tok] + conjuncts(self.sent, tok):
            self.add(role, t, how, fallback)


def fill(sent: Sentence, match: TriggerMatch, frame: Frame, lex: Lexicon, index: MentionIndex) -> Filled:
    """The arguments of ``match`` in ``frame``."""
    f = Filler(sent, index, lex)
    head, ids = match.head, {t.id for t in match.tokens}
    voice = voice_of(sent, head, match.nominal, bool(lex.roles.get("auxiliary_passive")))
    # the role of whatever stands in subject position: the agent, or the moved
    # thing for passives and intransitive motion
    subj_role = {"active": frame.subject or frame.theme, "passive": frame.theme}.get(voice)
    relative = lex.words(lex.roles, "relative_pronouns")
    late: list[Token] = []
    for t in match.tokens:
        for dep in _dependents(sent, t):
            if dep.id in ids or lower(dep) in relative:
                continue
            if voice == "active" and base(dep.deprel) == "nsubj" and dep.id > head.id and subj_role:
                late.append(dep)     # Indonesian is SVO: a subject after the verb is a suspect parse
                continue
            if base(dep.deprel) == "nsubj" and (lower(dep) in lex.time_words or dep.lemma.lower() in lex.time_words) \
                    and index.of_phrase(sent, dep) is None:
                continue             # "Last month, Minister X said": a time is no subject
            for p in frame.patterns:
                if _matches(p, sent, dep, voice):
                    f.add_with_conjuncts(p.role, dep, _label(p))
                    if p.role == subj_role and base(dep.deprel) == "nsubj":
                        f.out.subject += [dep] + conjuncts(sent, dep) + _coordinated(f, dep, p.role, head)
                    elif p.role in ACTOR_ROLES and index.of_phrase(sent, dep) is not None:
                        f.out.other_party = True     # "dengan Putin", not "dengan perjanjian damai"
                    break
    if subj_role and not f.out.subject:
        subject_fallback(f, match, subj_role, lex, voice == "passive", frame)
    for dep in late if subj_role and not f.out.subject else []:
        f.add_with_conjuncts(subj_role, dep, "nsubj-after", True)
        f.out.subject += [dep] + conjuncts(sent, dep)
    if voice == "nominal" and frame.clause_subject and (not any(a.role in ACTOR_ROLES for a in f.out.arguments)
                                                        or _light_object(sent, head, lex)):
        _clause_subject(f, head, frame, lex)
    if voice == "nominal":
        _name_chain(f, match, frame)
    _forward(f, match, frame)
    if frame.theme and frame.theme not in f.out.slots and voice != "passive":
        _theme_forward(f, match, frame.theme, lex, nominal=voice == "nominal")
    _purpose(f, match, frame, lex)
    if voice == "active":
        _object_of_complement(f, match, frame)
    return f.out


def _dependents(sent: Sentence, tok: Token) -> list[Token]:
    """The dependents of ``tok``, with the obliques the parser hung on one of its adverbs instead
    ("disampaikan langsung oleh Presiden": "oleh Presiden" is the telling's, not "langsung"'s)."""
    own = sent.children(tok)
    return own + [d for c in own if base(c.deprel) == "advmod" for d in sent.children(c)
                  if base(d.deprel) in ("obl", "nmod")]


def _object_of_complement(f: Filler, match: TriggerMatch, frame: Frame) -> None:
    """ "memerintahkan TNI mempersiapkan pasukan": the parser hangs the one told to act on the
    complement verb; a mention between the trigger and its complement fills the object's role."""
    role = next((p.role for p in frame.patterns if "obj" in p.rels and p.voice in (None, "active")), None)
    if role is None or role in f.out.slots:
        return
    head = match.head
    for comp in (c for c in f.sent.children(head) if base(c.deprel) == "xcomp" and c.id > head.id):
        for dep in f.sent.children(comp):
            if head.id < dep.id < comp.id and base(dep.deprel) in ("obj", "nsubj"):
                f.add(role, dep, "complement-object")


def _coordinated(f: Filler, tok: Token, role: str, before: Token) -> list[Token]:
    """ "X dan Y membahas" when the tree missed the conjunct: mentions joined by
    "dan" after the subject's mention, up to the verb."""
    out: list[Token] = []
    m = f.index.at(tok.start, tok.end)
    while m is not None:
        nxt = next((t for t in f.sent.tokens if t.start >= m.end), None)
        if nxt is None or lower(nxt) not in f.lex.coordinators or nxt.id >= before.id:
            break
        t2 = _mention_token_after(f.sent, nxt, f.index)
        m = f.index.at(t2.start, t2.end) if t2 is not None and t2.id < before.id else None
        if m is not None:
            f.add(role, t2, "nsubj")
            out.append(t2)
    return out


def _light_object(sent: Sentence, head: Token, lex: Lexicon) -> bool:
    """ "Albanese had formal talks with Prabowo": the noun is the object of a light verb, whose
    subject takes part as well as the party the noun names."""
    gov = sent.head_of(head)
    return gov is not None and base(head.deprel) == "obj" and lower(gov) in lex.words(lex.roles, "light_verbs")


def _clause_subject(f: Filler, head: Token, frame: Frame, lex: Lexicon) -> None:
    gov = f.sent.head_of(head)
    light = lex.words(lex.roles, "light_verbs")
    rel = base(head.deprel)
    if gov is None or not (rel in ("obl", "advcl", "nmod") and gov.upos == "VERB" or
                           rel == "obj" and lower(gov) in light):
        return
    # the subject whose head word names someone, the nearest to the verb when the parser gave it two
    # ("Selanjutnya, kedua pemimpin melangsungkan pertemuan"); a subject headed by another word
    # only mentions a name ("Isu Taiwan mencuat dalam pembicaraan"): the issue came up, not Taiwan
    subjects = [c for c in f.sent.children(gov) if base(c.deprel) == "nsubj" and f.index.at(c.start, c.end)]
    subj = max(subjects, key=lambda c: (c.id < gov.id, -abs(c.id - gov.id)), default=None)
    if subj is not None and frame.subject:
        f.add_with_conjuncts(frame.subject, subj, "clause-subject", True)
        f.out.subject += [subj] + conjuncts(f.sent, subj) + _coordinated(f, subj, frame.subject, gov)
    elif frame.subject and rel == "obj" and not any(base(c.deprel) == "nsubj" for c in f.sent.children(gov)):
        # a light verb the parser left without a subject ("…, Presiden Prabowo dan PM Albanese akan
        # melakukan pertemuan"): the names right before it, by sequence
        for tok in left_scan(f.sent, gov, lex, f.index):
            f.add(frame.subject, tok, "light-verb-left", True)
            f.out.subject.append(tok)


def _forward(f: Filler, match: TriggerMatch, frame: Frame) -> None:
    """ "… dengan Presiden X", "antara X dan Y" by sequence, when the tree hung them elsewhere."""
    sent, index = f.sent, f.index
    last = match.tokens[-1].id
    # an object the frame gives no role is what the event is about: a place on it is the topic's
    # ("membahas situasi di Timur Tengah"); "kepada X" after it is still the addressee
    topic = None if any("obj" in p.rels for p in frame.patterns) else \
        next((t for t in sent.children(match.tokens[-1]) if base(t.deprel) == "obj"), None)
    for marker, role in frame.forward:
        # a role a case-marked phrase already fills ("ke X") needs no second one ("di mana Y")
        if any(case_of(sent, t) != "none" for t in f.out.slots.get(role, [])):
            continue
        for t in sent.tokens[last:last + 12]:
            if lower(t) in _STOP_PUNCT or lower(t) in f.lex.complementizers:
                break
            if lower(t) != marker:
                continue
            if _owned_between(sent, t, last, topic if role in PLACE_ROLES else None):
                break
            # a place starts right after its marker ("di tengah kekhawatiran sekutu Ukraina" is no place)
            near = int(f.lex.speech.get("place_phrase_words") or 2) if role in PLACE_ROLES else 4
            m_tok = _mention_token_after(sent, t, index, near)
            while m_tok is not None:
                f.add(role, m_tok, f"forward-{marker}", True)
                if role in ACTOR_ROLES:
                    f.out.other_party = True
                m = index.at(m_tok.start, m_tok.end)
                nxt = next((x for x in sent.tokens if x.start >= m.end), None)
                m_tok = (_mention_token_after(sent, nxt, index)
                         if nxt is not None and lower(nxt) in f.lex.coordinators else None)
            break


def _owned_between(sent: Sentence, marker: Token, last: int, topic: Token | None = None) -> bool:
    """Does the tree hang the phrase ``marker`` opens on a noun between the trigger (ending at
    token ``last``) and it, a noun that is itself in a prepositional phrase? Then the phrase is
    that noun's: in "pengerahan pasukan dalam invasi ke Ukraina", "ke Ukraina" is where the
    invasion goes, not the deployment. So too on the object of a verb after the trigger, and on
    the trigger's own ``topic`` (an object its frame gives no role)."""
    obj = sent.head_of(marker) if base(marker.deprel) == "case" else None
    gov = sent.head_of(obj) if obj is not None else None
    if gov is None or gov.upos != "NOUN" or not last < gov.id < marker.id:
        return False
    if topic is not None and gov.id == topic.id:
        return True
    # or a noun another verb after the trigger governs: "KTT yang akan membahas … penghentian perang
    # di Gaza" (a relative clause: what the summit discusses, not where it is held)
    verb = sent.head_of(gov)
    return case_of(sent, gov) != "none" or verb is not None and verb.upos == "VERB" and verb.id > last


def _name_chain(f: Filler, match: TriggerMatch, frame: Frame) -> None:
    """ "percakapan telepon kedua pemimpin", "pengerahan pasukan X": the mention
    right after a nominal trigger is its modifier, whatever the tree says."""
    role = next((p.role for p in frame.patterns if "nmod" in p.rels and p.case == "none"
                 and p.voice == "nominal"), None)
    last = match.tokens[-1]
    if role is None or any(a.role == role for a in f.out.arguments) or last.id >= len(f.sent.tokens):
        return
    nxt = f.sent.tokens[last.id]
    if f.index.at(nxt.start, nxt.end) is not None:
        f.add(role, nxt, "name-chain", True)


def _mention_token_after(sent: Sentence, tok: Token, index: MentionIndex, window: int = 4) -> Token | None:
    m = index.after(sent, tok, window)
    return next((t for t in sent.tokens if t.start >= m.start), None) if m else None


def _theme_forward(f: Filler, match: TriggerMatch, role: str, lex: Lexicon, nominal: bool = False) -> None:
    """ "Kirim Tentara ke Rusia", "flies four F-16 fighter jets": the noun run right of the
    trigger, past determiners, numbers and qualifiers (English puts the head noun last,
    Indonesian first: every noun of the run is a candidate); a pronoun stands alone after a verb
    ("calling it"), never after a noun ("the call that Russia and Ukraine would start talks")."""
    skip = lex.words(lex.roles, "subject_scan_skip") | lex.words(lex.roles, "amount_words")
    toks = f.sent.tokens[match.tokens[-1].id:match.tokens[-1].id + 8]
    run: list[Token] = []
    for t in toks:
        if not run and (lower(t) in skip or t.upos in ("NUM", "DET") or any(ch.isdigit() for ch in t.text)):
            continue          # "sekitar 10.000 tentara", "lebih dari 3.000 tentara", "the troops"
        if t.upos in ("NOUN", "PROPN") or not run and t.upos == "PRON" and not nominal:
            run.append(t)
            if t.upos != "PRON":
                continue
        break
    for t in run:
        f.add(role, t, "forward-theme", True)


def _purpose(f: Filler, match: TriggerMatch, frame: Frame, lex: Lexicon) -> None:
    """ "… untuk membantu Rusia": the helped party is the beneficiary."""
    cfg = lex.roles.get("purpose") or {}
    if frame.name not in (cfg.get("frames") or []):
        return
    markers, verbs = lex.words(cfg, "markers"), lex.words(cfg, "verbs")
    toks = f.sent.tokens
    last = match.tokens[-1].id
    for i in range(last, min(len(toks) - 1, last + 8)):
        if lower(toks[i]) in _STOP_PUNCT or lower(toks[i]) in lex.complementizers or toks[i].upos == "PUNCT":
            return
        if lower(toks[i]) in markers and lower(toks[i + 1]) in verbs:
            tok = _mention_token_after(f.sent, toks[i + 1], f.index)
            if tok is not None:
                f.add(cfg["role"], tok, "purpose", True)
            return
