"""Resolution: entity mentions → entities, event mentions → real-world events.

Entity resolution lives in :mod:`kg.resolve.entities`; :func:`resolve` runs it, then
groups the event mentions that tell the same happening — in one article or
across outlets — into one :class:`Event`, so that the graph has one node per
call, deployment or statement however often it is reported.

Merging is greedy and deterministic (mentions in article order, then by
offset): a mention joins the best compatible event built so far or starts a
new one. Compatible means same type, no conflicting dates, modality or
destinations, articles published close together, and type-specific evidence
that the participants are the same (see :func:`_compatible`). Mentions with no participants at all join the one event
of their type in their article when there is exactly one.
"""
from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from difflib import SequenceMatcher

from kg.model import ACTOR_ROLES, PLACE_ROLES, Entity, EntityMention, Event, EventMention, ParsedArticle, Quantity

# Modality that makes a different real-world event: a planned or denied
# deployment is not the deployment that happened.
DISTINCT_MODALITY = frozenset({"planned", "negated", "hypothetical"})
# Articles published further apart than this tell different events unless
# their dates agree: Zelensky calls Yoon more than once.
PROXIMITY_DAYS = 7
# Trigger lemmas this similar are the same word (spelling variants, lemmatizer
# slips); "kata" and "nyata" are not.
WORD_SIMILARITY = 0.85


def resolve(parsed: list[ParsedArticle], entity_mentions: list[EntityMention],
            event_mentions: list[EventMention]) -> tuple[list[Entity], list[Event]]:
    """Resolve entities (sets ``EntityMention.entity_ids``), then cluster events.

    Sets ``EventMention.event_id`` on every event mention.
    """
    from kg.resolve.entities import resolve_entities

    entities = resolve_entities(parsed, entity_mentions)
    return entities, cluster_events(parsed, event_mentions, entities)


@dataclass
class _Mention:
    """What merging needs to know about one event mention."""

    mention: EventMention
    order: int                       # article position, for stable ordering
    published: date | None           # the article's publication date
    actors: frozenset[str]           # entity ids in actor roles
    roles: dict[str, frozenset[str]]
    lemma: str                       # the trigger's lemmas ("konfirmasi")
    modality: frozenset[str]
    destinations: frozenset[str]     # the most specific ones: Kursk, not also Russia

    @property
    def article(self) -> str:
        return self.mention.article_id


@dataclass
class _Cluster:
    """An event in the making; its unions grow as mentions join."""

    type: str
    modality: frozenset[str]
    date: date | None = None
    members: list[_Mention] = field(default_factory=list)
    actors: frozenset[str] = frozenset()
    roles: dict[str, frozenset[str]] = field(default_factory=dict)
    articles: set[str] = field(default_factory=set)
    published: set[date] = field(default_factory=set)
    destinations: frozenset[str] = frozenset()

    def add(self, m: _Mention) -> None:
        self.members.append(m)
        self.date = self.date or m.mention.date
        self.actors |= m.actors
        self.destinations |= m.destinations
        for r, ids in m.roles.items():
            self.roles[r] = self.roles.get(r, frozenset()) | ids
        self.articles.add(m.article)
        if m.published:
            self.published.add(m.published)

    def ids(self, role: str) -> frozenset[str]:
        return self.roles.get(role, frozenset())


def cluster_events(parsed: list[ParsedArticle], event_mentions: list[EventMention],
                   entities: list[Entity]) -> list[Event]:
    """Group event mentions into events; entity ids must already be resolved."""
    by_id = {e.id: e for e in entities}
    articles = {p.article.id: (i, p.article.published) for i, p in enumerate(parsed)}
    lemmas = _TokenIndex(parsed)
    mentions = sorted((_describe(m, articles, lemmas, by_id) for m in event_mentions),
                      key=lambda x: (x.order, x.mention.trigger.start, x.mention.trigger.end, x.mention.id))
    clusters: list[_Cluster] = []
    # Mentions that name participants first: a bare "pembicaraan" can only be
    # placed once the article's events are known.
    for m in [m for m in mentions if m.actors] + [m for m in mentions if not m.actors]:
        best = _best_cluster(m, clusters, by_id)
        if best is None:
            best = _Cluster(m.mention.type, m.modality)
            clusters.append(best)
        best.add(m)
    events = _make_events(clusters)
    mention_event = {m.id: ev.id for ev in events for m in ev.mentions}
    for ev in events:
        about = {mention_event[a] for m in ev.mentions for a in m.about_mentions if a in mention_event}
        ev.about = sorted(about - {ev.id})
    return events


class _TokenIndex:
    """The lemmas under a character span of a sentence (a trigger's lemma)."""

    def __init__(self, parsed: list[ParsedArticle]) -> None:
        self.tokens = {(p.article.id, s.index): s.tokens for p in parsed for s in p.sentences}

    def lemma(self, m: EventMention) -> str:
        toks = [t for t in self.tokens.get((m.article_id, m.sentence), [])
                if t.start < m.trigger.end and m.trigger.start < t.end]
        return " ".join((t.lemma or t.text).lower() for t in toks)


def _describe(m: EventMention, articles: dict[str, tuple[int, date | None]], lemmas: _TokenIndex,
              by_id: dict[str, Entity]) -> _Mention:
    roles: dict[str, set[str]] = {}
    for arg in m.arguments:
        roles.setdefault(arg.role, set()).update(arg.mention.entity_ids)
    frozen = {r: frozenset(ids) for r, ids in roles.items() if ids}
    actors = frozenset().union(*(ids for r, ids in frozen.items() if r in ACTOR_ROLES))
    order, published = articles.get(m.article_id, (len(articles), None))
    return _Mention(m, order, published, actors, frozen, lemmas.lemma(m) or m.trigger_text.lower(),
                    frozenset(m.modality) & DISTINCT_MODALITY,
                    _most_specific(frozen.get("destination", frozenset()), by_id))


def _best_cluster(m: _Mention, clusters: list[_Cluster], by_id: dict[str, Entity]) -> _Cluster | None:
    """The compatible cluster that shares most, preferring the same article and nearby text."""
    candidates = [c for c in clusters if c.type == m.mention.type and c.modality == m.modality
                  and (c.date is None or m.mention.date is None or c.date == m.mention.date)
                  and _near(c, m) and _places_agree(c, m)]
    if not m.actors:
        if m.mention.type == "Statement":
            return None  # who said it is what makes a statement: nothing to join on
        # no participants: join the article's only event of this type, if any
        local = [c for c in candidates if m.article in c.articles]
        return local[0] if len(local) == 1 else None
    scored = []
    for i, c in enumerate(candidates):
        if not _compatible(c, m, by_id):
            continue
        same = [x for x in c.members if x.article == m.article]
        distance = min((abs(x.mention.trigger.start - m.mention.trigger.start) for x in same), default=0)
        scored.append(((bool(same), len(c.actors & m.actors), -distance, -i), c))
    return max(scored, key=lambda s: s[0])[1] if scored else None


def _near(c: _Cluster, m: _Mention) -> bool:
    """Articles published weeks apart tell different events, unless dates say otherwise."""
    if m.article in c.articles or not m.published or not c.published or (c.date and c.date == m.mention.date):
        return True
    return min(abs((m.published - p).days) for p in c.published) <= PROXIMITY_DAYS


def _places_agree(c: _Cluster, m: _Mention) -> bool:
    """A move to one place is not a move to another: "to Kursk" is neither "to Ukraine" nor "to Russia"."""
    return not m.destinations or not c.destinations or bool(m.destinations & c.destinations)


def _most_specific(places: frozenset[str], by_id: dict[str, Entity]) -> frozenset[str]:
    """Drop the places that contain another one given ("Kursk, Russia" → Kursk)."""
    containing = set()
    for p in places:
        seen, up = {p}, by_id[p].affiliation if p in by_id else None
        while up and up not in seen:
            containing.add(up)
            seen.add(up)
            up = by_id[up].affiliation if up in by_id else None
    return places - containing


def _compatible(c: _Cluster, m: _Mention, by_id: dict[str, Entity]) -> bool:
    """Whether mention ``m`` can be told of the same real-world event as cluster ``c``."""
    kind = m.mention.type
    if kind == "Statement":
        return _same_statement(c, m)
    if kind == "Deployment":
        return _same_deployment(c, m, by_id)
    return _same_participants(c.actors, m.actors, by_id)


def _same_statement(c: _Cluster, m: _Mention) -> bool:
    """One statement reported by several outlets: same speaker, same words or quote, other article.

    Inside one article, two statements of the same speaker are two things said.
    """
    speakers = m.roles.get("speaker", frozenset())
    if not speakers or m.article in c.articles or not (speakers & c.ids("speaker")):
        return False
    quote = _norm(m.mention.quote)
    return any(_same_word(x.lemma, m.lemma) or (quote and _norm(x.mention.quote) == quote) for x in c.members)


def _same_word(a: str, b: str) -> bool:
    """Equal lemmas, or nearly: the modest lemmatizer slips on spelling variants
    (mengkonfirmasi → konfirmasi, mengonfirmasi → onfirmasi)."""
    return a == b or SequenceMatcher(None, a, b).ratio() >= WORD_SIMILARITY


def _same_deployment(c: _Cluster, m: _Mention, by_id: dict[str, Entity]) -> bool:
    """Same force or, when a mention names none, the same sending or receiving actors.

    (Destinations are compared for every type, in :func:`_places_agree`.)
    """
    forces, cforces = m.roles.get("force", frozenset()), c.ids("force")
    if forces and cforces:
        return bool(_expand(forces, by_id) & _expand(cforces, by_id))
    return bool(_expand(m.actors, by_id) & _expand(c.actors, by_id))


def _same_participants(a: frozenset[str], b: frozenset[str], by_id: dict[str, Entity]) -> bool:
    """Overlapping actors (a person counts for the country they serve) and no conflicting persons.

    "Zelensky and Yoon" and "Zelensky" agree; "Zelensky and Yoon" and
    "Zelensky and Scholz" are two calls.
    """
    if not _expand(a, by_id) & _expand(b, by_id):
        return False
    return not (_persons(a - b, by_id) and _persons(b - a, by_id))


def _expand(ids: frozenset[str], by_id: dict[str, Entity]) -> frozenset[str]:
    """Entity ids plus the ids they are affiliated with (Zelensky → Ukraine)."""
    return ids | {by_id[i].affiliation for i in ids if i in by_id and by_id[i].affiliation}


def _persons(ids: frozenset[str], by_id: dict[str, Entity]) -> set[str]:
    return {i for i in ids if i in by_id and by_id[i].type == "Person"}


def _norm(text: str | None) -> str:
    return " ".join(text.lower().split()) if text else ""


def _make_events(clusters: list[_Cluster]) -> list[Event]:
    """Events with content-derived ids; mentions get their ``event_id``."""
    drafts = []
    for c in clusters:
        members = sorted(c.members, key=lambda x: (x.order, x.mention.trigger.start, x.mention.id))
        ev = Event(id="", type=c.type, mentions=[x.mention for x in members],
                   roles={r: sorted(ids) for r, ids in sorted(c.roles.items())},
                   date=_most_common([x.mention.date for x in members]),
                   quantity=_most_common_quantity([x.mention.quantity for x in members]),
                   modality=sorted(frozenset.intersection(*(frozenset(x.mention.modality) for x in members))))
        drafts.append((_base_id(ev, c), (members[0].order, members[0].mention.trigger.start), ev))
    seen: Counter[str] = Counter()
    events = []
    for base, _, ev in sorted(drafts, key=lambda d: (d[0], d[1])):
        seen[base] += 1
        ev.id = base if seen[base] == 1 else f"{base}-{seen[base]}"
        for m in ev.mentions:
            m.event_id = ev.id
        events.append(ev)
    return events


def _base_id(ev: Event, c: _Cluster) -> str:
    """``call-2024-10-29-1a2b3c4d``: type, date, and a hash of who took part.

    Events without participants hash their first mention's place instead, so
    that unrelated bare mentions do not share a name.
    """
    places = frozenset().union(*(c.ids(r) for r in PLACE_ROLES))
    core = sorted(c.actors | places) if ev.type == "Deployment" else sorted(c.actors)
    if not core:
        first = ev.mentions[0]
        core = [f"{first.article_id}@{first.trigger.start}"]
    digest = hashlib.sha1("|".join(core).encode("utf-8")).hexdigest()[:8]
    return f"{ev.type.lower()}-{ev.date.isoformat() if ev.date else 'nodate'}-{digest}"


def _most_common(values: list[date | None]) -> date | None:
    """The most frequent known value; ties go to the one told first."""
    known = [v for v in values if v is not None]
    if not known:
        return None
    counts = Counter(known)
    return max(known, key=lambda v: (counts[v], -known.index(v)))


def _most_common_quantity(values: list[Quantity | None]) -> Quantity | None:
    """The amount most mentions give (exact numbers before vague ones), ties to the first told."""
    known = [q for q in values if q is not None]
    if not known:
        return None
    keys = [(q.value, q.qualifier) for q in known]
    counts = Counter(keys)
    best = max(range(len(known)), key=lambda i: (counts[keys[i]], known[i].value is not None, -i))
    return known[best]
