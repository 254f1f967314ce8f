"""Troop counts: "10.000 tentara", "sekitar 12.000", "lebih dari 3.000", "ribuan".

Numbers are written the Indonesian way (a dot groups thousands, a comma is
the decimal mark: "1,5 juta"); qualifiers and vague amounts come from
kg/lang/<code>/quantities.yaml.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from kg import lang as languages
from kg.model import Quantity

# a model designation between an amount and its unit: F-16, Su-35, T-72B3
DESIGNATION = r"[A-Za-z]+-\d+\w*"


@dataclass(frozen=True)
class Grammar:
    qualifiers: dict[str, str]
    vague: dict[str, str]
    multipliers: dict[str, int]
    number_words: dict[str, int | None]
    thousands: str
    decimal: str
    pattern: re.Pattern[str]


def _alt(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)"


@lru_cache(maxsize=None)
def grammar(code: str) -> Grammar:
    data = languages.get(code).data("quantities")
    q = {k.lower(): v for k, v in (data.get("qualifiers") or {}).items()}
    vague = {k.lower(): v for k, v in (data.get("vague") or {}).items()}
    mult = {k.lower(): int(v) for k, v in (data.get("multipliers") or {}).items()}
    words = {k.lower(): v for k, v in (data.get("number_words") or {}).items()}
    number = rf"(?<![\w-])(?:\d[\d.,]*|{_alt(words)})"
    # the amount must end the text: it is read right before the unit ("… sekitar 10.000 | tentara"),
    # or before a model designation and the unit ("four F-16 | jets"; the 16 of "F-16" is no amount)
    pattern = re.compile(
        rf"(?:(?P<qual>{_alt(q)})\s+)?(?:(?P<num>{number})(?:\s+(?P<mult>{_alt(mult)}))?|(?P<vague>{_alt(vague)}))"
        rf"(?:\s+{DESIGNATION})?\s*$", re.IGNORECASE)
    return Grammar(q, vague, mult, words, str(data.get("thousands_separator", ".")),
                   str(data.get("decimal_separator", ",")), pattern)


def parse_number(text: str, g: Grammar) -> float | None:
    """ "10.000" → 10000, "1,5" → 1.5, "dua" → 2 (None when not a number)."""
    t = text.lower()
    if t in g.number_words:
        v = g.number_words[t]
        return float(v) if v is not None else None
    digits = t.replace(g.thousands, "").replace(g.decimal, ".")
    try:
        return float(digits)
    except ValueError:
        return None


def quantity_before(text: str, lang: str, unit: str | None = None) -> Quantity | None:
    """The amount that ends ``text`` (the words right before a unit noun), if any."""
    g = grammar(lang)
    m = g.pattern.search(text[-60:])
    if m is None:
        return None
    qual = g.qualifiers.get((m.group("qual") or "").lower())
    if m.group("vague"):
        return Quantity(None, qual or g.vague[m.group("vague").lower()], unit, m.group(0).strip())
    value = parse_number(m.group("num"), g)
    if value is None:
        return None
    if m.group("mult"):
        value *= g.multipliers[m.group("mult").lower()]
    said = m.string[m.start():m.end("mult") if m.group("mult") else m.end("num")]   # without a designation
    return Quantity(int(round(value)), qual, unit, said.strip())
