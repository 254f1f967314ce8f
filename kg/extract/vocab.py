"""One language's vocabularies for finding actors and places, built from its data files.

Titles, force nouns, place words, organisation heads and cues, pronouns and
group phrases come from ``kg/lang/<code>/{titles,forces,places,actors,pronouns}.yaml``
(:mod:`kg.lang`); both the mention finder and the resolver read them.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from kg import lang as languages
from kg.extract.gazetteer import Entry, Lexicon
from kg.extract.text import fold


@dataclass(frozen=True)
class Vocab:
    """One language's vocabularies, from its kg/lang/<code>/*.yaml files."""

    titles: Lexicon
    title_en: dict[str, str]
    generic_titles: dict[str, frozenset[str]]    # "Leader" → the offices a country's leader holds
    affiliation_before: bool
    affiliation_after: bool
    links: Lexicon
    office_units: Lexicon        # a unit of an office after its title ("Kepala Biro …"): the holder comes later
    predicative: frozenset[str]     # "sebagai", "as": a title after it is an office held, not a person
    coordinators: frozenset[str]    # "dan", "and" (roles.yaml): joining two parts of one unit's name
    forces: Lexicon
    attributive: frozenset[str]
    alone: frozenset[str]
    anaphoric: Lexicon
    units: Lexicon               # nouns that head a unit's name ("Kontingen Garuda", "Satgas Patriot")
    force_before: bool
    possessive: frozenset[str]   # "'s" between a country and its force noun ("Russia's forces")
    place_before: Lexicon
    place_after: Lexicon
    place_named: Lexicon         # "Laut …", "Sea of …": words that begin a place's own name
    locatives: Lexicon
    org_heads: Lexicon
    org_cues: Lexicon
    state_nouns: Lexicon         # "the Chinese government": after a country or demonym, the country itself
    institutions: Lexicon        # "foreign ministry": a country's institution, by its key (entry id)
    pronouns: frozenset[str]
    first_person: frozenset[str]     # inside a quotation: its speaker
    reported_subject: frozenset[str]    # "it" in "Indonesia says it plans …": the country or body saying so
    clitic: str                  # a pronoun written onto its host word ("katanya"), from speech.yaml
    nya_not_after: frozenset[str]
    speaker_hosts: frozenset[str]
    epithets: frozenset[str]     # nouns that describe a person told before ("purnawirawan jenderal … itu")
    demonstratives: frozenset[str]
    groups: Lexicon


def _lexicon(kind: str, phrases) -> Lexicon:
    lex = Lexicon()
    for p in phrases or []:
        lex.add(p, Entry(kind, id=p))
    return lex


def _institutions(spec: dict[str, list[str]]) -> Lexicon:
    lex = Lexicon()
    for what, phrases in spec.items():
        for p in phrases:
            lex.add(str(p), Entry("institution", id=what))
    return lex


@lru_cache(maxsize=None)
def vocab(lang: str) -> Vocab:
    """The vocabularies of ``lang``, built once per process."""
    language = languages.get(lang)
    titles = language.data("titles")
    forces = language.data("forces")
    places = language.data("places")
    actors = language.data("actors")
    pron = language.data("pronouns")
    speech = language.data("speech")
    groups = Lexicon()
    for phrase, spec in (pron.get("groups") or {}).items():
        groups.add(phrase, Entry("group", id=phrase, type=spec["type"], count=int(spec["count"])))
    position = titles.get("affiliation", "after")
    return Vocab(
        titles=_lexicon("title", titles.get("titles")),
        title_en={fold(k): v for k, v in (titles.get("titles") or {}).items()},
        generic_titles={k: frozenset(v) for k, v in (titles.get("generic") or {}).items()},
        affiliation_before=position in ("before", "both"),
        affiliation_after=position in ("after", "both"),
        links=_lexicon("link", titles.get("links")),
        office_units=_lexicon("office_unit", titles.get("office_units")),
        predicative=frozenset(fold(w) for w in titles.get("predicative") or []),
        coordinators=frozenset(fold(w) for w in language.data("roles").get("coordinators") or []),
        forces=_lexicon("force", forces.get("nouns")),
        attributive=frozenset(fold(w) for w in forces.get("attributive") or []),
        alone=frozenset(fold(w) for w in forces.get("alone") or []),
        anaphoric=_lexicon("anaphoric", forces.get("anaphoric")),
        units=_lexicon("unit", forces.get("units")),
        force_before=forces.get("country", "after") == "before",
        possessive=frozenset(str(w) for w in forces.get("possessive") or []),
        place_before=_lexicon("place_word", places.get("before")),
        place_after=_lexicon("place_word", places.get("after")),
        place_named=_lexicon("place_word", places.get("named_before")),
        locatives=_lexicon("locative", places.get("locatives")),
        org_heads=_lexicon("org_head", actors.get("org_heads")),
        org_cues=_lexicon("org_cue", actors.get("org_cues")),
        state_nouns=_lexicon("state_noun", actors.get("state_nouns")),
        institutions=_institutions(actors.get("institutions") or {}),
        pronouns=frozenset(fold(w) for w in pron.get("pronouns") or []),
        first_person=frozenset(fold(w) for w in pron.get("first_person") or []),
        reported_subject=frozenset(fold(w) for w in pron.get("reported_subject") or []),
        clitic=fold(str(speech.get("clitic") or "")),
        nya_not_after=frozenset(fold(w) for w in pron.get("nya_not_after") or []),
        speaker_hosts=frozenset(fold(w) for w in pron.get("speaker_hosts") or []),
        epithets=frozenset(fold(w) for w in pron.get("epithets") or []),
        demonstratives=frozenset(fold(w) for w in pron.get("demonstratives") or []),
        groups=groups,
    )
