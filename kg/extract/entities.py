"""Actors and places: finding their mentions in one article.

API:

* ``find_mentions(parsed)`` — every actor or place mention of one article
  (outside boilerplate), sorted, non-overlapping and maximal: names, titles
  ("Presiden Ukraina X"), gazetteer countries, regions and places, actor-file
  organisations, armed forces ("tentara Korea Utara"), pronouns (ia, dia,
  beliau, the clitic "nya") and group phrases ("kedua pemimpin"). Mentions
  whose entity the gazetteers already know carry its id in ``entity_ids``.
* ``mention_at(mentions, start, end)`` — the mention that best overlaps a span.
* ``mention_name(m, lang)`` — the personal name a mention spells, which the
  resolver (:mod:`kg.resolve.entities`) compares across articles.

Stanza has no Indonesian NER, so types come only from evidence: a title, a
force noun, a gazetteer or actor-file entry, an organisation head noun or
source cue, a place word, or another mention of the same name in the
article. A name with none of these stays ``Unknown``. The words themselves
are read by :mod:`kg.extract.scanner`.
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg.extract import gazetteer as gz
from kg.extract import ids
from kg.extract.scanner import Draft, Scanner
from kg.extract.text import fold
from kg.extract.vocab import Vocab, vocab
from kg.extract.words import FUNCTION_UPOS, OPENERS, Word, sentence_words, text_words
from kg.model import EntityMention, ParsedArticle, Span


def find_mentions(parsed: ParsedArticle) -> list[EntityMention]:
    """All actor and place mentions of an article (from its headline on), outside boilerplate, by offset."""
    art = parsed.article
    lang = art.language
    v = vocab(lang)
    sentences = [(s, sentence_words(s, art.body_start)) for s in parsed.sentences]
    lowercase = frozenset(fold(w.text) for _, ws in sentences for w in ws if w.text.islower())
    body = [ws for _, ws in sentences if not any(w.headline for w in ws)]
    running = frozenset(fold(w.text) for ws in body for k, w in enumerate(ws)
                        if w.cap and k and ws[k - 1].text not in OPENERS) if body else None
    countries = _article_countries([ws for _, ws in sentences], v)
    out: list[EntityMention] = []
    places: dict[int, gz.Place] = {}     # id(mention) → the place an untyped name may be
    for s, ws in sentences:
        drafts = Scanner(ws, v, lowercase, countries, running).scan()
        _apposition(drafts, ws)
        _force_owners(drafts, ws, v, [m for m in out if m.type == "ArmedForce" and m.entity_ids])
        for d in drafts:
            start = d.start if d.start is not None else ws[d.i].start
            end = d.end if d.end is not None else ws[d.j - 1].end
            if art.is_boilerplate(Span(start, end)):
                continue
            out.append(EntityMention(art.id, s.index, start, end, art.text[start:end], d.type, d.title,
                                     d.affiliation, d.source, list(d.ids)))
            if d.place:
                places[id(out[-1])] = d.place
    _propagate_person(out, lang)
    _type_places(out, places)
    return sorted(out, key=lambda m: (m.start, m.end))


def _article_countries(sentences: list[list[Word]], v: Vocab) -> frozenset[str]:
    """ISO codes of the countries an article names (to prefer places in them)."""
    codes = set()
    for ws in sentences:
        sc = Scanner(ws, v)
        for i in range(len(ws)):
            m = sc.name_at(i, ("country",))
            if m:
                codes.add(ids.key(m[0].id))
    return frozenset(codes)


def _apposition(drafts: list[Draft], ws: list[Word]) -> None:
    """"Yoon, Presiden Korea Selatan, ..." — the name takes the title that follows it."""
    for a, b in zip(drafts, drafts[1:]):
        if (a.source == "propn" and a.type == "Unknown" and b.source == "title" and b.name is None
                and b.i == a.j + 1 and ws[a.j].text == ","):
            a.type, a.title, a.affiliation = "Person", b.title, b.affiliation


def _force_owners(drafts: list[Draft], ws: list[Word], v: Vocab, earlier: list[EntityMention]) -> None:
    """Troops with no country named after them get the one the context gives.

    In the tree: the subject of the verb they are the object of ("Korea Utara
    yang mengirim tentara"); in the words (for headlines, which the parser
    reads poorly): a country right before that verb ("Korut Kirim Tentara");
    a named unit or force they hold ("1.090 prajurit yang tergabung dalam Satgas
    … Kontingen Garuda"); otherwise the last troops the article named, which
    bare troops in news point back to ("para prajurit", "pasukan tersebut"),
    when all the forces it named so far serve one country.
    """
    def country_at(k: int) -> str | None:
        for d in drafts:
            if d.i <= k < d.j and d.ids and ids.kind(d.ids[0]) == "country":
                return d.ids[0]
            if d.i <= k < d.j and d.type == "Person" and d.affiliation:
                # "Panglima TNI Kirim Prajurit": an officer sends the troops of the force or country he serves
                if ids.kind(d.affiliation) == "force":
                    return ids.country(ids.key(d.affiliation))
                return d.affiliation if ids.kind(d.affiliation) == "country" else None
        return None

    by_id = {w.id: k for k, w in enumerate(ws) if w.id}
    for d in drafts:
        if d.type != "ArmedForce" or d.affiliation or d.ids:
            continue
        owner = None
        verb = by_id.get(ws[d.j - 1].head)
        if verb is not None and ws[d.j - 1].deprel == "obj":
            subject = (by_id.get(ws[verb].head) if ws[verb].deprel.startswith("acl")
                       else next((k for k, w in enumerate(ws) if w.head == ws[verb].id
                                  and w.deprel.startswith("nsubj")), None))
            owner = country_at(subject) if subject is not None else None
        verb_at = d.i - 1
        while verb_at > 0 and ws[verb_at].upos == "NUM":      # "Kirim 1.090 Prajurit"
            verb_at -= 1
        if owner is None and verb_at >= 1 and ws[verb_at].upos not in FUNCTION_UPOS:
            owner = country_at(verb_at - 1)
        if owner:
            d.affiliation, d.ids = owner, [ids.force(owner)]
            continue
        held = next((u for u in drafts if u.type == "ArmedForce" and u.ids and u.i >= d.j
                     and _governed(ws, by_id, u.i, ws[d.j - 1].id)), None)
        if held is not None:
            d.affiliation, d.ids = held.affiliation, list(held.ids)
        elif earlier and len({m.affiliation for m in earlier if m.affiliation}) <= 1:
            # the forces named so far serve one country (a unit of no known country serves any)
            d.affiliation, d.ids = earlier[-1].affiliation, list(earlier[-1].entity_ids)


def _governed(ws: list[Word], by_id: dict[int, int], k: int, head: int, depth: int = 3) -> bool:
    """Is word ``k`` within ``depth`` steps below the word with id ``head`` in the tree?"""
    for _ in range(depth):
        if ws[k].head == head:
            return True
        if ws[k].head not in by_id:
            return False
        k = by_id[ws[k].head]
    return False


def name_words(text: str) -> list[str]:
    return [fold(w) for w in re.findall(r"\w+", text)]


def subsequence(short: list[str], long: list[str]) -> bool:
    it = iter(long)
    return bool(short) and all(w in it for w in short)


def _propagate_person(mentions: list[EntityMention], lang: str) -> None:
    """A bare name that is part of a titled person's name in the article is that person."""
    persons = [name_words(n) for m in mentions if m.type == "Person" and (n := mention_name(m, lang))]
    for m in mentions:
        if m.type == "Unknown" and m.source == "propn":
            words = name_words(m.text)
            if any(subsequence(words, p) for p in persons):
                m.type = "Person"


def _type_places(mentions: list[EntityMention], places: dict[int, gz.Place]) -> None:
    """A name still untyped (not a person of the article) that GeoNames knows is a place."""
    for m in mentions:
        place = places.get(id(m))
        if place and m.type == "Unknown":
            m.type, m.source, m.entity_ids = "Place", "gazetteer", [place.id]


@lru_cache(maxsize=4096)
def _split_title(text: str, lang: str) -> tuple[str | None, str | None]:
    """The name part of a titled mention's text (and the title): re-read with the scanner."""
    ws = text_words(text)
    drafts = Scanner(ws, vocab(lang)).scan()
    for d in drafts:
        if d.source == "title":
            name = " ".join(w.text for w in ws[d.name[0]:d.name[1]]) if d.name else None
            return name, d.title
    return None, None


def mention_name(m: EntityMention, lang: str) -> str | None:
    """The personal (or unknown) name a mention spells, without its title or an editor's
    brackets ("[Volodymyr] Zelensky"): None if none."""
    if m.source == "title":
        name = _split_title(m.text, lang)[0]
    elif m.source == "propn" and m.type in ("Person", "Unknown"):
        name = m.text
    else:
        return None
    return " ".join(name.replace("[", " ").replace("]", " ").split()) if name else None


def mention_at(mentions: list[EntityMention], start: int, end: int) -> EntityMention | None:
    """The mention that overlaps ``[start, end)`` most (ties: the tighter, then the earlier)."""
    best, best_key = None, None
    for m in mentions:
        overlap = min(end, m.end) - max(start, m.start)
        if overlap <= 0 and not (start == end and m.start <= start < m.end):
            continue
        key = (overlap, -(m.end - m.start), -m.start)
        if best_key is None or key > best_key:
            best, best_key = m, key
    return best
