"""Event mentions from parsed sentences: triggers, roles, speech, modality, dates.

API: ``extract_events(parsed, mentions) -> list[EventMention]``. ``mentions``
are the entity mentions of the same article (kg.extract.entities.find_mentions);
every argument points to one of them, so that entity resolution later fills
their ``entity_ids``. The linguistic knowledge is in kg/lang/<code>/
(triggers, roles, speech, modality, dates, quantities); ``rule`` on each
mention names the pattern that fired so evaluation can count per rule.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from kg import lang as languages
from kg.extract import dates, lexicon, modality, quantities, roles, sharing, speech
from kg.extract.anchoring import ALL, CLAUSE, PHRASE, Trigger, pick_anchors
from kg.extract.classes import in_class
from kg.extract.lexicon import Lexicon, Sense
from kg.extract.tree import MentionIndex, base, lower, subtree
from kg.extract.triggers import TriggerMatch, find_triggers, in_titles
from kg.model import (
    Argument,
    Article,
    EntityMention,
    EventMention,
    ParsedArticle,
    Sentence,
    Span,
    TimeAnchor,
    Token,
)


@dataclass
class _Found:
    """An event mention with what the later passes need to know about its tokens."""

    mention: EventMention
    head: Token | None
    complement: tuple[int, int] | None = None
    quote: tuple[int, int] | None = None
    force: Token | None = None
    extra_tokens: list[Token] = field(default_factory=list)
    nominal: bool = False
    topical: bool = False           # a nominal topic of another event: not dated by the sentence
    subject_args: list[Argument] = field(default_factory=list)
    borrows: str | None = None      # role a party-less nominal takes from the sentence's subject


# the two things talks can be
_TALK_TYPES = ("Call", "Meeting")


def extract_events(parsed: ParsedArticle, mentions: list[EntityMention]) -> list[EventMention]:
    """The event mentions of one article, in text order."""
    art = parsed.article
    if not languages.known(art.language):
        return []     # no data files, so no trigger words: nothing to find (and no other language's words)
    lex = lexicon.load(art.language)
    index = MentionIndex([m for m in mentions if m.article_id == art.id] or mentions)
    reader = dates.DateReader(art.published, art.language, art.text)
    found: list[_Found] = []
    for sent in parsed.sentences:
        in_sentence = reader.find(art.text, sent.start, sent.end)
        # site banners before the headline and boilerplate lines are not the article's content
        if sent.end <= art.body_start or art.is_boilerplate(Span(sent.start, sent.end)):
            continue
        events = _sentence_events(art, sent, lex, index, frozenset(f.mention.type for f in found))
        _date_sentence(art, sent, events, in_sentence, lex)
        found += events
    _talks_as_told(found, lex)
    _link_quotes(found)
    _propagate_dates(found)
    return [f.mention for f in sorted(found, key=lambda f: f.mention.trigger.start)]


def _new(art: Article, sent: Sentence, start: int, end: int, type_: str, rule: str, conf: float) -> EventMention:
    return EventMention(id=f"{art.id}:{start}", article_id=art.id, type=type_, trigger=Span(start, end),
                        trigger_text=art.text[start:end], sentence=sent.index, sentence_text=sent.text,
                        rule=rule, confidence=round(conf, 2))


def _sentence_events(art: Article, sent: Sentence, lex: Lexicon, index: MentionIndex,
                     told: frozenset[str] = frozenset()) -> list[_Found]:
    out: list[_Found] = []
    claimed: set[int] = set()
    for sp in speech.quoted_speech(art.text, sent, lex, index):
        ev = _new(art, sent, sp.start, sp.end, "Statement", sp.rule, sp.confidence)
        ev.arguments = [Argument("speaker", m) for m in sp.speakers] + [Argument("place", m) for m in sp.places] \
            + [Argument("addressee", m) for m in sp.addressees]
        ev.quote = art.text[sp.quote[0]:sp.quote[1]] if sp.quote else None
        out.append(_Found(ev, None, quote=sp.quote, extra_tokens=sp.tokens, subject_args=list(ev.arguments)))
        claimed.update(t.id for t in sp.tokens)
    markers = modality.marker_words(lex)
    exclude = claimed | {t.id for t in sent.tokens if lower(t) in markers}
    # attribution words work only in their speech patterns ("kata X" after a quote, "menurut X")
    speech_only = (lex.words(lex.speech, "according_to") | lex.words(lex.speech, "inverted_verbs")) - \
        {f for e in lex.triggers for f in e.forms}
    exclude |= {t.id for t in sent.tokens if lower(t) in speech_only}
    exclude |= in_titles(sent, index.mentions)
    for match in find_triggers(sent, lex, exclude):
        f = _from_trigger(art, sent, match, lex, index, told)
        if f is not None:
            out.append(f)
    _according(art, sent, lex, index, out)
    sharing.borrow_parties(out)
    sharing.absorb(out, sent, lex)
    source = speech.via(art.text, sent, lex, index)
    kept = []
    for f in out:
        ev = f.mention
        tokens = f.extra_tokens or [t for t in sent.tokens if ev.trigger.start <= t.start < ev.trigger.end]
        head = f.head or tokens[0]
        ev.modality = modality.modality(sent, tokens, head, lex)
        if "negated" in ev.modality and ev.type in (lex.modality.get("drop_negated") or []):
            continue
        if ev.type in ("Statement", "Call"):
            ev.medium = _medium(art, sent, ev, tokens[-1], lex)
        if ev.type == "Statement":
            ev.via = ev.via or source
        if ev.type == "Deployment" and f.force is not None:
            ev.quantity = quantities.quantity_before(art.text[sent.start:f.force.start], art.language, f.force.text)
        kept.append(f)
    return kept


def _from_trigger(art: Article, sent: Sentence, match: TriggerMatch, lex: Lexicon,
                  index: MentionIndex, told: frozenset[str] = frozenset()) -> _Found | None:
    """The first sense of the trigger whose conditions hold, with its arguments; a noun pointing
    back ("Penugasan tersebut diarahkan …") to an event of the sense's type told before in the
    article needs none (they held where it was told)."""
    for sense in match.entry.senses:
        frame = lex.frames[sense.frame]
        filled = roles.fill(sent, match, frame, lex, index)
        if not _holds(sense, filled, sent, lex, index) and not (
                sense.type in told and match.nominal and _points_back(sent, match, art.language, lex)):
            continue
        start, end = match.tokens[0].start, match.tokens[-1].end
        conf = match.entry.confidence * (sharing.FALLBACK_FACTOR if filled.fallback else 1.0)
        ev = _new(art, sent, start, end, sense.type, f"{match.kind}-trigger:{filled.how}", conf)
        ev.arguments = filled.arguments
        topical = match.nominal and (_topical(sent, match.tokens[0], lex) or _nested(sent, match.head))
        subj = {id(index.of_phrase(sent, t)) for t in filled.subject}
        found = _Found(ev, match.head, nominal=match.nominal, topical=topical,
                       subject_args=[a for a in ev.arguments if id(a.mention) in subj],
                       borrows=frame.subject if frame.clause_subject else None)
        if frame.theme and filled.slots.get(frame.theme):
            named = next((a.mention for a in ev.arguments if a.role == frame.theme), None)
            # the counted noun opens the force's mention ("3.000 [tentara Korea Utara]")
            first = next((t for t in sent.tokens if named and t.start == named.start), None)
            found.force = first or _unit(sent, filled.slots[frame.theme][0])
        if sense.type == "Statement":
            found.complement = _complement(sent, match, lex)
            if found.complement:
                ev.quote = art.text[found.complement[0]:found.complement[1]].strip(" ,.“”\"") or None
        return found
    return None


def _points_back(sent: Sentence, match: TriggerMatch, lang: str, lex: Lexicon) -> bool:
    """Does a back-reference word of the language follow the trigger, past a noun at most
    ("penugasan tersebut", "pelepasan keberangkatan tersebut")?"""
    words = lex.words(languages.get(lang).data("resolve"), "back_references")
    after = sent.tokens[match.tokens[-1].id:match.tokens[-1].id + 2]
    return bool(after) and (lower(after[0]) in words or
                            len(after) == 2 and after[0].upos == "NOUN" and lower(after[1]) in words)


def _holds(sense: Sense, filled: roles.Filled, sent: Sentence, lex: Lexicon, index: MentionIndex) -> bool:
    for key, value in sense.when:
        if key == "companion":
            plural = lex.words(lex.roles, "plural_pronouns")
            subj_ms = [index.of_phrase(sent, t) for t in filled.subject]
            two_sided = (filled.other_party or len([m for m in subj_ms if m]) > 1
                         or any(lower(t) in plural for t in filled.subject)
                         or any(m is not None and m.source == "group" for m in subj_ms))
            if bool(value) != two_sided:
                return False
        elif key == "not_subject":     # "I agree": the speaker's opinion, no accord between parties
            if any(in_class(sent, t, lex.classes[value], index) for t in filled.subject):
                return False
        elif key == "not_theme":       # "what officials have called a partnership": no one phoned
            if any(in_class(sent, t, lex.classes[value], index) for t in filled.slots.get(_theme_role(sense, lex), [])):
                return False
        elif key in ("theme", "subject"):
            cls = lex.classes[value]
            toks = filled.subject if key == "subject" else [t for r, ts in filled.slots.items()
                                                             if r == _theme_role(sense, lex) for t in ts]
            amounts = lex.words(lex.roles, "amount_words")
            if not any(in_class(sent, t, cls, index, amounts) for t in toks):
                return False
        else:
            raise ValueError(f"unknown trigger condition {key!r}")
    return True


def _theme_role(sense: Sense, lex: Lexicon) -> str | None:
    frame = lex.frames[sense.frame]
    return frame.theme or frame.subject


def _unit(sent: Sentence, theme: Token) -> Token:
    """The counted noun of a theme phrase: its head, or what an amount word
    heads ("ribuan tentara" → tentara)."""
    if theme.upos in ("NUM", "DET"):
        return next((c for c in sent.children(theme) if c.id > theme.id and c.upos in ("NOUN", "PROPN")), theme)
    return theme


def _complement(sent: Sentence, match: TriggerMatch, lex: Lexicon) -> tuple[int, int] | None:
    """What a speech verb reports: its clausal complement, or what follows "bahwa"."""
    head = match.head
    for c in sent.children(head):
        if base(c.deprel) in ("ccomp", "parataxis") and c.id > head.id:
            toks = [t for t in subtree(sent, c) if not (base(t.deprel) == "mark" and t.head == c.id)]
            return toks[0].start, _quote_end(sent, toks[0].start, toks[-1].end)
    after = sent.tokens[match.tokens[-1].id:]
    that = lex.words(lex.speech, "complementizers")
    bahwa = next((t for t in after if lower(t) in that), None)
    if bahwa is not None:
        return bahwa.end, sent.end
    if lower(head) in lex.words(lex.speech, "complement_verbs") and after:
        return after[0].start, sent.end
    return None


def _quote_end(sent: Sentence, start: int, end: int) -> int:
    """``end``, or past the closing mark of a quotation the span opens and leaves open ('He said
    they "both agreed, we want to stop …"': the parser ends the complement at the comma)."""
    inside = sent.text[start - sent.start:end - sent.start]
    opened = inside.count("“") > inside.count("”") or (inside.count('"') % 2 == 1 and "“" not in inside)
    if not opened:
        return end
    rest = sent.text[end - sent.start:]
    close = min((k for k in (rest.find("”"), rest.find('"')) if k >= 0), default=-1)
    return end + close + 1 if close >= 0 else end


def _medium(art: Article, sent: Sentence, ev: EventMention, last: Token, lex: Lexicon) -> str | None:
    media = lex.words(lex.speech, "media")
    inside = [w for w in ev.trigger_text.lower().split() if w in media]
    return inside[0] if inside else speech.medium(art.text, sent, last, lex)


def _according(art: Article, sent: Sentence, lex: Lexicon, index: MentionIndex, out: list[_Found]) -> None:
    """ "menurut X": a Statement when nothing else in the sentence is one, else X is the via."""
    statements = [f for f in out if f.mention.type == "Statement"]
    for acc in speech.according_to(art.text, sent, lex, index):
        if statements:
            nearest = min(statements, key=lambda f: abs(f.mention.trigger.start - acc.marker.start))
            nearest.mention.via = nearest.mention.via or acc.text
            continue
        report = acc.trigger is not acc.marker
        ev = _new(art, sent, acc.trigger.start, acc.trigger.end, "Statement",
                  "speech:menurut-report" if report else "speech:menurut", 0.6)
        if acc.source is not None:
            ev.arguments = [Argument("speaker", acc.source)]
        q = speech.quote_before(art.text, sent, acc.marker, lex)
        # the attributed content: the quote before it, else the rest of the sentence
        span = q or (sent.start, sent.end)
        ev.quote = art.text[span[0]:span[1]] if q else None
        out.append(_Found(ev, acc.trigger, complement=None if q else span, quote=q, extra_tokens=[acc.trigger],
                          subject_args=list(ev.arguments)))


def _topical(sent: Sentence, first: Token, lex: Lexicon) -> bool:
    """A noun right after a verb or a topic marker is what another event is
    about ("membahas pengerahan", "mengenai pemindahan"): it names a situation,
    not something that happened on the sentence's date. Read from the word
    sequence, which the modest tagger gets right more often than the tree."""
    if first.id < 2:
        return False
    prev = sent.tokens[first.id - 2]
    w = lower(prev)
    if w in lex.words(lex.roles, "cotemporal_verbs"):
        return False
    return prev.upos == "VERB" or w in lex.words(lex.roles, "topic_markers") or \
        bool(lex.verb_pattern and lex.verb_pattern.search(w))


def _nested(sent: Sentence, head: Token | None) -> bool:
    """A noun in a prepositional phrase of another noun ("undangan ke KTT", "hasil dari
    pertemuan"), or what a derived noun before it acts on ("Penentuan pengiriman pasukan …
    ditentukan pada akhir bulan ini": its lemma is not its form), is what that noun is about:
    the clause's date is the other noun's."""
    gov = sent.head_of(head) if head is not None else None
    return gov is not None and gov.upos == "NOUN" and base(head.deprel) == "nmod" and \
        (any(base(c.deprel) == "case" for c in sent.children(head))
         or gov.id < head.id and gov.lemma.lower() != gov.text.lower())


def _date_sentence(art: Article, sent: Sentence, events: list[_Found], found: list[TimeAnchor],
                   lex: Lexicon) -> None:
    """Each event takes the time anchor of its own clause first (kg.extract.anchoring).

    A day the article was quoted on ("…," kata Trump, dikutip Selasa (20/5/2025)) dates no event.
    """
    via = lex.words(lex.speech, "via_markers")
    found = [a for a in found if not any(art.text[sent.start:a.start].rstrip(" ,").lower().endswith(v) for v in via)]
    triggers = [Trigger(f.head, f.mention.trigger,
                        PHRASE if f.topical else CLAUSE if "planned" in f.mention.modality else ALL) for f in events]
    quotes = [Span(*f.quote) for f in events if f.quote]
    sequence = lex.words(lex.roles, "sequence_markers")
    for f, anchor in zip(events, pick_anchors(sent, triggers, found, quotes, sequence)):
        if anchor is not None:
            _set_time(f.mention, anchor)


def _set_time(m: EventMention, anchor: TimeAnchor) -> None:
    m.time, m.date_text = anchor, anchor.text
    m.date = anchor.value if anchor.granularity == "day" else None


def _talks_as_told(found: list[_Found], lex: Lexicon) -> None:
    """ "pembicaraan", "talks": a call where the article tells a call, the meeting where it tells
    only a meeting ("Putin menjamu Prabowo … pembicaraan kedua pemimpin")."""
    def talk(f: _Found) -> bool:
        return f.mention.trigger_text.lower() in lex.talks

    told = {f.mention.type for f in found if not talk(f)}
    for f in found:
        if talk(f) and f.mention.type in _TALK_TYPES:
            other = next(t for t in _TALK_TYPES if t != f.mention.type)
            if f.mention.type not in told and other in told:
                f.mention.type = other


def _link_quotes(found: list[_Found]) -> None:
    """Statements are about the events told in their complement or quote."""
    for f in found:
        if f.mention.type != "Statement":
            continue
        spans = [s for s in (f.complement, f.quote) if s]
        f.mention.about_mentions = [g.mention.id for g in found if g is not f and
                                    any(a <= g.mention.trigger.start < b for a, b in spans)]


def _propagate_dates(found: list[_Found]) -> None:
    """An explicit date of a statement also dates the events it reports."""
    by_id = {f.mention.id: f for f in found}
    for f in found:
        if f.mention.type != "Statement" or f.mention.time is None:
            continue
        for i in f.mention.about_mentions:
            g = by_id[i]
            if g.mention.time is None and not g.topical:
                _set_time(g.mention, f.mention.time)
