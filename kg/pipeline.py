"""The build: read → parse → extract → resolve → graph, as pure stages."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from kg.model import Article, Entity, EntityMention, Event, EventMention, ParsedArticle, Skipped


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


def extract(parsed: ParsedArticle) -> tuple[list[EntityMention], list[EventMention]]:
    """Entity and event mentions of one parsed article."""
    from kg import entities, events

    mentions = entities.find_mentions(parsed)
    return mentions, events.extract_events(parsed, mentions)


def build(path: Path | str, lang: str = "id", provider: str = "bundled") -> Result:
    """Build the event graph for a file or folder of articles."""
    from kg import nlp, read, resolve
    from kg.graph import build_graph

    result = Result()
    for item in read.read_path(Path(path)):
        if isinstance(item, Skipped):
            result.skipped.append(item)
            continue
        result.articles.append(item)
        parsed = ParsedArticle(item, nlp.get_parser(lang, provider).parse(item))
        result.parsed.append(parsed)
        ents, evs = extract(parsed)
        result.entity_mentions += ents
        result.event_mentions += evs
    result.entities, result.events = resolve.resolve(result.parsed, result.entity_mentions, result.event_mentions)
    result.graph = build_graph(result.articles, result.entities, result.events)
    return result
