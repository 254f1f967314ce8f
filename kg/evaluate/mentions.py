"""Scoring a build against hand-annotated gold (the ``seed-gold/1`` format).

``evaluate(result, gold)`` compares the event mentions, arguments, dates and
event merging of a :class:`kg.model.Result` with a gold dict and returns a
:class:`Report` (plain-text tables or a JSON-ready dict). It is pure: the CLI
(``kg evaluate``) only loads files, builds and prints.

Matching rules (the gold file's ``description`` says the same):

* an event mention matches a gold mention of the same article and type whose
  trigger offsets overlap it; each gold mention matches once;
* gold mentions marked ``optional`` are neither required nor false positives;
* system mentions on a gold ``boilerplate`` line are false positives; on an
  ``ignore`` line (captions, bylines) they count neither way;
* arguments: the gold mention's participants and places (entity keys) against
  the system mention's arguments, a system entity standing for a gold entity
  when its label or an alias equals (ignoring case) the gold name or an alias.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from kg.evaluate.gold import GoldNames, check_gold
from kg.evaluate.nodes import Landing, Nodes, score_nodes, score_typing
from kg.model import PRIMARY_EVENT_TYPES, Article, EventMention, Result, Span


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
    dates_gold: int = 0        # required gold mentions with a date, found or not
    clusters: list[ClusterCount] = field(default_factory=list)
    nodes: Nodes = field(default_factory=Nodes)
    articles: int = 0          # gold articles scored
    language: str | None = None
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
            "language": self.language, "articles": self.articles,
            "dates": {"correct": self.dates_correct, "total": self.dates_total,
                      "accuracy": round(self.date_accuracy, 4), "gold_dates": self.dates_gold},
            "nodes": self.nodes.to_dict(),
            "clusters": [{"cluster": c.cluster, "gold_mentions": c.gold_mentions, "matched": c.matched,
                          "events": len(c.events), "event_ids": c.events} for c in self.clusters],
            "rules": {r: {"fired": c.fired, "tp": c.tp, "fp": c.fp, "optional": c.optional,
                          "precision": round(c.precision, 4)} for r, c in self.rules.items()},
            "findings": [vars(f) for f in self.findings],
            "warnings": list(self.warnings),
        }

    def summary(self) -> str:
        """The headline figures, one per line (docs/evaluation.md's table)."""
        p, n, t = self.primary, self.nodes, self.nodes.typing
        dep = self.types.get("Deployment", Score())
        scope = f"language {self.language}, " if self.language else ""
        rows = [["primary mentions F1", f"{p.f1:.2f} (P {p.precision:.2f}, R {p.recall:.2f})"],
                ["arguments F1", f"{self.arguments.f1:.2f}"],
                ["gold dates found", f"{self.dates_correct} of {self.dates_total} matched "
                                     f"({self.dates_gold} required in all)"],
                ["gold events in one node", f"{n.whole} of {n.real_events}"],
                ["nodes merging gold events", f"{len(n.merging)} of {n.nodes}"],
                ["Deployment recall", f"{dep.recall:.2f}"],
                ["entity typing", f"{t.right} of {t.total} right ({t.found} found)"],
                ["untyped actor/place nodes", f"{t.untyped} of {t.nodes}"]]
        return f"Summary ({scope}{self.articles} articles)\n" + _table(["measure", "value"], rows)

    def format(self, details: bool = False) -> str:
        """Aligned plain-text tables."""
        rows = [[t, *_score_cells(s)] for t, s in self.types.items()]
        rows += [["primary (micro)", *_score_cells(self.primary)], ["all (micro)", *_score_cells(self.overall)]]
        parts = [self.summary(), "Event mentions", _table(["type", "tp", "fp", "fn", "P", "R", "F1"], rows),
                 "Arguments (actors and places of matched mentions)",
                 _table(["", "tp", "fp", "fn", "P", "R", "F1"], [["arguments", *_score_cells(self.arguments)]]),
                 f"Dates: {self.dates_correct}/{self.dates_total} correct ({self.date_accuracy:.2f}); "
                 f"{self.dates_correct} of the {self.dates_gold} required gold dates found",
                 "Clusters (system events per gold event; ideal 1)",
                 _table(["cluster", "gold", "matched", "events"],
                        [[c.cluster, c.gold_mentions, c.matched, len(c.events)] for c in self.clusters]),
                 "Gold events split over several nodes",
                 _table(["gold event", "nodes"], [[g.key, " ".join(g.members)] for g in self.nodes.split]),
                 "Nodes that merge several gold events",
                 _table(["node", "gold events"], [[g.key, " ".join(g.members)] for g in self.nodes.merging]),
                 "Entity typing (gold entities named by scored mentions, wrong type or not in the graph)",
                 _table(["gold entity", "gold type", "graph"],
                        [[k, t, " ".join(s)] for k, t, s in self.nodes.typing.wrong]
                        + [[k, "", "(not found)"] for k in self.nodes.typing.missing]),
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


def evaluate(result: Result, gold: dict[str, Any], lang: str | None = None) -> Report:
    """Score ``result`` against ``gold`` (see the module docstring for the rules).

    ``lang`` scores only the gold articles in that language (the gold
    article's ``language``, else the one kg detected); the graph is the whole
    build's, so a node may still join reports from articles in other languages.
    """
    check_gold(gold)
    report = Report(language=lang)
    types = list(gold.get("types", {}).get("primary", PRIMARY_EVENT_TYPES))
    types += [t for t in gold.get("types", {}).get("secondary", []) if t not in types]
    report.types = {t: Score() for t in types}
    articles = {a.id: a for a in result.articles}
    by_article: dict[str, list[EventMention]] = defaultdict(list)
    for m in result.event_mentions:
        by_article[m.article_id].append(m)
    names = GoldNames(gold.get("entities", {}), result.entities)
    events = {e.id: e for e in result.events}
    landings: list[Landing] = []
    gold_ids = {a["article"] for a in gold["articles"]}
    for extra in sorted(set(by_article) - gold_ids):
        if lang is None or articles[extra].language == lang:
            report.warnings.append(f"{extra}: not in the gold file, not scored")
    scored = [art for art in gold["articles"] if lang is None or _language(art, articles) == lang]
    for art in scored:
        article = articles.get(art["article"])
        if article is None:
            report.warnings.append(f"{art['article']}: in the gold file but not among the built articles")
        _score_article(art, article, by_article.get(art["article"], []), names, events, report, landings)
    report.articles = len(scored)
    for t, s in report.types.items():
        report.overall.add(s)
        if t in PRIMARY_EVENT_TYPES:
            report.primary.add(s)
    clusters: dict[str, int] = defaultdict(int)
    entity_keys: set[str] = set()
    for art in scored:
        for ev in art.get("events", []):
            if ev.get("cluster"):
                clusters[ev["cluster"]] += 1
            entity_keys.update(ev.get("participants", []), ev.get("places", []))
    report.clusters = [ClusterCount(c, n, sum(1 for x in landings if x.real_event == c),
                                    sorted({x.event_id for x in landings if x.real_event == c}))
                       for c, n in clusters.items()]
    report.nodes = score_nodes(landings)
    report.nodes.typing = score_typing(gold.get("entities", {}), entity_keys, result.entities,
                                       {art["article"] for art in scored})
    report.rules = dict(sorted(report.rules.items()))
    report.findings.sort(key=lambda f: (f.article, f.start, f.kind))
    return report


def _score_article(art: dict, article: Article | None, mentions: list[EventMention], names: GoldNames,
                   events: dict, report: Report, landings: list[Landing]) -> None:
    golds = art.get("events", [])
    matched: dict[int, EventMention] = {}
    boiler = _boilerplate_spans(article, art.get("boilerplate", []), report) if article else []
    # "ignore" lines (captions, bylines) count neither way (GUIDELINES.md)
    ignored = _boilerplate_spans(article, art.get("ignore", []), report) if article else []
    for m in sorted(mentions, key=lambda m: (m.trigger.start, m.trigger.end, m.id)):
        if any(b.overlaps(m.trigger) for b in ignored) and not any(
                Span(*g["trigger_span"]).overlaps(m.trigger) for g in golds):
            continue
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
            gold_id = g.get("id") or f"{art['article']}#{i + 1}"
            landings.append(Landing(gold_id, g.get("cluster"), m.event_id or f"(unresolved {m.id})"))
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
            report.dates_gold += bool(g.get("date"))
            start, end = g["trigger_span"]
            words = article.text[start:end] if article else g.get("trigger", "")
            report.findings.append(Finding("missed", art["article"], g["type"], words, start, note=g.get("id", "")))


def _language(art: dict, articles: dict[str, Article]) -> str | None:
    """A gold article's language: as annotated, else as kg detected it."""
    built = articles.get(art["article"])
    return art.get("language") or (built.language if built else None)


def _overlap(span: list[int], m: EventMention) -> int:
    return min(span[1], m.trigger.end) - max(span[0], m.trigger.start)


def _score_arguments(g: dict, m: EventMention, names: GoldNames, report: Report) -> None:
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
    report.dates_gold += 1
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
