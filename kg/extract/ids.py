"""Entity ids: language-neutral ``<kind>/<key>`` strings, made here and nowhere else.

The same real-world entity gets the same id from any article in any language:

* ``country/KP`` (ISO 3166 code), ``region/150`` (CLDR region code)
* ``geonames/703448`` (a GeoNames city), ``place/<slug>`` (a place GeoNames lacks)
* ``org/nato`` (an actor-file key) or ``org/<slug>`` (an organisation by its name)
* ``force/KP`` (the armed forces of a country), ``unit/<slug>`` (a named unit: "Kontingen Garuda")
* ``person/<slug>`` (a person by the best form of their name, or a title's holder:
  ``person/president-kr``), ``unknown/<slug>`` (a name of unknown type)
"""
from __future__ import annotations

from kg.extract.text import slug

# the entity type every kind stands for (unknown/… has none)
KIND_TYPES = {"country": "Country", "region": "Place", "geonames": "Place", "place": "Place",
              "org": "Organization", "force": "ArmedForce", "unit": "ArmedForce",
              "person": "Person"}


def country(code: str) -> str:
    return f"country/{code}"


def region(code: str) -> str:
    return f"region/{code}"


def geonames(geonames_id: int) -> str:
    return f"geonames/{geonames_id}"


def place(name: str) -> str:
    return f"place/{slug(name)}"


def actor(key: str) -> str:
    """An organisation of the actor files, by its key there (``nato``)."""
    return f"org/{key}"


def org(name: str) -> str:
    """An organisation by its name ("Kementerian Pertahanan Rusia")."""
    return f"org/{slug(name)}"


def institution(country_id: str, what: str) -> str:
    """A country's institution named by what it does (``country/CN``, ``foreign-ministry`` →
    ``org/cn-foreign-ministry``): the same entity whatever words an article uses."""
    return f"org/{key(country_id).lower()}-{what}"


def force(country_id: str) -> str:
    """The armed forces of the country ``country_id`` (``country/KP`` → ``force/KP``)."""
    return f"force/{key(country_id)}"


def unit(name: str) -> str:
    """A named military unit by its name after the unit noun ("Kontingen Garuda" → ``unit/garuda``)."""
    return f"unit/{slug(name)}"


def person(name: str) -> str:
    return f"person/{slug(name)}"


def unknown(name: str) -> str:
    return f"unknown/{slug(name)}"


def office_holder(title: str, affiliation: str | None) -> str:
    """The person holding a title no article names ("Presiden Korea Selatan" → ``person/president-kr``)."""
    return f"person/{slug(title)}-{slug(key(affiliation or ''))}".rstrip("-")


def kind(entity_id: str) -> str:
    """``country`` for ``country/KP``."""
    return entity_id.split("/", 1)[0]


def key(entity_id: str) -> str:
    """``KP`` for ``country/KP`` (the whole text when it has no kind)."""
    return entity_id.split("/", 1)[-1]


def type_of(entity_id: str) -> str | None:
    """The entity type the id's kind stands for (None for ``unknown/…``)."""
    return KIND_TYPES.get(kind(entity_id))
