"""The layout of an article's text: page furniture, headline, dateline, body.

A scraped news page reads, top to bottom: site banners and section labels,
the headline, perhaps a byline or timestamp, then the body, whose first
paragraph often opens with a dateline. kg finds the body first (the first
paragraph that is a dateline or real prose), takes the headline to be the
last headline-like line above it, and treats the short lines above the
headline as site banners. Everything works line by line on the original
text, so every span is an offset into it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from kg.model import Boilerplate, Span
from kg.read import boilerplate, dateline, pubdate

_LINE = re.compile(r"[^\n]+")
TOP_LINES = 12               # the headline and body start are looked for this far down
HEADLINE_WORDS = (3, 30)
BANNER_MAX_WORDS = 5         # site names, taglines, section labels
PROSE_MIN_WORDS = 10         # a paragraph this long, ending like a sentence, is body text
PROSE_ANY_WORDS = 25         # … and one this long is body text however it ends
_FINAL = (".", "!", "?", "…")
_SENTENCE_END = _FINAL + ('"', "”", "’", "'", ")", "»")   # a sentence may end inside quotes


@dataclass
class Line:
    start: int               # offsets of the line without its surrounding spaces
    end: int
    text: str                # cleaned of markdown marks, as rules see it

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass
class Layout:
    boilerplate: list[Boilerplate] = field(default_factory=list)
    title: str | None = None
    dateline: Span | None = None
    dateline_place: str | None = None
    outlet: str | None = None
    published: date | None = None
    body_start: int = 0
    has_content: bool = True  # False: every line is furniture


def lines_of(text: str) -> list[Line]:
    out = []
    for m in _LINE.finditer(text):
        raw = m.group(0)
        stripped = raw.strip()
        if stripped:
            start = m.start() + len(raw) - len(raw.lstrip())
            out.append(Line(start, start + len(stripped), boilerplate.clean(stripped)))
    return out


def _headline_like(line: Line) -> bool:
    low, high = HEADLINE_WORDS
    t = line.text
    return (low <= line.words <= high and not t.endswith((".", ":", ";", ","))
            and not (t.isupper() and line.words <= 5) and "://" not in t and not dateline.credited_outlet(t))


def _prose(line: Line) -> bool:
    return line.words >= PROSE_ANY_WORDS or (line.words >= PROSE_MIN_WORDS and line.text.endswith(_SENTENCE_END))


def _banner(line: Line) -> bool:
    return line.words <= BANNER_MAX_WORDS and not line.text.endswith(_FINAL)


def _same_headline(line: str, title: str) -> bool:
    """The line shows the metadata title (which may carry or lack a " - Site" suffix)."""
    a, b = line.casefold().strip(), title.casefold().strip()
    shorter = min(a, b, key=len)
    return a == b or (len(shorter.split()) >= 3 and (a.startswith(b) or b.startswith(a)))


def _mark_rules(lines: list[Line], lang: str) -> dict[int, str]:
    rules = boilerplate.rules_for(lang)
    marks: dict[int, str] = {}
    area = None              # set once a comment area opens: later lines belong to it
    for i, line in enumerate(lines):
        rule = boilerplate.match(line.text, rules)
        if rule or area:
            marks[i] = rule.name if rule else area
        if rule and rule.with_next_line and i + 1 < len(lines):
            marks[i + 1] = rule.name
        if rule and rule.rest_of_article:
            area = area or rule.name
    return marks


def analyse(text: str, lang: str, title: str | None = None) -> Layout:
    """Boilerplate, headline, dateline, publication date and body start of ``text``.

    ``title`` is a headline known from metadata (HTML, JSON): its line in the
    text is then the headline line.
    """
    lines = lines_of(text)
    marks = _mark_rules(lines, lang)
    out = Layout(title=title)
    top = [i for i in range(len(lines)) if i not in marks][:TOP_LINES]
    credited = None
    for i in range(top[-1] if top else 0):      # a byline a boilerplate rule marked may still date the article
        if i in marks and pubdate.is_dated_byline(lines[i].text, lang):
            out.published = out.published or pubdate.find_date(lines[i].text, lang)
    for i in top:
        if pubdate.is_timestamp(lines[i].text, lang) or pubdate.is_dated_byline(lines[i].text, lang):
            marks[i] = "timestamp"
            out.published = out.published or pubdate.find_date(lines[i].text, lang)
        elif dateline.credited_outlet(lines[i].text):
            marks[i] = "outlet-line"     # "Tim detikcom - detikNews", "Kompas.com"
            credited = credited or dateline.credited_outlet(lines[i].text)
    top = [i for i in top if i not in marks]

    found_dateline = None
    body = at_dateline = None
    for i in top:
        found_dateline = dateline.parse(text[lines[i].start:lines[i].end], lang)
        if found_dateline or _prose(lines[i]):
            body = at_dateline = i
            break
    if found_dateline is None and body is not None:
        # a photo caption or the story's bullet points may come before the dateline's paragraph
        at_dateline, found_dateline = next(
            ((i, d) for i in top if i > body and (d := dateline.parse(text[lines[i].start:lines[i].end], lang))),
            (None, None))

    head = None
    if title:
        head = next((i for i in top if _same_headline(lines[i].text, title)), None)
    else:
        above = [i for i in top if (body is None or i < body) and _headline_like(lines[i])]
        if body is None:
            above = above[:1]   # no body found: only a first line can be told to be a headline
        # the first headline-like line that is no short banner: a deck repeating it may follow
        # ("Prabowo Siap Kirim 20.000 Prajurit TNI ke Gaza …" over "Presiden Prabowo … Siap Kirim …")
        head = next((i for i in above if not _banner(lines[i])), above[-1] if above else None)
        out.title = lines[head].text if head is not None else None
    if body is None:
        body = next((i for i in top if head is None or i > head), None)
    if body is not None:
        # short lines above the headline (or above the body, when there is no headline)
        for i in top:
            if i >= (head if head is not None else body):
                break
            if _banner(lines[i]):
                marks[i] = "site-banner"

    if found_dateline and at_dateline is not None:
        line = lines[at_dateline]
        out.dateline = Span(line.start, line.start + found_dateline.end)
        out.dateline_place, out.outlet = found_dateline.place, found_dateline.outlet
        out.published = out.published or found_dateline.when
    out.outlet = out.outlet or credited
    # content starts at the headline (headlines report events too); without one, at the body
    if head is not None:
        out.body_start = lines[head].start
    elif body is not None:
        out.body_start = out.dateline.end if out.dateline else lines[body].start

    out.boilerplate = [Boilerplate(lines[i].start, lines[i].end, rule=name) for i, name in sorted(marks.items())]
    out.has_content = any(i not in marks and re.search(r"[^\W\d_]", lines[i].text) for i in range(len(lines)))
    return out
