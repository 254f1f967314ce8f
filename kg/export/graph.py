"""The event graph in memory: a networkx MultiDiGraph that export and view read.

Nodes are keyed ``event:<id>``, ``entity:<id>`` and ``article:<id>`` and hold the
typed objects of :mod:`kg.export.view` (made here from the build's
:mod:`kg.model` objects); edges carry their role: event → entity for
participants and places (speaker, agent, participant, addressee, force,
destination, origin, beneficiary, place, …), event → event ``about``,
event → article ``reported_in``, entity → entity ``affiliation``.
"""
from __future__ import annotations

import networkx as nx

from kg import lang as languages
from kg.export.view import (
    ArticleNode,
    EntityNode,
    EventNode,
    Evidence,
    add,
    article_key,
    entity_key,
    event_key,
    link,
)
from kg.model import Article, Entity, Event, EventMention

GIST_WORDS = 5   # how much of what was said a statement's label shows


def _names(event: Event, entities: dict[str, Entity]) -> str:
    """Who is involved, the main roles first, at most three names."""
    names: list[str] = []
    for role in ("speaker", "agent", "participant", "addressee", "force"):
        for eid in event.roles.get(role, []):
            name = entities[eid].label if eid in entities else eid
            if name not in names:
                names.append(name)
    return " – ".join(names[:3])


def _gist(text: str) -> str:
    words = text.split()
    return " ".join(words[:GIST_WORDS]).rstrip(",;:") + ("…" if len(words) > GIST_WORDS else "")


def _said(event: Event, entities: dict[str, Entity], events: dict[str, Event]) -> str:
    """What a statement says, briefly: its quote, else the event it is about, else its sentence from the
    trigger on; so that a speaker's statements are told apart at a glance."""
    mentions = sorted(event.mentions, key=lambda m: (m.article_id, m.trigger.start))
    quote = next((m.quote for m in mentions if m.quote), None)
    if quote:
        return f"“{_gist(quote)}”"
    about = [events[t] for t in event.about if t in events]
    if about:
        who = _names(about[0], entities)
        return languages.label("statement_about", type=about[0].type) + (f" ({who})" if who else "")
    for m in mentions:
        at = m.sentence_text.find(m.trigger_text)
        if m.trigger_text and at >= 0:
            return _gist(m.sentence_text[at:])
    return ""


def event_label(event: Event, entities: dict[str, Entity], events: dict[str, Event] | None = None) -> str:
    """What happened, at a glance: "Call · Zelensky – Yoon Suk Yeol · 2024-10-29"; a statement adds
    what was said: "Statement · Yoon Suk Yeol: “Korea Selatan akan terus mendukung…”"."""
    names = _names(event, entities)
    if event.type == "Statement":
        said = _said(event, entities, events or {})
        names = f"{names}: {said}" if names and said else names or said
    parts = [event.type] + ([names] if names else []) + ([event.date.isoformat()] if event.date else [])
    return " · ".join(parts)


def build_graph(articles: list[Article], entities: list[Entity], events: list[Event]) -> nx.MultiDiGraph:
    """Assemble the graph; node and edge order follow the (sorted) inputs."""
    g = nx.MultiDiGraph()
    by_id = {e.id: e for e in entities}
    events_by_id = {e.id: e for e in events}
    for a in sorted(articles, key=lambda a: a.id):
        add(g, article_key(a.id), ArticleNode(path=a.id, title=a.title, outlet=a.outlet, url=a.url,
                                              published=a.published.isoformat() if a.published else None,
                                              language=a.language, text=a.text))
    for e in sorted(entities, key=lambda e: e.id):
        add(g, entity_key(e.id), EntityNode(
            kind="place" if e.type == "Place" else "actor", type=e.type, label=e.label,
            aliases=sorted(e.aliases - {e.label}), affiliation=e.affiliation, geonames_id=e.geonames_id,
            lat=e.lat, lon=e.lon, mention_count=len(e.mentions), type_source=e.type_source))
    for e in sorted(entities, key=lambda e: e.id):
        if e.affiliation and e.affiliation in by_id:
            link(g, entity_key(e.id), entity_key(e.affiliation), "affiliation")
    for ev in sorted(events, key=lambda e: e.id):
        mentions = [_evidence(m) for m in sorted(ev.mentions, key=lambda m: (m.article_id, m.trigger.start))]
        add(g, event_key(ev.id), EventNode(type=ev.type, label=event_label(ev, by_id, events_by_id),
                                           date=ev.date.isoformat() if ev.date else None,
                                           modality=list(ev.modality), quantity=ev.quantity, mentions=mentions))
        for role in sorted(ev.roles):
            for eid in ev.roles[role]:
                if eid in by_id:
                    link(g, event_key(ev.id), entity_key(eid), role)
        for art in sorted({m.article_id for m in ev.mentions}):
            link(g, event_key(ev.id), article_key(art), "reported_in")
    for ev in sorted(events, key=lambda e: e.id):
        for target in ev.about:
            link(g, event_key(ev.id), event_key(target), "about")
    return g


def _evidence(m: EventMention) -> Evidence:
    return Evidence(article=m.article_id, begin=m.trigger.start, end=m.trigger.end, anchor=m.trigger_text,
                    sentence=m.sentence_text, rule=m.rule, confidence=m.confidence, quote=m.quote, medium=m.medium,
                    date_text=m.date_text, modality=list(m.modality), via=m.via,
                    time_value=m.time.iso() if m.time else None,
                    time_granularity=m.time.granularity if m.time else None, resolution=list(m.resolution))
