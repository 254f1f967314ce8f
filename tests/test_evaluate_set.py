"""Scoring a set: several gold files, per language, split and merging nodes, entity typing."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kg.cli import main
from kg.errors import KgError
from kg.evaluate import default_articles, evaluate, load_golds
from kg.model import Argument, Article, Entity, EntityMention, Event, EventMention, Result, Span

ID_TEXT = "Presiden Alfa menelepon Presiden Beta. Alfa mengatakan telepon itu baik. Alfa bertemu Beta.\n"
EN_TEXT = "President Alfa called President Beta. The call was good, Alfa said.\n"


def at(text: str, word: str) -> list[int]:
    return [text.index(word), text.index(word) + len(word)]


def gold_event(gid: str, text: str, type_: str, word: str, cluster: str | None, *who: str, date=None) -> dict:
    return {"id": gid, "type": type_, "trigger_span": at(text, word), "participants": list(who), "places": [],
            "date": date, "optional": False, **({"cluster": cluster} if cluster else {})}


GOLD_ID = {"format": "seed-gold/1", "types": {"primary": ["Call", "Statement"], "secondary": ["Meeting"]},
           "entities": {"alfa": {"type": "Person", "name": "Alfa Prime", "aliases": ["Alfa", "Presiden Alfa"]},
                        "beta": {"type": "Person", "name": "Beta", "aliases": ["Presiden Beta"]}},
           "articles": [{"article": "id.txt", "language": "id", "events": [
               gold_event("i1", ID_TEXT, "Call", "menelepon", "call-1", "alfa", "beta", date="2031-03-04"),
               gold_event("i2", ID_TEXT, "Statement", "mengatakan", None, "alfa"),
               gold_event("i3", ID_TEXT, "Call", "telepon", "call-1", "alfa"),
               gold_event("i4", ID_TEXT, "Meeting", "bertemu", "meeting-1", "alfa", "beta")]}]}
GOLD_EN = {"format": "seed-gold/1", "types": {"primary": ["Call", "Statement"]},
           "entities": {"alfa": {"type": "Person", "name": "Alfa Prime", "aliases": ["President Alfa"]},
                        "beta": {"type": "Country", "name": "Betaland", "aliases": ["Beta"]}},
           "articles": [{"article": "en.txt", "language": "en", "events": [
               gold_event("e1", EN_TEXT, "Call", "called", "call-1", "alfa", "beta", date="2031-03-04"),
               gold_event("e2", EN_TEXT, "Statement", "said", None, "alfa")]}]}


def write_set(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "gold-a.json").write_text(json.dumps(GOLD_ID), encoding="utf-8")
    (folder / "gold-b.json").write_text(json.dumps(GOLD_EN), encoding="utf-8")
    (folder / "articles").mkdir(exist_ok=True)
    (folder / "articles" / "id.txt").write_text(ID_TEXT, encoding="utf-8")
    (folder / "articles" / "en.txt").write_text(EN_TEXT, encoding="utf-8")
    return folder


def test_a_folder_of_gold_files_is_one_set_with_entities_joined_or_kept_apart(tmp_path):
    folder = write_set(tmp_path / "dev")
    gold = load_golds([folder])
    assert [a["article"] for a in gold["articles"]] == ["id.txt", "en.txt"]
    # the same key and name: one entity, aliases of both files
    assert gold["entities"]["alfa"]["aliases"] == ["Alfa", "Presiden Alfa", "President Alfa"]
    # the same key for another entity: the later file's is renamed, and so are its references
    assert gold["entities"]["gold-b:beta"]["name"] == "Betaland"
    assert gold["articles"][1]["events"][0]["participants"] == ["alfa", "gold-b:beta"]
    assert gold["types"] == {"primary": ["Call", "Statement"], "secondary": ["Meeting"]}
    assert default_articles([folder]) == folder / "articles"
    assert load_golds([folder / "gold-a.json"]) == GOLD_ID


def test_bad_sets_are_one_line_errors(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(KgError, match="no gold file"):
        load_golds([tmp_path / "empty"])
    folder = write_set(tmp_path / "dev")
    (folder / "gold-c.json").write_text(json.dumps(GOLD_EN), encoding="utf-8")
    with pytest.raises(KgError, match="en.txt is annotated in .*gold-b.json too"):
        load_golds([folder])


def mention(mid: str, art: str, text: str, type_: str, word: str, event: str, *who: tuple[str, str]) -> EventMention:
    s, e = at(text, word)
    return EventMention(id=mid, article_id=art, type=type_, trigger=Span(s, e), trigger_text=word, sentence=0,
                        sentence_text="", rule=f"rule-{type_}", confidence=0.9, event_id=event,
                        arguments=[Argument("participant", EntityMention(art, 0, 0, 1, name, entity_ids=[eid]))
                                   for eid, name in who])


@pytest.fixture
def result() -> Result:
    alfa, beta = ("person/alfa", "Alfa"), ("person/beta", "Beta")
    ms = [mention("m1", "id.txt", ID_TEXT, "Call", "menelepon", "call-x", alfa, beta),
          mention("m2", "id.txt", ID_TEXT, "Statement", "mengatakan", "said-x", alfa),
          mention("m3", "id.txt", ID_TEXT, "Call", "telepon", "call-y", alfa),          # call-1 split: x and y
          mention("m4", "id.txt", ID_TEXT, "Meeting", "bertemu", "call-y", alfa, beta),  # call-y merges two
          mention("m5", "en.txt", EN_TEXT, "Call", "called", "call-x", alfa, beta),
          mention("m6", "en.txt", EN_TEXT, "Statement", "said", "said-x", alfa)]        # said-x: i2 and e2
    events = [Event("call-x", "Call", [ms[0], ms[4]]), Event("call-y", "Call", [ms[2], ms[3]]),
              Event("said-x", "Statement", [ms[1], ms[5]])]
    entities = [Entity("person/alfa", "Person", "Alfa Prime", {"Alfa"}), Entity("person/beta", "Person", "Beta")]
    return Result(articles=[Article("id.txt", Path("id.txt"), ID_TEXT, language="id"),
                            Article("en.txt", Path("en.txt"), EN_TEXT, language="en")],
                  event_mentions=ms, entities=entities, events=events)


def test_split_gold_events_and_nodes_that_merge_several(result, tmp_path):
    r = evaluate(result, load_golds([write_set(tmp_path / "dev")]))
    n = r.nodes
    assert (n.whole, n.real_events) == (1, 2)                        # meeting-1 whole, call-1 split
    assert [(g.key, g.members) for g in n.split] == [("call-1", ["call-x", "call-y"])]
    assert n.nodes == 3
    assert [(g.key, g.members) for g in n.merging] == [("call-y", ["call-1", "meeting-1"]),
                                                        ("said-x", ["e2", "i2"])]
    assert r.nodes.to_dict()["merging_nodes"]["call-y"] == ["call-1", "meeting-1"]
    text = r.format()
    assert re.search(r"gold events in one node +1 of 2\n", text)
    assert re.search(r"nodes merging gold events +2 of 3\n", text)


def test_lang_scores_only_the_articles_in_that_language(result, tmp_path):
    gold = load_golds([write_set(tmp_path / "dev")])
    both, id_, en = evaluate(result, gold), evaluate(result, gold, lang="id"), evaluate(result, gold, lang="en")
    assert (both.articles, id_.articles, en.articles) == (2, 1, 1)
    assert (both.primary.tp, id_.primary.tp, en.primary.tp) == (5, 3, 2)
    assert (both.dates_gold, id_.dates_gold, en.dates_gold) == (2, 1, 1)
    # per language, a node only counts the reports of the scored articles
    assert [g.key for g in en.nodes.merging] == [] and [g.key for g in id_.nodes.merging] == ["call-y"]
    assert id_.to_dict()["language"] == "id" and "Summary (language en, 1 articles)" in en.format()
    assert not id_.warnings


def test_entity_typing_finds_gold_entities_by_name_and_checks_their_type(result, tmp_path):
    gold = load_golds([write_set(tmp_path / "dev")])
    t = evaluate(result, gold).nodes.typing
    # alfa: Person, right; beta: Person, right; gold-b:beta (Betaland, a Country) is found by its alias
    # "Beta" but typed Person in the graph
    assert (t.total, t.found, t.right) == (3, 3, 2)
    assert t.wrong == [("gold-b:beta", "Country", ["Person"])]
    result.entities.pop()
    t = evaluate(result, gold, lang="id").nodes.typing
    assert (t.total, t.found, t.right, t.missing) == (2, 1, 1, ["beta"])


def test_kg_evaluate_scores_a_gold_folder_per_language(tmp_path, capsys):
    folder = write_set(tmp_path / "dev")
    (folder / "articles" / "en.txt").unlink()       # the bundled models read Indonesian only
    with pytest.raises(SystemExit) as exit_:
        main(["evaluate", "--gold", str(folder), "--lang", "id", "--json", "--cache-dir", str(tmp_path / "cache")])
    out = json.loads(capsys.readouterr().out)
    assert exit_.value.code == 0
    assert out["language"] == "id" and out["articles"] == 1 and out["types"]["Call"]["tp"] >= 1
    assert out["nodes"]["gold_events"] >= 1 and out["dates"]["gold_dates"] == 1
    assert out["nodes"]["typing"]["gold_entities"] == 2


def test_typing_counts_the_untyped_nodes_of_the_scored_articles():
    from kg.evaluate import score_typing

    def ent(eid: str, type_: str, article: str) -> Entity:
        return Entity(eid, type_, eid, mentions=[EntityMention(article, 0, 0, 1, eid)])

    entities = [ent("person/a", "Person", "id.txt"), ent("unknown/b", "Unknown", "id.txt"),
                ent("unknown/c", "Unknown", "en.txt")]
    t = score_typing({}, set(), entities, {"id.txt"})
    assert (t.nodes, t.untyped) == (2, 1)
    assert score_typing({}, set(), entities).untyped == 2
