"""SHACL: every export conforms to ontologies/kg-shapes.ttl, and the shapes catch broken graphs."""
from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef
from test_rdf import CALL, sample_graph

from kg.cli import main
from kg.export import rdf, rdf_read, shacl
from kg.export.vocab import DCTERMS, GAF, KG, NIF, RDF, RDFS, SEM


@pytest.fixture(scope="module")
def flat() -> Graph:
    return rdf.flatten(rdf.to_dataset(sample_graph()))


def broken(flat: Graph, edit) -> list[str]:
    g = Graph()
    for t in flat:
        g.add(t)
    edit(g)
    return [str(v) for v in shacl.validate(g)]


@pytest.mark.parametrize("fmt", list(rdf.FORMATS))
def test_every_format_conforms(tmp_path, fmt) -> None:
    path = tmp_path / f"graph.{fmt}"
    path.write_bytes(rdf.serialize(sample_graph(), fmt))
    assert shacl.validate(rdf_read.load(path)) == []


def test_a_second_label_is_a_violation(flat) -> None:
    who = rdf.entity_iri("person/prabowo-subianto")
    found = broken(flat, lambda g: g.add((who, RDFS.label, Literal("Prabowo"))))
    assert found == ["Violation: person/prabowo-subianto rdfs:label: an actor or place has exactly one rdfs:label "
                     "(its canonical name)"]


def test_offsets_that_do_not_spell_the_anchor_are_a_violation(flat) -> None:
    def edit(g: Graph) -> None:
        m = next(iter(sorted(g.subjects(RDF.type, KG.EventMention))))
        g.set((m, NIF.anchorOf, Literal("x")))
    found = broken(flat, edit)
    assert len(found) == 2 and "nif:anchorOf is not endIndex − beginIndex characters long" in found[0]
    assert "nif:anchorOf is not the article's nif:isString from beginIndex to endIndex" in found[1]


def test_an_anchor_the_article_text_does_not_have_there_is_a_violation(flat) -> None:
    """Same length, other letters: only the article's nif:isString can tell (NIF 2.0)."""
    def edit(g: Graph) -> None:
        m = next(iter(sorted(g.subjects(RDF.type, KG.EventMention))))
        g.set((m, NIF.anchorOf, Literal("x" * len(str(g.value(m, NIF.anchorOf))))))
    found = broken(flat, edit)
    assert len(found) == 1 and "not the article's nif:isString from beginIndex to endIndex" in found[0], found


def test_an_article_needs_its_text_and_an_agent_as_publisher(flat) -> None:
    ctx = rdf.article_iri("feed.jsonl#3")

    def edit(g: Graph) -> None:
        g.remove((ctx, NIF.isString, None))
        g.set((ctx, DCTERMS.publisher, Literal("Contoh Feed")))
    found = broken(flat, edit)
    assert any("exactly one nif:isString" in v for v in found), found
    assert any("publisher is one dcterms:Agent node" in v for v in found), found


def test_an_event_needs_exactly_one_kg_type_a_mention_and_a_proper_date(flat) -> None:
    call = rdf.event_iri(CALL)

    def edit(g: Graph) -> None:
        g.add((call, RDF.type, KG.Meeting))
        g.add((call, SEM.hasTimeStamp, Literal("29 Oktober")))
        g.remove((call, GAF.denotedBy, None))
    found = broken(flat, edit)
    assert any("exactly one kg event type" in v for v in found)
    assert any("sem:hasTimeStamp" in v for v in found)
    assert any("denoted by at least one kg:EventMention" in v for v in found)
    assert any("a mention denotes an event" in v for v in found)  # the orphaned mentions


def test_a_role_must_point_to_an_actor_or_place(flat) -> None:
    found = broken(flat, lambda g: g.add((rdf.event_iri(CALL), KG.participant, URIRef("https://elsewhere.example/x"))))
    assert len(found) == 1 and "a role points to an actor or place of the graph" in found[0]


def test_kg_validate_exit_codes(tmp_path, capsys, flat) -> None:
    good = tmp_path / "graph.ttl"
    good.write_bytes(rdf.serialize(sample_graph(), "ttl"))
    with pytest.raises(SystemExit) as e:
        main(["validate", str(good)])
    out, err = capsys.readouterr()
    assert e.value.code == 0, err
    assert out == f"{good}: conforms (4 events, 5 mentions, 6 actors, 2 places, 2 articles)\n"

    g = Graph()
    for t in flat:
        g.add(t)
    g.remove((None, RDFS.label, None))
    bad = tmp_path / "bad.nt"
    bad.write_bytes(g.serialize(format="nt", encoding="utf-8"))
    with pytest.raises(SystemExit) as e:
        main(["validate", str(bad)])
    out, err = capsys.readouterr()
    assert e.value.code == 1
    assert err == f"kg: error: {bad} does not conform to the SHACL shapes: {len(out.splitlines())} violation(s)\n"
    assert "person/prabowo-subianto rdfs:label: an actor or place has exactly one rdfs:label" in out


def test_examples_export_conforms(examples, tmp_path) -> None:
    path = tmp_path / "graph.ttl"
    path.write_bytes(rdf.serialize(examples.graph, "ttl"))
    data = rdf_read.load(path)
    assert len(set(data.subjects(RDF.type, SEM.Event))) > 0
    assert shacl.validate(data) == []
