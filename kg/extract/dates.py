"""Dates in news text, resolved against the article's publication date.

dateparser (with the article's language) reads every candidate first; the
gaps it leaves in Indonesian ("Senin lalu", "pekan lalu", "dua minggu lalu",
"pada hari yang sama") are filled by rules over the words in
kg/lang/<code>/dates.yaml. Candidates are found by patterns built from the
same words, so that numbers like "10.000" never become dates.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

from kg import lang as languages


@dataclass
class DateMention:
    start: int
    end: int
    text: str
    value: date | None
    kind: str          # explicit, relative, same-day


def _alt(words: Any) -> str:
    return "|".join(re.escape(str(w)) for w in sorted(words, key=lambda w: -len(str(w)))) or "(?!)"


@lru_cache(maxsize=None)
def _words(code: str) -> Mapping[str, Any]:
    return languages.get(code).data("dates")


@lru_cache(maxsize=None)
def _patterns(lang: str) -> list[tuple[str, re.Pattern[str]]]:
    w = _words(lang)
    W, M = _alt(w.get("weekdays", {})), _alt(w.get("months", {}))
    N, U = _alt(w.get("numbers", {})), _alt(w.get("units", {}))
    P, R = _alt(w.get("past", [])), _alt(w.get("relative", {}))
    S, L = _alt(w.get("same_day", [])), _alt(w.get("weekday_lead", []))
    wd = rf"(?:(?:{W})\s*,?\s*)?"
    specs = [
        ("explicit", rf"{wd}\(?\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\)?"),
        ("explicit", rf"{wd}\(?\d{{1,2}}-\d{{1,2}}-\d{{4}}\)?"),
        ("explicit", rf"{wd}\d{{1,2}}\s+(?:{M})\.?,?\s+\d{{4}}"),
        ("explicit", rf"{wd}(?:{M})\.?\s+\d{{1,2}},?\s+\d{{4}}"),
        ("n-units-ago", rf"(?:\d+|{N})\s+(?:{U})\s+(?:{P})"),
        ("unit-ago", rf"(?:{U})\s+(?:{P})"),
        ("weekday-ago", rf"(?:{W})\s+(?:{P})"),
        ("same-day", rf"(?:{S})"),
        ("relative", rf"(?:{R})"),
        ("weekday", rf"(?<=\b)(?:{L})\s+(?P<day>{W})"),
    ]
    return [(k, re.compile(rf"\b{p}(?!\w)", re.IGNORECASE)) for k, p in specs]


def _dateparser(text: str, lang: str, base: date | None) -> date | None:
    import dateparser

    settings: dict[str, Any] = {"DATE_ORDER": _words(lang).get("date_order", "DMY"), "PREFER_DATES_FROM": "past"}
    if base is not None:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    # a language kg has no date words for: let dateparser detect it
    languages = [lang] if _words(lang) else None
    found = dateparser.parse(text, languages=languages, settings=settings)
    return found.date() if found else None


def _rule(kind: str, text: str, lang: str, base: date | None) -> date | None:
    """What dateparser leaves: relative expressions it does not know."""
    if base is None:
        return None
    w = _words(lang)
    low = " ".join(text.lower().split())
    units, numbers, weekdays = w.get("units", {}), w.get("numbers", {}), w.get("weekdays", {})
    first = low.split()[0]
    if kind == "relative":
        return base + timedelta(days=int(w.get("relative", {}).get(low, 0)))
    if kind == "n-units-ago":
        n = int(first) if first.isdigit() else numbers.get(first)
        unit = next((u for u in low.split()[1:] if u in units), None)
        return base - timedelta(days=n * units[unit]) if n and unit else None
    if kind == "unit-ago":
        return base - timedelta(days=units[first])
    if kind in ("weekday-ago", "weekday"):
        day = next((weekdays[t] for t in low.split() if t in weekdays), None)
        if day is None:
            return None
        back = (base.weekday() - day) % 7
        return base - timedelta(days=back or (7 if kind == "weekday-ago" else 0))
    return None


class DateReader:
    """Reads the dates of one article in order, remembering the last one named."""

    def __init__(self, published: date | None, lang: str = "id") -> None:
        self.base, self.lang = published, lang
        self.last: date | None = None

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[DateMention]:
        """Dates in ``text[start:end]``, with absolute offsets."""
        end = len(text) if end is None else end
        spans: list[tuple[int, int, str, re.Match[str]]] = []
        for kind, pat in _patterns(self.lang):
            for m in pat.finditer(text, start, end):
                a, b = (m.start("day"), m.end("day")) if kind == "weekday" else (m.start(), m.end())
                if not any(a < y and x < b for x, y, _, _ in spans):
                    spans.append((a, b, kind, m))
        out = []
        for a, b, kind, _ in sorted(spans):
            surface = text[a:b]
            if kind == "same-day":
                out.append(DateMention(a, b, surface, self.last, "same-day"))
                continue
            if kind == "explicit":
                value = _dateparser(surface.strip("()"), self.lang, self.base)
            else:
                value = _dateparser(surface, self.lang, self.base) if self.base else None
                value = value or _rule(kind, surface, self.lang, self.base)
            out.append(DateMention(a, b, surface, value, "explicit" if kind == "explicit" else "relative"))
            if value is not None:
                self.last = value
        return out
