"""kg's one data model: articles → sentences → mentions → events and entities.

Every stage of the pipeline (read → parse → extract → resolve → graph →
export) takes and returns these objects. Character offsets are always
Unicode code points into ``Article.text``, the decoded text of the source
file (for HTML and JSON sources: the extracted main text).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import networkx as nx

# The entity and event types kg knows; ``Unknown`` is said, never guessed.
ENTITY_TYPES = ("Person", "Organization", "Country", "ArmedForce", "Place", "Unknown")
EVENT_TYPES = ("Call", "Statement", "Deployment", "Meeting", "Visit", "Agreement", "Cooperation")
PRIMARY_EVENT_TYPES = ("Call", "Statement", "Deployment")
# events whose parties all take part alike: every report of one such event has the same parties
JOINT_EVENT_TYPES = ("Call", "Meeting", "Agreement", "Cooperation")
# Roles of arguments. Actor roles are sub-properties of sem:hasActor in RDF,
# place roles of sem:hasPlace.
ACTOR_ROLES = ("agent", "speaker", "addressee", "participant", "force", "beneficiary", "source", "target")
PLACE_ROLES = ("place", "destination", "origin")
# how precise a time anchor is ("pekan lalu" names a week, "Juli 2024" a month)
GRANULARITIES = ("day", "week", "month", "year")


@dataclass
class Span:
    """A half-open character range ``[start, end)`` in an article's text."""

    start: int
    end: int

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass
class Boilerplate(Span):
    """A line recognised as boilerplate, and the rule that recognised it."""

    rule: str = ""


@dataclass
class Article:
    """One news article, as read from a file (or one record of a JSON file)."""

    id: str                      # path relative to the input folder (+ "#N" for JSON records)
    path: Path                   # the file on disk
    text: str                    # decoded text; all offsets point into it
    language: str                # the code of its kg.lang language ("id", "en"): whose words its rules use
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | None = None  # publication date, from metadata or the dateline
    dateline_place: str | None = None
    dateline: Span | None = None   # "KYIV, sp-globalindo.co.id –": kept out of the first sentence
    boilerplate: list[Boilerplate] = field(default_factory=list)
    # the characters [body_start, end) hold the article: from the headline on
    # (site banners above it are left out; the dateline is cut by kg.nlp.segments)
    body_start: int = 0

    def is_boilerplate(self, span: Span) -> bool:
        return any(b.overlaps(span) for b in self.boilerplate)


@dataclass
class Token:
    """A syntactic word (UD) with its offsets in the article text.

    Words split off a multi-word token (``membahasnya`` → ``membahas`` +
    ``nya``) get the part of the token they spell, or the whole token's span
    when the split does not spell the token; ``mwt_end`` keeps the token
    itself for CoNLL-U's range lines (``3-4 membahasnya``).
    """

    id: int          # 1-based position in the sentence
    text: str
    lemma: str
    upos: str
    feats: str
    head: int        # 0 for the root
    deprel: str
    start: int
    end: int
    mwt_end: int = 0  # in a multi-word token: the id of its last word; 0 for a word that is a token


@dataclass
class Sentence:
    index: int       # position in the article
    start: int
    end: int
    text: str
    tokens: list[Token]

    def children(self, token: Token) -> list[Token]:
        return [t for t in self.tokens if t.head == token.id]

    def head_of(self, token: Token) -> Token | None:
        return self.tokens[token.head - 1] if token.head else None


@dataclass
class ParsedArticle:
    article: Article
    sentences: list[Sentence]


@dataclass
class EntityMention:
    """A stretch of text that names (or points back to) an actor or place."""

    article_id: str
    sentence: int
    start: int
    end: int
    text: str
    type: str = "Unknown"          # one of ENTITY_TYPES
    title: str | None = None       # "Presiden", "Menteri Luar Negeri" …
    affiliation: str | None = None  # entity id the title ties it to (a country)
    source: str = ""               # how it was found: propn, title, gazetteer, pronoun, group …
    # filled by resolution: one entity, or several for a group ("kedua pemimpin")
    entity_ids: list[str] = field(default_factory=list)
    type_source: str = ""          # the evidence that decided its type: title, gazetteer, ner … (kg.entity_types)


@dataclass
class Argument:
    """A participant or place of an event mention, in a named role."""

    role: str                      # one of ACTOR_ROLES or PLACE_ROLES
    mention: EntityMention
    # set when the sentence of the event mention does not name it: the id of the
    # event mention of the same event and article that does (kg.resolve.arguments)
    inherited_from: str | None = None


@dataclass
class Quantity:
    value: int | None              # None for vague amounts ("ribuan")
    qualifier: str | None = None   # about, more than, at least, thousands …
    unit: str | None = None        # tentara, pasukan …
    text: str = ""


@dataclass
class TimeAnchor:
    """When a mention's event happened, as the text says it, resolved as far as it allows.

    ``value`` is the first day of the period the words name (the day, the
    Monday of a week, the 1st of a month, 1 January); None when resolving it
    needs a publication date kg does not have. A day named without its year
    ("Senin (13/10)") keeps its ``month_day`` even then, and a weekday ("on
    Monday") its ``weekday`` (0 = Monday): resolution still compares them.
    """

    text: str                      # the words: "Senin (4/11/2024)", "kemarin", "pekan lalu", "on Thursday"
    start: int
    end: int
    granularity: str               # one of GRANULARITIES
    value: date | None = None
    kind: str = "explicit"         # explicit | relative (to the publication date) | same-day
    month_day: tuple[int, int] | None = None
    weekday: int | None = None     # the weekday the words name, 0 = Monday

    def iso(self) -> str | None:
        """The anchor in ISO 8601 at its granularity: 2024-11-04, 2024-11, 2024, --11-04."""
        if self.value is None:
            return f"--{self.month_day[0]:02d}-{self.month_day[1]:02d}" if self.month_day else None
        if self.granularity == "year":
            return f"{self.value.year:04d}"
        if self.granularity == "month":
            return f"{self.value.year:04d}-{self.value.month:02d}"
        return self.value.isoformat()


@dataclass
class EventMention:
    """One place in one article where an event is told (its trigger)."""

    id: str
    article_id: str
    type: str                      # one of EVENT_TYPES
    trigger: Span
    trigger_text: str
    sentence: int
    sentence_text: str
    rule: str
    confidence: float
    arguments: list[Argument] = field(default_factory=list)
    date: date | None = None       # the day, when ``time`` names one
    date_text: str | None = None
    time: TimeAnchor | None = None
    quantity: Quantity | None = None
    modality: list[str] = field(default_factory=list)   # planned, negated, reported, …
    quote: str | None = None       # statement content
    medium: str | None = None      # "media sosial", "telepon" …
    via: str | None = None         # reported via ("dikutip AFP", "menurut kantornya")
    about_mentions: list[str] = field(default_factory=list)  # ids of event mentions a statement reports
    event_id: str | None = None    # filled by resolution
    # filled by resolution: why this mention joined its event (the evidence of
    # the merge: "same article", "same day (2024-10-29)", "shared participants: …");
    # empty for the mention an event starts from
    resolution: list[str] = field(default_factory=list)


@dataclass
class Entity:
    """A real-world actor or place, one node across all articles."""

    id: str                        # language-neutral: "country/KP", "person/yoon-suk-yeol", "geonames/703448"
    type: str
    label: str                     # canonical (English where known)
    aliases: set[str] = field(default_factory=set)
    affiliation: str | None = None  # entity id
    geonames_id: int | None = None
    lat: float | None = None
    lon: float | None = None
    mentions: list[EntityMention] = field(default_factory=list)
    type_source: str = ""          # the evidence its type rests on (its mentions' strongest, or "id")


@dataclass
class Event:
    """A real-world event: all its mentions, in one article or many."""

    id: str
    type: str
    mentions: list[EventMention]
    roles: dict[str, list[str]] = field(default_factory=dict)  # role → entity ids
    date: date | None = None
    quantity: Quantity | None = None
    modality: list[str] = field(default_factory=list)
    about: list[str] = field(default_factory=list)             # event ids a statement is about


@dataclass
class Skipped:
    """An input that could not be used, and why (shown to the user in one line)."""

    path: str
    reason: str


@dataclass
class Stats:
    """How the build went, for the summary and the benchmark."""

    parsed: int = 0                 # articles parsed by this run
    cached: int = 0                 # articles whose parse came from the cache
    sentences: int = 0
    seconds: dict[str, float] = field(default_factory=dict)  # per stage


@dataclass
class Result:
    """Everything a build produced, for the exporters and for API users."""

    articles: list[Article] = field(default_factory=list)
    parsed: list[ParsedArticle] = field(default_factory=list)
    entity_mentions: list[EntityMention] = field(default_factory=list)
    event_mentions: list[EventMention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    graph: nx.MultiDiGraph = field(default_factory=nx.MultiDiGraph)
    skipped: list[Skipped] = field(default_factory=list)
    stats: Stats = field(default_factory=Stats)
