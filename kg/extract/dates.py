"""Dates in news text as time anchors, resolved against the article's publication date.

Every pattern is built from the words of ``kg/lang/<code>/dates.yaml``:
explicit dates ("Senin (4/11/2024)", "4 November 2024", "Feb. 12, 2025",
"2024-11-04"), days without their year ("Senin (4/11)", "Feb. 12"), months
and years ("Juli 2024", "tahun 2006"), weekdays ("pada Senin", "Jumat,",
"on Thursday"), words relative to the publication date ("kemarin", "hari
ini", "pekan lalu", "dua minggu lalu", "yesterday", "last week") and "the
same day" (the day last named) and days counted from it ("keesokan
harinya", "the day before"). Each becomes a :class:`kg.model.TimeAnchor`
with its granularity. Nothing is dated by guess: what needs the publication
date takes, without one, the first full date the article states (its news
day), else stays unresolved; a weekday that contradicts its date leaves the
date unresolved.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, timedelta
from functools import cached_property, lru_cache
from typing import Any

from kg import lang as languages
from kg.model import TimeAnchor

PARTIAL_YEARS = (-1, 0, 1)      # a day without its year: the nearest of these years around publication


def words(lang: str) -> Mapping[str, Any]:
    """The date words of ``lang`` (its dates.yaml)."""
    return languages.get(lang).data("dates")


def _alt(items: Any) -> str:
    return "|".join(re.escape(str(w)) for w in sorted(items, key=lambda w: -len(str(w)))) or "(?!)"


@lru_cache(maxsize=None)
def _patterns(lang: str) -> list[tuple[str, int, re.Pattern[str]]]:
    """(kind, direction, pattern), most specific first: a span an earlier one took is not read again.

    The direction of relative kinds: -1 past ("lalu", "last"), +1 future, 0 this one.
    """
    w = words(lang)
    W, M, N, U = (_alt(w.get(k, {})) for k in ("weekdays", "months", "numbers", "units"))
    mon = rf"(?P<mon>{M})\.?"
    wd = rf"(?:(?P<wd>{W})(?:\s+(?:{_alt(w.get('day_parts', []))}))?\s*,?\s*)?"   # "Senin malam, 14 Juli 2025"
    dirs = {k: _alt(w.get(k, [])) for k in ("past_after", "past_before", "future_after", "future_before",
                                            "current_after", "current_before")}
    specs = [
        ("iso", r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})"),
        ("numeric", rf"{wd}\(?\s*(?P<a>\d{{1,2}})[/-](?P<b>\d{{1,2}})[/-](?P<y>\d{{4}}|\d{{2}})\s*\)?"),
        ("numeric-partial", rf"(?P<wd>{W})\s*,?\s*\(\s*(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})\s*\)"),
        ("dmy", rf"{wd}(?P<d>\d{{1,2}})(?:\s*[-–]\s*(?P<until>\d{{1,2}}))?\s+{mon},?\s+(?P<y>\d{{4}})"),
        ("mdy", rf"{wd}{mon}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})"),
        ("month", rf"{mon},?\s+(?P<y>\d{{4}})"),
        ("dm", rf"{wd}(?P<d>\d{{1,2}})\s+{mon}"),
        ("md", rf"{wd}{mon}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?![\d.,]\d)"),
        ("year", rf"(?:{_alt(w.get('year_lead', []))})\s+(?P<y>\d{{4}})"),
    ]
    for sign, when in ((-1, "past"), (1, "future"), (0, "current")):
        after, before = dirs[f"{when}_after"], dirs[f"{when}_before"]
        specs += [("weekday-of", sign, rf"(?P<wd>{W})\s+(?P<unit>{U})\s+(?:{after})"),    # "Selasa pekan lalu"
                  ("weekday-of", sign, rf"(?P<wd>{W})\s+(?:{before})\s+(?P<unit>{U})"),   # "Tuesday last week"
                  ("unit", sign, rf"(?P<n>\d+|{N})\s+(?P<unit>{U})\s+(?:{after})"),
                  ("unit", sign, rf"(?P<unit>{U})\s+(?:{after})"),
                  ("unit", sign, rf"(?:{before})\s+(?P<unit>{U})"),
                  ("weekday", sign, rf"(?P<wd>{W})\s+(?:{after})"),
                  ("weekday", sign, rf"(?:{before})\s+(?P<wd>{W})")]
    specs += [
        ("same-day", rf"(?:{_alt(w.get('same_day', []))})"),
        ("from-last", rf"(?:{_alt(w.get('from_last_day', {}))})"),
        ("relative", rf"(?:{_alt(w.get('relative', {}))})"),
        ("weekday", rf"(?:{_alt(w.get('weekday_lead', []))})\s+(?P<wd>{W})"),
        ("weekday-alone", rf"(?P<wd>{_alt(w.get('weekday_alone', []))})"),   # capitalised: see _plausible
    ]
    return [(spec[0], spec[1] if len(spec) == 3 else 0,
             re.compile(rf"(?<![\w/-]){spec[-1]}(?![\w/])", re.IGNORECASE)) for spec in specs]


def _balanced(text: str, start: int) -> tuple[str, int]:
    """The match without a parenthesis it does not close or open: "Senin (4/11)" keeps both."""
    if text.startswith("(") and text.count("(") > text.count(")"):
        return text[1:].lstrip(), start + len(text) - len(text[1:].lstrip())
    if text.endswith(")") and text.count(")") > text.count("("):
        return text[:-1].rstrip(), start
    if text.startswith("(") and text.endswith(")"):
        return text[1:-1].strip(), start + len(text[1:]) - len(text[1:].lstrip()) + 1
    return text, start


def _day(y: int, m: int, d: int) -> date | None:
    try:
        return date(y + 2000 if y < 100 else y, m, d)
    except ValueError:
        return None


def _shift_months(d: date, n: int) -> date:
    months = d.year * 12 + d.month - 1 + n
    return date(months // 12, months % 12 + 1, 1)


class DateReader:
    """Reads the time anchors of one article in order, remembering the last day named."""

    def __init__(self, published: date | None, lang: str, text: str | None = None) -> None:
        self.base, self.lang = published, lang
        self.words = words(lang)
        self.last: date | None = None
        self.text = text

    @cached_property
    def year_base(self) -> date | None:
        """What a day named without its year is placed near: the publication date, else the
        first full date the article itself states ("Minggu (12/10/2025)" … "Senin (13/10)"),
        which also places relative words ("today", "on Tuesday") there. Read only when such a
        word turns up, and with the full-date patterns only (:func:`first_full_date`)."""
        if self.base is not None or not self.text:
            return self.base
        return first_full_date(self.text, self.lang)

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[TimeAnchor]:
        """Time anchors in ``text[start:end]``, with absolute offsets, in text order."""
        end = len(text) if end is None else end
        taken: list[tuple[int, int, str, int, re.Match[str]]] = []
        for kind, sign, pat in _patterns(self.lang):
            for m in pat.finditer(text, start, end):
                if self._plausible(kind, m) and not any(m.start() < y and x < m.end() for x, y, *_ in taken):
                    taken.append((m.start(), m.end(), kind, sign, m))
        out = []
        for a, b, kind, sign, m in sorted(taken, key=lambda t: t[0]):
            anchor = self._anchor(kind, sign, m, *_balanced(text[a:b], a))
            if anchor.granularity == "day" and anchor.value is not None and anchor.kind != "same-day":
                self.last = anchor.value
            out.append(anchor)
        return out

    def _plausible(self, kind: str, m: re.Match[str]) -> bool:
        """Capitalised names where a lowercase word means something else ("may", "Minggu" aside)."""
        if kind in ("dm", "md") and not m.group("mon")[0].isupper():
            return False
        return kind != "weekday-alone" or m.group("wd")[0].isupper()

    def _number(self, name: str, key: str) -> int:
        return int(self.words.get(key, {})[name.lower()])

    def _anchor(self, kind: str, sign: int, m: re.Match[str], text: str, a: int) -> TimeAnchor:
        groups = m.groupdict()
        wd = self._number(groups["wd"], "weekdays") if groups.get("wd") else None
        anchor = TimeAnchor(text=text, start=a, end=a + len(text), granularity="day", weekday=wd)
        if kind == "iso":
            anchor.value = _day(int(groups["y"]), int(groups["m"]), int(groups["d"]))
        elif kind in ("numeric", "numeric-partial"):
            x, y = int(groups["a"]), int(groups["b"])
            d, mo = (y, x) if self.words.get("date_order", "DMY").startswith("M") else (x, y)
            if kind == "numeric":
                anchor.value = _day(int(groups["y"]), mo, d)
            else:
                self._partial(anchor, mo, d, wd)
        elif kind in ("dmy", "mdy"):
            anchor.value = _day(int(groups["y"]), self._number(groups["mon"], "months"), int(groups["d"]))
            if groups.get("until") and anchor.value:     # "5-7 Februari 2026": no one day, but that month
                anchor.granularity, anchor.value = "month", anchor.value.replace(day=1)
        elif kind in ("dm", "md"):
            self._partial(anchor, self._number(groups["mon"], "months"), int(groups["d"]), wd)
        elif kind == "month":
            anchor.granularity, anchor.value = "month", _day(int(groups["y"]), self._number(groups["mon"], "months"), 1)
        elif kind == "year":
            anchor.granularity, anchor.value = "year", _day(int(groups["y"]), 1, 1)
        else:
            self._relative(anchor, kind, sign, groups, wd)
            return anchor
        if wd is not None and anchor.value is not None and anchor.value.weekday() != wd:
            anchor.value = None          # "Senin (5/11/2024)" on a Tuesday: the text contradicts itself
        return anchor

    def _partial(self, anchor: TimeAnchor, month: int, day: int, wd: int | None) -> None:
        """A day without its year: the nearest such day around publication (else around the
        article's first full date) that fits its weekday."""
        if _day(2000, month, day) is None:          # 2000 is a leap year: 29/2 is valid
            return
        anchor.month_day = (month, day)
        base = self.year_base
        if base is None:
            return
        fits = [d for k in PARTIAL_YEARS if (d := _day(base.year + k, month, day)) is not None
                and (wd is None or d.weekday() == wd)]
        anchor.kind = "relative"
        anchor.value = min(fits, key=lambda d: abs((d - base).days)) if fits else None

    def _relative(self, anchor: TimeAnchor, kind: str, sign: int, groups: dict[str, str], wd: int | None) -> None:
        anchor.kind = "relative"
        if kind in ("same-day", "from-last"):
            offset = int(self.words.get("from_last_day", {}).get(" ".join(anchor.text.lower().split()), 0))
            anchor.kind = "same-day"
            anchor.value = self.last + timedelta(days=offset) if self.last else None
            return
        # an article with no publication date tells its news on the first full date it states
        # ("on Tuesday, January 7, 2020 … to Natuna today")
        base = self.base or self.year_base
        if base is None:
            if groups.get("unit"):
                anchor.granularity = str(self.words["units"][groups["unit"].lower()])
            return
        if kind == "relative":
            anchor.value = base + timedelta(days=int(self.words["relative"][" ".join(anchor.text.lower().split())]))
        elif kind == "weekday-of":
            self._units(anchor, sign, groups, base)
            if anchor.granularity == "week" and anchor.value is not None:
                anchor.granularity, anchor.value = "day", anchor.value + timedelta(days=wd)
        elif kind.startswith("weekday"):
            back = (base.weekday() - wd) % 7
            if sign < 0:
                anchor.value = base - timedelta(days=back or 7)
            elif sign > 0:
                anchor.value = base + timedelta(days=(wd - base.weekday()) % 7 or 7)
            else:
                anchor.value = base - timedelta(days=back)   # news tells what happened: the last such day
        else:
            self._units(anchor, sign, groups, base)

    def _units(self, anchor: TimeAnchor, sign: int, groups: dict[str, str], base: date) -> None:
        """"pekan lalu", "dua minggu lalu", "bulan ini", "next year": a period at its own granularity."""
        unit = str(self.words["units"][groups["unit"].lower()])
        anchor.granularity = unit
        n = 1
        if groups.get("n"):
            raw = groups["n"].lower()
            n = int(raw) if raw.isdigit() else self.words.get("numbers", {}).get(raw)
            if n is None:       # "beberapa hari lalu": some days ago, no day to name
                return
        n *= sign
        if unit == "day":
            anchor.value = base + timedelta(days=n)
        elif unit == "week":
            monday = base - timedelta(days=base.weekday())
            anchor.value = monday + timedelta(weeks=n)
        elif unit == "month":
            anchor.value = _shift_months(base, n)
        else:
            anchor.value = date(base.year + n, 1, 1)


# the kinds that name a whole day with its year ("Senin (4/11/2024)", "Feb. 12, 2025")
_FULL_DATES = ("iso", "numeric", "dmy", "mdy")


def first_full_date(text: str, lang: str) -> date | None:
    """The first whole day with its year that ``text`` states (a weekday that contradicts it,
    or a range of days, names none): only the full-date patterns are searched, from the left."""
    reader = DateReader(None, lang)
    pos = 0
    while True:
        hits = [(m.start(), kind, m) for kind, _, pat in _patterns(lang) if kind in _FULL_DATES
                if (m := pat.search(text, pos)) is not None]
        if not hits:
            return None
        at, kind, m = min(hits, key=lambda h: h[0])
        anchor = reader._anchor(kind, 0, m, *_balanced(m.group(), at))
        if anchor.granularity == "day" and anchor.value is not None:
            return anchor.value
        pos = m.end()
