"""The linguistic knowledge of the event extractor, read from kg/lang/<code>/.

Everything a linguist may want to change (trigger words, role patterns,
speech verbs, modality markers) lives in YAML files; this module checks them
once on load so a typo in a data file fails loudly instead of silently
producing no events.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any

from kg import lang as languages
from kg.errors import KgError
from kg.model import ACTOR_ROLES, EVENT_TYPES, PLACE_ROLES, Token

ROLES = ACTOR_ROLES + PLACE_ROLES


@dataclass(frozen=True)
class WordClass:
    """Words (lowercase, possibly multiword) and entity types that belong to a class."""

    words: frozenset[str]
    types: frozenset[str]


@dataclass(frozen=True)
class Sense:
    type: str
    frame: str
    when: tuple[tuple[str, Any], ...] = ()


@dataclass(frozen=True)
class TriggerEntry:
    forms: frozenset[str]
    lemmas: frozenset[str]
    pos: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]
    senses: tuple[Sense, ...]
    confidence: float


@dataclass(frozen=True)
class Pattern:
    rels: tuple[str, ...]
    case: str | None      # None: any; "none": no case marker
    voice: str | None
    role: str


@dataclass(frozen=True)
class Frame:
    name: str
    patterns: tuple[Pattern, ...]
    subject: str | None = None
    theme: str | None = None
    clause_subject: bool = False
    forward: tuple[tuple[str, str], ...] = ()


@dataclass
class Lexicon:
    lang: str
    triggers: list[TriggerEntry] = field(default_factory=list)
    classes: dict[str, WordClass] = field(default_factory=dict)
    frames: dict[str, Frame] = field(default_factory=dict)
    roles: Mapping[str, Any] = field(default_factory=dict)
    speech: Mapping[str, Any] = field(default_factory=dict)
    modality: Mapping[str, Any] = field(default_factory=dict)
    nominal_pattern: re.Pattern[str] | None = None
    nouns: frozenset[str] = frozenset()
    verb_pattern: re.Pattern[str] | None = None
    nominal_after: frozenset[str] = frozenset()
    talks: frozenset[str] = frozenset()      # talk nouns: a call or a meeting, as the article tells it
    verbal_after: frozenset[str] = frozenset()   # "to visit", "will call": a verb, whatever the noun list says
    settings: frozenset[str] = frozenset()   # "ruang jamuan", "meeting room": a trigger noun naming a room is no event

    def is_nominal(self, tok: Token, prev: Token | None = None) -> bool:
        """Whether a trigger word is a noun. The lexicon knows its words better
        than a modest tagger ("tiba" tagged NOUN, "Kirim" PROPN in a headline):
        declared nouns, the nominal pattern and a determiner right before it
        ("the dispatching of") say noun, the verbal pattern and the trigger
        forms say verb; only unknown words are left to the tagger."""
        w = tok.text.lower()
        if prev is not None and prev.text.lower() in self.verbal_after:
            return False
        if w in self.nouns or self.nominal_pattern is not None and self.nominal_pattern.search(w) or \
                prev is not None and prev.text.lower() in self.nominal_after:
            return True
        if self.verb_pattern is not None and self.verb_pattern.search(w) or \
                any(w in e.forms for e in self.triggers):
            return False
        return tok.upos == "NOUN"

    @cached_property
    def coordinators(self) -> frozenset[str]:
        """Words joining parties in a list ("dan", "serta"): scans go on over them."""
        return self.words(self.roles, "coordinators")

    @cached_property
    def complementizers(self) -> frozenset[str]:
        """Words opening a reported clause ("bahwa"): scans to the right of a trigger stop there."""
        return self.words(self.speech, "complementizers")

    @cached_property
    def modality_markers(self) -> dict[str, frozenset[str]]:
        """Modality kind → its marker words (modality.yaml), read once: every trigger asks."""
        return {k: frozenset(str(w).lower() for w in v or []) for k, v in (self.modality.get("markers") or {}).items()}

    @cached_property
    def time_words(self) -> frozenset[str]:
        """Nouns that name a time (dates.yaml: weekdays, months, units, day parts, "yesterday"):
        such a word as a verb's subject is a misparse ("Last month, Minister X said")."""
        from kg.extract.dates import words as date_words

        dates = date_words(self.lang)
        out = set()
        for key in ("weekdays", "months", "units", "relative"):
            out |= {str(w).lower() for w in dates.get(key) or {}}
        return frozenset(out | self.words(dates, "day_parts"))

    @cached_property
    def function_words(self) -> frozenset[str]:
        """Words the extractor itself reads (triggers, markers): never names of actors."""
        out = {f for e in self.triggers for f in e.forms}
        for key in ("inverted_verbs", "according_to", "via_markers", "report_nouns"):
            out |= self.words(self.speech, key)
        for words in (self.modality.get("markers") or {}).values():
            out |= {str(w).lower() for w in words or []}
        return frozenset(out)

    def words(self, section: Mapping[str, Any], key: str) -> frozenset[str]:
        """A lowercase word list from a data file section (empty when absent)."""
        return frozenset(str(w).lower() for w in section.get(key) or [])


def _lower(items: Any) -> frozenset[str]:
    return frozenset(str(i).lower() for i in items or [])


def _trigger(raw: dict[str, Any], frames: dict[str, Frame], where: str) -> TriggerEntry:
    senses = []
    for s in raw.get("senses") or []:
        if s.get("type") not in EVENT_TYPES:
            raise KgError(f"{where}: unknown event type {s.get('type')!r}")
        if s.get("frame") not in frames:
            raise KgError(f"{where}: unknown frame {s.get('frame')!r} (declare it in roles.yaml)")
        senses.append(Sense(s["type"], s["frame"], tuple(sorted((s.get("when") or {}).items()))))
    if not senses:
        raise KgError(f"{where}: a trigger entry needs at least one sense")
    return TriggerEntry(forms=_lower(raw.get("forms")), lemmas=_lower(raw.get("lemmas")),
                        pos=frozenset(raw.get("pos") or []),
                        phrases=tuple(tuple(str(w).lower() for w in p) for p in raw.get("phrases") or []),
                        senses=tuple(senses), confidence=float(raw.get("confidence", 0.8)))


def _frame(name: str, raw: dict[str, Any], where: str) -> Frame:
    patterns = []
    for p in raw.get("patterns") or []:
        if p.get("role") not in ROLES:
            raise KgError(f"{where}: frame {name}: unknown role {p.get('role')!r}")
        rels = p["rel"] if isinstance(p["rel"], list) else [p["rel"]]
        case = p.get("case", None)
        patterns.append(Pattern(tuple(rels), "none" if case in ("none", False) else case, p.get("voice"), p["role"]))
    for key in ("subject", "theme"):
        if raw.get(key) is not None and raw[key] not in ROLES:
            raise KgError(f"{where}: frame {name}: unknown {key} role {raw[key]!r}")
    forward = tuple((str(k).lower(), v) for k, v in (raw.get("forward") or {}).items())
    return Frame(name, tuple(patterns), raw.get("subject"), raw.get("theme"),
                 bool(raw.get("clause_subject")), forward)


@lru_cache(maxsize=None)
def load(code: str) -> Lexicon:
    """The lexicon of the language ``code`` (empty where its folder has no such files)."""
    language = languages.get(code)
    roles = language.data("roles")
    where = f"kg/lang/{code}/roles.yaml"
    frames = {n: _frame(n, f, where) for n, f in (roles.get("frames") or {}).items()}
    trig = language.data("triggers")
    where = f"kg/lang/{code}/triggers.yaml"
    titles = _lower(language.data("titles").get("titles") or {})
    classes = {n: WordClass(_lower(c.get("words")) | (titles if c.get("titles") else frozenset()),
                            frozenset(c.get("types") or []))
               for n, c in (trig.get("classes") or {}).items()}
    triggers = [_trigger(t, frames, where) for t in trig.get("triggers") or []]
    noun_re = re.compile(trig["nominal_pattern"]) if trig.get("nominal_pattern") else None
    verb_re = re.compile(trig["verbal_pattern"]) if trig.get("verbal_pattern") else None
    return Lexicon(code, triggers, classes, frames, roles, language.data("speech"), language.data("modality"),
                   noun_re, _lower(trig.get("nouns")), verb_re, _lower(trig.get("nominal_after")),
                   _lower(trig.get("talks")), _lower(trig.get("verbal_after")), _lower(trig.get("settings")))
