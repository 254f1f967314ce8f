"""Reported speech beyond speech verbs: quotes with "kata X" / "katanya",
"menurut X", the outlet's source ("dikutip AFP") and the medium ("di media sosial").

These are token-sequence patterns: the parser often gets quotes wrong, while
the punctuation and the few attribution words are reliable.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from kg.extract.lexicon import Lexicon
from kg.extract.tree import ADDRESS_TYPES, MentionIndex, base, lower, word_at
from kg.model import EntityMention, Sentence, Token


@dataclass
class Speech:
    """A Statement found by a speech pattern."""

    start: int
    end: int
    tokens: list[Token]
    rule: str
    confidence: float
    speakers: list[EntityMention] = field(default_factory=list)
    quote: tuple[int, int] | None = None
    places: list[EntityMention] = field(default_factory=list)   # where it was said
    addressees: list[EntityMention] = field(default_factory=list)   # to whom


def quote_before(text: str, sent: Sentence, tok: Token, lex: Lexicon) -> tuple[int, int] | None:
    """The quotation closed right before ``tok`` ('…," kata'), as a text span."""
    close_marks = lex.speech.get("quotes", {}).get("close", [])
    open_marks = lex.speech.get("quotes", {}).get("open", [])
    # the punctuation between the last word and the verb, read as written: a closing mark the
    # tokenizer cut in two ("''") is still one
    i = tok.id - 2
    while i >= 0 and not any(ch.isalnum() for ch in sent.tokens[i].text):
        i -= 1
    gap_start = sent.tokens[i].end if i >= 0 else sent.start
    while i < 0 and gap_start > 0 and not text[gap_start - 1].isalnum():
        gap_start -= 1       # the quotation closed the sentence before ('… about this?’” Vance said')
    gap = text[gap_start:tok.start]
    found = [(gap.rfind(m), m) for m in close_marks if m in gap]
    if not found or "\n" in gap:
        return None
    at, mark = max(found)
    close = gap_start + at
    line_start = text.rfind("\n", 0, close) + 1
    # the opening mark of the same kind: '“We … ‘Look, …?’”' is the whole quotation
    pair = {"”": "“", "’": "‘", "»": "«"}.get(mark)
    opening = max(text.rfind(m, line_start, close) for m in ([pair] if pair else open_marks))
    if opening < 0:
        return None
    q_start, q_end = opening + 1, close
    while q_end > q_start and text[q_end - 1] in " ,.":
        q_end -= 1
    return (q_start, q_end) if q_end > q_start else None


def _speakers(sent: Sentence, tok: Token, index: MentionIndex, before: Token | None,
              quote: tuple[int, int] = (0, 0)) -> list[EntityMention]:
    """The speaker of an inverted speech verb: its subject, on either side ('…," kata X',
    '…," said X', '…," X said'), never a name inside the ``quote``; else a mention right
    after it, else one of the words ``before`` it up to the verb."""
    subj = [c for c in sent.children(tok) if base(c.deprel) == "nsubj" and not quote[0] <= c.start < quote[1]]
    found = [_person_in_apposition(sent, index.of_phrase(sent, s), index) for s in subj]
    if not any(found):
        found = [_person_in_apposition(sent, index.after(sent, tok, window=3), index)]
    if not any(found) and before is not None:
        found = [index.at(before.start, sent.tokens[tok.id - 2].end)]
    return [m for m in found if m is not None]


def _person_in_apposition(sent: Sentence, m: EntityMention | None, index: MentionIndex) -> EntityMention | None:
    """ '…," said Roesmin Nurjadin Airbase Commander, First Marshall Ronny …': a name that is no
    person, then a person right after it (past a comma), is the person's post: the person speaks."""
    if m is None or m.type == "Person":
        return m
    nxt = next((t for t in sent.tokens if t.start >= m.end), None)
    if nxt is not None and nxt.text == ",":
        nxt = next((t for t in sent.tokens if t.start >= nxt.end), None)
    person = index.at(nxt.start, nxt.end) if nxt is not None else None
    return person if person is not None and person.type == "Person" and person.start <= nxt.start else m


def subject_before(sent: Sentence, tok: Token, max_words: int) -> Token | None:
    """The first of the words between a closing quote and the verb ``tok``
    ('…," the minister said'): at most ``max_words`` words, no punctuation."""
    first, i = None, tok.id - 2
    while i >= 0 and tok.id - 1 - i <= max_words:
        t = sent.tokens[i]
        if not any(ch.isalnum() for ch in t.text):
            return first
        first, i = t, i - 1
    return first if i < 0 else None     # the sentence's start: its quotation may close the one before


def quoted_speech(text: str, sent: Sentence, lex: Lexicon, index: MentionIndex) -> list[Speech]:
    """'"…," kata X' (speech:quote-inverted), '"…," katanya' (speech:quote-final-clitic) and
    "Rusia, kata Putin, siap …" (speech:aside)."""
    verbs = lex.words(lex.speech, "inverted_verbs")
    clitic = str(lex.speech.get("clitic") or "")
    out: list[Speech] = []
    for tok in sent.tokens:
        start, word = word_at(text, tok.start)
        w = word.lower()
        quote = None
        if clitic and w.endswith(clitic) and w[:-len(clitic)] in verbs:
            quote = quote_before(text, sent, tok, lex)
            if quote:
                end = start + len(word)
                pron = index.at(end - len(clitic), end)
                toks = [t for t in sent.tokens if start <= t.start < end]
                out.append(Speech(start, end, toks, "speech:quote-final-clitic", 0.9,
                                  [pron] if pron else [], quote, where_said(sent, toks[-1], lex, index),
                                  to_whom(sent, toks[-1], lex, index)))
        elif w == lower(tok) and w in verbs:
            quote = quote_before(text, sent, tok, lex)
            before = None if quote else subject_before(sent, tok, int(lex.speech.get("subject_words") or 0))
            quote = quote or (before is not None and _attributed(text, quote_before(text, sent, before, lex),
                                                                  before)) or None
            if not quote and (aside := _aside(sent, tok, index)) is not None:
                # "Rusia, kata Putin, siap bekerja sama": said of the sentence it stands in
                out.append(Speech(tok.start, tok.end, [tok], "speech:aside", 0.8, [aside], (sent.start, sent.end)))
                continue
            if quote:
                speakers = _speakers(sent, tok, index, before, quote)
                last = max([tok] + [t for t in sent.tokens if any(t.start < m.end for m in speakers)
                                    and t.id > tok.id], key=lambda t: t.id)
                out.append(Speech(tok.start, tok.end, [tok], "speech:quote-inverted", 0.9,
                                  speakers, quote, where_said(sent, last, lex, index), to_whom(sent, last, lex, index)))
    return out


def _aside(sent: Sentence, tok: Token, index: MentionIndex) -> EntityMention | None:
    """The speaker of an inverted verb set off by commas inside its sentence (", kata Putin,"
    , ", kata dia,"): the mention right after the verb, with a comma before the verb and after it."""
    if tok.id < 3 or sent.tokens[tok.id - 2].text != ",":
        return None
    m = index.after(sent, tok, window=1)
    nxt = next((t for t in sent.tokens if m is not None and t.start >= m.end), None)
    return m if m is not None and m.type == "Person" and nxt is not None and nxt.text == "," else None


def _attributed(text: str, quote: tuple[int, int] | None, subject: Token) -> tuple[int, int] | None:
    """A quotation that a speaker put after it attributes ('“…,” the minister said'): it closes
    on a comma, question or exclamation mark, inside its marks or after them ('… about this?’” Vance
    said'); a quoted term does not ('a “sacred mandate” and urged')."""
    return quote if quote is not None and any(ch in text[quote[1] - 2:subject.start] for ch in ",?!") else None


def where_said(sent: Sentence, after: Token, lex: Lexicon, index: MentionIndex) -> list[EntityMention]:
    """ '…," kata Donny di Gedung DPR, Senayan, Jakarta': the place a marker names within
    the speech's clause after ``after`` (the speaker), with the places it lies in."""
    m = _marked(sent, after, lex, "place_markers", index)
    if m is None or m.text.lower() in lex.words(lex.speech, "media"):
        return []      # "wrote in a Truth Social post": a medium, not a place
    if m.type not in ADDRESS_TYPES:     # "di Mabes TNI, Cilangkap, Jakarta Timur": where the organisation is
        return index.address(sent, m)
    return [m] + index.address(sent, m)


def to_whom(sent: Sentence, after: Token, lex: Lexicon, index: MentionIndex) -> list[EntityMention]:
    """ '…," kata Albanese kepada Prabowo': whom an addressee marker names within the speech's
    clause after ``after`` (the speaker)."""
    m = _marked(sent, after, lex, "addressee_markers", index)
    return [m] if m is not None and m.type not in ADDRESS_TYPES + ("Unknown",) else []


def _marked(sent: Sentence, after: Token, lex: Lexicon, key: str, index: MentionIndex) -> EntityMention | None:
    """The mention right after the first of the ``key`` markers within ``place_window`` words
    after ``after``, in the speech's clause (no complementizer, quote or sentence end between)."""
    markers = lex.words(lex.speech, key)
    stops = lex.complementizers | set(lex.speech.get("quotes", {}).get("open", []))
    for t in sent.tokens[after.id:after.id + int(lex.speech.get("place_window") or 0)]:
        if lower(t) in stops or t.text in (".", ";"):
            return None
        if lower(t) in markers:
            return index.after(sent, t, window=int(lex.speech.get("place_phrase_words") or 2))
    return None


@dataclass
class According:
    """ "menurut X": X's phrase, the report noun if any, and the text of X."""

    marker: Token
    trigger: Token
    source: EntityMention | None
    text: str


def according_to(text: str, sent: Sentence, lex: Lexicon, index: MentionIndex) -> list[According]:
    markers = lex.words(lex.speech, "according_to")
    reports = lex.words(lex.speech, "report_nouns")
    out = []
    for i, tok in enumerate(sent.tokens):
        if lower(tok) not in markers:
            continue
        rest = sent.tokens[i + 1:]
        end = next((t.start for t in rest if t.upos == "PUNCT"), sent.end)
        trig = rest[0] if rest and lower(rest[0]) in reports else tok
        src = index.after(sent, trig, window=4) if trig is not tok else index.after(sent, tok, window=3)
        np_start = rest[0].start if rest else tok.end
        out.append(According(tok, trig, src, text[np_start:end].strip()))
    return out


def via(text: str, sent: Sentence, lex: Lexicon, index: MentionIndex) -> str | None:
    """The source a statement was taken from: "dikutip AFP" → "AFP"."""
    toks = sent.tokens
    for marker in sorted(lex.words(lex.speech, "via_markers"), key=lambda m: -len(m.split())):
        words = marker.split()
        for i in range(len(toks) - len(words)):
            if [lower(t) for t in toks[i:i + len(words)]] == words:
                last = toks[i + len(words) - 1]
                m = index.after(sent, last, window=3)
                if m is not None:
                    return m.text
                end = next((t.start for t in toks[i + len(words):] if t.upos == "PUNCT"), sent.end)
                return text[last.end:end].strip() or None
    return None


def medium(text: str, sent: Sentence, after: Token, lex: Lexicon) -> str | None:
    """The channel named after a trigger: "di media sosial", "melalui postingannya di Telegram"."""
    media = lex.words(lex.speech, "media")
    marks = lex.words(lex.speech, "media_markers")
    toks = sent.tokens[after.id:after.id + 10]
    first = last = None
    armed, i = 0, 0
    while i < len(toks):
        t, w = toks[i], lower(toks[i])
        if w in lex.complementizers or w in (";", ".") or t.upos == "PUNCT" and first is not None:
            break
        if w in marks:
            armed, i = 4, i + 1
            continue
        pair = i + 1 < len(toks) and f"{w} {lower(toks[i + 1])}" in media
        if armed and (pair or w in media or any(w.startswith(m) for m in media if len(m) > 4)):
            first, last = first or t, toks[i + 1] if pair else t
            armed, i = 4, i + (2 if pair else 1)
            continue
        armed, i = max(armed - 1, 0), i + 1
    return text[first.start:last.end] if first is not None else None
