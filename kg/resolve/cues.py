"""Words around a trigger that tell event resolution something: a recalled event, a
back-reference, a plural noun that tells several events.

The words are the language's ``kg/lang/<code>/resolve.yaml``; everything else resolution
compares is language-neutral (:mod:`kg.resolve.evidence`).
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kg import lang
from kg.model import EventMention, Sentence


def words(code: str) -> Mapping[str, Any]:
    """The language's resolve.yaml (empty for a language kg has no folder or file for)."""
    return lang.get(code).data("resolve") if lang.known(code) else {}


def word_set(lang: str, key: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in words(lang).get(key) or [])


def several(m: EventMention, sent: Sentence | None, lang: str) -> bool:
    """A plural trigger noun ("before the calls", "the state visits") tells several events, none
    of which it is; plurals that name one event ("talks") are listed in resolve.yaml."""
    if sent is None or m.rule.startswith("verb-trigger"):
        return False
    last = next((t for t in reversed(sent.tokens) if t.start < m.trigger.end), None)
    return last is not None and last.start >= m.trigger.start and "Number=Plur" in last.feats and \
        last.upos == "NOUN" and last.text.lower() not in word_set(lang, "one_event_plurals")


def kind(m: EventMention, lang: str) -> str | None:
    """The kind of event the trigger names ("KTT": a summit), from resolve.yaml's ``kinds``."""
    said = " ".join(m.trigger_text.lower().split())
    return next((k for k, triggers in (words(lang).get("kinds") or {}).items()
                 if said in {str(t).lower() for t in triggers}), None)


def trigger_window(m: EventMention, sent: Sentence | None, width: int) -> tuple[list[str], list[str]]:
    """Up to ``width`` words before and after the trigger, lowercased."""
    if sent is None:
        return [], []
    toks = [t for t in sent.tokens if any(ch.isalnum() for ch in t.text)]
    before = [t.text.lower() for t in toks if t.end <= m.trigger.start][-width:]
    after = [t.text.lower() for t in toks if t.start >= m.trigger.end][:width]
    return before, after


def recalled(m: EventMention, sent: Sentence | None, lang: str) -> bool:
    """A recall marker near the trigger or opening its sentence: an earlier event, told in passing."""
    markers = word_set(lang, "recall_markers")
    if not (markers or word_set(lang, "recall_before")) or sent is None:
        return False
    before, after = trigger_window(m, sent, int(words(lang).get("recall_window") or 4))
    opening = " ".join(t.text.lower() for t in sent.tokens if any(ch.isalnum() for ch in t.text))
    near = f" {' '.join(before)} | {' '.join(after)} "
    # a marker may be a phrase ("terakhir kali", "the last time"), matched word by word
    return any(f" {w} " in near or f" {opening} ".startswith(f" {w} ") for w in markers) or \
        bool(set(before) & word_set(lang, "recall_before"))


def back_reference(m: EventMention, sent: Sentence | None, lang: str) -> bool:
    """A back-reference word right after the trigger, or right before it with nothing between
    ("Ucapan itu disampaikan"; not "Hal itu, menurut X")."""
    _, after = trigger_window(m, sent, 3)
    before = [t.text.lower() for t in sent.tokens if t.end <= m.trigger.start][-1:] if sent else []
    # a marker may be a phrase ("yang dimaksud", "in question"), starting right after the trigger
    return any(after[:len(w.split())] == w.split() for w in word_set(lang, "back_references")) or \
        bool(set(before) & word_set(lang, "back_reference_before"))
