"""Publication dates: from metadata strings, timestamp lines and the top of an article.

Only full dates (day, month and year) count: a date without a year
("Oct 29") cannot be placed safely. Month and weekday names come from CLDR
(babel), so any language babel knows works without a word list of our own;
the parsing itself is dateparser's.
"""
from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

from kg import lang as languages

# date orders by language, for numeric dates ("29/10/2024"); unknown: day first
DATE_ORDER = {"en": "MDY"}
BYLINE_MAX_WORDS = 20
# a clock time with an optional zone: "14:05 WIB", "3.05 PM", "10:00 GMT+7"
_TIME = r"\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*(?:[AaPp]\.?[Mm]\.?|[A-Z]{2,5}(?:[+-]\d{1,2})?))?"


@lru_cache(maxsize=None)
def _names(lang: str) -> tuple[list[str], list[str]]:
    """Month and weekday names (wide and abbreviated) of ``lang`` and English."""
    from babel.core import UnknownLocaleError
    from babel.dates import get_day_names, get_month_names

    months, days = set(), set()
    for code in {lang, "en"}:
        try:
            for width in ("wide", "abbreviated"):
                months |= {m.rstrip(".") for m in get_month_names(width, locale=code).values()}
                days |= {d.rstrip(".") for d in get_day_names(width, locale=code).values()}
        except (UnknownLocaleError, ValueError):
            continue
    by_length = lambda names: sorted(names, key=len, reverse=True)  # noqa: E731  longest first
    return by_length(months), by_length(days)


@lru_cache(maxsize=None)
def _full_date(lang: str) -> re.Pattern:
    months, _ = _names(lang)
    month = "(?:" + "|".join(re.escape(m) for m in months) + r")\.?"
    return re.compile(
        rf"\b(?:\d{{4}}-\d{{2}}-\d{{2}}"               # 2024-10-29
        rf"|\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{4}}"         # 29/10/2024
        rf"|\d{{1,2}}\s+{month}\s+\d{{4}}"               # 29 Oktober 2024
        rf"|{month}\s+\d{{1,2}},?\s+\d{{4}})\b",        # Oct. 29, 2024
        re.IGNORECASE)


@lru_cache(maxsize=None)
def _day_phrase(lang: str) -> re.Pattern:
    _, days = _names(lang)
    day = "(?:" + "|".join(re.escape(d) for d in days) + r")\.?"
    full = _full_date(lang).pattern
    return re.compile(rf"(?:\b{day}\s*,?\s*)?\(?\s*(?:(?P<full>{full})|\b\d{{1,2}}/\d{{1,2}}\b)\s*\)?", re.IGNORECASE)


def is_weekday(word: str, lang: str) -> bool:
    return word.casefold().rstrip(".") in {d.casefold() for d in _names(lang)[1]}


def day_phrase(text: str, lang: str) -> tuple[int, int, date | None] | None:
    """Where ``text`` names a day as datelines do, weekday and brackets included ("Senin
    (4/11/2024)", "Oct 29, 2024", "Senin (4/11)"), and the day when its year is given."""
    m = _day_phrase(lang).search(text)
    if m is None:
        return None
    return m.start(), m.end(), parse_date(m.group("full"), lang) if m.group("full") else None


def parse_date(text: str, lang: str, require_year: bool = True) -> date | None:
    """A date from a metadata string ("2024-10-29", "29 Okt 2024 14:05 WIB").

    ``require_year=False`` accepts "Oct 29" (dateparser then assumes a year:
    use it only to recognise that the text is a date).
    """
    import dateparser

    parts = ["day", "month", "year"] if require_year else ["day", "month"]
    settings = {"DATE_ORDER": DATE_ORDER.get(lang, "DMY"), "PREFER_DAY_OF_MONTH": "first",
                "REQUIRE_PARTS": parts}
    languages = [lang, "en"] if lang != "en" else ["en"]
    try:
        parsed: datetime | None = dateparser.parse(text.strip(), languages=languages, settings=settings)
    except (ValueError, OverflowError, KeyError):
        return None
    return parsed.date() if parsed else None


def find_date(text: str, lang: str) -> date | None:
    """The first full date written in ``text``, e.g. "Selasa (29/10/2024)"."""
    for m in _full_date(lang).finditer(text):
        found = parse_date(m.group(0), lang)
        if found:
            return found
    return None


@lru_cache(maxsize=None)
def _stamp_words(lang: str, key: str = "words") -> frozenset[str]:
    """Words of timestamp lines (``kg/lang/<code>/timestamps.yaml``), of ``lang`` and English."""
    words: set[str] = set()
    for code in {lang, "en"}:
        if languages.known(code):
            words |= {str(w).casefold() for w in languages.get(code).data("timestamps").get(key, [])}
    return frozenset(words)


def is_dated_byline(line: str, lang: str) -> bool:
    """A byline or site line that carries the publication date: "Penulis: Andi | Editor: Budi |
    Senin, 4 November 2024", "Oleh Andi Wijaya pada 4 November 2024", "By John Smith | October
    29, 2024", "NTVNews - Berita Hari Ini - 9 Apr 2025, 20:46".

    A short line with a full date that either gives a clock time too, or one
    of whose parts (split at bars and bullets) opens with a byline word.
    """
    if len(line.split()) > BYLINE_MAX_WORDS or line.rstrip().endswith(".") or not _full_date(lang).search(line):
        return False
    if re.search(rf"(?<![\d.,]){_TIME}", line):
        return True
    openers = _stamp_words(lang, "bylines")
    parts = [p.strip() for p in re.split(r"[|•·]", line)]
    return any(re.split(r"[\s:]+", p.casefold(), maxsplit=1)[0] in openers for p in parts if p)


def is_timestamp(line: str, lang: str) -> bool:
    """Whether a line is nothing but a timestamp.

    "Selasa, 29 Oktober 2024 14:05 WIB", "Updated: Oct 29, 2024 3:05 PM",
    "2 hours ago", "Published": once the date, weekday, clock time, zone,
    numbers and timestamp words are gone, at most a couple of words (a place:
    "Jakarta, 29 Oktober 2024") may remain beside a full date, none otherwise.
    """
    if len(line.split()) > 12:
        return False
    m = _full_date(lang).search(line)
    rest = line[:m.start()] + " " + line[m.end():] if m else line
    rest = re.sub(_TIME, " ", rest)
    rest = re.sub(r"\b[A-Z]{2,5}(?:[+-]\d{1,2})?\b", " ", rest)          # zones: WIB, GMT+7
    _, days = _names(lang)
    folded_days = {d.casefold() for d in days}
    words = [w for w in re.findall(r"[^\W\d_]+", rest) if w.casefold() not in folded_days]
    stamp_words = _stamp_words(lang)
    left = [w for w in words if w.casefold() not in stamp_words]
    if m:
        return len(left) <= 2
    return not left and len(words) > 0
