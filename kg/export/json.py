"""``events.json``: every event with the evidence behind it, for reading and scripting.

One object per real-world event — type, label, date, roles resolved to the
entities' ids and labels, quantity, modality — and under ``mentions`` every
place an article tells it: the article, the trigger's offsets and words,
the sentence, the rule that fired and its confidence, and the arguments as
written. Output is deterministic (sorted, no timestamps), so two builds of
the same folder give the same bytes.
"""
from __future__ import annotations

import json
from dataclasses import asdict

import kg
from kg.export.graph import event_label
from kg.model import Entity, EventMention, Result


def _mention(m: EventMention) -> dict:
    return {
        "id": m.id,
        "article": m.article_id,
        "trigger": {"start": m.trigger.start, "end": m.trigger.end, "text": m.trigger_text},
        "sentence": {"index": m.sentence, "text": m.sentence_text},
        "rule": m.rule,
        "confidence": m.confidence,
        "date": m.date.isoformat() if m.date else None,
        "date_text": m.date_text,
        "time": {"text": m.time.text, "start": m.time.start, "end": m.time.end, "granularity": m.time.granularity,
                 "value": m.time.iso(), "kind": m.time.kind} if m.time else None,
        "modality": list(m.modality),
        "quantity": asdict(m.quantity) if m.quantity else None,
        "quote": m.quote,
        "medium": m.medium,
        "via": m.via,
        "resolution": list(m.resolution),
        "arguments": [{"role": a.role, "text": a.mention.text, "start": a.mention.start, "end": a.mention.end,
                       "entities": list(a.mention.entity_ids), "inherited_from": a.inherited_from}
                      for a in m.arguments],
    }


def _entity_ref(eid: str, entities: dict[str, Entity]) -> dict:
    e = entities.get(eid)
    return {"id": eid, "label": e.label if e else None, "type": e.type if e else "Unknown",
            "type_source": e.type_source if e else ""}


def events_document(result: Result) -> dict:
    """The JSON-ready document for ``result``."""
    entities = {e.id: e for e in result.entities}
    by_id = {e.id: e for e in result.events}
    events = []
    for ev in sorted(result.events, key=lambda e: e.id):
        events.append({
            "id": ev.id,
            "type": ev.type,
            "label": event_label(ev, entities, by_id),
            "date": ev.date.isoformat() if ev.date else None,
            "roles": {role: [_entity_ref(eid, entities) for eid in ids] for role, ids in sorted(ev.roles.items())},
            "quantity": asdict(ev.quantity) if ev.quantity else None,
            "modality": list(ev.modality),
            "about": list(ev.about),
            "mentions": [_mention(m) for m in sorted(ev.mentions, key=lambda m: (m.article_id, m.trigger.start))],
        })
    articles = [{"id": a.id, "title": a.title, "outlet": a.outlet, "url": a.url,
                 "published": a.published.isoformat() if a.published else None, "language": a.language}
                for a in sorted(result.articles, key=lambda a: a.id)]
    return {
        "kg_version": kg.__version__,
        "articles": articles,
        "skipped": [{"path": s.path, "reason": s.reason} for s in result.skipped],
        "events": events,
    }


def dumps(result: Result) -> str:
    """``events.json`` text (UTF-8, indented, newline-terminated)."""
    return json.dumps(events_document(result), ensure_ascii=False, indent=2) + "\n"
