"""Troop counts with their qualifiers (kg.quantities)."""
from __future__ import annotations

import pytest

from kg.extract.quantities import quantity_before


@pytest.mark.parametrize("text,value,qualifier", [
    ("mengirim 10.000 ", 10000, None),
    ("sekitar 12.000 ", 12000, "about"),
    ("lebih dari 3.000 ", 3000, "more than"),
    ("Lebih Dari 100.000 ", 100000, "more than"),
    ("kurang dari 500 ", 500, "less than"),
    ("hampir 1,5 juta ", 1500000, "almost"),
    ("setidaknya 10 ribu ", 10000, "at least"),
    ("sedikitnya dua ", 2, "at least"),
    ("ribuan ", None, "thousands"),
    ("puluhan ribu ", None, "tens of thousands"),
])
def test_indonesian_amounts(text, value, qualifier):
    q = quantity_before(text, "id", "tentara")
    assert (q.value, q.qualifier, q.unit) == (value, qualifier, "tentara")
    assert text.strip().endswith(q.text)


def test_no_amount_before_the_unit():
    assert quantity_before("pemindahan ", "id") is None
    assert quantity_before("", "id") is None


def test_english_amounts_use_comma_grouping():
    q = quantity_before("about 5,000 ", "en", "troops")
    assert (q.value, q.qualifier) == (5000, "about")
    assert quantity_before("thousands of ", "en").qualifier == "thousands"


def test_a_model_designation_between_the_amount_and_its_unit_is_no_amount():
    q = quantity_before("the Air Force flies four F-16 ", "en", "jets")
    assert (q.value, q.text) == (4, "four")
    assert quantity_before("jets of the F-16 ", "en") is None      # "16" belongs to the model name
