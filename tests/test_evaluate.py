"""Scoring on a hand-made gold and a hand-made build result (no parser)."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from kg.cli import main
from kg.errors import KgError
from kg.evaluate import evaluate, load_gold
from kg.model import Argument, Article, Entity, EntityMention, Event, EventMention, Result, Span

TEXT_A = ("Baca juga: Landia kirim pasukan ke Borduria\n"
          "Presiden Alfa menelepon Presiden Beta pada Selasa. Alfa mengatakan pembicaraan itu baik.\n"
          "Landia mengerahkan pasukan.\n")
TEXT_B = "Percakapan telepon Alfa dan Beta berlangsung lama.\n"


def at(text: str, word: str, nth: int = 0) -> list[int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return [start, start + len(word)]


GOLD = {
    "format": "seed-gold/1",
    "types": {"primary": ["Call", "Statement", "Deployment"], "secondary": ["Agreement"]},
    "entities": {
        "alfa": {"type": "Person", "name": "Alfa Prime", "aliases": ["Alfa", "Presiden Alfa"]},
        "beta": {"type": "Person", "name": "Beta Secunda", "aliases": ["Beta"]},
        "landia": {"type": "Country", "name": "Landia", "aliases": ["Negeri Landia"]},
    },
    "articles": [
        {"article": "a.txt", "boilerplate": ["Baca juga: Landia kirim"], "events": [
            {"id": "a1", "type": "Call", "trigger_span": at(TEXT_A, "menelepon"), "participants": ["alfa", "beta"],
             "places": [], "date": "2031-03-04", "optional": False, "cluster": "call"},
            {"id": "a2", "type": "Statement", "trigger_span": at(TEXT_A, "mengatakan"), "participants": ["alfa"],
             "places": [], "date": "2031-03-03", "optional": False},
            {"id": "a3", "type": "Call", "trigger_span": at(TEXT_A, "pembicaraan"), "participants": ["alfa"],
             "places": [], "date": None, "optional": True, "cluster": "call"},
            {"id": "a4", "type": "Deployment", "trigger_span": at(TEXT_A, "mengerahkan"), "participants": ["landia"],
             "places": [], "date": None, "optional": False},
        ]},
        {"article": "b.txt", "boilerplate": [], "events": [
            {"id": "b1", "type": "Call", "trigger_span": at(TEXT_B, "Percakapan telepon"),
             "participants": ["alfa", "beta"], "places": [], "date": "2031-03-04", "optional": False,
             "cluster": "call"},
        ]},
    ],
}

ENTITIES = [Entity("person/alfa-prime", "Person", "Alfa Prime", {"Alfa", "Presiden Alfa"}),
            Entity("person/beta", "Person", "B.", {"Beta", "Presiden Beta"}),   # matched by an alias
            Entity("country/XX", "Country", "Gammaland")]                       # in no gold


def sys_mention(mid: str, art: str, text: str, type_: str, word: str, rule: str, event: str | None,
                *args: tuple[str, list[str], str], nth: int = 0) -> EventMention:
    s, e = at(text, word, nth)
    return EventMention(id=mid, article_id=art, type=type_, trigger=Span(s, e), trigger_text=word, sentence=0,
                        sentence_text="", rule=rule, confidence=0.9, event_id=event,
                        arguments=[Argument(role, EntityMention(art, 0, 0, 1, surface, entity_ids=ids))
                                   for role, ids, surface in args])


@pytest.fixture
def result() -> Result:
    ms = [
        sys_mention("s0", "a.txt", TEXT_A, "Deployment", "kirim", "verb", "ev-dep"),          # boilerplate: FP
        sys_mention("s1", "a.txt", TEXT_A, "Call", "menelepon", "verb", "ev-call",
                    ("agent", ["person/alfa-prime"], "Presiden Alfa"), ("addressee", ["person/beta"], "Presiden Beta"),
                    ("place", ["country/XX"], "Gammaland")),                                  # args: 2 tp, 1 fp
        sys_mention("s2", "a.txt", TEXT_A, "Call", "menelepon", "noun", "ev-call"),           # duplicate: FP
        sys_mention("s3", "a.txt", TEXT_A, "Statement", "mengatakan", "speech", "ev-said",
                    ("speaker", [], "Alfa")),                                                 # unresolved, by text
        sys_mention("s4", "a.txt", TEXT_A, "Call", "mengatakan", "verb", "ev-other"),         # wrong type: FP
        sys_mention("s5", "a.txt", TEXT_A, "Call", "pembicaraan", "noun", "ev-other"),        # optional: ignored
        sys_mention("s6", "b.txt", TEXT_B, "Call", "telepon", "noun", "ev-call",
                    ("participant", ["person/alfa-prime", "person/beta"], "Alfa dan Beta")),
        sys_mention("s7", "c.txt", "Alfa menelepon.", "Call", "menelepon", "verb", "ev-call"),  # not in gold
    ]
    events = [Event("ev-call", "Call", [ms[1], ms[2], ms[6], ms[7]], date=date(2031, 3, 4)),
              Event("ev-said", "Statement", [ms[3]]), Event("ev-other", "Call", [ms[4], ms[5]]),
              Event("ev-dep", "Deployment", [ms[0]])]
    arts = [Article("a.txt", Path("a.txt"), TEXT_A, language="id"),
            Article("b.txt", Path("b.txt"), TEXT_B, language="id"),
            Article("c.txt", Path("c.txt"), "Alfa menelepon.", language="id")]
    return Result(articles=arts, event_mentions=ms, entities=ENTITIES, events=events)


def test_mention_scores_count_boilerplate_duplicates_and_wrong_types_but_not_optional(result):
    r = evaluate(result, GOLD)
    call, said, dep = r.types["Call"], r.types["Statement"], r.types["Deployment"]
    assert (call.tp, call.fp, call.fn) == (2, 2, 0)
    assert (said.tp, said.fp, said.fn) == (1, 0, 0)
    assert (dep.tp, dep.fp, dep.fn) == (0, 1, 1)
    assert (r.primary.tp, r.primary.fp, r.primary.fn) == (3, 3, 1)
    assert r.primary.precision == pytest.approx(0.5) and r.primary.recall == pytest.approx(0.75)
    assert r.primary.f1 == pytest.approx(0.6)
    assert r.types["Agreement"].tp == 0 and (r.overall.tp, r.overall.fp, r.overall.fn) == (3, 3, 1)
    kinds = sorted((f.kind, f.trigger) for f in r.findings if f.kind not in ("date", "arguments"))
    assert kinds == [("boilerplate", "kirim"), ("missed", "mengerahkan"), ("spurious", "menelepon"),
                     ("spurious", "mengatakan")]
    assert any("c.txt" in w and "not scored" in w for w in r.warnings)


def test_arguments_match_by_label_or_alias_and_unresolved_text(result):
    r = evaluate(result, GOLD)
    # s1: Alfa (label) and Beta (alias) right, Gammaland wrong; s3: "Alfa" by text; s6: both right
    assert (r.arguments.tp, r.arguments.fp, r.arguments.fn) == (5, 1, 0)


def test_an_armed_force_found_counts_for_the_country_the_gold_ties_it_to():
    text = "Landia mengerahkan tentara Landia ke Borduria."
    gold = {"entities": {"landia": {"name": "Landia", "aliases": []},
                         "army": {"name": "Landian troops", "aliases": ["tentara Landia"], "affiliation": "landia"},
                         "borduria": {"name": "Borduria", "aliases": []}},
            "articles": [{"article": "d.txt", "events": [
                {"type": "Deployment", "trigger_span": at(text, "mengerahkan"), "participants": ["army"],
                 "places": ["borduria"], "date": None}]}]}
    m = sys_mention("d1", "d.txt", text, "Deployment", "mengerahkan", "verb", None,
                    ("force", ["armedforce/LA"], "tentara Landia"), ("destination", ["country/BO"], "ke Borduria"))
    res = Result(articles=[Article("d.txt", Path("d.txt"), text, language="id")], event_mentions=[m],
                 entities=[Entity("armedforce/LA", "ArmedForce", "Landian forces", {"tentara Landia"}),
                           Entity("country/BO", "Country", "Bordurie", {"Borduria"})])
    r = evaluate(res, gold)
    assert (r.arguments.tp, r.arguments.fp, r.arguments.fn) == (3, 0, 0)
    m.arguments.pop()          # the destination missed: one argument short, said so in the findings
    r = evaluate(res, gold)
    assert (r.arguments.tp, r.arguments.fn) == (2, 1)
    assert [f.note for f in r.findings if f.kind == "arguments"] == ["missing borduria"]


def test_dates_are_read_from_the_system_event(result):
    r = evaluate(result, GOLD)
    assert (r.dates_correct, r.dates_total) == (2, 3)
    (miss,) = [f for f in r.findings if f.kind == "date"]
    assert miss.trigger == "mengatakan" and "2031-03-03" in miss.note


def test_clusters_count_the_events_their_matched_mentions_landed_in(result):
    (c,) = evaluate(result, GOLD).clusters
    assert (c.cluster, c.gold_mentions, c.matched, c.events) == ("call", 3, 3, ["ev-call", "ev-other"])


def test_rule_counts(result):
    rules = {k: (v.fired, v.tp, v.fp, v.optional) for k, v in evaluate(result, GOLD).rules.items()}
    assert rules == {"noun": (3, 1, 1, 1), "speech": (1, 1, 0, 0), "verb": (3, 1, 2, 0)}


def test_report_prints_aligned_tables_and_json(result):
    r = evaluate(result, GOLD)
    text = r.format(details=True)
    lines = text.splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("type "))
    call_row = next(line for line in lines if line.startswith("Call "))
    assert len(lines[header]) == len(call_row) and call_row.split()[1:4] == ["2", "2", "0"]
    assert "Dates: 2/3 correct (0.67)" in text and "missed" in text
    d = json.loads(json.dumps(r.to_dict()))
    assert d["primary"]["f1"] == 0.6 and d["clusters"][0]["events"] == 2 and d["rules"]["verb"]["fired"] == 3


def test_bad_gold_files_are_one_line_errors(tmp_path, capsys):
    bad = tmp_path / "gold.json"
    bad.write_text('{"articles": [{"article": "a.txt", "events": [{"type": "Call"}]}]}')
    with pytest.raises(KgError, match="trigger_span"):
        load_gold(bad)
    (tmp_path / "broken.json").write_text("{")
    with pytest.raises(SystemExit) as exit_:
        main(["evaluate", "--gold", str(tmp_path / "broken.json"), "--articles", str(tmp_path)])
    err = capsys.readouterr().err
    assert exit_.value.code == 1 and err.startswith("kg: error: cannot read gold file") and err.count("\n") == 1
