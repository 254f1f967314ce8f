"""When two statements are one act: the same speaker and the same words.

A statement merges only with a report of the same act (:func:`veto`): the
same quote, the same content words, a direct quote right after an indirect
report of the same speaker, a statement referring back to the one just told
("Perintah tersebut disampaikan …"), the title line's statement, or across
articles the same speech verb when one side says nothing to compare ("kabar
tersebut"). Used by :mod:`kg.resolve.evidence`, whose groups it reads.
"""
from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from kg.model import EventMention

if TYPE_CHECKING:
    from kg.resolve.evidence import Group

# Two statements say the same when this share of the shorter one's content
# words is in the other (and at least MIN_SHARED words are).
CONTENT_OVERLAP = 0.6
MIN_SHARED = 3
# Speech verbs this similar are the same word (mengkonfirmasi / mengonfirmasi)
WORD_SIMILARITY = 0.85

_WORD = re.compile(r"\w+", re.UNICODE)


def content(m: EventMention, stop: frozenset[str], start: int | None = None,
            until: int | None = None) -> frozenset[str]:
    """The content words of what a statement says: its quote, else the clause its verb reports
    (``stop``: the language's stopwords; ``start``: where its sentence begins in the text;
    ``until``: where the sentence's next speech verb begins, which says something else)."""
    if m.type != "Statement":
        return frozenset()
    text = m.quote or _clause_after(m, start, until)
    if m.quote and not m.rule.startswith("speech:") and start is not None and until is not None:
        at = m.sentence_text.find(m.quote)       # a complement, not a quotation: it too ends there
        text = text[:max(0, until - start - at)] if at >= 0 else text
    # names say whom a statement is about, not what it says: capitalised words are left out
    return frozenset(w.lower() for w in _WORD.findall(text)
                     if len(w) > 2 and w.lower() not in stop and not w[0].isupper())


def _clause_after(m: EventMention, start: int | None, until: int | None) -> str:
    """What a speech verb with no quote reports: its sentence after the trigger, to the clause's
    end or the next speech verb ("noted X and said Y": X)."""
    at = m.trigger.start - start if start is not None else m.sentence_text.find(m.trigger_text)
    end = until - start if start is not None and until is not None else len(m.sentence_text)
    rest = m.sentence_text[at + len(m.trigger_text):end] if at >= 0 else m.sentence_text
    return re.split(r"[,;:.!?]", rest, maxsplit=1)[0]


def veto(a: Group, b: Group) -> str | None:
    """A statement merges only with a report of the same act: same speaker, same words."""
    sa, sb = a.ids("speaker"), b.ids("speaker")
    same_speaker = bool(sa and sb and sa & sb)
    if a.articles & b.articles and (_refers_back(a) or _refers_back(b)) and (same_speaker or not sa or not sb):
        return None      # "Ucapan itu disampaikan …", "Perintah tersebut disampaikan oleh X": the one just told
    if not same_speaker:
        return "another speaker"
    if a.articles & b.articles and (_headline(a) or _headline(b)):
        return None      # the title line tells the statement the article reports
    if _same_quote(a, b):
        return None
    if any(r.quoted for r in a.members) and any(r.quoted for r in b.members) and a.articles & b.articles:
        return "two quotes"      # one speaker's successive quotes are successive statements
    if _content_overlap(a, b) >= CONTENT_OVERLAP or _quote_follows(a, b):
        return None
    if not a.articles & b.articles and (_thin(a) or _thin(b)) and _same_verb(a, b):
        return None      # "mengonfirmasi kabar tersebut": what was said is told elsewhere, not here
    return "other words"


def _headline(g: Group) -> bool:
    return all(r.headline for r in g.members)


def _refers_back(g: Group) -> bool:
    return all(r.back_reference for r in g.members)


def _thin(g: Group) -> bool:
    """No member says enough to compare ("kabar tersebut")."""
    return all(len(r.content) < MIN_SHARED for r in g.members)


def _same_verb(a: Group, b: Group) -> bool:
    """The same speech verb, allowing the spelling slips the lemmatizer makes
    (mengkonfirmasi / mengonfirmasi); a verb every report uses ("said", "kata") is no sign."""
    return any(SequenceMatcher(None, x.mention.trigger_text.lower(), y.mention.trigger_text.lower()).ratio()
               >= WORD_SIMILARITY for x in a.members for y in b.members if not (x.generic or y.generic))


def _same_quote(a: Group, b: Group) -> bool:
    qa = {norm(r.mention.quote) for r in a.members if r.quoted and r.mention.quote}
    return bool(qa & {norm(r.mention.quote) for r in b.members if r.quoted and r.mention.quote})


def _content_overlap(a: Group, b: Group) -> float:
    """The best share of shared content words between a member of each group."""
    best = 0.0
    for x in a.members:
        for y in b.members:
            shared = len(x.content & y.content)
            if shared >= MIN_SHARED:
                best = max(best, shared / min(len(x.content), len(y.content)))
    return best


def _quote_follows(a: Group, b: Group) -> bool:
    """An indirect report and, within the language's ``quote_follows`` sentences after it in
    the same article, a direct quote of the same speaker: the quote backs the report up
    ("X menegaskan …. “…,” kata X."; in English wire copy the quote is the next thing said)."""
    for x in a.members:
        for y in b.members:
            first, second = (x, y) if (x.order, x.mention.sentence) <= (y.order, y.mention.sentence) else (y, x)
            if first.article == second.article and not first.quoted and second.quoted and \
                    0 <= second.mention.sentence - first.mention.sentence <= first.quote_follows:
                return True
    return False


def norm(text: str | None) -> str:
    return " ".join(text.lower().split()) if text else ""


def evidence(a: Group, b: Group) -> list[tuple[float, str]]:
    """What speaks for two statements being one act: (weight, reason) pairs."""
    out: list[tuple[float, str]] = []
    if _same_quote(a, b):
        out.append((2.0, "same quote"))
    overlap = _content_overlap(a, b)
    if overlap >= CONTENT_OVERLAP:
        out.append((2.0, f"same words ({overlap:.2f} overlap)"))
    if _quote_follows(a, b):
        out.append((1.0, "indirect report, then the quote"))
    if not a.articles & b.articles and _same_verb(a, b):
        out.append((1.0, "same speech verb"))
    return out
