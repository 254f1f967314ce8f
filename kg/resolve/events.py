"""Resolution: entity mentions → entities, event mentions → real-world events.

Entity resolution lives in :mod:`kg.resolve.entities`; :func:`resolve` runs it, then
groups the event mentions that tell the same happening — in one article or
across outlets — into one :class:`Event`, so that the graph has one node per
call, deployment or statement however often it is reported.

Grouping is a decision with evidence (:mod:`kg.resolve.evidence`), in two passes,
deterministic (articles in order, mentions by offset):

1. inside each article, a mention joins the group of its article that
   nothing contradicts and the most evidence supports (mentions naming
   participants first, so a bare "pembicaraan" is placed once the article's
   events are known), else starts one;
2. across articles (those that say when they appeared first, so that an undated
   report meets every event it may be), each article's group joins the event
   built so far that nothing contradicts and enough evidence supports, else
   starts one; when two events fit it equally well, it joins neither.

The reasons of each merge are kept on the mention it placed
(``EventMention.resolution``).
"""
from __future__ import annotations

import hashlib
from collections import Counter
from datetime import date

from kg.extract import dates
from kg.lang import known as lang_known
from kg.model import PLACE_ROLES, Article, Entity, EntityMention, Event, EventMention, ParsedArticle, Quantity
from kg.resolve.arguments import drop_unfit_arguments, inherit_arguments
from kg.resolve.candidates import Candidates
from kg.resolve.evidence import (
    CROSS_THRESHOLD,
    GENERIC_NOUN_TYPES,
    LOCAL_THRESHOLD,
    Group,
    Report,
    describe,
    evidence,
    score,
    veto,
)


def resolve(parsed: list[ParsedArticle], entity_mentions: list[EntityMention],
            event_mentions: list[EventMention]) -> tuple[list[Entity], list[Event]]:
    """Resolve entities (sets ``EntityMention.entity_ids``), then cluster events.

    Sets ``EventMention.event_id`` and ``EventMention.resolution`` on every event mention,
    and gives a mention the parties its event's other mentions in the article name
    (:mod:`kg.resolve.arguments`).
    """
    from kg.resolve.entities import resolve_entities

    entities = resolve_entities(parsed, entity_mentions)
    drop_unfit_arguments(event_mentions, entities)
    events = cluster_events(parsed, event_mentions, entities)
    inherit_arguments(events)
    return entities, events


def cluster_events(parsed: list[ParsedArticle], event_mentions: list[EventMention],
                   entities: list[Entity]) -> list[Event]:
    """Group event mentions into events; entity ids must already be resolved."""
    by_id = {e.id: e for e in entities}
    articles = {p.article.id: (i, p.article) for i, p in enumerate(parsed)}
    days = {p.article.id: news_day(p.article) for p in parsed}
    sentences = {(p.article.id, s.index): s for p in parsed for s in p.sentences}
    reports: dict[str, list[Report]] = {}
    speech: dict[tuple[str, int], list[int]] = {}
    for m in event_mentions:
        if m.type == "Statement":
            speech.setdefault((m.article_id, m.sentence), []).append(m.trigger.start)
    for m in event_mentions:
        order, art = articles.get(m.article_id, (len(articles), None))
        m.resolution = []
        later = [s for s in speech.get((m.article_id, m.sentence), []) if s > m.trigger.start]
        r = describe(m, order, days[m.article_id] if art else None, sentences.get((m.article_id, m.sentence)),
                     art.language if art else "id", by_id, min(later, default=None))
        r.headline = bool(art and art.title and m.sentence_text.strip() == art.title.strip())
        reports.setdefault(m.article_id, []).append(r)
    for told in reports.values():
        _recall_back_references(told)
    events: list[Group] = []
    index = Candidates(by_id)
    # articles that say when they appeared go first: an undated report then meets every event it may be
    for article in sorted(reports, key=lambda a: (days.get(a) is None, articles.get(a, (len(articles), None))[0], a)):
        # the events of other articles this one joined: a group that joins none at first tries
        # again once the others are placed, with the story its article shares with theirs
        story: set[int] = set()
        alone = []
        for local in _within(reports[article], by_id):
            at = _place(local, events, by_id, CROSS_THRESHOLD, local.members[0], across=True,
                        only=index.of(local), story=story, append=False)
            if at < 0:
                alone.append(local)
                continue
            index.add(at, events[at])
            story.add(at)
        for local in alone:
            at = _place(local, events, by_id, CROSS_THRESHOLD, local.members[0], across=True,
                        only=index.of(local), story=story)
            index.add(at, events[at])
    made = _make_events(events)
    mention_event = {m.id: ev.id for ev in made for m in ev.mentions}
    for ev in made:
        about = {mention_event[a] for m in ev.mentions for a in m.about_mentions if a in mention_event}
        ev.about = sorted(about - {ev.id})
    return made


def _recall_back_references(told: list[Report]) -> None:
    """ "Ia mengenang pertemuan mereka sebelumnya. … Pertemuan yang dimaksud terjadi di Moskow …":
    a back-reference points to the nearest event of its type told before; when that one is
    recalled, so is it."""
    ordered = sorted(told, key=lambda r: (r.mention.sentence, r.mention.trigger.start))
    for k, r in enumerate(ordered):
        if r.back_reference and not r.recalled:
            before = next((p for p in reversed(ordered[:k]) if p.mention.type == r.mention.type), None)
            r.recalled = before is not None and before.recalled


def news_day(art: Article) -> date | None:
    """The day an article tells its news: its publication date, else the first full date it
    states (a dateline or the story's day: "on Tuesday, January 7, 2020"), else unknown."""
    if art.published or not lang_known(art.language):
        return art.published
    return dates.first_full_date(art.text, art.language)


def _within(reports: list[Report], by_id: dict[str, Entity]) -> list[Group]:
    """One article's mentions grouped: those naming someone or somewhere first, then the bare ones.

    A bare mention ("pembicaraan", "pengiriman pasukan") joins the one group of
    its type it can be (nothing contradicts it); when several can, a
    back-reference ("pertemuan tersebut") ties it to the nearest, and
    otherwise it stays alone: which one it is, is unknown. Bare mentions of a
    type the article names no party of are one event.
    Agreement and cooperation nouns are also used generically ("perjanjian
    damai", "kerja sama"): bare ones join only by a back-reference (a bare
    verb, "sepakat", still joins).
    """
    ordered = sorted(reports, key=lambda r: (r.mention.trigger.start, r.mention.trigger.end, r.mention.id))
    groups: list[Group] = []
    named = {id(r) for r in ordered if (r.actors or r.places) and not _borrowed_noun(r)}
    for r in [r for r in ordered if id(r) in named]:
        _place(Group.of(r), groups, by_id, LOCAL_THRESHOLD, r)
    for r in [r for r in ordered if id(r) not in named]:
        g = Group.of(r)
        fits = [c for c in groups if c.named and veto(c, g, by_id) is None]
        if not r.back_reference:     # an unmarked noun is a plan only when it points back to one
            fits = [c for c in fits if not c.modality or r.modality]
        elif not r.modality:         # "… to inform him of the conversation": the one that happened, not the plan
            fits = [c for c in fits if not c.modality] or fits
        if r.back_reference and fits:     # it points back: to the nearest told before it, if any
            best = min(fits, key=lambda c: (not _told_before(c, r), _distance(c, r)))
            reason = "back-reference to the nearest"
        elif len(fits) == 1 and not (r.mention.type in GENERIC_NOUN_TYPES and r.nominal):
            best, reason = fits[0], f"the only {r.mention.type} it can be"
        elif not any(c.named and c.type == r.mention.type for c in groups) and r.mention.type not in \
                GENERIC_NOUN_TYPES and (bare := [c for c in groups if veto(c, g, by_id) is None]):
            best, reason = bare[0], f"the only {r.mention.type} the article tells, named nowhere"
        else:
            groups.append(g)
            continue
        r.mention.resolution = [f"same type ({r.mention.type})", "same article", reason]
        best.add(r)
    return groups


def _place(g: Group, groups: list[Group], by_id: dict[str, Entity], threshold: float, first: Report,
           across: bool = False, only: list[int] | None = None, story: set[int] | None = None,
           append: bool = True) -> int:
    """Merge ``g`` into the best-supported group of ``groups`` it may join, else append it;
    the position of the group it is now part of.

    ``across``: only groups of other articles (inside its article, ``g`` was
    already kept apart). ``only``: the positions worth trying, in order
    (:mod:`kg.resolve.candidates`); all when None. Inside an article, ties go to the
    group told nearest (the closest offset), then to the earlier one; across articles,
    a tie between events leaves ``g`` on its own.
    """
    best, best_key, best_reasons, best_at = None, None, [], -1
    totals = []
    for i in range(len(groups)) if only is None else only:
        other = groups[i]
        if across and other.articles & g.articles or veto(other, g, by_id) is not None:
            continue
        reasons = evidence(other, g, by_id)
        if story and any(groups[k].articles & other.articles for k in story if k != i):
            reasons.append((1.0, "the articles tell another event together"))
        total = score(reasons)
        if total < threshold:
            continue
        totals.append(total)
        key = (total, -_distance(other, first), -i)
        if best_key is None or key > best_key:
            best, best_key, best_reasons, best_at = other, key, reasons, i
    if across and best_key is not None and totals.count(best_key[0]) > 1:
        best = None     # two events of other articles it fits equally well: which one it is, is unknown
    if best is None:
        if not append:
            return -1
        groups.append(g)
        return len(groups) - 1
    first.mention.resolution = [reason for _, reason in best_reasons]
    best.absorb(g)
    return best_at


def _borrowed_noun(r: Report) -> bool:
    """A noun whose parties are only its sentence's subject ("Putin said Russia will work on a
    memorandum on a possible peace accord", "… to inform him of the conversation," Trump said):
    as good as bare."""
    return r.nominal and r.mention.rule.endswith(":sentence-subject")


def _told_before(g: Group, r: Report) -> bool:
    """Whether the group has a mention in ``r``'s article before it."""
    return any(x.article == r.article and x.mention.trigger.start < r.mention.trigger.start for x in g.members)


def _distance(g: Group, r: Report) -> int:
    """How far, in characters, the group's nearest mention in ``r``'s article is (others: far)."""
    same = [abs(x.mention.trigger.start - r.mention.trigger.start) for x in g.members if x.article == r.article]
    return min(same, default=10 ** 9)


def _make_events(clusters: list[Group]) -> list[Event]:
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


def _base_id(ev: Event, c: Group) -> str:
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
