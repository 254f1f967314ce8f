"""Typing by combined evidence (kg.entity_types), on text the real bundled parser and tagger read."""
from __future__ import annotations

from pathlib import Path

from kg.extract import entity_types
from kg.extract.entities import find_mentions
from kg.model import Article, ParsedArticle
from kg.resolve.entities import resolve_entities

WEIGHTS = entity_types.rules("id").weights


def test_decide_weighs_families_and_names_the_strongest_voice() -> None:
    # a tagger's "place" agrees with a gazetteer's country: the country wins, from the gazetteer
    assert entity_types.decide([("gazetteer", "Country"), ("ner", "Place")], WEIGHTS) == ("Country", "gazetteer")
    # a title outweighs the tagger
    assert entity_types.decide([("title", "Person"), ("ner", "Organization")], WEIGHTS) == ("Person", "title")
    # the tagger and the tree together outweigh a name pattern alone
    assert entity_types.decide([("pattern", "Organization"), ("ner", "Place"), ("context", "Place")],
                               WEIGHTS) == ("Place", "ner")
    assert entity_types.decide([], WEIGHTS) is None


def _typed(parser, text: str, language: str = "id") -> tuple[list, list]:
    art = Article("t.txt", Path("t.txt"), text, language=language)
    parsed = ParsedArticle(art, parser.parse(art))
    mentions = entity_types.type_mentions(parsed, find_mentions(parsed))
    return mentions, resolve_entities([parsed], list(mentions))


def test_tagger_types_names_no_other_clue_knows(parser) -> None:
    mentions, entities = _typed(parser, "Hal itu disampaikan Brigitte Macron kepada wartawan.\n"
                                        "Pasukan itu tiba di Jalur Gaza pada Senin, kata UNIFIL.")
    by_text = {m.text: (m.type, m.type_source) for m in mentions}
    assert by_text["Brigitte Macron"] == ("Person", "ner")
    assert by_text["Jalur Gaza"] == ("Place", "ner")
    assert by_text["UNIFIL"] == ("Organization", "acronym")
    person = next(e for e in entities if "Brigitte Macron" in e.aliases)
    assert (person.type, person.type_source) == ("Person", "ner")
    place = next(e for e in entities if "Jalur Gaza" in e.aliases)
    assert place.id.startswith(("place/", "geonames/")) and place.type == "Place"


def test_spans_no_clue_types_are_no_actors(parser) -> None:
    mentions, _ = _typed(parser, "Alhamdulillah, kata Presiden Prabowo Subianto kepada wartawan.")
    texts = [m.text for m in mentions]
    assert "Alhamdulillah" not in texts
    titled = next(m for m in mentions if "Prabowo" in m.text)
    assert (titled.type, titled.type_source) == ("Person", "title")


def test_a_name_no_other_clue_types_that_speaks_is_a_person(english) -> None:
    # English has no named-entity tagger: a bare surname stayed untyped, and "he" then skipped it
    mentions, _ = _typed(english, "“We will keep talking,” Vance said on Monday.", language="en")
    assert {m.text: (m.type, m.type_source) for m in mentions}["Vance"] == ("Person", "speaker")


def test_a_designation_the_parser_made_a_speaker_is_no_person() -> None:
    from kg.model import EntityMention, Sentence, Token

    text = "F-16s said ."
    toks = [Token(1, "F-16s", "F-16s", "PROPN", "", 2, "nsubj", 0, 5),
            Token(2, "said", "say", "VERB", "", 0, "root", 6, 10), Token(3, ".", ".", "PUNCT", "", 2, "punct", 11, 12)]
    parsed = ParsedArticle(Article("t.txt", Path("t.txt"), text, language="en"), [Sentence(0, 0, 12, text, toks)])
    mention = EntityMention("t.txt", 0, 0, 5, "F-16s", source="propn")
    (typed,) = entity_types.type_mentions(parsed, [mention])
    assert typed.type == "Unknown"


def test_without_a_name_tagger_a_span_with_no_proper_noun_is_no_actor() -> None:
    """English has no named-entity tagger: "our Great Farmers" in a post written in capitals,
    tagged ADJ NOUN, is dropped; "Keldan" (PROPN) and "Canberra" (a noun to the tagger, a city
    to GeoNames) stay."""
    from kg.model import EntityMention, Sentence, Token

    text = "Great Farmers met Keldan in Canberra ."
    words = [("Great", "ADJ"), ("Farmers", "NOUN"), ("met", "VERB"), ("Keldan", "PROPN"), ("in", "ADP"),
             ("Canberra", "NOUN"), (".", "PUNCT")]
    toks, at = [], 0
    for k, (w, upos) in enumerate(words, 1):
        toks.append(Token(k, w, w.lower(), upos, "", 3 if k != 3 else 0, "dep", at, at + len(w)))
        at += len(w) + 1
    parsed = ParsedArticle(Article("t.txt", Path("t.txt"), text, language="en"), [Sentence(0, 0, at, text, toks)])
    spans = [EntityMention("t.txt", 0, text.index(w), text.index(w) + len(w), w, source="propn")
             for w in ("Great Farmers", "Keldan", "Canberra")]
    assert [m.text for m in entity_types.type_mentions(parsed, spans)] == ["Keldan", "Canberra"]
