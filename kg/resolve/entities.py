"""Actors and places: resolving mentions of all articles to entities.

``resolve_entities(parsed, mentions)`` fills ``entity_ids`` of every mention
it can resolve and returns one :class:`~kg.model.Entity` per real-world
entity across articles, with a language-neutral id: names of one person
cluster in an article and merge across articles; bare titles go to their
holder; pronouns and group phrases point back to the persons and countries
before them (:mod:`kg.resolve.pointers`).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from kg import lang as languages
from kg.extract import gazetteer as gz
from kg.extract import ids
from kg.extract.entities import mention_name, name_words, subsequence
from kg.extract.text import fold, name_key, words
from kg.extract.vocab import vocab
from kg.model import Entity, EntityMention, ParsedArticle
from kg.resolve import pointers

# a shorter name joins the most-told of several fuller ones only when it is told this many times as often
HOST_MARGIN = 3


@dataclass
class _Cluster:
    """Name mentions of one person (or unknown) inside one article."""

    article: str
    mentions: list[EntityMention] = field(default_factory=list)
    names: list[str] = field(default_factory=list)

    @property
    def longest(self) -> str:
        return max(self.names, key=lambda n: (len(name_words(n)), len(n)))

    @property
    def type(self) -> str:
        return "Person" if any(m.type == "Person" for m in self.mentions) else "Unknown"


def _article_clusters(mentions: list[EntityMention], lang: str) -> list[_Cluster]:
    """Groups an article's names: "Zelensky" joins "Volodymyr Zelensky" (subsequence)."""
    named = [(m, n) for m in mentions if m.type in ("Person", "Unknown") and (n := mention_name(m, lang))]
    clusters: list[_Cluster] = []
    for m, n in sorted(named, key=lambda mn: (-len(name_words(mn[1])), mn[0].start)):
        words = name_words(n)
        fits = [c for c in clusters if subsequence(words, name_words(c.longest)) and _same_office(m, c)]
        if fits:
            before = [c for c in fits if min(x.start for x in c.mentions) < m.start]
            pick = max(before, key=lambda c: max(x.start for x in c.mentions if x.start < m.start)) \
                if before else fits[0]
        else:
            pick = _Cluster(m.article_id)
            clusters.append(pick)
        pick.mentions.append(m)
        pick.names.append(n)
    return clusters


def _merge_clusters(clusters: list[_Cluster]) -> dict[int, str]:
    """Cluster index → entity id, one id per real-world person or unknown across articles."""
    by_key: dict[str, list[int]] = {}
    for k, c in enumerate(clusters):
        by_key.setdefault(name_key(c.longest), []).append(k)
    # longest names first: a name with no fuller form in its article ("Donny Ermawan", "Putin")
    # joins the one fuller name elsewhere it is part of ("Donny Ermawan Taufanto", "Vladimir Putin")
    groups = sorted(by_key.values(), key=lambda g: -len(name_words(clusters[g[0]].longest)))
    merged: list[list[int]] = []
    containing: dict[str, list[int]] = {}    # word → positions in ``merged`` of the names with it
    for g in groups:
        words = name_words(clusters[g[0]].longest)
        fuller = [merged[i] for i in containing.get(words[0], [])] if words else []
        hosts = [f for f in fuller if len(name_words(clusters[f[0]].longest)) > max(len(words), 1)
                 and subsequence(words, name_words(clusters[f[0]].longest))]
        host = _likely_host(hosts, clusters)
        if host is not None:
            host.extend(g)
            continue
        merged.append(g)
        for w in set(words):
            containing.setdefault(w, []).append(len(merged) - 1)
    chosen: dict[int, str] = {}
    for g in merged:
        members = [clusters[k] for k in g]
        label = _best_name(n for c in members for n in c.names)
        make = ids.person if any(c.type == "Person" for c in members) else ids.unknown
        for k in g:
            chosen[k] = make(label)
    return chosen


def _same_office(m: EntityMention, c: _Cluster) -> bool:
    """A titled name is not a namesake with another title ("President Trump" is not
    "first lady Melania Trump"): titles that share no word keep them apart."""
    mine = set(words(m.title)) if m.title else set()
    theirs = [set(words(x.title)) for x in c.mentions if x.title]
    return not mine or not theirs or any(mine & t for t in theirs)


def _likely_host(hosts: list[list[int]], clusters: list[_Cluster]) -> list[int] | None:
    """The fuller name a shorter one joins: the only one, or the one the articles name
    far more often than any other ("Trump": Donald Trump, not Melania Trump)."""
    if len(hosts) <= 1:
        return hosts[0] if hosts else None
    told = sorted(((sum(len(clusters[k].mentions) for k in h), i) for i, h in enumerate(hosts)), reverse=True)
    return hosts[told[0][1]] if told[0][0] >= HOST_MARGIN * told[1][0] else None


def _best_name(names) -> str:
    """The canonical form: the most frequent of the longest full names, spelled out in words
    ("Yoon Suk Yeol" over "Yoon Suk-yeol" when both are as frequent)."""
    counts = Counter(names)
    return max(counts, key=lambda n: (len(name_words(n)), counts[n], len(n.split()), len(n), n))


def _resolve_titles(mentions: list[EntityMention], lang_of: dict[str, str]) -> None:
    """A title with no name ("Presiden Korea Selatan") → the person holding it.

    First the holder named in the same article (nearest), then the only holder
    named anywhere, else the office itself as a person entity. Titles compare in
    their English form, so "Presiden AS" and "the U.S. president" are one office;
    a generic one ("the U.S. leader") is held by the person named with one of the
    offices the language's ``generic_titles`` list for it.
    """
    def office(m: EntityMention) -> str:
        return vocab(lang_of[m.article_id]).title_en.get(fold(m.title or ""), m.title or "")

    holders: dict[tuple[str, str | None], set[str]] = {}
    serves: dict[str, set[str]] = {}      # person → the countries their titles name anywhere
    for m in mentions:
        if m.source == "title" and m.entity_ids and m.title:
            holders.setdefault((office(m), m.affiliation), set()).add(m.entity_ids[0])
            if m.affiliation:
                serves.setdefault(m.entity_ids[0], set()).add(m.affiliation)

    def holds(c: EntityMention, offices: frozenset[str], affiliation: str | None) -> bool:
        # "President Donald Trump" holds "the president of the United States" when another
        # mention anywhere ("U.S. President Donald Trump") tells whose president he is
        return office(c) in offices and (c.affiliation == affiliation or (
            c.affiliation is None and affiliation in serves.get(c.entity_ids[0], ())))

    for m in mentions:
        if m.source != "title" or m.entity_ids:
            continue
        own = office(m)
        offices = frozenset({own, *vocab(lang_of[m.article_id]).generic_titles.get(own, ())})
        same = [c for c in mentions if c.article_id == m.article_id and c.entity_ids
                and holds(c, offices, m.affiliation)]
        if same:
            m.entity_ids = [min(same, key=lambda c: (abs(c.start - m.start), c.start)).entity_ids[0]]
        elif len(holders.get((own, m.affiliation), ())) == 1:
            m.entity_ids = [next(iter(holders[(own, m.affiliation)]))]
        else:
            m.entity_ids = [ids.office_holder(own, m.affiliation)]


def resolve_entities(parsed: list[ParsedArticle], mentions: list[EntityMention]) -> list[Entity]:
    """Resolve mentions to entities (filling ``entity_ids``) and return the entities, by id."""
    order = {p.article.id: k for k, p in enumerate(parsed)}
    lang_of = {p.article.id: p.article.language for p in parsed}
    texts = {p.article.id: p.article.text for p in parsed}
    sentences = {p.article.id: {s.index: s for s in p.sentences} for p in parsed}
    by_article: dict[str, list[EntityMention]] = {}
    for m in sorted(mentions, key=lambda m: (order.get(m.article_id, len(order)), m.article_id, m.start)):
        by_article.setdefault(m.article_id, []).append(m)

    clusters = [c for aid, ms in by_article.items() for c in _article_clusters(ms, lang_of[aid])]
    chosen = _merge_clusters(clusters)
    for k, c in enumerate(clusters):
        for m in c.mentions:
            m.entity_ids = [chosen[k]]
    _adopt_known(mentions)
    _resolve_titles(mentions, lang_of)
    for m in mentions:     # a name typed by its other mentions (in other articles) takes their type
        if m.type == "Unknown" and m.entity_ids:
            m.type = ids.type_of(m.entity_ids[0]) or "Unknown"
            m.type_source = "other mentions" if m.type != "Unknown" else ""
    for aid, ms in by_article.items():
        pointers.resolve_pointers(ms, texts.get(aid, ""), vocab(lang_of[aid]), sentences.get(aid))
    return _entities(mentions, lang_of)


def _adopt_known(mentions: list[EntityMention]) -> None:
    """An unknown name that is elsewhere a typed entity's surface form is that entity."""
    known: dict[str, set[str]] = {}
    for m in mentions:
        if m.entity_ids and ids.kind(m.entity_ids[0]) != "unknown" and m.source not in ("pronoun", "group"):
            known.setdefault(name_key(m.text), set()).add(m.entity_ids[0])
    places = {i for m in mentions for i in m.entity_ids if ids.kind(i) == "place"}
    titled = {i for m in mentions if m.source == "title" for i in m.entity_ids}     # persons for sure
    for m in mentions:
        if m.entity_ids and ids.kind(m.entity_ids[0]) in ("unknown", "person") and m.entity_ids[0] not in titled \
                and ids.place(m.text) in places:
            m.entity_ids, m.type = [ids.place(m.text)], "Place"   # "Natuna" beside "Natuna Island"
        elif m.entity_ids and ids.kind(m.entity_ids[0]) == "unknown":
            hit = known.get(name_key(m.text), set())
            if len(hit) == 1:
                m.entity_ids = [next(iter(hit))]


def _entities(mentions: list[EntityMention], lang_of: dict[str, str]) -> list[Entity]:
    grouped: dict[str, list[EntityMention]] = {}
    for m in mentions:
        for eid in m.entity_ids:
            grouped.setdefault(eid, []).append(m)
    out = []
    for eid in sorted(grouped):
        ms = sorted(grouped[eid], key=lambda m: (m.article_id, m.start))
        named = [m for m in ms if m.source not in ("pronoun", "group")]
        e = Entity(eid, _entity_type(eid, named), "", {m.text for m in named}, mentions=ms)
        e.type_source = _type_source(e.type, named)
        _describe(e, named, lang_of)
        out.append(e)
    return out


def _entity_type(eid: str, named: list[EntityMention]) -> str:
    if ids.type_of(eid):
        return ids.type_of(eid)
    types = {m.type for m in named} - {"Unknown"}
    return types.pop() if len(types) == 1 else "Unknown"


def _type_source(typ: str, named: list[EntityMention]) -> str:
    """The commonest evidence of the mentions that carry the entity's type ("" when untyped)."""
    sources = Counter(m.type_source for m in named if m.type == typ and m.type_source)
    return sources.most_common(1)[0][0] if sources and typ != "Unknown" else ""


def _describe(e: Entity, named: list[EntityMention], lang_of: dict[str, str]) -> None:
    """Canonical label (English where known), affiliation and coordinates."""
    prefix, rest = ids.kind(e.id), ids.key(e.id)
    known = gz.entity_labels().get(e.id)
    if known:
        e.label, _, e.affiliation = known
    elif prefix == "geonames":
        place = gz.place_by_id(int(rest))
        if place:
            e.label, e.geonames_id, e.lat, e.lon = place.name, place.geonames_id, place.lat, place.lon
            e.affiliation = ids.country(place.country)
    elif prefix == "force":
        e.label, e.affiliation = force_label(rest), ids.country(rest)
    elif prefix == "person":
        names = [n for m in named if (n := mention_name(m, lang_of[m.article_id]))]
        affils = Counter(m.affiliation for m in named if m.affiliation)
        e.affiliation = affils.most_common(1)[0][0] if affils else None
        if names:
            e.label = _best_name(names)
        elif named:
            m = named[0]
            title_en = vocab(lang_of[m.article_id]).title_en.get(fold(m.title or ""), m.title or "")
            e.label = languages.label("office_holder", title=title_en, country=_label_of(m.affiliation)) \
                if m.affiliation else title_en
    if not e.label:
        counts = Counter(m.text for m in named)
        e.label = max(counts, key=lambda t: (counts[t], len(t), t)) if counts else rest
        affils = Counter(m.affiliation for m in named if m.affiliation)
        e.affiliation = e.affiliation or (affils.most_common(1)[0][0] if affils else None)


def _label_of(entity_id: str) -> str:
    known = gz.entity_labels().get(entity_id)
    return known[0] if known else ids.key(entity_id)


@lru_cache(maxsize=None)
def force_label(code: str) -> str:
    """"North Korean armed forces" (English demonym when known, else the country name)."""
    for alias, entry in ((a, e) for bucket in gz.names().phrases.values() for a, e in bucket):
        if entry.kind == "demonym" and entry.id == ids.country(code):
            return languages.label("force", demonym=alias)
    return languages.label("force_of", country=gz.country_label(code))
