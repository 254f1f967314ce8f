"""Time anchors: every common form, its granularity, resolved against the publication date only."""
from __future__ import annotations

from datetime import date

import pytest

from kg.extract.dates import DateReader

WED = date(2024, 11, 6)   # a Wednesday


def one(text: str, published=WED, lang: str = "id"):
    found = DateReader(published, lang).find(text)
    assert len(found) == 1, found
    a = found[0]
    assert text[a.start:a.end] == a.text
    return a


@pytest.mark.parametrize("text, words, day", [
    ("Menteri itu berbicara pada Senin (4/11/2024) di Jakarta.", "Senin (4/11/2024)", date(2024, 11, 4)),
    ("pada Kamis (19/6/2025) petang", "Kamis (19/6/2025)", date(2025, 6, 19)),
    ("Perjanjian diteken 28 Oktober 2024.", "28 Oktober 2024", date(2024, 10, 28)),
    ("kata Donny di Jakarta, Selasa, 10 Februari 2026.", "Selasa, 10 Februari 2026", date(2026, 2, 10)),
    ("pada Senin malam, 14 Juli 2025, di Paris", "Senin malam, 14 Juli 2025", date(2025, 7, 14)),
    ("pada 3/2/2025", "3/2/2025", date(2025, 2, 3)),                   # day first
    ("tanggal 2024-10-29", "2024-10-29", date(2024, 10, 29)),
    ("Rabu, 30 Okt 2024", "Rabu, 30 Okt 2024", date(2024, 10, 30)),
])
def test_explicit_indonesian_dates_need_no_publication_date(text, words, day):
    a = one(text, published=None)
    assert (a.text, a.value, a.granularity, a.kind) == (words, day, "day", "explicit")


@pytest.mark.parametrize("text, words, day", [
    ("on October 29, 2024", "October 29, 2024", date(2024, 10, 29)),
    ("Sunday, May 4, 2025", "Sunday, May 4, 2025", date(2025, 5, 4)),
    ("on Feb. 12, 2025,", "Feb. 12, 2025", date(2025, 2, 12)),
    ("12 February 2025", "12 February 2025", date(2025, 2, 12)),
    ("on 2/12/2025", "2/12/2025", date(2025, 2, 12)),                  # month first
])
def test_explicit_english_dates(text, words, day):
    a = one(text, published=None, lang="en")
    assert (a.text, a.value, a.granularity) == (words, day, "day")


@pytest.mark.parametrize("text, lang, iso, granularity", [
    ("Senin (4/11)", "id", "2024-11-04", "day"),
    ("Minggu (12/10) malam", "id", "2025-10-12", "day"),     # a Saturday in 2024: the year that fits the weekday
    ("pada Jumat", "id", "2024-11-01", "day"),
    ("di Istana Merdeka, Jakarta, Jumat.", "id", "2024-11-01", "day"),
    ("Senin lalu", "id", "2024-11-04", "day"),
    ("kemarin", "id", "2024-11-05", "day"),
    ("hari ini", "id", "2024-11-06", "day"),
    ("3 hari yang lalu", "id", "2024-11-03", "day"),
    ("pekan lalu", "id", "2024-10-28", "week"),
    ("Selasa pekan lalu", "id", "2024-10-29", "day"),
    ("Tuesday last week", "en", "2024-10-29", "day"),
    ("sepekan lalu", "id", "2024-10-28", "week"),
    ("dua minggu lalu", "id", "2024-10-21", "week"),
    ("bulan lalu", "id", "2024-10", "month"),
    ("tahun depan", "id", "2025", "year"),
    ("on Thursday", "en", "2024-10-31", "day"),
    ("the military said Wednesday", "en", "2024-11-06", "day"),
    ("yesterday", "en", "2024-11-05", "day"),
    ("last week", "en", "2024-10-28", "week"),
    ("two weeks ago", "en", "2024-10-21", "week"),
    ("next month", "en", "2024-12", "month"),
    ("Feb. 12 (UPI) --", "en", "2025-02-12", "day"),
])
def test_relative_dates_resolve_against_the_publication_date(text, lang, iso, granularity):
    a = one(text, lang=lang)
    assert (a.iso(), a.granularity, a.kind) == (iso, granularity, "relative")


def test_months_and_years_are_anchors_at_their_granularity():
    a = one("pada Juli 2024, saat Prabowo masih menteri", published=None)
    assert (a.iso(), a.granularity, a.kind) == ("2024-07", "month", "explicit")
    assert one("sejak tahun 2006", published=None).iso() == "2006"
    a = one("berlangsung pada 5-7 Februari 2026", published=None)      # a range of days: no one day
    assert (a.text, a.iso(), a.granularity) == ("5-7 Februari 2026", "2026-02", "month")
    assert one("in February 2022", published=None, lang="en").granularity == "month"


def test_nothing_is_dated_by_guess():
    # relative words without a publication date: kept, unresolved
    for text, granularity in (("kemarin", "day"), ("pekan lalu", "week"), ("pada Senin", "day")):
        a = one(text, published=None)
        assert (a.text, a.value, a.granularity) == (text, None, granularity)
    # a day without its year keeps its month and day
    a = one("Rabu (9/4).", published=None)
    assert (a.value, a.month_day, a.iso()) == (None, (4, 9), "--04-09")
    # a weekday that contradicts its date: the text is wrong somewhere, no date
    assert one("Selasa (4/11/2024)").value is None
    # "Minggu" alone is also "week"; a lowercase month name ("may") is no date
    assert DateReader(WED, "id").find("dalam beberapa Minggu terakhir") == []
    assert DateReader(WED, "en").find("Troops may 4 times a year") == []


def test_numbers_are_no_dates():
    assert DateReader(WED, "id").find("10.000 tentara dan 1.090 prajurit tiba pukul 10.00 WIB, skor 4/11.") == []


def test_same_day_is_the_day_named_before_in_the_article():
    reader = DateReader(None, "id")
    reader.find("Pada Senin (28/10/2024), ia tiba.")
    a = reader.find("Pada hari yang sama, menteri itu bertemu.")[0]
    assert (a.value, a.kind) == (date(2024, 10, 28), "same-day")
    assert reader.find("Keesokan harinya, ia pulang.")[0].value == date(2024, 10, 29)
    en = DateReader(None, "en")
    en.find("On Monday, Oct. 28, 2024, he arrived.")
    assert en.find("The day before, he had called.")[0].value == date(2024, 10, 27)


def test_offsets_are_absolute():
    text = "Judul\nIa tiba kemarin."
    a = DateReader(WED, "id").find(text, 6, len(text))[0]
    assert text[a.start:a.end] == "kemarin"


def test_a_day_without_its_year_takes_the_year_the_article_states_when_it_has_no_publication_date():
    text = "Rapat digelar Minggu (12/10/2025). KTT digelar di Mesir, Senin (13/10). Rapat lain Senin (13/10)."
    reader = DateReader(None, "id", text)
    (_, summit, _) = reader.find(text)
    assert (summit.value, summit.month_day) == (date(2025, 10, 13), (10, 13))
    # without any full date in the article the year stays unknown
    (alone,) = DateReader(None, "id", "KTT digelar Senin (13/10).").find("KTT digelar Senin (13/10).")
    assert (alone.value, alone.month_day) == (None, (10, 13))


def test_relative_words_take_the_first_full_date_of_an_article_with_no_publication_date():
    text = "“They depart now,” he said on Tuesday, January 7, 2020. The jets fly to the islands today."
    reader = DateReader(None, "en", text)
    (_, today) = reader.find(text)
    assert (today.text, today.value) == ("today", date(2020, 1, 7))
    # without any full date in the article, "today" stays unresolved
    (alone,) = DateReader(None, "en", "The jets fly today.").find("The jets fly today.")
    assert alone.value is None
