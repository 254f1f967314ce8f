"""Whether two reports tell one event: what rules it out, and what speaks for it.

Event resolution (:mod:`kg.resolve`) is a decision with evidence, not a
bucket. Two groups of mentions (a mention alone is a group of one) are one
event only when nothing contradicts it (:func:`veto`): another type or
modality, or another kind of it (a summit is no cabinet meeting); different times at the
granularity both give; principal
participants that cannot be the same ({Trump, Putin} is not {Trump, Xi});
different destinations (unless one is named as lying in the other: "Lanud … Natuna")
or forces; one told as recalled ("pertemuan mereka
sebelumnya") and the other not; articles weeks apart with no date to say
otherwise; and for statements another speaker, or other words. A missing
date, place or participant is unknown, never equal.

Within those limits evidence adds up (:func:`evidence`): the same article,
the same day, shared participants and places, a back-reference ("percakapan
tersebut", "the call", "kedua pemimpin"), overlapping quotes. Each piece
carries a weight and a reason; the reasons of the merge that placed a
mention are kept on it (``EventMention.resolution``). Everything compared is
language-neutral (entity ids, dates, event types, the words of quotes), so an
English and an Indonesian report of one call meet on the same terms; the few
words read (back-references, recall markers, stopwords) are in
``kg/lang/<code>/resolve.yaml``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from kg.model import ACTOR_ROLES, Entity, EventMention, Sentence
from kg.resolve import cues, statements
from kg.resolve.sides import PLACE_TYPES, amounts, expand, most_specific, side, sided_forces, typed, within

# Modality that makes a different real-world event: a planned or denied
# deployment is not the deployment that happened.
DISTINCT_MODALITY = frozenset({"planned", "negated", "hypothetical"})
# Articles published further apart than this tell different events unless
# their dates agree: leaders call each other more than once.
PROXIMITY_DAYS = 7
# Evidence needed to merge: inside one article the same type and nothing
# against it is enough (an article tells its event several times); across
# articles more must agree (a shared person and the same day, two shared
# persons and a place …).
LOCAL_THRESHOLD = 2.0
CROSS_THRESHOLD = 3.0
# Types whose nouns are also used generically ("perjanjian damai", "kerja
# sama"): a bare one is tied to an event only by a back-reference.
GENERIC_NOUN_TYPES = frozenset({"Agreement", "Cooperation"})
_GRANULARITY = {"day": 4, "week": 3, "month": 2, "year": 1}


@dataclass(frozen=True)
class Anchor:
    """When an event happened, as precisely as the text says."""

    value: date
    granularity: str = "day"        # day, week, month or year

    def conflicts(self, other: Anchor) -> bool:
        """Different at the coarser of the two granularities (2024-07 vs 2025-06-19).

        A week and a month are not comparable (a week may straddle two months):
        unknown, not different."""
        if {self.granularity, other.granularity} == {"week", "month"}:
            return False
        level = min(self.granularity, other.granularity, key=lambda g: _GRANULARITY.get(g, 4))
        return _key(self.value, level) != _key(other.value, level)


def _key(d: date, level: str) -> tuple[int, ...]:
    if level == "week":
        return tuple(d.isocalendar()[:2])
    return (d.year, d.month, d.day)[:{"year": 1, "month": 2}.get(level, 3)]


@dataclass
class Report:
    """What resolution needs to know about one event mention."""

    mention: EventMention
    order: int                       # the article's position, for stable ordering
    published: date | None
    roles: dict[str, frozenset[str]]
    actors: frozenset[str]
    persons: frozenset[str]
    modality: frozenset[str]
    destinations: frozenset[str]     # the most specific ones: Kursk, not also Russia
    places: frozenset[str]
    anchor: Anchor | None
    month_day: tuple[int, int] | None   # a day named without its year: "Rabu (9/4)"
    recalled: bool
    back_reference: bool
    quoted: bool                     # a direct quotation ('"…," kata X')
    content: frozenset[str]          # content words of what a statement says
    headline: bool = False           # told in the article's title line
    weekday: int | None = None       # a day named only by its weekday: "on Monday" with no publication date
    generic: bool = False            # a speech verb any report uses ("said", "kata"): the same one says nothing
    several: bool = False            # a plural noun ("a series of phone calls"): several events, none of them one
    quote_follows: int = -1          # a quote up to this many sentences after a paraphrase backs it (resolve.yaml)
    kind: str | None = None          # what kind of its type the trigger names: a summit, a cabinet meeting

    @property
    def article(self) -> str:
        return self.mention.article_id

    @property
    def nominal(self) -> bool:
        return not self.mention.rule.startswith("verb-trigger")


@dataclass
class Group:
    """Mentions taken for one event so far; the unions grow as mentions join."""

    type: str
    modality: frozenset[str]
    recalled: bool
    members: list[Report] = field(default_factory=list)
    roles: dict[str, frozenset[str]] = field(default_factory=dict)
    actors: frozenset[str] = frozenset()
    persons: frozenset[str] = frozenset()
    destinations: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    anchor: Anchor | None = None
    month_days: set[tuple[int, int]] = field(default_factory=set)   # of members dated without a year
    weekdays: set[int] = field(default_factory=set)        # of members dated only by a weekday
    articles: set[str] = field(default_factory=set)
    published: set[date] = field(default_factory=set)
    several: bool = False            # a member is a plural noun: no one event
    kinds: set[str] = field(default_factory=set)           # of members whose trigger names a kind

    @classmethod
    def of(cls, r: Report) -> Group:
        g = cls(r.mention.type, r.modality, r.recalled)
        g.add(r)
        return g

    def add(self, r: Report) -> None:
        self.members.append(r)
        self.modality |= r.modality
        for role, named in r.roles.items():
            self.roles[role] = self.roles.get(role, frozenset()) | named
        self.actors |= r.actors
        self.persons |= r.persons
        self.destinations |= r.destinations
        self.places |= r.places
        if r.anchor and (self.anchor is None or _finer(r.anchor, self.anchor)):
            self.anchor = r.anchor
        if r.month_day:
            self.month_days.add(r.month_day)
        if r.weekday is not None:
            self.weekdays.add(r.weekday)
        self.articles.add(r.article)
        self.several |= r.several
        if r.kind:
            self.kinds.add(r.kind)
        if r.published:
            self.published.add(r.published)

    def absorb(self, other: Group) -> None:
        for r in other.members:
            self.add(r)

    def ids(self, role: str) -> frozenset[str]:
        return self.roles.get(role, frozenset())

    @property
    def neutral(self) -> bool:
        """Every member is a noun without modality marking: it may be planned or done."""
        return all(r.mention.rule.startswith("nominal-trigger") and not r.modality for r in self.members)

    @property
    def days(self) -> set[tuple[int, int]]:
        """(month, day) of every day the members name, with or without the year."""
        full = {(self.anchor.value.month, self.anchor.value.day)} \
            if self.anchor and self.anchor.granularity == "day" else set()
        return self.month_days | full

    @property
    def days_of_week(self) -> set[int]:
        """The weekday of every day the members name, dated or not ("on Monday" in an undated article)."""
        full = {self.anchor.value.weekday()} if self.anchor and self.anchor.granularity == "day" else set()
        return self.weekdays | full

    @property
    def named(self) -> bool:
        """Whether any member names a participant or place."""
        return bool(self.actors or self.places)


def _finer(a: Anchor, b: Anchor) -> bool:
    return _GRANULARITY.get(a.granularity, 4) > _GRANULARITY.get(b.granularity, 4)


def describe(m: EventMention, order: int, published: date | None, sent: Sentence | None, lang: str,
             by_id: dict[str, Entity], next_speech: int | None = None) -> Report:
    """The :class:`Report` of one mention (entity ids must be resolved); ``next_speech``: where
    the next statement of its sentence begins."""
    roles: dict[str, set[str]] = {}
    for arg in m.arguments:
        roles.setdefault(arg.role, set()).update(arg.mention.entity_ids)
    frozen = {r: frozenset(ids) for r, ids in roles.items() if ids}
    actors = frozenset().union(*(ids for r, ids in frozen.items() if r in ACTOR_ROLES))
    places = frozenset().union(*(ids for r, ids in frozen.items() if r not in ACTOR_ROLES))
    # "kedua pemimpin membahas", "the two leaders discussed": parties told before, so the event too;
    # a statement is told again only by its own words ("Ucapan itu disampaikan"), not by who is addressed
    groups = m.type != "Statement" and any(a.mention.source == "group" for a in m.arguments)
    return Report(m, order, published, frozen, actors, _persons(actors, by_id),
                  frozenset(m.modality) & DISTINCT_MODALITY,
                  most_specific(frozen.get("destination", frozenset()), by_id), places,
                  _anchor(m), m.time.month_day if m.time and m.time.value is None else None,
                  cues.recalled(m, sent, lang), groups or cues.back_reference(m, sent, lang),
                  m.rule.startswith("speech:quote"),
                  statements.content(m, cues.word_set(lang, "stopwords"), sent.start if sent else None, next_speech),
                  weekday=m.time.weekday if m.time and m.time.value is None else None,
                  generic=m.trigger_text.lower() in cues.word_set(lang, "stopwords"),
                  several=cues.several(m, sent, lang), quote_follows=int(cues.words(lang).get("quote_follows", -1)),
                  kind=cues.kind(m, lang))


def _anchor(m: EventMention) -> Anchor | None:
    """The mention's time anchor at its granularity (a day whose year is unknown: no anchor)."""
    if m.time is not None and m.time.value is not None:
        return Anchor(m.time.value, m.time.granularity)
    return Anchor(m.date) if m.date else None


def _persons(ids: frozenset[str], by_id: dict[str, Entity]) -> frozenset[str]:
    return frozenset(i for i in ids if i in by_id and by_id[i].type == "Person")


def veto(a: Group, b: Group, by_id: dict[str, Entity]) -> str | None:
    """What makes ``a`` and ``b`` two events, or None when nothing does."""
    if a.type != b.type:
        return "another type"
    if _modality_conflict(a, b):
        return "another modality"
    if a.recalled != b.recalled:
        return "one is recalled as earlier"
    if a.several or b.several:
        return "a plural noun tells several events"
    if a.kinds and b.kinds and not a.kinds & b.kinds:
        return "another kind of " + a.type.lower()
    if a.anchor and b.anchor and a.anchor.conflicts(b.anchor):
        return "different dates"
    if (a.month_days or b.month_days) and a.days and b.days and not a.days & b.days:
        return "different days of the year"
    if (a.weekdays or b.weekdays) and a.days_of_week and b.days_of_week and not a.days_of_week & b.days_of_week:
        return "different days of the week"
    # two recalled reports are both told from the past: the news day says nothing of either
    recalled = a.recalled and b.recalled
    if not recalled and (_far_from_the_news(a, b) or _far_from_the_news(b, a)):
        return "dated far from the news the other side reports"
    if not recalled and (_background(a, b) or _background(b, a)):
        return "dated only to a month or year, beside an undated story"
    if not (a.articles & b.articles) and not _near(a, b):
        return "articles weeks apart"
    if _generic_apart(a, b):
        return "an accord or cooperation noun elsewhere, with no day or place in common"
    da, db = typed(a.destinations, PLACE_TYPES, by_id), typed(b.destinations, PLACE_TYPES, by_id)
    if da and db and not da & db and not within(da, db, by_id):
        return "different destinations"
    ca, cb = _countries(a, by_id), _countries(b, by_id)
    if ca and cb and not ca & cb:
        return "held in different countries"
    if _persons_conflict(a.persons, b.persons):
        return "different principal participants"
    if a.type == "Deployment":
        fa, fb = sided_forces(a.ids("force"), by_id), sided_forces(b.ids("force"), by_id)
        if fa and fb and not expand(fa, by_id) & expand(fb, by_id):
            return "different forces"
    if a.type == "Statement":
        return statements.veto(a, b)
    return None


def _countries(g: Group, by_id: dict[str, Entity]) -> frozenset[str]:
    """The countries the places where an event is held lie in (Beijing: China), where kg knows them."""
    tops = (side(p, by_id) for p in typed(g.ids("place") | g.ids("destination"), PLACE_TYPES, by_id))
    return frozenset(t for t in tops if t in by_id and by_id[t].type == "Country")


def _generic_apart(a: Group, b: Group) -> bool:
    """ "the defence agreement", "new cooperation": two countries have many accords; across
    articles, a side told only by such nouns is the other side's accord only on the same day or
    at the same place, not for its parties alone."""
    nouns = any(all(r.nominal for r in g.members) for g in (a, b))
    return a.type in GENERIC_NOUN_TYPES and nouns and not a.articles & b.articles and \
        not (a.anchor and b.anchor) and not a.places & b.places


def _far_from_the_news(dated: Group, undated: Group) -> bool:
    """An undated report is news: about when its article appeared. A mention dated
    to another month, year, or more than PROXIMITY_DAYS away from that ("pada
    Juli 2024" in an article of June 2025) tells an earlier event."""
    if dated.anchor is None or undated.anchor is not None or not undated.published:
        return False
    a = dated.anchor
    if a.granularity == "day":
        return all(abs((a.value - p).days) > PROXIMITY_DAYS for p in undated.published)
    return all(a.conflicts(Anchor(p)) for p in undated.published)


def _background(dated: Group, undated: Group) -> bool:
    """In one article, a mention dated only to a month or year ("pengiriman … tahun 2006")
    is background to the undated story the article tells."""
    return bool(dated.articles & undated.articles) and dated.anchor is not None and \
        dated.anchor.granularity != "day" and undated.anchor is None


def _modality_conflict(a: Group, b: Group) -> bool:
    """Denied is never done, and planned is not what happened. A noun carries
    no tense ("pengiriman pasukan"): an unmarked nominal mention may be the
    plan, as long as nothing dates it to a day."""
    if ("negated" in a.modality) != ("negated" in b.modality):
        return True
    planned_a, planned_b = bool(a.modality - {"negated"}), bool(b.modality - {"negated"})
    if planned_a == planned_b:
        return False
    if amounts(r.mention.quantity for r in a.members) & amounts(r.mention.quantity for r in b.members):
        return False     # "akan melepas 1.090 prajurit" and "melepas 1.090 prajurit": the plan of that deed
    done = b if planned_a else a
    return not done.neutral or (done.anchor is not None and done.anchor.granularity == "day")


def _near(a: Group, b: Group) -> bool:
    """Articles published within PROXIMITY_DAYS, or not known to be further apart."""
    if a.anchor and b.anchor:
        return True      # dates known on both sides, and they agree (else vetoed before)
    if not a.published or not b.published:
        return True
    return min(abs((x - y).days) for x in a.published for y in b.published) <= PROXIMITY_DAYS


def _persons_conflict(a: frozenset[str], b: frozenset[str]) -> bool:
    """Each side has a person the other lacks, and one side already names two:
    {Trump, Putin} vs {Trump, Xi}, {Trump, Xi} vs {Putin}; {Trump} vs {Xi} may be
    the two ends of one call."""
    return bool(a - b and b - a and max(len(a), len(b)) >= 2)


def evidence(a: Group, b: Group, by_id: dict[str, Entity]) -> list[tuple[float, str]]:
    """What speaks for ``a`` and ``b`` being one event: (weight, reason) pairs."""
    out: list[tuple[float, str]] = [(1.0, f"same type ({a.type})")]
    if a.articles & b.articles:
        # a mention naming no one says little by being in the article: it
        # needs a back-reference, or to be the only one of its type there
        out.append((1.0 if b.named else 0.5, "same article"))
    if a.anchor and b.anchor:
        level = min(a.anchor.granularity, b.anchor.granularity, key=lambda g: _GRANULARITY.get(g, 4))
        out.append((2.0 if level == "day" else 1.0, f"same {level} ({min(a.anchor.value, b.anchor.value)})"))
    if (a.month_days or b.month_days) and not (a.anchor and b.anchor) and (shared := a.days & b.days):
        month, day = min(shared)
        out.append((1.5, f"same day of the year (--{month:02d}-{day:02d})"))
    elif (a.weekdays or b.weekdays) and not (a.anchor and b.anchor) and a.days_of_week & b.days_of_week:
        out.append((0.5, "same weekday"))     # "on Monday" in an undated article: one day in seven
    shared = sorted(amounts(r.mention.quantity for r in a.members) & amounts(r.mention.quantity for r in b.members))
    if shared:                             # "1,090 peacekeepers", "1.090 prajurit"
        out.append((1.0, "same amount: " + ", ".join(map(str, shared))))
    persons = sorted(a.persons & b.persons)
    if persons:
        out.append((min(len(persons), 2) * 1.0, "shared participants: " + ", ".join(persons)))
    # countries and organisations on both sides (a person stands for the country they serve)
    # (not again the country of a person already counted)
    # (an armed force and its country are one side: "Indonesia" and "TNI" are one piece of evidence)
    others = sorted((expand(a.actors, by_id) & expand(b.actors, by_id)) - expand(frozenset(persons), by_id))
    sides = {side(i, by_id) for i in others}
    if others and len(persons) < 2:
        out.append((min(len(sides), 2 - len(persons)) * 1.0, "shared actors: " + ", ".join(others)))
    places = sorted((a.places & b.places) | (a.destinations & b.destinations))
    if places:
        out.append((1.0, "shared places: " + ", ".join(places)))
    if a.type == "Deployment":
        forces = sorted(expand(a.ids("force"), by_id) & expand(b.ids("force"), by_id))
        if {side(i, by_id) for i in forces} - sides:
            out.append((1.0, "same force: " + ", ".join(forces)))
    if a.articles & b.articles and any(r.back_reference for r in b.members):
        out.append((1.0, "back-reference"))
    if a.type == "Statement":
        out += statements.evidence(a, b)
    return out


def score(reasons: list[tuple[float, str]]) -> float:
    return sum(w for w, _ in reasons)
