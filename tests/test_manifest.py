"""A manifest of publication dates, URLs and outlets beside a folder of plain-text articles."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from cli_run import kg

from kg.errors import KgError
from kg.read import manifest
from kg.read.articles import read_path

TEXT = "Presiden Alfa menelepon Presiden Beta pada Senin untuk membahas kerja sama perdagangan.\n"
ENGLISH = "President Alfa called President Beta on Sunday to discuss trade, his office said.\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def jsonl(path: Path, *records: dict) -> Path:
    return write(path, "".join(json.dumps(r) + "\n" for r in records))


def test_records_match_by_path_or_by_a_name_found_once(tmp_path):
    arts = tmp_path / "articles"
    for rel in ("a.txt", "2025/b.txt", "x/same.txt", "y/same.txt"):
        write(arts / rel, TEXT)
    write(arts / "feed.jsonl", json.dumps({"text": TEXT, "date": "2025-01-01", "source": "Feed"}) + "\n")
    listing = manifest.load(jsonl(
        tmp_path / "sources.jsonl",
        {"file": "a.txt", "published": "2025-05-04", "url": "https://x.example/a", "outlet": "X", "language": "en"},
        {"file": "b.txt", "date": "5 Mei 2025"},                 # the bare name, found once: matched
        {"file": "same.txt", "published": "2025-05-06"},         # two files of that name: no guess
        {"file": "y/same.txt", "published": "2025-05-07"},       # its path: matched
        {"file": "feed.jsonl#1", "published": "2025-05-08"},     # a record beats the record's own date
        {"file": "gone.txt", "published": "2025-05-09"}))
    got = {a.id: a for a in read_path(arts, manifest=listing)}
    a = got["a.txt"]
    assert (a.published, a.url, a.outlet, a.language) == (date(2025, 5, 4), "https://x.example/a", "X", "en")
    assert got["2025/b.txt"].published == date(2025, 5, 5)
    assert got["x/same.txt"].published is None
    assert got["y/same.txt"].published == date(2025, 5, 7)
    assert (got["feed.jsonl#1"].published, got["feed.jsonl#1"].outlet) == (date(2025, 5, 8), "Feed")
    assert listing.unused() == 2        # same.txt and gone.txt named no article that was read


def test_a_csv_table_is_a_manifest_too(tmp_path):
    write(tmp_path / "articles" / "a.txt", TEXT)
    listing = manifest.load(write(tmp_path / "sources.csv", "file,url,published\na.txt,https://x.example,2025-05-04\n"))
    (art,) = read_path(tmp_path / "articles", manifest=listing)
    assert (art.url, art.published) == ("https://x.example", date(2025, 5, 4))


@pytest.mark.parametrize("text, where, reason", [
    ('{"file": "a.txt"}\n{"file": \n', "line 2", "invalid JSON (Expecting value)"),
    ('["a.txt"]\n', "line 1", "not a JSON object"),
    ('{"url": "https://x.example"}\n', "line 1", "no 'file' naming the article"),
    ('{"file": "a.txt", "published": "May 2025"}\n', "line 1", "'May 2025' is not a date with a day, month and year"),
    ('{"file": "a.txt"}\n{"file": "./a.txt"}\n', "line 2", "a second record for 'a.txt' (the first is used)"),
])
def test_a_bad_record_is_left_out_with_one_line_and_the_rest_is_used(tmp_path, text, where, reason):
    listing = manifest.load(write(tmp_path / "s.jsonl", text + '{"file": "b.txt", "published": "2025-05-04"}\n'))
    assert [(p.path, p.reason) for p in listing.problems] == [(f"{tmp_path / 's.jsonl'} {where}", reason)]
    assert listing.by_path["b.txt"].published == date(2025, 5, 4)


@pytest.mark.parametrize("name, text, message", [
    ("s.txt", "a.txt 2025-05-04\n", "a manifest is a .jsonl or .csv file"),
    ("s.csv", "file,published\n\"a.txt,2025\n", "not a CSV table"),
    ("s.csv", "name,published\na.txt,2025-05-04\n", "no 'file' column in the header row"),
])
def test_a_file_that_is_no_manifest_is_one_clear_error(tmp_path, name, text, message):
    with pytest.raises(KgError, match=message):
        manifest.load(write(tmp_path / name, text))
    (tmp_path / "bytes.jsonl").write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(KgError, match="not UTF-8 text"):
        manifest.load(tmp_path / "bytes.jsonl")


def test_kg_build_dates_a_weekday_by_the_manifest_and_says_what_it_left_out(tmp_path):
    write(tmp_path / "articles" / "call.txt", ENGLISH)
    sources = jsonl(tmp_path / "sources.jsonl", {"file": "call.txt", "published": "2025-05-06"})   # a Tuesday
    done = kg("build", tmp_path / "articles", "-o", tmp_path / "out", "--sources", sources, "--no-html", "--no-store",
              "-q")
    assert done.returncode == 0, done.stderr
    built = json.loads((tmp_path / "out" / "events.json").read_text(encoding="utf-8"))
    assert built["articles"][0]["published"] == "2025-05-06"
    calls = [e for e in built["events"] if e["type"] == "Call"]
    assert calls and calls[0]["date"] == "2025-05-04"       # "on Sunday" before a Tuesday

    bad = write(tmp_path / "bad.jsonl", '{"file": "call.txt", "published": "soon"}\n')
    partly = kg("build", tmp_path / "articles", "-o", tmp_path / "out2", "--sources", bad, "-q")
    assert partly.returncode == 3, partly.stderr          # built, with an input skipped
    assert partly.stderr == f"kg: skipped {bad} line 1: 'soon' is not a date with a day, month and year\n"

    wrong = write(tmp_path / "sources.txt", "call.txt 2025-05-06\n")
    failed = kg("build", tmp_path / "articles", "-o", tmp_path / "out3", "--sources", wrong, "-q")
    assert failed.returncode != 0 and not (tmp_path / "out3").exists()
    assert failed.stderr == f"kg: error: {wrong}: a manifest is a .jsonl or .csv file\n"


def test_kg_evaluate_reads_the_gold_folders_manifest_unless_told_not_to(tmp_path):
    folder = tmp_path / "dev"
    write(folder / "articles" / "id.txt", TEXT)
    start = TEXT.index("menelepon")
    gold = {"format": "seed-gold/1", "types": {"primary": ["Call"]},
            "entities": {"alfa": {"type": "Person", "name": "Alfa", "aliases": ["Presiden Alfa"]},
                         "beta": {"type": "Person", "name": "Beta", "aliases": ["Presiden Beta"]}},
            "articles": [{"article": "id.txt", "language": "id", "events": [
                {"id": "e1", "type": "Call", "trigger_span": [start, start + len("menelepon")],
                 "participants": ["alfa", "beta"], "places": [], "date": "2025-05-05", "optional": False}]}]}
    write(folder / "gold.json", json.dumps(gold))
    jsonl(folder / "sources.jsonl", {"file": "id.txt", "published": "2025-05-06"})    # Senin = 5 May

    def dates(*options: str) -> dict:
        done = kg("evaluate", "--gold", folder, "--json", "--cache-dir", tmp_path / "cache", *options)
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)["dates"]

    assert dates()["correct"] == 1
    assert dates("--no-sources")["correct"] == 0
