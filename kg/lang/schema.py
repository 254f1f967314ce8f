"""The shape of every language data file: its keys and the kind of each value.

``FILES`` maps a file name (without ``.yaml``) to its spec. A spec is

* a type (``str``, ``int``, ``float``, ``bool``, ``list``, ``dict``) or a tuple of types;
* a ``dict`` of fixed keys → specs (a key not listed is an error: a misspelling must not
  silently switch a rule off);
* a one-item ``list`` ``[spec]``: a list whose items all match ``spec``;
* ``Each(spec)``: a mapping with free keys (words, names) whose values all match ``spec``.

The files document their own format at their top; what a value *means* (a role name,
an event type) is checked by the module that reads it.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Each:
    """A mapping with free keys whose values all match ``spec``."""

    spec: Any


WORDS = [(str, int, float)]             # a word list (YAML reads "2" as a number)
NUMBER = (int, float)
OPTIONAL_INT = (int, type(None))

FILES: dict[str, dict[str, Any]] = {
    "actors": {
        "countries": Each(WORDS), "demonyms": Each(WORDS), "forces": Each(WORDS),
        "organizations": Each({"label": str, "aliases": WORDS, "affiliation": str}),
        "org_heads": WORDS, "org_cues": WORDS, "state_nouns": WORDS, "institutions": Each(WORDS),
    },
    "boilerplate": {
        "rules": [{"name": str, "lines": WORDS, "labels": WORDS, "starts": WORDS, "contains": WORDS,
                   "regex": WORDS, "case_sensitive": bool, "max_words": int, "with_next_line": bool,
                   "rest_of_article": bool}],
    },
    "datelines": {"outlets": WORDS},
    "dates": {
        "weekdays": Each(int), "weekday_alone": WORDS, "weekday_lead": WORDS, "day_parts": WORDS,
        "months": Each(int), "year_lead": WORDS, "numbers": Each(OPTIONAL_INT), "units": Each(str),
        "past_after": WORDS, "past_before": WORDS, "future_after": WORDS, "future_before": WORDS,
        "current_after": WORDS, "current_before": WORDS, "relative": Each(int), "same_day": WORDS,
        "from_last_day": Each(int),
        "date_order": str,
    },
    "forces": {"country": str, "possessive": WORDS, "nouns": WORDS, "attributive": WORDS, "alone": WORDS,
               "anaphoric": WORDS, "units": WORDS},
    "labels": {"force": str, "force_of": str, "office_holder": str, "statement_about": str, "institution": str},
    "modality": {"markers": Each(WORDS), "transparent": WORDS, "drop_negated": WORDS},
    "places": {"before": WORDS, "after": WORDS, "named_before": WORDS, "locatives": WORDS},
    "pronouns": {
        "pronouns": WORDS, "first_person": WORDS,
        "reported_subject": WORDS, "nya_not_after": WORDS, "speaker_hosts": WORDS, "epithets": WORDS,
        "demonstratives": WORDS,
        "groups": Each({"type": str, "count": int}),
    },
    "resolve": {"back_references": WORDS, "back_reference_before": WORDS, "recall_markers": WORDS,
                "recall_before": WORDS,
                "recall_window": int, "stopwords": WORDS, "one_event_plurals": WORDS,
                "quote_follows": int, "kinds": Each(WORDS)},
    "quantities": {
        "qualifiers": Each(str), "vague": Each(str), "multipliers": Each(int), "number_words": Each(OPTIONAL_INT),
        "thousands_separator": str, "decimal_separator": str,
    },
    "roles": {
        "frames": Each({"patterns": [{"rel": (str, list), "case": (str, bool, type(None)), "voice": str,
                                      "role": str}],
                        "subject": str, "theme": str, "clause_subject": bool, "forward": Each(str)}),
        "purpose": {"markers": WORDS, "verbs": WORDS, "role": str, "frames": WORDS},
        "light_verbs": WORDS, "subject_scan_skip": WORDS, "same_subject_markers": WORDS, "participle_frames": WORDS,
        "object_control": WORDS,
        "amount_words": WORDS,
        "aside_openers": WORDS,
        "coordinators": WORDS, "topic_markers": WORDS, "relative_pronouns": WORDS, "plural_pronouns": WORDS,
        "cotemporal_verbs": WORDS, "sequence_markers": WORDS, "auxiliary_passive": bool,
        "nominals_apart": bool,
    },
    "speech": {
        "quotes": {"open": WORDS, "close": WORDS},
        "inverted_verbs": WORDS, "subject_words": int, "clitic": str, "according_to": WORDS, "report_nouns": WORDS,
        "via_markers": WORDS, "media_markers": WORDS, "media": WORDS, "complementizers": WORDS,
        "complement_verbs": WORDS, "place_markers": WORDS, "addressee_markers": WORDS, "place_window": int,
        "place_phrase_words": int,
    },
    "timestamps": {"words": WORDS, "bylines": WORDS},
    "treebank": {"own_lemma": Each(WORDS), "fixed_lemma": WORDS, "relabel": Each(str), "spelling": Each(str),
                 "proper_noun_lemma_keeps_case": bool},
    "titles": {"affiliation": str, "links": WORDS, "titles": Each(str), "generic": Each(WORDS),
               "office_units": WORDS, "predicative": WORDS},
    "typing": {"weights": Each(NUMBER), "acronym_min_length": int, "ner_labels": Each(str), "place_case": WORDS},
    "triggers": {
        "nominal_pattern": str, "verbal_pattern": str, "nouns": WORDS, "nominal_after": WORDS,
        "verbal_after": WORDS, "settings": WORDS,
        "talks": WORDS, "classes": Each({"words": WORDS, "types": WORDS, "titles": bool}),
        "triggers": [{"forms": WORDS, "lemmas": WORDS, "pos": WORDS, "phrases": [WORDS], "confidence": NUMBER,
                      "senses": [{"type": str, "frame": str, "when": dict}]}],
    },
}


def problems(value: Any, spec: Any, where: str = "") -> list[str]:
    """What in ``value`` does not match ``spec``: "key path: what is wrong" lines (none if it matches)."""
    at = where or "top level"
    if isinstance(spec, dict):
        if not isinstance(value, dict):
            return [f"{at}: expected a mapping, not {_kind(value)}"]
        out = []
        for key, item in value.items():
            path = f"{where}.{key}" if where else str(key)
            if key not in spec:
                out.append(f"{path}: unknown key (known here: {', '.join(spec)})")
            else:
                out += problems(item, spec[key], path)
        return out
    if isinstance(spec, Each):
        if not isinstance(value, dict):
            return [f"{at}: expected a mapping, not {_kind(value)}"]
        return [p for key, item in value.items() for p in problems(item, spec.spec, f"{where}.{key}" if where
                                                                     else str(key))]
    if isinstance(spec, list):
        if not isinstance(value, list):
            return [f"{at}: expected a list, not {_kind(value)}"]
        return [p for k, item in enumerate(value) for p in problems(item, spec[0], f"{where}[{k}]")]
    types = spec if isinstance(spec, tuple) else (spec,)
    if isinstance(value, bool) and bool not in types:
        return [f"{at}: expected {_names(types)}, not {_kind(value)}"]
    if not isinstance(value, types):
        return [f"{at}: expected {_names(types)}, not {_kind(value)}"]
    return []


def _kind(value: Any) -> str:
    return {dict: "a mapping", list: "a list", str: "text", type(None): "nothing"}.get(type(value),
                                                                                       type(value).__name__)


def _names(types: tuple[type, ...]) -> str:
    return " or ".join(_kind(t()) if t is not type(None) else "nothing" for t in types)
