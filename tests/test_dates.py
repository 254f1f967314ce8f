"""Dates: dateparser for what it reads, rules from dates.yaml for its gaps."""
from __future__ import annotations

from datetime import date

import dateparser

from kg.extract.dates import DateReader

WED = date(2024, 11, 6)   # a Wednesday


def one(text: str, published=WED, lang: str = "id"):
    found = DateReader(published, lang).find(text)
    assert len(found) == 1, found
    return found[0]


def test_explicit_dates_with_weekday_and_parentheses():
    d = one("Menteri itu berbicara pada Selasa (29/10/2024) di Jakarta.")
    assert (d.text, d.value, d.kind) == ("Selasa (29/10/2024)", date(2024, 10, 29), "explicit")
    assert one("Perjanjian diteken 28 Oktober 2024.").value == date(2024, 10, 28)
    assert one("pada 3/2/2025").value == date(2025, 2, 3)          # day first


def test_explicit_dates_need_no_publication_date():
    assert one("Rabu, 30 Oktober 2024", published=None).value == date(2024, 10, 30)


def test_relative_dates_dateparser_reads():
    assert one("kemarin").value == date(2024, 11, 5)
    assert one("3 hari yang lalu").value == date(2024, 11, 3)


def test_relative_dates_dateparser_misses_are_filled_by_rules():
    # the gaps this module exists for: dateparser returns nothing for these
    for phrase in ("Senin lalu", "pekan lalu", "dua minggu lalu"):
        assert dateparser.parse(phrase, languages=["id"]) is None
    assert one("Senin lalu").value == date(2024, 11, 4)
    assert one("pekan lalu").value == date(2024, 10, 30)
    assert one("dua minggu lalu").value == date(2024, 10, 23)
    assert one("pada Jumat").value == date(2024, 11, 1)


def test_relative_dates_without_publication_date_stay_unresolved():
    d = one("kemarin", published=None)
    assert d.value is None and d.text == "kemarin"


def test_same_day_is_the_date_named_before_in_the_article():
    reader = DateReader(None)
    reader.find("Pada Senin (28/10/2024), ia tiba.")
    d = reader.find("Pada hari yang sama, menteri itu bertemu.")[0]
    assert (d.value, d.kind) == (date(2024, 10, 28), "same-day")


def test_numbers_and_months_alone_are_no_dates():
    assert DateReader(WED).find("10.000 tentara tiba dalam beberapa minggu ke depan, Oktober 2024.") == []


def test_offsets_are_absolute():
    text = "Judul\nIa tiba kemarin."
    d = DateReader(WED).find(text, 6, len(text))[0]
    assert text[d.start:d.end] == "kemarin"


def test_english_dates():
    assert one("on October 29, 2024", lang="en").value == date(2024, 10, 29)
    assert one("two weeks ago", lang="en").value == date(2024, 10, 23)
    assert one("yesterday", lang="en").value == date(2024, 11, 5)
