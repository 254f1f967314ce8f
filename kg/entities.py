"""Actors and places: finding their mentions, and resolving them to entities.

API:

* ``find_mentions(parsed)`` — every actor or place mention of one article
  (outside boilerplate), sorted, non-overlapping and maximal: names, titles
  ("Presiden Ukraina X"), gazetteer countries, regions and places, actor-file
  organisations, armed forces ("tentara Korea Utara"), pronouns (ia, dia,
  beliau, the clitic "nya") and group phrases ("kedua pemimpin"). Mentions
  whose entity the gazetteers already know carry its id in ``entity_ids``.
* ``mention_at(mentions, start, end)`` — the mention that best overlaps a span.
* ``resolve_entities(parsed, mentions)`` — fills ``entity_ids`` of every
  mention it can resolve and returns one :class:`Entity` per real-world
  entity across articles, with a language-neutral id.

Stanza has no Indonesian NER, so types come only from evidence: a title, a
force noun, a gazetteer or actor-file entry, an organisation head noun or
source cue, a place word, or another mention of the same name in the
article. A name with none of these stays ``Unknown``.

The scanner reads tokens left to right as plain words (text, POS, offsets):
token sequences and capitalisation carry names where the modest parser's
trees fail; the tree adds lowercase name particles (``flat``).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from kg import gazetteer as gz
from kg.gazetteer import Entry, Lexicon, fold, name_key, slug
from kg.model import Entity, EntityMention, ParsedArticle, Sentence, Span

# POS that never start or continue a capitalised name
FUNCTION_UPOS = {"ADP", "CCONJ", "SCONJ", "PRON", "DET", "AUX", "PART", "PUNCT", "NUM", "SYM"}
# a capitalised word after these (or first in the sentence) may just be capitalised by position
OPENERS = {'"', "“", "”", "'", "‘", "’", "(", "[", ":", "-", "–", "—", ".", "!", "?", "…"}
QUOTES = '"“”«»„'
# a sentence whose words are this capitalised is a headline: only PROPN-tagged words are names
HEADLINE_CAPS = 0.75
NAME_KINDS = ("country", "actor", "region")
# a bare name (no place word, no locative preposition before it) is a GeoNames place only
# for a city this big: many people are named like some town ("Norman", "Roy")
BARE_PLACE_MIN_POPULATION = 1_000_000
# the type every entity id prefix stands for (unknown/… has none)
PREFIX_TYPES = {"country": "Country", "geonames": "Place", "place": "Place", "region": "Place",
                "org": "Organization", "force": "ArmedForce", "person": "Person"}


@dataclass
class _W:
    """A word as the scanner reads it."""

    text: str
    start: int
    end: int
    upos: str = "X"
    deprel: str = ""
    lemma: str = ""
    initial: bool = False   # capitalised by position (sentence start, after a quote)
    id: int = 0             # the token's id and head in its sentence's tree (0: none)
    head: int = 0
    headline: bool = False  # in a title-case line, where every word is capitalised

    @property
    def cap(self) -> bool:
        return self.text[:1].isupper()


@dataclass
class _Draft:
    """A mention found by the scanner, over words ``[i, j)``."""

    i: int
    j: int
    type: str
    source: str
    title: str | None = None
    affiliation: str | None = None
    ids: list[str] = field(default_factory=list)
    name: tuple[int, int] | None = None      # words of the person/unknown name
    place: "gz.Place | None" = None          # the GeoNames place an untyped name may be
    start: int | None = None                 # char offsets when not the words' own ("katanya")
    end: int | None = None
    skip: bool = False                       # consumed words that are no mention (a lone demonym)


@dataclass(frozen=True)
class Vocab:
    """One language's vocabularies, from its kg/lang/<code>/*.yaml files."""

    titles: Lexicon
    title_en: dict[str, str]
    affiliation_before: bool
    affiliation_after: bool
    links: Lexicon
    forces: Lexicon
    attributive: frozenset[str]
    alone: frozenset[str]
    anaphoric: Lexicon
    force_before: bool
    place_before: Lexicon
    place_after: Lexicon
    locatives: Lexicon
    org_heads: Lexicon
    org_cues: Lexicon
    pronouns: frozenset[str]
    nya_not_after: frozenset[str]
    speaker_hosts: frozenset[str]
    groups: Lexicon


def _lexicon(kind: str, phrases) -> Lexicon:
    lex = Lexicon()
    for p in phrases or []:
        lex.add(p, Entry(kind, id=p))
    return lex


@lru_cache(maxsize=None)
def vocab(lang: str) -> Vocab:
    """The vocabularies of ``lang``, read once per process."""
    titles = gz.lang_data(lang, "titles")
    forces = gz.lang_data(lang, "forces")
    places = gz.lang_data(lang, "places")
    actors = gz.lang_data(lang, "actors")
    pron = gz.lang_data(lang, "pronouns")
    groups = Lexicon()
    for phrase, spec in (pron.get("groups") or {}).items():
        groups.add(phrase, Entry("group", id=phrase, type=spec["type"], count=int(spec["count"])))
    position = titles.get("affiliation", "after")
    return Vocab(
        titles=_lexicon("title", titles.get("titles")),
        title_en={fold(k): v for k, v in (titles.get("titles") or {}).items()},
        affiliation_before=position in ("before", "both"),
        affiliation_after=position in ("after", "both"),
        links=_lexicon("link", titles.get("links")),
        forces=_lexicon("force", forces.get("nouns")),
        attributive=frozenset(fold(w) for w in forces.get("attributive") or []),
        alone=frozenset(fold(w) for w in forces.get("alone") or []),
        anaphoric=_lexicon("anaphoric", forces.get("anaphoric")),
        force_before=forces.get("country", "after") == "before",
        place_before=_lexicon("place_word", places.get("before")),
        place_after=_lexicon("place_word", places.get("after")),
        locatives=_lexicon("locative", places.get("locatives")),
        org_heads=_lexicon("org_head", actors.get("org_heads")),
        org_cues=_lexicon("org_cue", actors.get("org_cues")),
        pronouns=frozenset(fold(w) for w in pron.get("pronouns") or []),
        nya_not_after=frozenset(fold(w) for w in pron.get("nya_not_after") or []),
        speaker_hosts=frozenset(fold(w) for w in pron.get("speaker_hosts") or []),
        groups=groups,
    )


# --- the scanner ---------------------------------------------------------------

class _Scanner:
    """Finds mention drafts in one sentence's words."""

    def __init__(self, ws: list[_W], v: Vocab, lowercase: frozenset[str] = frozenset(),
                 countries: frozenset[str] = frozenset(), running: frozenset[str] | None = None) -> None:
        # lowercase: words the article also writes in lowercase (so not names when capitalised
        # by position); countries: ISO codes the article names (to prefer places in them);
        # running: words the article capitalises inside running text (a headline word that is a
        # name is written so again in the body: "Kirim", "Adakan" are not)
        self.ws, self.v, self.lowercase, self.countries = ws, v, lowercase, countries
        self.running = running
        self.texts = [w.text for w in ws]
        self.names = gz.names()

    # word tests

    def is_name(self, j: int) -> bool:
        w = self.ws[j]
        if not any(c.isalpha() for c in w.text) or fold(w.text) in gz.calendar_words():
            return False
        if w.cap:
            if w.upos in FUNCTION_UPOS:
                return False
            if w.headline and self.running is not None and fold(w.text) not in self.running:
                return False     # a headline fragment ("Kerahkan", "Berunding Soal …"), not a name
            # a capitalised word by position is a name only if tagged so, never seen in lowercase,
            # and its own lemma (the lemmatiser lowercases or strips common words: "Hanya" → "hanya")
            return not w.initial or (w.upos == "PROPN" and fold(w.text) not in self.lowercase
                                     and (not w.lemma or w.lemma == w.text) and not self.vocabulary_word(j))
        # lowercase particles inside a name ("bin", "von der") that the tree attaches as flat
        if not (0 < j and self._particle(j) and (self.ws[j - 1].cap or self._particle(j - 1))):
            return False
        k = j
        while k < len(self.ws) and self._particle(k):
            k += 1
        return k < len(self.ws) and self.ws[k].cap

    def vocabulary_word(self, j: int) -> bool:
        """Does a phrase of kg's own vocabularies start at word ``j`` ("Dilansir dari …")?"""
        return any(lex.match(self.texts, j) for lex in (self.v.org_cues, self.v.locatives, self.v.place_before,
                                                         self.v.forces, self.v.links))

    def _particle(self, j: int) -> bool:
        w = self.ws[j]
        return not w.cap and w.upos == "PROPN" and w.deprel.startswith("flat")

    def name_at(self, i: int, kinds=NAME_KINDS) -> tuple[Entry, int] | None:
        if i >= len(self.ws) or not self.ws[i].cap:
            return None
        return self.names.match(self.texts, i, kinds)

    def starts_other(self, j: int) -> bool:
        """Does a gazetteer name or a title start at word ``j`` (ending a name run)?"""
        return bool(self.name_at(j, (*NAME_KINDS, "demonym")) or self.v.titles.match(self.texts, j))

    def name_run(self, i: int) -> int:
        j = i
        while j < len(self.ws) and self.is_name(j) and (j == i or not self.starts_other(j)):
            j += 1
        return j

    def ends_with(self, lex: Lexicon, end: int) -> bool:
        """Does a phrase of ``lex`` end right before word ``end``?"""
        return any((m := lex.match(self.texts, end - n)) and m[1] == n
                   for n in range(1, min(lex.longest, end) + 1))

    # mention kinds, tried in this order at each word

    def scan(self) -> list[_Draft]:
        out: list[_Draft] = []
        i = 0
        while i < len(self.ws):
            d = (self.group(i) or self.pronoun(i) or self.titled(i) or self.force(i) or self.place_word(i)
                 or self.named(i) or self.org(i) or self.name(i))
            if d is None:
                i += 1
                continue
            if not d.skip:
                out.append(d)
            i = d.j
        return out

    def group(self, i: int) -> _Draft | None:
        m = self.v.groups.match(self.texts, i)
        if m:
            return _Draft(i, i + m[1], m[0].type, "group")
        # "keduanya" as the tokenizer splits it: "kedua" + "nya"
        if i + 1 < len(self.ws) and fold(self.texts[i + 1]) == "nya" and self.ws[i].end == self.ws[i + 1].start:
            m = self.v.groups.match([self.texts[i] + self.texts[i + 1]], 0)
            if m:
                return _Draft(i, i + 2, m[0].type, "group")
        return None

    def pronoun(self, i: int) -> _Draft | None:
        w = self.ws[i]
        f = fold(w.text)
        if f == "nya":
            host = self.ws[i - 1] if i and self.ws[i - 1].end == w.start else None
            if host is not None and fold(host.text) in self.v.nya_not_after:
                return None
            return _Draft(i, i + 1, "Person", "pronoun")
        if f in self.v.pronouns:
            return _Draft(i, i + 1, "Person", "pronoun")
        # a speech verb whose "-nya" the tokenizer left attached ("katanya")
        if f.endswith("nya") and f[:-3] in self.v.speaker_hosts and "nya" in self.v.pronouns:
            return _Draft(i, i + 1, "Person", "pronoun", start=w.end - 3, end=w.end)
        return None

    def affiliation(self, j: int) -> tuple[str, int] | None:
        """A country or organisation a title serves, starting at word ``j``: (id, words)."""
        m = self.name_at(j, ("country", "actor"))
        if m:
            return m[0].id, m[1]
        org = self.org(j)
        return (org.ids[0], org.j - j) if org else None

    def titled(self, i: int) -> _Draft | None:
        affil, k = None, i
        if self.v.affiliation_before:
            m = self.name_at(i, ("country", "actor", "demonym"))
            if m and self.v.titles.match(self.texts, i + m[1]):
                affil, k = m[0].id, i + m[1]
        t = self.v.titles.match(self.texts, k)
        if not t:
            return None
        j = k + t[1]
        if affil is None and self.v.affiliation_after:
            link = self.v.links.match(self.texts, j)
            after = j + (link[1] if link else 0)
            a = self.affiliation(after)
            if a:
                affil, j = a[0], after + a[1]
        name_start = self._past_rank(j)
        j = self.name_run(name_start)
        if j == name_start and j + 1 < len(self.ws) and self.texts[j] == ",":
            # the holder in apposition: "Wakil Menteri Pertahanan, Donny Ermawan"
            held = self._past_rank(j + 1)
            if self.name_run(held) > held:
                name_start, j = held, self.name_run(held)
        if j == name_start and affil is None:
            return None
        return _Draft(i, j, "Person", "title", title=t[0].id, affiliation=affil,
                      name=(name_start, j) if j > name_start else None)

    def _past_rank(self, j: int) -> int:
        """Where the name starts after a rank between office and name ("Panglima TNI Jenderal TNI
        Agus Subiyanto", "Wakil Menteri Pertahanan Marsekal Madya TNI (Purn) Donny Ermawan"): ``j``
        itself when no rank and name follow."""
        rank = self.v.titles.match(self.texts, j)
        if not rank:
            return j
        r = j + rank[1]
        a = self.affiliation(r) if self.v.affiliation_after and r < len(self.ws) else None
        r += a[1] if a else 0
        if r < len(self.ws) and self.texts[r] == "(" and ")" in self.texts[r + 1:r + 4]:
            r = self.texts.index(")", r) + 1            # a note in brackets: "(Purn)"
        return r if self.name_run(r) > r else j

    def force(self, i: int) -> _Draft | None:
        if self.v.force_before:
            m = self.name_at(i, ("country", "demonym"))
            if not m:
                f = self.v.forces.match(self.texts, i)
                alone = f and fold(f[0].id) in self.v.alone
                return _Draft(i, i + f[1], "ArmedForce", "force") if alone else None
            k = i + m[1] + (1 if i + m[1] < len(self.ws) and self.texts[i + m[1]] in ("'s", "’s") else 0)
            f = self.v.forces.match(self.texts, k)
            if not f:
                return None
            code = m[0].id
            return _Draft(i, k + f[1], "ArmedForce", "force", affiliation=code, ids=[_force_id(code)])
        f = self.v.forces.match(self.texts, i)
        if not f:
            return None
        if (fold(f[0].id) in self.v.attributive and i and self.ws[i - 1].upos == "NOUN"
                and not self.ws[i - 1].cap):
            return None
        m = self.name_at(i + f[1], ("country", "demonym"))
        if not m:
            # "tentara" with no country: still troops, whose country the context may tell
            return _Draft(i, i + f[1], "ArmedForce", "force") if fold(f[0].id) in self.v.alone else None
        code = m[0].id
        return _Draft(i, i + f[1] + m[1], "ArmedForce", "force", affiliation=code, ids=[_force_id(code)])

    def place_word(self, i: int) -> _Draft | None:
        p = self.v.place_before.match(self.texts, i)
        if not p:
            return None
        k = i + p[1]
        if self.name_at(k):
            return None          # "wilayah Ukraina": the country itself
        j = self.name_run(k)
        if j == k:
            return None
        whole = self.ws[i].cap and gz.find_place(" ".join(self.texts[i:j]), self.countries)
        return self._place(i, j, " ".join(self.texts[k:j]), whole or None)

    def _place(self, i: int, j: int, name: str, place: gz.Place | None = None) -> _Draft:
        """A place mention named ``name``: GeoNames when it knows it, else a place by its word."""
        place = place or gz.find_place(name, self.countries)
        ids = [place.id] if place else [f"place/{slug(name)}"]
        return _Draft(i, j, "Place", "gazetteer" if place else "propn", ids=ids)

    def named(self, i: int) -> _Draft | None:
        m = self.name_at(i, (*NAME_KINDS, "demonym"))
        if not m:
            return None
        entry, n = m
        if entry.kind == "demonym":
            return _Draft(i, i + n, entry.type, "", skip=True)
        source = "actor" if entry.kind == "actor" else "gazetteer"
        return _Draft(i, i + n, entry.type, source, affiliation=entry.affiliation, ids=[entry.id])

    def org(self, i: int) -> _Draft | None:
        """An organisation by its head noun: "Pusat Perlawanan Nasional Ukraina"."""
        h = self.v.org_heads.match(self.texts, i) if self.ws[i].cap else None
        if not h:
            return None
        j, affil = i + h[1], None
        while j < len(self.ws):
            m = self.name_at(j, ("country", "actor"))
            if m:
                affil, j = m[0].id, j + m[1]
                break     # a country or organisation ends the name: "Kementerian Pertahanan Rusia"
            if not self.is_name(j) or self.v.titles.match(self.texts, j):
                break
            j += 1
        if j == i + h[1]:
            return None
        return _Draft(i, j, "Organization", "propn", affiliation=affil,
                      ids=[f"org/{slug(' '.join(self.texts[i:j]))}"])

    def name(self, i: int) -> _Draft | None:
        j = self.name_run(i)
        if j == i:
            return None
        after = self.v.place_after.match(self.texts, j)
        if after:    # "Kursk Oblast", "Donbas region"
            return self._place(i, j + after[1], " ".join(self.texts[i:j]))
        d = _Draft(i, j, "Unknown", "propn", name=(i, j))
        if self.ends_with(self.v.org_cues, i):
            d.type, d.ids = "Organization", [f"org/{slug(' '.join(self.texts[i:j]))}"]
            return d
        place = gz.find_place(" ".join(self.texts[i:j]), self.countries)
        if place and (self.ends_with(self.v.locatives, i) or place.population >= BARE_PLACE_MIN_POPULATION):
            d.place = place
        return d


def _force_id(country_id: str) -> str:
    return "force/" + country_id.split("/", 1)[1]


# --- find_mentions -------------------------------------------------------------

def _words(sentence: Sentence, body_start: int) -> list[_W]:
    toks = [t for t in sentence.tokens if t.start >= body_start]   # site banners before the headline
    texts = [t.text for t in toks]
    ws = []
    for k, t in enumerate(toks):
        initial = k == 0 or toks[k - 1].text in OPENERS
        w = _W(t.text, t.start, t.end, t.upos, t.deprel, t.lemma, initial, t.id, t.head)
        ws.extend(_hyphen_pair(w, texts, k) or [w])
    alpha = [w for w in ws if w.text[:1].isalpha()]
    if len(alpha) >= 4 and sum(w.cap for w in alpha) >= HEADLINE_CAPS * len(alpha):
        # a title line has no closing stop; a sentence dense with names has one
        titled = bool(ws) and ws[-1].text not in (".", "!", "?")
        for w in ws:
            w.initial, w.headline = True, titled
    return ws


def _hyphen_pair(w: _W, texts: list[str], k: int) -> list[_W] | None:
    """The words of a hyphenated pair of known countries or actors ("AS-China", "Rusia-Ukraina",
    "Korea Utara-Korea Selatan"), which the tokenizer keeps as one token: each side is its own
    name, at its own offsets. A side may end or start a longer name in the neighbouring words
    (``texts`` are the sentence's token texts, ``k`` the index of ``w``'s token)."""
    sides = w.text.split("-")
    if len(sides) != 2 or not all(side[:1].isupper() for side in sides):
        return None
    names, kinds = gz.names(), ("country", "actor")
    left = texts[max(0, k - names.longest + 1):k]
    ends_name = any((m := names.match(left[i:] + [sides[0]], 0, kinds)) and m[1] == len(left) - i + 1
                    for i in range(len(left) + 1))
    if not (ends_name and names.match([sides[1]] + texts[k + 1:k + names.longest], 0, kinds)):
        return None
    cut = w.start + len(sides[0])
    return [_W(sides[0], w.start, cut, w.upos, w.deprel, "", w.initial, w.id, w.head),
            _W("-", cut, cut + 1, "PUNCT", "punct", "-", False, w.id, w.head),
            _W(sides[1], cut + 1, w.end, w.upos, w.deprel, "", True, w.id, w.head)]


def _text_words(text: str, base: int = 0) -> list[_W]:
    """Words of a bare string (no parse), for re-reading a mention's own text."""
    return [_W(m.group(), base + m.start(), base + m.end())
            for m in re.finditer(r"\w+(?:[-'’.]\w+)*|[^\w\s]", text)]


def find_mentions(parsed: ParsedArticle) -> list[EntityMention]:
    """All actor and place mentions of an article (from its headline on), outside boilerplate, by offset."""
    art = parsed.article
    lang = _lang(art.language)
    v = vocab(lang)
    sentences = [(s, _words(s, art.body_start)) for s in parsed.sentences]
    lowercase = frozenset(fold(w.text) for _, ws in sentences for w in ws if w.text.islower())
    body = [ws for _, ws in sentences if not any(w.headline for w in ws)]
    running = frozenset(fold(w.text) for ws in body for k, w in enumerate(ws)
                        if w.cap and k and ws[k - 1].text not in OPENERS) if body else None
    countries = _article_countries([ws for _, ws in sentences], v)
    out: list[EntityMention] = []
    places: dict[int, gz.Place] = {}     # id(mention) → the place an untyped name may be
    for s, ws in sentences:
        drafts = _Scanner(ws, v, lowercase, countries, running).scan()
        _apposition(drafts, ws)
        _force_owners(drafts, ws, v, [m for m in out if m.type == "ArmedForce" and m.affiliation])
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


def _article_countries(sentences: list[list[_W]], v: Vocab) -> frozenset[str]:
    """ISO codes of the countries an article names (to prefer places in them)."""
    codes = set()
    for ws in sentences:
        sc = _Scanner(ws, v)
        for i in range(len(ws)):
            m = sc.name_at(i, ("country",))
            if m:
                codes.add(m[0].id.split("/", 1)[1])
    return frozenset(codes)


def _apposition(drafts: list[_Draft], ws: list[_W]) -> None:
    """"Yoon, Presiden Korea Selatan, ..." — the name takes the title that follows it."""
    for a, b in zip(drafts, drafts[1:]):
        if (a.source == "propn" and a.type == "Unknown" and b.source == "title" and b.name is None
                and b.i == a.j + 1 and ws[a.j].text == ","):
            a.type, a.title, a.affiliation = "Person", b.title, b.affiliation


def _force_owners(drafts: list[_Draft], ws: list[_W], v: Vocab, earlier: list[EntityMention]) -> None:
    """Troops with no country named after them get the one the context gives.

    In the tree: the subject of the verb they are the object of ("Korea Utara
    yang mengirim tentara"); in the words (for headlines, which the parser
    reads poorly): a country right before that verb ("Korut Kirim Tentara");
    for an anaphoric phrase ("pasukan tersebut"): the last troops named.
    """
    def country_at(k: int) -> str | None:
        for d in drafts:
            if d.i <= k < d.j and d.ids and d.ids[0].startswith("country/"):
                return d.ids[0]
        return None

    by_id = {w.id: k for k, w in enumerate(ws) if w.id}
    for d in drafts:
        if d.type != "ArmedForce" or d.affiliation:
            continue
        owner = None
        verb = by_id.get(ws[d.j - 1].head)
        if verb is not None and ws[d.j - 1].deprel == "obj":
            subject = (by_id.get(ws[verb].head) if ws[verb].deprel.startswith("acl")
                       else next((k for k, w in enumerate(ws) if w.head == ws[verb].id
                                  and w.deprel.startswith("nsubj")), None))
            owner = country_at(subject) if subject is not None else None
        if owner is None and d.i >= 2 and ws[d.i - 1].upos not in FUNCTION_UPOS:
            owner = country_at(d.i - 2)
        if owner is None and v.anaphoric.match([w.text for w in ws], d.j) and earlier:
            owner = earlier[-1].affiliation
        if owner:
            d.affiliation, d.ids = owner, [_force_id(owner)]


def _name_words(text: str) -> list[str]:
    return [fold(w) for w in re.findall(r"\w+", text)]


def _subsequence(short: list[str], long: list[str]) -> bool:
    it = iter(long)
    return bool(short) and all(w in it for w in short)


def _propagate_person(mentions: list[EntityMention], lang: str) -> None:
    """A bare name that is part of a titled person's name in the article is that person."""
    persons = [_name_words(n) for m in mentions if m.type == "Person" and (n := mention_name(m, lang))]
    for m in mentions:
        if m.type == "Unknown" and m.source == "propn":
            words = _name_words(m.text)
            if any(_subsequence(words, p) for p in persons):
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
    ws = _text_words(text)
    drafts = _Scanner(ws, vocab(lang)).scan()
    for d in drafts:
        if d.source == "title":
            name = " ".join(w.text for w in ws[d.name[0]:d.name[1]]) if d.name else None
            return name, d.title
    return None, None


def mention_name(m: EntityMention, lang: str = "id") -> str | None:
    """The personal (or unknown) name a mention spells, without its title: None if none."""
    if m.source == "title":
        return _split_title(m.text, lang)[0]
    if m.source == "propn" and m.type in ("Person", "Unknown"):
        return m.text
    return None


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


# --- resolve_entities -----------------------------------------------------------

@dataclass
class _Cluster:
    """Name mentions of one person (or unknown) inside one article."""

    article: str
    mentions: list[EntityMention] = field(default_factory=list)
    names: list[str] = field(default_factory=list)

    @property
    def longest(self) -> str:
        return max(self.names, key=lambda n: (len(_name_words(n)), len(n)))

    @property
    def type(self) -> str:
        return "Person" if any(m.type == "Person" for m in self.mentions) else "Unknown"


def _article_clusters(mentions: list[EntityMention], lang: str) -> list[_Cluster]:
    """Groups an article's names: "Zelensky" joins "Volodymyr Zelensky" (subsequence)."""
    named = [(m, n) for m in mentions if m.type in ("Person", "Unknown") and (n := mention_name(m, lang))]
    clusters: list[_Cluster] = []
    for m, n in sorted(named, key=lambda mn: (-len(_name_words(mn[1])), mn[0].start)):
        words = _name_words(n)
        fits = [c for c in clusters if _subsequence(words, _name_words(c.longest))]
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
    groups = list(by_key.values())
    # a one-word name with no full form in its article joins the one full name elsewhere it is part of
    full = [g for g in groups if len(_name_words(clusters[g[0]].longest)) > 1]
    merged: list[list[int]] = []
    for g in groups:
        words = _name_words(clusters[g[0]].longest)
        if len(words) == 1:
            hosts = [f for f in full if words[0] in _name_words(clusters[f[0]].longest)]
            if len(hosts) == 1:
                hosts[0].extend(g)
                continue
        merged.append(g)
    ids: dict[int, str] = {}
    for g in merged:
        members = [clusters[k] for k in g]
        label = _best_name(n for c in members for n in c.names)
        prefix = "person" if any(c.type == "Person" for c in members) else "unknown"
        for k in g:
            ids[k] = f"{prefix}/{slug(label)}"
    return ids


def _best_name(names) -> str:
    """The canonical form: the most frequent of the longest full names, spelled out in words
    ("Yoon Suk Yeol" over "Yoon Suk-yeol" when both are as frequent)."""
    counts = Counter(names)
    return max(counts, key=lambda n: (len(_name_words(n)), counts[n], len(n.split()), len(n), n))


def _quote_before(text: str, pos: int) -> tuple[int, int] | None:
    """The quotation that closes right before ``pos`` on its line ("…," katanya): its span."""
    line_start = text.rfind("\n", 0, pos) + 1
    prefix = text[line_start:pos]
    marks = [k for k, c in enumerate(prefix) if c in QUOTES]
    if len(marks) < 2 or re.search(r"\w", prefix[marks[-1] + 1:]):
        return None
    return line_start + marks[-2], line_start + marks[-1]


def _host_word(text: str, pos: int) -> str:
    m = re.search(r"(\w+)$", text[:pos])
    return fold(m.group(1)) if m else ""


def _resolve_pointers(article_mentions: list[EntityMention], text: str, v: Vocab) -> None:
    """Pronouns → the most recent compatible person; groups → the last N distinct actors."""
    for m in article_mentions:
        if m.source == "pronoun":
            skip = None
            host = _host_word(text, m.start)
            if fold(m.text) == "nya" and host in v.speaker_hosts:
                skip = _quote_before(text, m.start - len(host))
            cands = [c for c in article_mentions if c.start < m.start and c.type == "Person" and c.entity_ids
                     and c.source not in ("pronoun", "group") and not (skip and skip[0] <= c.start <= skip[1])]
            if cands:
                m.entity_ids = [max(cands, key=lambda c: c.start).entity_ids[0]]
        elif m.source == "group":
            count = _group_count(m.text, v)
            found: list[str] = []
            for c in sorted((c for c in article_mentions if c.start < m.start), key=lambda c: -c.start):
                for eid in _group_ids(c, m.type):
                    if eid not in found:
                        found.append(eid)
                if len(found) >= count:
                    break
            m.entity_ids = sorted(found[:count]) if len(found) >= count else []


def _group_count(text: str, v: Vocab) -> int:
    m = v.groups.match(gz.words(text), 0)
    return m[0].count if m else 2


def _group_ids(c: EntityMention, kind: str) -> list[str]:
    if c.source in ("pronoun", "group"):
        return []
    if kind == "Person":
        return c.entity_ids[:1] if c.type == "Person" else []
    if kind == "Country":
        if c.type == "Country":
            return c.entity_ids[:1]
        return [c.affiliation] if c.affiliation and c.affiliation.startswith("country/") else []
    return []


def _resolve_titles(mentions: list[EntityMention], lang_of: dict[str, str]) -> None:
    """A title with no name ("Presiden Korea Selatan") → the person holding it.

    First the holder named in the same article (nearest), then the only holder
    named anywhere, else the office itself as a person entity.
    """
    holders: dict[tuple[str, str | None], set[str]] = {}
    for m in mentions:
        if m.source == "title" and m.entity_ids and m.title:
            holders.setdefault((fold(m.title), m.affiliation), set()).add(m.entity_ids[0])
    for m in mentions:
        if m.source != "title" or m.entity_ids:
            continue
        key = (fold(m.title or ""), m.affiliation)
        same = [c for c in mentions if c.article_id == m.article_id and c.entity_ids
                and (fold(c.title or ""), c.affiliation) == key]
        if same:
            m.entity_ids = [min(same, key=lambda c: (abs(c.start - m.start), c.start)).entity_ids[0]]
        elif len(holders.get(key, ())) == 1:
            m.entity_ids = [next(iter(holders[key]))]
        else:
            title_en = vocab(lang_of.get(m.article_id, "id")).title_en.get(fold(m.title or ""), m.title or "")
            m.entity_ids = [f"person/{slug(title_en)}-{slug((m.affiliation or '').split('/')[-1])}".rstrip("-")]


def resolve_entities(parsed: list[ParsedArticle], mentions: list[EntityMention]) -> list[Entity]:
    """Resolve mentions to entities (filling ``entity_ids``) and return the entities, by id."""
    order = {p.article.id: k for k, p in enumerate(parsed)}
    lang_of = {p.article.id: _lang(p.article.language) for p in parsed}
    texts = {p.article.id: p.article.text for p in parsed}
    by_article: dict[str, list[EntityMention]] = {}
    for m in sorted(mentions, key=lambda m: (order.get(m.article_id, len(order)), m.article_id, m.start)):
        by_article.setdefault(m.article_id, []).append(m)

    clusters = [c for aid, ms in by_article.items() for c in _article_clusters(ms, lang_of.get(aid, "id"))]
    ids = _merge_clusters(clusters)
    for k, c in enumerate(clusters):
        for m in c.mentions:
            m.entity_ids = [ids[k]]
    _adopt_known(mentions)
    _resolve_titles(mentions, lang_of)
    for m in mentions:     # a name typed by its other mentions (in other articles) takes their type
        if m.type == "Unknown" and m.entity_ids:
            m.type = PREFIX_TYPES.get(m.entity_ids[0].split("/", 1)[0], "Unknown")
    for aid, ms in by_article.items():
        _resolve_pointers(ms, texts.get(aid, ""), vocab(lang_of.get(aid, "id")))
    return _entities(mentions, lang_of)


def _adopt_known(mentions: list[EntityMention]) -> None:
    """An unknown name that is elsewhere a typed entity's surface form is that entity."""
    known: dict[str, set[str]] = {}
    for m in mentions:
        if m.entity_ids and not m.entity_ids[0].startswith("unknown/") and m.source not in ("pronoun", "group"):
            known.setdefault(name_key(m.text), set()).add(m.entity_ids[0])
    for m in mentions:
        if m.entity_ids and m.entity_ids[0].startswith("unknown/"):
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
        _describe(e, named, lang_of)
        out.append(e)
    return out


def _entity_type(eid: str, named: list[EntityMention]) -> str:
    prefix = eid.split("/", 1)[0]
    if prefix in PREFIX_TYPES:
        return PREFIX_TYPES[prefix]
    types = {m.type for m in named} - {"Unknown"}
    return types.pop() if len(types) == 1 else "Unknown"


def _describe(e: Entity, named: list[EntityMention], lang_of: dict[str, str]) -> None:
    """Canonical label (English where known), affiliation and coordinates."""
    prefix, rest = e.id.split("/", 1)
    known = gz.entity_labels().get(e.id)
    if known:
        e.label, _, e.affiliation = known
    elif prefix == "geonames":
        place = gz.place_by_id(int(rest))
        if place:
            e.label, e.geonames_id, e.lat, e.lon = place.name, place.geonames_id, place.lat, place.lon
            e.affiliation = gz.country_id(place.country)
    elif prefix == "force":
        e.label, e.affiliation = force_label(rest), gz.country_id(rest)
    elif prefix == "person":
        names = [n for m in named if (n := mention_name(m, lang_of.get(m.article_id, "id")))]
        affils = Counter(m.affiliation for m in named if m.affiliation)
        e.affiliation = affils.most_common(1)[0][0] if affils else None
        if names:
            e.label = _best_name(names)
        elif named:
            m = named[0]
            title_en = vocab(lang_of.get(m.article_id, "id")).title_en.get(fold(m.title or ""), m.title or "")
            e.label = f"{title_en} of {_label_of(m.affiliation)}" if m.affiliation else title_en
    if not e.label:
        counts = Counter(m.text for m in named)
        e.label = max(counts, key=lambda t: (counts[t], len(t), t)) if counts else rest
        affils = Counter(m.affiliation for m in named if m.affiliation)
        e.affiliation = e.affiliation or (affils.most_common(1)[0][0] if affils else None)


def _label_of(entity_id: str) -> str:
    known = gz.entity_labels().get(entity_id)
    return known[0] if known else entity_id.split("/", 1)[-1]


def _lang(code: str | None) -> str:
    """The language whose vocabularies read an article (Indonesian when kg has none for it)."""
    return code if code in gz.LANGUAGES else "id"


@lru_cache(maxsize=None)
def force_label(code: str) -> str:
    """"North Korean armed forces" (English demonym when known, else the country name)."""
    for alias, entry in ((a, e) for bucket in gz.names().phrases.values() for a, e in bucket):
        if entry.kind == "demonym" and entry.id == gz.country_id(code):
            return f"{alias} armed forces"
    return f"Armed forces of {gz.country_label(code)}"
