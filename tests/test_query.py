"""``kg query``: presets on the hand-built graph and on the sample articles, formats, errors."""
from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_rdf import CALL, sample_graph

from kg.cli import main
from kg.errors import USAGE, UsageError
from kg.export import query, rdf, rdf_read, store, view

REPO = Path(__file__).resolve().parent.parent
PRESETS = ["actors", "deployments", "events-at-place", "sources-of-event", "statements-by-speaker", "timeline",
           "who-called-whom"]


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("q") / "graph.ttl"
    path.write_bytes(rdf.serialize(sample_graph(), "ttl"))
    return path


@pytest.fixture(scope="module")
def data(graph_file):
    return store.open_graph(graph_file)


def rows(data, name: str) -> list[dict]:
    """A preset's answer as the JSON records ``--format json`` prints."""
    return json.loads(query.format_result(query.run(data, query.preset(name).text), "json"))


def kg(capsys, *args: object) -> tuple[int, str, str]:
    """``kg ARGS…`` in this process, through the real entry point: exit code, stdout, stderr."""
    with pytest.raises(SystemExit) as e:
        main([str(a) for a in args])
    out, err = capsys.readouterr()
    return e.value.code, out, err


def test_every_preset_has_a_description() -> None:
    found = query.presets()
    assert sorted(found) == PRESETS
    assert all(p.description and "\n" not in p.description for p in found.values())


def test_who_called_whom(data) -> None:
    assert rows(data, "who-called-whom") == [
        {"who": "Anthony Albanese", "how": "talked with", "whom": "Prabowo Subianto", "date": "2025-02-03",
         "article": "berita/001 call.txt"},
        {"who": "Anthony Albanese", "how": "talked with", "whom": "Prabowo Subianto", "date": "2025-02-03",
         "article": "feed.jsonl#3"},
    ]


def write(path: Path, g) -> Path:
    path.write_bytes(rdf.serialize(g, path.suffix[1:]))
    return path


def test_who_called_whom_says_called_when_the_caller_is_known(tmp_path) -> None:
    g = sample_graph()
    while g.has_edge(f"event:{CALL}", "entity:person/prabowo-subianto"):   # whatever role: now the agent
        g.remove_edge(f"event:{CALL}", "entity:person/prabowo-subianto")
    view.link(g, f"event:{CALL}", "entity:person/prabowo-subianto", "agent")
    data = store.open_graph(write(tmp_path / "graph.trig", g))
    assert {(r["who"], r["how"], r["whom"]) for r in rows(data, "who-called-whom")} == {
        ("Prabowo Subianto", "called", "Anthony Albanese")}


def test_statements_by_speaker(data) -> None:
    assert rows(data, "statements-by-speaker") == [{
        "speaker": "Prabowo Subianto", "date": "2025-02-03", "says": "Kami sepakat memperkuat kerja sama maritim",
        "about": "Call · Prabowo Subianto – Anthony Albanese · 2025-02-03", "via": "dikutip Antara",
        "article": "berita/001 call.txt"}]


def test_deployments(data) -> None:
    assert rows(data, "deployments") == [{
        "force": "Australian armed forces", "by": "Australia", "destination": "Darwin", "count": 2000,
        "qualifier": "about", "date": None, "planned": "yes"}]


def test_events_at_place(data) -> None:
    got = [(r["place"], r["role"], r["type"], r["lat"]) for r in rows(data, "events-at-place")]
    assert got == [("Darwin", "destination", "Deployment", -12.46113), ("Jakarta", "destination", "Visit", -6.21462)]


def test_timeline(data) -> None:
    got = [(r["date"], r["type"], r["mentions"], r["articles"]) for r in rows(data, "timeline")]
    assert got == [("2025-02-03", "Call", 2, 2), ("2025-02-03", "Statement", 1, 1), (None, "Deployment", 1, 1),
                   (None, "Visit", 1, 1)]


def test_sources_of_event(data) -> None:
    got = [(r["article"], r["outlet"], r["trigger"], r["begin"], r["end"], r["rule"])
           for r in rows(data, "sources-of-event") if r["event"].startswith("Call")]
    assert got == [("berita/001 call.txt", "contoh.id", "menelepon", 57, 66, "verb-trigger"),
                   ("feed.jsonl#3", "Contoh Feed", "berbicara melalui telepon", 21, 46, "multiword-trigger")]


def test_actors(data) -> None:
    got = {r["actor"]: (r["type"], r["affiliation"], r["events"], r["aliases"]) for r in rows(data, "actors")}
    assert got["Prabowo Subianto"] == ("Person", "Indonesia", 2, "Prabowo | Presiden Indonesia Prabowo Subianto")
    assert got["Australian armed forces"] == ("Armed force", "Australia", 1, "tentara Australia")
    assert got["Antara"] == ("Unknown", None, 0, "")
    assert list(got)[0] in ("Australia", "Prabowo Subianto")  # most active first


def test_presets_run_on_every_format_alike(tmp_path) -> None:
    g = sample_graph()
    answers = set()
    for fmt in rdf.FORMATS:
        loaded = store.open_graph(write(tmp_path / f"graph.{fmt}", g))
        answers.add(tuple(json.dumps(rows(loaded, name)) for name in PRESETS))
    assert len(answers) == 1


def test_malformed_query_is_a_usage_error_with_its_position(data) -> None:
    with pytest.raises(UsageError) as e:
        query.run(data, "SELECT ?x\nWHERE { ?x a sem:Event")
    assert e.value.exit_code == USAGE
    assert "line 2" in str(e.value) and "column" in str(e.value) and "\n" not in str(e.value)
    with pytest.raises(UsageError, match="line 1, column .*unknown prefix"):
        query.run(data, "SELECT ?x WHERE { ?x a nope:Thing }")


def test_table_is_aligned_and_csv_and_json_are_complete(data) -> None:
    result = query.run(data, query.preset("sources-of-event").text)
    lines = query.format_result(result, "table").splitlines()
    assert lines[0].split() == ["event", "article", "outlet", "trigger", "begin", "end", "rule", "confidence",
                                "sentence"]
    assert set(lines[1]) <= {"-", " "} and lines[-1] == "(5 rows)"
    starts = [lines[0].index("article")] + [line.index("berita/") for line in lines[2:-1] if "berita/" in line]
    assert len(set(starts)) == 1  # the column lines up
    records = list(csv.DictReader(io.StringIO(query.format_result(result, "csv"))))
    assert len(records) == 5 and all(r["sentence"] in r["sentence"] for r in records)
    assert max(len(r["sentence"]) for r in records) > query.MAX_CELL  # csv keeps what the table cuts


def test_ask_and_construct(data) -> None:
    assert query.format_result(query.run(data, "ASK { ?e a kg:Call }"), "table") == "true\n"
    out = query.format_result(query.run(data, "CONSTRUCT { ?e a kg:Call } WHERE { ?e a kg:Call }"), "table")
    assert CALL in out


# ---------------------------------------------------------------- the command

def test_cli_preset_table(capsys, graph_file) -> None:
    code, out, err = kg(capsys, "query", graph_file, "--preset", "who-called-whom")
    assert code == 0, err
    assert out.splitlines()[0].split() == ["who", "how", "whom", "date", "article"]
    assert "Anthony Albanese  talked with  Prabowo Subianto  2025-02-03  feed.jsonl#3" in out


def test_cli_query_text_and_file(capsys, graph_file, tmp_path) -> None:
    q = "SELECT ?id WHERE { ?e a/rdfs:subClassOf* sem:Event ; dcterms:identifier ?id } ORDER BY ?id"
    code, out, _ = kg(capsys, "query", graph_file, q, "--format", "csv")
    assert code == 0 and out.splitlines()[:2] == ["id", CALL]
    (tmp_path / "q.rq").write_text(q, encoding="utf-8")
    code, out2, _ = kg(capsys, "query", graph_file, "--file", tmp_path / "q.rq", "--format", "csv")
    assert code == 0 and out2 == out


def test_cli_list(capsys) -> None:
    code, out, _ = kg(capsys, "query", "--list")
    assert code == 0
    assert [line.split()[0] for line in out.splitlines()] == PRESETS


def test_cli_malformed_query_exits_2_with_one_line(capsys, graph_file) -> None:
    code, out, err = kg(capsys, "query", graph_file, "SELECT ?x WHERE { ?x ?y }")
    assert code == 2 and out == ""
    assert err.startswith("kg: error: malformed query at line 1, column ") and err.count("\n") == 1
    assert "Traceback" not in err


@pytest.mark.parametrize("args, message", [
    (["--preset", "nope"], "no preset named 'nope'"),
    (["--preset", "timeline", "SELECT * {}"], "exactly one of QUERY, --file FILE or --preset NAME"),
    ([], "exactly one of QUERY"),
])
def test_cli_usage_errors(capsys, graph_file, args, message) -> None:
    code, _, err = kg(capsys, "query", graph_file, *args)
    assert code == 2 and message in err and err.count("\n") == 1


def test_cli_bad_graph_file(capsys, tmp_path) -> None:
    bad = tmp_path / "graph.ttl"
    bad.write_text("this is not turtle", encoding="utf-8")
    code, _, err = kg(capsys, "query", bad, "--preset", "timeline")
    assert code == 1 and err.startswith(f"kg: error: {bad}: not valid Turtle: ") and err.count("\n") == 1


def test_every_command_is_in_the_lazy_table() -> None:
    from kg.cli import COMMANDS, _register, cli

    _register()
    assert set(cli.commands) == set(COMMANDS)


def test_kg_query_starts_without_the_build_libraries(graph_file, tmp_path) -> None:
    """Each `kg query` call is a process: loading rdflib, networkx or Stanza would cost it a third of a second."""
    folder = tmp_path / "graph.oxigraph"
    store.load([graph_file], folder)
    script = ("import sys\nfrom kg.cli import main\ntry:\n    main(sys.argv[1:])\nexcept SystemExit as e:\n"
              "    print(e.code, sorted({'networkx', 'rdflib', 'stanza', 'torch'} & set(sys.modules)))")
    proc = subprocess.run([sys.executable, "-c", script, "query", str(folder), "--preset", "who-called-whom"],
                          capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert "Anthony Albanese" in proc.stdout and proc.stdout.splitlines()[-1] == "0 []", proc.stdout + proc.stderr


# ---------------------------------------------------------------- the sample articles, end to end

@pytest.fixture(scope="module")
def examples_ttl(examples, tmp_path_factory) -> Path:
    """The sample articles (the session's build) exported as Turtle."""
    path = tmp_path_factory.mktemp("examples") / "graph.ttl"
    path.write_bytes(rdf.serialize(examples.graph, "ttl"))
    return path


def test_examples_who_called_whom_zelensky_and_yoon_from_both_articles(examples_ttl) -> None:
    got = rows(store.open_graph(examples_ttl), "who-called-whom")
    call = [r for r in got if r["date"] == "2024-10-29"
            and sorted(["Zelensky" in r["who"], "Zelensky" in r["whom"]]) == [False, True]
            and "Yoon Suk Yeol" in (r["who"], r["whom"])]
    assert {r["article"] for r in call} == {"000_91fd489c48fefebd.txt", "002_c45c19499be97a17.txt"}, got


def test_examples_every_preset_answers(examples_ttl) -> None:
    data = store.open_graph(examples_ttl)
    answers = {name: rows(data, name) for name in PRESETS}
    assert all(answers[name] for name in PRESETS), {n: len(a) for n, a in answers.items()}
    speakers = {r["speaker"] for r in answers["statements-by-speaker"]}
    assert any("Zelensky" in (s or "") for s in speakers), speakers
    deployed = {(r["force"], r["count"]) for r in answers["deployments"]}
    assert any("Korea" in (force or "") and count == 10000 for force, count in deployed), deployed


def test_examples_presets_list_the_same_rows_in_the_same_order_in_rdflib(examples_ttl) -> None:
    """A second SPARQL engine agrees row for row: every preset orders its rows completely (no ties
    left to the engine) and says the same thing where engines differ (GROUP_CONCAT over nothing)."""
    from kg.export.vocab import PREFIXES

    data = rdf_read.load(examples_ttl)
    oxigraph = store.open_graph(examples_ttl)
    for name in PRESETS:
        text = query.preset(name).text
        ours = [[None if v is None else v.value for v in row] for row in query.run(oxigraph, text).rows]
        theirs = [[None if v is None else str(v) for v in row] for row in data.query(text, initNs=PREFIXES)]
        assert len(ours) > 1 and ours == theirs, name
