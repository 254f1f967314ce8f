"""Datelines: "KYIV, sp-globalindo.co.id –", "TRIBUNNEWS.COM -", "WASHINGTON (Reuters) -", "MOSCOW/WASHINGTON:".

A dateline is a short prefix of a paragraph, made of up to four parts
(separated by commas or in parentheses) and ended by a dash: a place, an
outlet, and sometimes a date or the place's country; or places in capitals
ended by a colon. It is metadata, not the subject of the first sentence,
so the parser must not see it. Outlets
without a web domain are listed per language in ``kg/lang/<code>/datelines.yaml``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from kg import lang as languages
from kg.read.pubdate import day_phrase, is_weekday, parse_date

MAX_PARTS = 4
MIN_WORDS_AFTER = 4          # a dateline opens a paragraph of real prose
_PREFIX = re.compile(r"(?P<prefix>[^\n]{2,80}?)\s+(?:--|-|–|—)\s*(?=\S)")
# "MOSCOW/WASHINGTON: …": places in capitals ended by a colon
_CAPS_COLON = re.compile(r"(?P<prefix>[A-Z][A-Z./'’ -]{1,60}):\s+(?=\S)")
_BULLET = re.compile(r"[•·▪◦‣]?\s*")
_PAREN = re.compile(r"\(([^()]{1,40})\)")
_DOMAIN = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,24}$", re.IGNORECASE)
_WORD = re.compile(r"^[^\W\d_][\w.'’/-]*$")      # "MOSCOW/WASHINGTON": two places, one dateline


@dataclass
class Dateline:
    end: int                  # offset just after the dash (and its spaces) in the paragraph
    place: str | None
    outlet: str | None
    when: date | None         # a full date written in the dateline


@lru_cache(maxsize=None)
def known_outlets() -> frozenset[str]:
    """Outlet names (casefolded) of every language's datelines.yaml."""
    names: set[str] = set()
    for language in languages.every():
        names |= {str(n).casefold() for n in language.data("datelines").get("outlets", [])}
    return frozenset(names)


@lru_cache(maxsize=None)
def _territories() -> frozenset[str]:
    """Country and region names (CLDR, every kg language): "Ukraine", "Korea Selatan"."""
    from babel import Locale

    codes = sorted({*languages.codes(), "en"})
    return frozenset(n.casefold() for c in codes for n in Locale.parse(c).territories.values())


def _is_outlet(part: str) -> bool:
    return bool(_DOMAIN.match(part)) or part.casefold() in known_outlets()


def credited_outlet(line: str) -> str | None:
    """The outlet a short source line names: "Tim detikcom - detikNews", "luc, CNBC Indonesia", "Kompas.com".

    That is an outlet beside a dash or bar, or a web domain; such lines are
    bylines and site names, never headlines.
    """
    if len(line.split()) > 6:
        return None
    parts = [p.strip(" *_") for p in re.split(r"\s+[-–—|]\s+|,\s+", line)]     # "luc, CNBC Indonesia" too
    named = [p for p in parts if _is_outlet(p)] if len(parts) > 1 else []
    return (named or [w for w in line.split() if _DOMAIN.match(w)] or [None])[-1]


def _is_name(part: str) -> bool:
    """Capitalised words, as places are written: "KYIV", "Jakarta", "New Delhi"."""
    words = part.split()
    return 0 < len(words) <= 4 and all(_WORD.match(w) and w[0].isupper() for w in words)


def _without_day(prefix: str, lang: str) -> tuple[str, date | None]:
    """The prefix without the day it names ("JAKARTA, Senin (4/11/2024)", "JAKARTA, Oct 29, 2024
    (Reuters)"), and that day when it has its year."""
    found = day_phrase(prefix, lang)
    if found is None:
        return prefix, None
    start, end, day = found
    return re.sub(r"\(\s*\)", "", prefix[:start] + prefix[end:]), day


def parse(paragraph: str, lang: str) -> Dateline | None:
    """The dateline opening ``paragraph``, or None.

    Without an outlet the place alone must look like a dateline: one word or
    all capitals ("Jakarta -", "JAKARTA -"), never a capitalised headline.
    """
    # a list bullet before it ("• TEMPO.CO, Pekanbaru - …") is page furniture
    bullet = _BULLET.match(paragraph)
    m = _PREFIX.match(paragraph, bullet.end()) or _CAPS_COLON.match(paragraph, bullet.end())
    rest = paragraph[m.end():] if m else ""
    # the paragraph proper starts like a sentence: "Presiden …", "“Kami …"
    if not m or len(rest.split()) < MIN_WORDS_AFTER or rest[0].islower():
        return None
    prefix, when = _without_day(m.group("prefix"), lang)
    bracketed = [p.strip(" *_") for p in _PAREN.findall(prefix)]
    plain = [p.strip(" *_") for p in _PAREN.sub(",", prefix).split(",")]
    parts = [p for p in plain if p]
    if (not parts and not bracketed) or len(parts) + len(bracketed) > MAX_PARTS:
        return None
    outlet = place = None
    names = []
    for part in bracketed:
        if any(c.isdigit() for c in part):
            return None
        outlet = outlet or part
    for part in parts:
        if is_weekday(part, lang):
            continue        # "Jakarta, Jumat -": the day without its date
        if _is_outlet(part):
            outlet = outlet or part
        elif any(c.isdigit() for c in part):
            if parse_date(part, lang, require_year=False) is None:
                return None
            # "Oct 29" is a date, but without its year it cannot be placed
            when = when or (parse_date(part, lang) if re.search(r"\d{4}", part) else None)
        elif _is_name(part):
            names.append(part)
        else:
            return None
    if names:
        place = names[0]
    # an unlisted outlet written as words: "JAKARTA, Warta Contoh -"
    extra = [n for n in names[1:] if n.casefold() not in _territories()]
    if outlet is None and extra:
        outlet = extra[-1]
    if outlet is None:
        if place is None or not (place.isupper() or len(place.split()) == 1):
            return None
    return Dateline(end=m.end(), place=place, outlet=outlet, when=when)
