"""Boilerplate rules: page furniture ("Baca juga: …", promos, comment forms, bylines).

The rules are data (``kg/lang/<code>/boilerplate.yaml``; the format is
described at the top of ``kg/lang/id/boilerplate.yaml``) so that a user can
teach kg a new site's furniture without touching code. A rule judges one
line at a time; marking lines, not sentences, keeps every span aligned with
the original text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg import lang as languages

# markdown and list marks around a line ("## Baca juga", "**Editor:** …", "- Tags")
_MARKS = re.compile(r"^[\s#>*_|~•·\-]+|[\s#*_|~]+$")


@dataclass(frozen=True)
class Rule:
    name: str
    # the rule's tests in two alternations: those anchored at the line start
    # (tried once, with ``match``) and those that may match anywhere
    anchored: re.Pattern | None
    anywhere: re.Pattern | None
    # the `contains` phrases, casefolded: a cheap test before their regex
    needles: tuple[str, ...] = ()
    phrases: re.Pattern | None = None
    max_words: int | None = None
    with_next_line: bool = False    # the next line belongs to it (the caption under "Image caption")
    rest_of_article: bool = False   # the line opens a comment area: all later lines are furniture

    def matches(self, line: str, words: int, folded: str) -> bool:
        if self.max_words is not None and words > self.max_words:
            return False
        if self.anchored and self.anchored.match(line):
            return True
        if self.phrases and any(n in folded for n in self.needles) and self.phrases.search(line):
            return True
        return bool(self.anywhere and self.anywhere.search(line))


def clean(line: str) -> str:
    """The line without surrounding spaces and markdown marks, as rules see it."""
    return _MARKS.sub("", line)


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def _phrase(text: str) -> str:
    return r"\s+".join(re.escape(w) for w in str(text).split())


def _compile(spec: dict) -> Rule:
    flags = 0 if spec.get("case_sensitive") else re.IGNORECASE
    regexes = [str(r) for r in spec.get("regex", [])]
    anchored = [rf"(?:{_phrase(p)})[\s:*.,]*$" for p in spec.get("lines", [])]
    anchored += [rf"(?:{_phrase(p)})\s*:" for p in spec.get("labels", [])]
    anchored += [rf"(?:{_phrase(p)})(?!\w)" for p in spec.get("starts", [])]
    anchored += [r for r in regexes if r.startswith("^")]
    contains = [str(p) for p in spec.get("contains", [])]
    phrases = [rf"(?<!\w)(?:{_phrase(p)})(?!\w)" for p in contains]
    anywhere = [r for r in regexes if not r.startswith("^")]
    if not anchored and not anywhere and not phrases:
        raise ValueError(f"boilerplate rule {spec.get('name')!r} has no test")

    def join(sources: list[str]) -> re.Pattern | None:
        return re.compile("|".join(f"(?:{s})" for s in sources), flags) if sources else None

    return Rule(name=str(spec["name"]), anchored=join(anchored), anywhere=join(anywhere),
                needles=tuple(_fold(p) for p in contains), phrases=join(phrases),
                max_words=spec.get("max_words"), with_next_line=bool(spec.get("with_next_line")),
                rest_of_article=bool(spec.get("rest_of_article")))


@lru_cache(maxsize=None)
def rules_of(code: str) -> tuple[Rule, ...]:
    """The rules of one language (none for a language kg does not know, or one with no such file)."""
    if not languages.known(code):
        return ()
    return tuple(_compile(spec) for spec in languages.get(code).data("boilerplate").get("rules", []))


@lru_cache(maxsize=None)
def rules_for(code: str) -> tuple[Rule, ...]:
    """The rules applied to an article: its own language's first, then all others'.

    Web pages mix languages (an Indonesian WordPress site says "LEAVE A
    RESPONSE"), and each rule is specific enough not to fire on prose.
    """
    return rules_of(code) + tuple(r for other in languages.codes() if other != code for r in rules_of(other))


def match(line: str, rules: tuple[Rule, ...]) -> Rule | None:
    """The first rule that marks ``line`` (already :func:`clean`) as boilerplate."""
    words, folded = len(line.split()), _fold(line)
    return next((r for r in rules if r.matches(line, words, folded)), None)
