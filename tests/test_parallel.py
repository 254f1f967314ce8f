"""Builds spread over processes and over a Dask LocalCluster give the same bytes as a plain build."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from cli_run import kg as kg_cli
from conllu_util import conllu

import kg
from kg.export import html, rdf
from kg.export import json as export_json
from kg.model import Result
from kg.pipeline import parallel

CALL = ("Presiden Joko Widodo menelepon Perdana Menteri Anthony Albanese di Jakarta.",
        """Presiden presiden NOUN 2 nmod
Joko Joko PROPN 4 nsubj
Widodo Widodo PROPN 2 flat
menelepon telepon VERB 0 root
Perdana perdana NOUN 4 obj
Menteri menteri NOUN 5 flat
Anthony Anthony PROPN 5 appos
Albanese Albanese PROPN 7 flat
di di ADP 10 case
Jakarta Jakarta PROPN 4 obl
. . PUNCT 4 punct""")


def outputs(result: Result) -> tuple[bytes, str, str]:
    """Everything a build writes that must not depend on how it ran."""
    return rdf.serialize(result.graph, "trig"), export_json.dumps(result), html.render(result.graph)


@pytest.fixture
def preparsed(tmp_path) -> Path:
    """Five pre-parsed articles; the third has no CoNLL-U beside it."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for i in range(5):
        (folder / f"a{i}.txt").write_text(CALL[0] + "\n", encoding="utf-8")
        if i != 2:
            (folder / f"a{i}.conllu").write_text(conllu(CALL[1]), encoding="utf-8")
    return folder


def test_a_failing_article_costs_only_itself_not_its_batch(preparsed, monkeypatch) -> None:
    monkeypatch.setattr(parallel, "BATCH", 3)
    result = kg.build(preparsed, lang="id", provider="conllu")
    assert [a.id for a in result.articles] == ["a0.txt", "a1.txt", "a3.txt", "a4.txt"]
    assert [s.path for s in result.skipped] == [str(preparsed / "a2.txt")]
    assert "no pre-parsed CoNLL-U" in result.skipped[0].reason
    assert {e.type for e in result.events} == {"Call"}


def test_processes_give_the_bytes_of_one(preparsed, monkeypatch) -> None:
    monkeypatch.setattr(parallel, "BATCH", 1)
    one = kg.build(preparsed, lang="id", provider="conllu", jobs=1)
    two = kg.build(preparsed, lang="id", provider="conllu", jobs=2)
    assert outputs(one) == outputs(two)
    assert [s.reason for s in one.skipped] == [s.reason for s in two.skipped]


def test_stanza_in_two_worker_processes_gives_the_bytes_of_one(seed_dir, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(parallel, "BATCH", 1)   # one article per task: both workers parse
    one = kg.build(seed_dir, jobs=1)
    two = kg.build(seed_dir, jobs=2)
    assert one.stats.parsed == two.stats.parsed == 2
    assert outputs(one) == outputs(two)


def test_scheduler_local_builds_the_same_bytes_as_a_plain_build(seed_dir, tmp_path) -> None:
    articles = tmp_path / "articles"
    shutil.copytree(seed_dir, articles)
    plain = kg_cli("build", articles, "-o", tmp_path / "plain", "--no-cache", "--jobs", "1", "--format", "trig")
    dask = kg_cli("build", articles, "-o", tmp_path / "dask", "--no-cache", "--scheduler", "local", "--jobs", "2",
                  "--format", "trig")
    assert plain.returncode == dask.returncode == 0, dask.stderr
    for name in ("graph.trig", "events.json", "graph.html"):
        assert (tmp_path / "plain" / name).read_bytes() == (tmp_path / "dask" / name).read_bytes(), name


def test_an_unreachable_scheduler_is_one_line(preparsed, tmp_path) -> None:
    proc = kg_cli("build", preparsed, "-o", tmp_path / "out", "--provider", "conllu", "--lang", "id",
                  "--scheduler", "tcp://127.0.0.1:9", "-q")
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert proc.stderr.startswith("kg: error: cannot reach the Dask scheduler at tcp://127.0.0.1:9")
    assert proc.stderr.count("\n") == 1
