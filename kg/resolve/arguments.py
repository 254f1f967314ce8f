"""Arguments a mention leaves unsaid, taken from the mentions of its event in the same article.

A report names the parties once and then refers to the event bare: "Prabowo
menerima Albanese di Istana Merdeka … Pertemuan itu membahas …". Once
resolution has put "Pertemuan" in the event of the first sentence, its
actors and places are that event's, as a reader takes them. A mention
inherits a slot (actors, places) when it names nothing in that slot itself,
and the parties it does not name when the event is a joint one (a call, a
meeting: "pertemuan dengan Putin" is Prabowo's too), and only from mentions
of the same article, so that what it inherits was said by the same outlet;
each inherited argument keeps the id of the mention that names it
(``Argument.inherited_from``). Parties a mention only borrowed from the
subject of another verb of its sentence ("Gedung Putih menyatakan …
percakapan ini …") are a guess and are not passed on.
"""
from __future__ import annotations

from collections import defaultdict

from kg.model import ACTOR_ROLES, JOINT_EVENT_TYPES, PLACE_ROLES, Argument, Entity, Event, EventMention

_SLOTS = (frozenset(ACTOR_ROLES), frozenset(PLACE_ROLES))
# mention sources that only point back to someone named elsewhere
POINTERS = ("pronoun", "group")
# rules whose parties are the subject of another verb of the sentence (kg.extract.events)
BORROWED = ":sentence-subject"


def drop_unfit_arguments(mentions: list[EventMention], entities: list[Entity]) -> None:
    """Arguments that name nothing their role can be: a pronoun or group phrase that points back
    to no one ("he", "the leaders" with no antecedent) names no party; a person is no place (the
    owner of a residence: "di kediaman pribadi Presiden", "di kediamannya") and no force sent
    (the commander who sends it is its agent). The words stay in the sentence."""
    types = {e.id: e.type for e in entities}

    def unfit(a: Argument) -> bool:
        named = a.mention.entity_ids
        if not named:
            return a.mention.source in POINTERS
        return (a.role in PLACE_ROLES or a.role == "force") and {types.get(i, "Unknown") for i in named} == {"Person"}

    for m in mentions:
        m.arguments = [a for a in m.arguments if not unfit(a)]


def inherit_arguments(events: list[Event]) -> None:
    """Fill each mention's empty actor and place slots (a joint event's: its missing parties) from its
    event's mentions in the same article."""
    for ev in events:
        by_article: dict[str, list[EventMention]] = defaultdict(list)
        for m in ev.mentions:
            by_article[m.article_id].append(m)
        for mentions in by_article.values():
            own = {m.id: list(m.arguments) for m in mentions}
            for m in mentions:
                for slot in _SLOTS:
                    if m.type in JOINT_EVENT_TYPES or not any(a.role in slot for a in own[m.id]):
                        have = {_key(a) for a in own[m.id] if a.role in slot}
                        m.arguments += [a for a in _named_by_others(m, mentions, own, slot) if _key(a) not in have]


def _named_by_others(m: EventMention, mentions: list[EventMention], own: dict[str, list[Argument]],
                     slot: frozenset[str]) -> list[Argument]:
    """The ``slot`` arguments the other mentions name themselves, one per entity, nearest mention first."""
    out: list[Argument] = []
    seen: set[tuple[str, ...]] = set()
    for other in sorted((o for o in mentions if o is not m), key=lambda o: abs(o.trigger.start - m.trigger.start)):
        if other.rule.endswith(BORROWED) and slot & set(ACTOR_ROLES):
            continue        # parties borrowed from the sentence's subject are a guess: not passed on
        for a in own[other.id]:
            key = _key(a)
            if a.role in slot and key not in seen:
                seen.add(key)
                out.append(Argument(a.role, a.mention, inherited_from=other.id))
    return out


def _key(a: Argument) -> tuple[str, ...]:
    """What an argument names: its entities, else its words."""
    return tuple(a.mention.entity_ids) or (a.mention.text,)
