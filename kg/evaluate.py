"""Scoring a build against hand-annotated gold (the ``seed-gold/1`` format).

``evaluate(result, gold)`` compares the event mentions, arguments, dates and
event merging of a :class:`kg.model.Result` with a gold dict and returns a
:class:`Report` (plain-text tables or a JSON-ready dict). It is pure: the CLI
(``kg evaluate``) only loads files, builds and prints.

Matching rules (the gold file's ``description`` says the same):

* an event mention matches a gold mention of the same article and type whose
  trigger offsets overlap it; each gold mention matches once;
* gold mentions marked ``optional`` are neither required nor false positives;
* system mentions on a gold ``boilerplate`` line are false positives;
* arguments: the gold mention's participants and places (entity keys) against
  the system mention's arguments, a system entity standing for a gold entity
  when its label or an alias equals (ignoring case) the gold name or an alias.
"""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import KgError
from kg.model import PRIMARY_EVENT_TYPES, Article, Entity, EventMention, Result, Span

GOLD_FORMAT = "seed-gold/"


@dataclass
class Score:
    """True positives, false positives and false negatives, with P/R/F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def to_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class RuleCount:
    """How often an extraction rule fired, and how its mentions were judged."""

    fired: int = 0
    tp: int = 0
    fp: int = 0
    optional: int = 0   # matched an optional gold mention: neither right nor wrong

    @property
    def precision(self) -> float:
        judged = self.tp + self.fp
        return self.tp / judged if judged else 0.0


@dataclass
class ClusterCount:
    """Where the mentions of one gold real-world event landed."""

    cluster: str
    gold_mentions: int
    matched: int
    events: list[str]          # distinct system event ids of the matched mentions (ideal: one)


@dataclass
class Finding:
    """A missed, spurious or mis-dated mention, for the ``--details`` listing."""

    kind: str                  # missed | spurious | boilerplate | date | arguments
    article: str
    type: str
    trigger: str
    start: int
    rule: str = ""
    note: str = ""


@dataclass
class Report:
    types: dict[str, Score] = field(default_factory=dict)
    primary: Score = field(default_factory=Score)
    overall: Score = field(default_factory=Score)
    arguments: Score = field(default_factory=Score)
    dates_correct: int = 0
    dates_total: int = 0
    clusters: list[ClusterCount] = field(default_factory=list)
    rules: dict[str, RuleCount] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def date_accuracy(self) -> float:
        return self.dates_correct / self.dates_total if self.dates_total else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "types": {t: s.to_dict() for t, s in self.types.items()},
            "primary": self.primary.to_dict(),
            "all": self.overall.to_dict(),
            "arguments": self.arguments.to_dict(),
            "dates": {"correct": self.dates_correct, "total": self.dates_total,
                      "accuracy": round(self.date_accuracy, 4)},
            "clusters": [{"cluster": c.cluster, "gold_mentions": c.gold_mentions, "matched": c.matched,
                          "events": len(c.events), "event_ids": c.events} for c in self.clusters],
            "rules": {r: {"fired": c.fired, "tp": c.tp, "fp": c.fp, "optional": c.optional,
                          "precision": round(c.precision, 4)} for r, c in self.rules.items()},
            "findings": [vars(f) for f in self.findings],
            "warnings": list(self.warnings),
        }

    def format(self, details: bool = False) -> str:
        """Aligned plain-text tables."""
        rows = [[t, *_score_cells(s)] for t, s in self.types.items()]
        rows += [["primary (micro)", *_score_cells(self.primary)], ["all (micro)", *_score_cells(self.overall)]]
        parts = ["Event mentions", _table(["type", "tp", "fp", "fn", "P", "R", "F1"], rows),
                 "Arguments (actors and places of matched mentions)",
                 _table(["", "tp", "fp", "fn", "P", "R", "F1"], [["arguments", *_score_cells(self.arguments)]]),
                 f"Dates: {self.dates_correct}/{self.dates_total} correct ({self.date_accuracy:.2f})",
                 "Clusters (system events per gold event; ideal 1)",
                 _table(["cluster", "gold", "matched", "events"],
                        [[c.cluster, c.gold_mentions, c.matched, len(c.events)] for c in self.clusters]),
                 "Rules",
                 _table(["rule", "fired", "tp", "fp", "optional", "P"],
                        [[r, c.fired, c.tp, c.fp, c.optional, f"{c.precision:.2f}" if c.tp + c.fp else "-"]
                         for r, c in self.rules.items()])]
        if details and self.findings:
            parts += ["Findings", _table(["kind", "article", "type", "start", "trigger", "rule", "note"],
                                         [[f.kind, f.article, f.type, f.start, f.trigger, f.rule, f.note]
                                          for f in self.findings])]
        parts += [f"warning: {w}" for w in self.warnings]
        return "\n\n".join(parts) + "\n"


def load_gold(path: Path | str) -> dict[str, Any]:
    """Read and check a gold file; a malformed one is a one-line :class:`KgError`."""
    try:
        gold = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise KgError(f"cannot read gold file {path}: {e}") from e
    check_gold(gold, str(path))
    return gold


def check_gold(gold: Any, name: str = "gold") -> None:
    if not isinstance(gold, dict) or not isinstance(gold.get("articles"), list):
        raise KgError(f"{name}: not a gold file (expected an object with an 'articles' list)")
    fmt = gold.get("format", "")
    if fmt and not str(fmt).startswith(GOLD_FORMAT):
        raise KgError(f"{name}: unsupported gold format {fmt!r} (expected {GOLD_FORMAT}N)")
    for i, art in enumerate(gold["articles"]):
        if not isinstance(art, dict) or "article" not in art:
            raise KgError(f"{name}: article #{i + 1} has no 'article' name")
        for j, ev in enumerate(art.get("events", [])):
            span = ev.get("trigger_span") if isinstance(ev, dict) else None
            if not (isinstance(span, list) and len(span) == 2 and all(isinstance(x, int) for x in span)
                    and "type" in ev):
                raise KgError(f"{name}: {art['article']} event #{j + 1} needs 'type' and 'trigger_span' [start, end]")


def evaluate(result: Result, gold: dict[str, Any]) -> Report:
    """Score ``result`` against ``gold`` (see the module docstring for the rules)."""
    check_gold(gold)
    report = Report()
    types = list(gold.get("types", {}).get("primary", PRIMARY_EVENT_TYPES))
    types += [t for t in gold.get("types", {}).get("secondary", []) if t not in types]
    report.types = {t: Score() for t in types}
    articles = {a.id: a for a in result.articles}
    by_article: dict[str, list[EventMention]] = defaultdict(list)
    for m in result.event_mentions:
        by_article[m.article_id].append(m)
    names = _EntityNames(gold.get("entities", {}), result.entities)
    events = {e.id: e for e in result.events}
    landed: dict[str, list[str]] = defaultdict(list)   # gold cluster → system event id per matched mention
    gold_ids = {a["article"] for a in gold["articles"]}
    for extra in sorted(set(by_article) - gold_ids):
        report.warnings.append(f"{extra}: not in the gold file, not scored")
    for art in gold["articles"]:
        article = articles.get(art["article"])
        if article is None:
            report.warnings.append(f"{art['article']}: in the gold file but not among the built articles")
        _score_article(art, article, by_article.get(art["article"], []), names, events, report, landed)
    for t, s in report.types.items():
        report.overall.add(s)
        if t in PRIMARY_EVENT_TYPES:
            report.primary.add(s)
    clusters: dict[str, int] = defaultdict(int)
    for art in gold["articles"]:
        for ev in art.get("events", []):
            if ev.get("cluster"):
                clusters[ev["cluster"]] += 1
    report.clusters = [ClusterCount(c, n, len(landed[c]), sorted(set(landed[c]))) for c, n in clusters.items()]
    report.rules = dict(sorted(report.rules.items()))
    report.findings.sort(key=lambda f: (f.article, f.start, f.kind))
    return report


def _score_article(art: dict, article: Article | None, mentions: list[EventMention], names: _EntityNames,
                   events: dict, report: Report, landed: dict[str, list[str]]) -> None:
    golds = art.get("events", [])
    matched: dict[int, EventMention] = {}
    boiler = _boilerplate_spans(article, art.get("boilerplate", []), report) if article else []
    for m in sorted(mentions, key=lambda m: (m.trigger.start, m.trigger.end, m.id)):
        score = report.types.setdefault(m.type, Score())
        rule = report.rules.setdefault(m.rule or "(none)", RuleCount())
        rule.fired += 1
        if any(b.overlaps(m.trigger) for b in boiler):
            score.fp += 1
            rule.fp += 1
            report.findings.append(Finding("boilerplate", m.article_id, m.type, m.trigger_text, m.trigger.start,
                                           m.rule))
            continue
        hits = [i for i, g in enumerate(golds) if g["type"] == m.type and Span(*g["trigger_span"]).overlaps(m.trigger)]
        free = [i for i in hits if i not in matched]
        if free:
            i = min(free, key=lambda i: (bool(golds[i].get("optional")), -_overlap(golds[i]["trigger_span"], m), i))
            matched[i] = m
            g = golds[i]
            if g.get("cluster"):
                landed[g["cluster"]].append(m.event_id or f"(unresolved {m.id})")
            if g.get("optional"):
                rule.optional += 1
                continue
            score.tp += 1
            rule.tp += 1
            _score_arguments(g, m, names, report)
            _score_date(g, m, events, report)
        elif any(golds[i].get("optional") for i in hits):
            rule.optional += 1
        else:
            score.fp += 1
            rule.fp += 1
            report.findings.append(Finding("spurious", m.article_id, m.type, m.trigger_text, m.trigger.start, m.rule,
                                           "duplicate" if hits else ""))
    for i, g in enumerate(golds):
        if i not in matched and not g.get("optional"):
            report.types.setdefault(g["type"], Score()).fn += 1
            start, end = g["trigger_span"]
            words = article.text[start:end] if article else g.get("trigger", "")
            report.findings.append(Finding("missed", art["article"], g["type"], words, start, note=g.get("id", "")))


def _overlap(span: list[int], m: EventMention) -> int:
    return min(span[1], m.trigger.end) - max(span[0], m.trigger.start)


def _score_arguments(g: dict, m: EventMention, names: _EntityNames, report: Report) -> None:
    want = names.closure(set(g.get("participants", [])) | set(g.get("places", [])))
    got = names.closure(set().union(*(names.key(a.mention.entity_ids, a.mention.text, want) for a in m.arguments)))
    report.arguments.add(Score(tp=len(got & want), fp=len(got - want), fn=len(want - got)))
    if got != want:
        note = "; ".join(part for part in (f"missing {', '.join(sorted(want - got))}" if want - got else "",
                                           f"extra {', '.join(sorted(got - want))}" if got - want else "") if part)
        report.findings.append(Finding("arguments", m.article_id, m.type, m.trigger_text, m.trigger.start, m.rule,
                                       note))


def _score_date(g: dict, m: EventMention, events: dict, report: Report) -> None:
    if not g.get("date"):
        return
    ev = events.get(m.event_id) if m.event_id else None
    found = ev.date if ev is not None else m.date
    report.dates_total += 1
    if found is not None and found.isoformat() == g["date"]:
        report.dates_correct += 1
    else:
        report.findings.append(Finding("date", m.article_id, m.type, m.trigger_text, m.trigger.start, m.rule,
                                       f"gold {g['date']}, system {found.isoformat() if found else None}"))


def _boilerplate_spans(article: Article, prefixes: list[str], report: Report) -> list[Span]:
    """The whole lines of ``article`` that begin with a gold boilerplate prefix."""
    spans = []
    for prefix in prefixes:
        found = False
        pos = 0
        for line in article.text.splitlines(keepends=True):
            if line.strip().startswith(prefix):
                spans.append(Span(pos, pos + len(line.rstrip("\r\n"))))
                found = True
            pos += len(line)
        if not found:
            report.warnings.append(f"{article.id}: boilerplate line not found: {prefix!r}")
    return spans


class _EntityNames:
    """Maps system entities (or unresolved mention texts) to gold entity keys by name."""

    def __init__(self, gold_entities: dict[str, dict], entities: list[Entity]) -> None:
        self.gold: dict[str, set[str]] = defaultdict(set)
        for key, ent in gold_entities.items():
            for name in [ent.get("name", ""), *ent.get("aliases", [])]:
                if name:
                    self.gold[name.casefold()].add(key)
        self.affiliation = {key: ent["affiliation"] for key, ent in gold_entities.items() if ent.get("affiliation")}
        self.entities = {e.id: e for e in entities}

    def closure(self, keys: set[str]) -> set[str]:
        """Keys plus what they belong to in the gold: an armed force found is its country found."""
        out = set(keys)
        while True:
            more = {self.affiliation[k] for k in out if k in self.affiliation} - out
            if not more:
                return out
            out |= more

    def _keys(self, names: list[str]) -> set[str]:
        return {k for n in names for k in self.gold.get(n.casefold(), ())}

    def key(self, entity_ids: list[str], text: str, want: set[str]) -> frozenset[str]:
        """Gold keys for one system argument: one per entity it resolved to.

        An entity that fits several gold entities counts as the one the gold
        mention expects, if any; one that fits none stays a system-only key.
        """
        if not entity_ids:
            keys = self._keys([text])
            return frozenset({_pick(keys, want) if keys else f"text:{text.casefold()}"})
        out = set()
        for eid in entity_ids:
            ent = self.entities.get(eid)
            keys = self._keys([ent.label, *ent.aliases]) if ent else set()
            out.add(_pick(keys, want) if keys else f"entity:{eid}")
        return frozenset(out)


def _pick(keys: set[str], want: set[str]) -> str:
    return min(keys & want) if keys & want else min(keys)


def _score_cells(s: Score) -> list[Any]:
    """Counts and ratios; "-" where nothing was expected nor found (no ratio to speak of)."""
    if not s.tp + s.fp + s.fn:
        return [0, 0, 0, "-", "-", "-"]
    return [s.tp, s.fp, s.fn, f"{s.precision:.2f}", f"{s.recall:.2f}", f"{s.f1:.2f}"]


def _table(headers: list[str], rows: list[list[Any]]) -> str:
    """Left-aligned text columns, numbers right-aligned."""
    cells = [[str(c) for c in r] for r in rows]
    widths = [max(len(h), *(len(r[i]) for r in cells)) if cells else len(h) for i, h in enumerate(headers)]
    numeric = [all(_is_number(r[i]) for r in cells) and bool(cells) for i in range(len(headers))]

    def line(values: list[str]) -> str:
        return "  ".join(v.rjust(w) if n else v.ljust(w) for v, w, n in zip(values, widths, numeric)).rstrip()

    return "\n".join([line(headers), line(["-" * w for w in widths]), *(line(r) for r in cells)])


def _is_number(s: str) -> bool:
    if s == "-":
        return True
    try:
        float(s)
    except ValueError:
        return False
    return True
