"""RDF export: the output contract (docs/rdf.md) queried with SPARQL, determinism, round trips.

The graph is built by hand through kg.graph.build_graph from kg.model objects
(the real contract between the pipeline and the exporter), from two small
articles written for these tests: a call told in both, a statement about it,
a planned deployment with force, destination and troop count, a planned visit.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Graph, Literal, URIRef

from kg.errors import KgError, UsageError
from kg.export import rdf, rdf_read, view
from kg.export.graph import build_graph
from kg.export.view import EntityNode, EventNode
from kg.export.vocab import DEFAULT_BASE, GEONAMES, KG, NIF, PREFIXES, RDF, SEM, XSD
from kg.model import ACTOR_ROLES, EVENT_TYPES, PLACE_ROLES, Article, Entity, Event, EventMention, Quantity, Span

A1 = ("JAKARTA, contoh.id – Presiden Indonesia Prabowo Subianto menelepon Perdana Menteri Australia "
      "Anthony Albanese pada Senin (3/2/2025).\n\n"
      "“Kami sepakat memperkuat kerja sama maritim,” kata Prabowo di media sosial, dikutip Antara.\n\n"
      "Sementara itu, Australia berencana mengerahkan sekitar 2.000 tentara ke Darwin.\n")
A2 = ("Prabowo dan Albanese berbicara melalui telepon pada 3 Februari 2025. "
      "Delegasi Australia akan mengunjungi Jakarta bulan depan.")
ARTICLES = {"berita/001 call.txt": A1, "feed.jsonl#3": A2}
CALL = "call-2025-02-03-prabowo-albanese"


def _mention(article: str, type_: str, anchor: str, rule: str, confidence: float, **kw) -> EventMention:
    text = ARTICLES[article]
    start = text.index(anchor)
    sent_start = max(text.rfind("\n", 0, start) + 1, text.rfind(". ", 0, start) + 2 if ". " in text[:start] else 0)
    sent_end = text.find("\n", start) if "\n" in text[start:] else len(text)
    return EventMention(id=f"{article}:{start}", article_id=article, type=type_, trigger=Span(start, start + len(anchor)),
                        trigger_text=anchor, sentence=0, sentence_text=text[sent_start:sent_end].strip(), rule=rule,
                        confidence=confidence, **kw)


def sample_graph() -> nx.MultiDiGraph:
    """The hand-built graph every RDF, SPARQL and SHACL test reads."""
    articles = [
        Article(id="berita/001 call.txt", path=Path("berita/001 call.txt"), text=A1, language="id",
                title="Prabowo menelepon Albanese",
                outlet="contoh.id", published=date(2025, 2, 3), dateline_place="JAKARTA"),
        Article(id="feed.jsonl#3", path=Path("feed.jsonl"), text=A2, language="id", url="https://example.com/berita/3",
                outlet="Contoh Feed"),
    ]
    entities = [
        Entity("person/prabowo-subianto", "Person", "Prabowo Subianto",
               {"Prabowo", "Presiden Indonesia Prabowo Subianto"}, "country/ID"),
        Entity("person/anthony-albanese", "Person", "Anthony Albanese",
               {"Albanese", "Perdana Menteri Australia Anthony Albanese"}, "country/AU"),
        Entity("country/ID", "Country", "Indonesia", {"Indonesia"}),
        Entity("country/AU", "Country", "Australia", {"Australia"}),
        Entity("force/AU", "ArmedForce", "Australian armed forces", {"tentara Australia"}, "country/AU"),
        Entity("org/antara", "Unknown", "Antara"),
        Entity("geonames/2073124", "Place", "Darwin", geonames_id=2073124, lat=-12.46113, lon=130.84185),
        Entity("geonames/1642911", "Place", "Jakarta", geonames_id=1642911, lat=-6.21462, lon=106.84513),
    ]
    call = Event(CALL, "Call", [
        _mention("berita/001 call.txt", "Call", "menelepon", "verb-trigger", 0.95, date_text="Senin (3/2/2025)"),
        _mention("feed.jsonl#3", "Call", "berbicara melalui telepon", "multiword-trigger", 0.8, medium="telepon",
                 date_text="3 Februari 2025"),
    ], roles={"participant": ["person/prabowo-subianto", "person/anthony-albanese"]}, date=date(2025, 2, 3))
    statement = Event("statement-prabowo-1", "Statement", [
        _mention("berita/001 call.txt", "Statement", "kata", "kata-X", 0.85,
                 quote="Kami sepakat memperkuat kerja sama maritim", medium="media sosial", via="dikutip Antara"),
    ], roles={"speaker": ["person/prabowo-subianto"]}, date=date(2025, 2, 3), about=[CALL])
    deployment = Event("deployment-au-darwin", "Deployment", [
        _mention("berita/001 call.txt", "Deployment", "mengerahkan", "verb-trigger", 0.9, modality=["planned"]),
    ], roles={"agent": ["country/AU"], "force": ["force/AU"], "destination": ["geonames/2073124"]},
        quantity=Quantity(2000, "about", "tentara", "sekitar 2.000 tentara"), modality=["planned"])
    visit = Event("visit-au-jakarta", "Visit", [
        _mention("feed.jsonl#3", "Visit", "mengunjungi", "verb-trigger", 0.7, modality=["planned"]),
    ], roles={"agent": ["country/AU"], "destination": ["geonames/1642911"]}, modality=["planned"])
    return build_graph(articles, entities, [call, statement, deployment, visit])


@pytest.fixture(scope="module")
def graph() -> nx.MultiDiGraph:
    return sample_graph()


@pytest.fixture(scope="module")
def exported(graph, tmp_path_factory) -> dict[str, Path]:
    """The graph written in every format, as ``kg build`` writes it."""
    folder = tmp_path_factory.mktemp("rdf")
    files = {}
    for fmt in rdf.FORMATS:
        files[fmt] = folder / f"graph.{fmt}"
        files[fmt].write_bytes(rdf.serialize(graph, fmt))
    return files


@pytest.fixture(scope="module")
def ttl(exported) -> Graph:
    """graph.ttl alone, as an outside tool reads it."""
    return Graph().parse(exported["ttl"], format="turtle")


def ask(g: Graph, where: str) -> bool:
    return bool(g.query(f"ASK {{ {where} }}", initNs=PREFIXES).askAnswer)


def select(g: Graph, query: str) -> list[tuple]:
    return [tuple(None if v is None else v.toPython() for v in row) for row in g.query(query, initNs=PREFIXES)]


def iri(entity_id: str) -> URIRef:
    return rdf.entity_iri(entity_id)


# ---------------------------------------------------------------- contract bullet 1: prefixes

def test_contract_prefixes_are_declared_with_the_fixed_iris(exported) -> None:
    fixed = {"sem": "http://semanticweb.cs.vu.nl/2009/11/sem/", "gaf": "http://groundedannotationframework.org/gaf#",
             "nif": "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
             "dcterms": "http://purl.org/dc/terms/"}
    for fmt, form in (("ttl", "PREFIX {}: <{}>"), ("trig", "@prefix {}: <{}> .")):
        head = exported[fmt].read_text(encoding="utf-8")
        for prefix, ns in fixed.items():
            assert form.format(prefix, ns) in head, (fmt, prefix)
    jsonld = exported["jsonld"].read_text(encoding="utf-8")
    for prefix, ns in fixed.items():
        assert f'"{prefix}": "{ns}"' in jsonld


def test_prefixes_are_the_rdflib_namespaces_kg_writes_with() -> None:
    """kg query reads the prefixes without rdflib; the exporters write with rdflib's namespaces: one spelling."""
    from kg.export.vocab import NAMESPACES

    assert {p: str(ns._NS) if isinstance(ns, type) else str(ns) for p, ns in NAMESPACES.items()} == PREFIXES


# ---------------------------------------------------------------- bullet 2: event classes

def test_contract_every_event_has_a_class_under_sem_event(ttl) -> None:
    classes = {row[0] for row in select(ttl, "SELECT ?c WHERE { ?c rdfs:subClassOf+ sem:Event }")}
    assert {URIRef(c).fragment for c in classes} == set(EVENT_TYPES)
    assert set(EVENT_TYPES) == {"Call", "Statement", "Deployment", "Meeting", "Visit", "Agreement", "Cooperation"}
    typed = select(ttl, """SELECT ?id ?c WHERE { ?e dcterms:identifier ?id ; a ?c .
                              ?c rdfs:subClassOf+ sem:Event } ORDER BY ?id""")
    assert [(i, URIRef(c).fragment) for i, c in typed] == [
        (CALL, "Call"), ("deployment-au-darwin", "Deployment"), ("statement-prabowo-1", "Statement"),
        ("visit-au-jakarta", "Visit")]
    # nothing typed as an event lacks such a class
    assert not ask(ttl, "?e a sem:Event FILTER NOT EXISTS { ?e a ?c . ?c rdfs:subClassOf+ sem:Event }")


# ---------------------------------------------------------------- bullet 3: actors, places, labels

def test_contract_roles_are_sub_properties_of_has_actor_and_has_place(ttl) -> None:
    for role in ACTOR_ROLES:
        assert ask(ttl, f"kg:{role} rdfs:subPropertyOf+ sem:hasActor"), role
    for role in PLACE_ROLES:
        assert ask(ttl, f"kg:{role} rdfs:subPropertyOf+ sem:hasPlace"), role
    actors = select(ttl, f"""SELECT ?name WHERE {{ <{rdf.event_iri(CALL)}> ?p ?a .
                                ?p rdfs:subPropertyOf* sem:hasActor . ?a rdfs:label ?name }} ORDER BY ?name""")
    assert actors == [("Anthony Albanese",), ("Prabowo Subianto",)]
    places = select(ttl, """SELECT ?id ?name WHERE { ?e ?p ?x ; dcterms:identifier ?id .
                               ?p rdfs:subPropertyOf* sem:hasPlace . ?x rdfs:label ?name } ORDER BY ?id""")
    assert places == [("deployment-au-darwin", "Darwin"), ("visit-au-jakarta", "Jakarta")]


def test_contract_one_label_per_actor_and_place_and_an_alt_label_per_other_form(ttl, graph) -> None:
    counts = select(ttl, """SELECT ?x (COUNT(?l) AS ?n) WHERE {
                               { ?x a sem:Actor } UNION { ?x a sem:Place } ?x rdfs:label ?l } GROUP BY ?x""")
    entities = [k for k, node in view.nodes(graph) if isinstance(node, EntityNode)]
    assert len(counts) == len(entities) and all(n == 1 for _, n in counts)
    alt = select(ttl, f"SELECT ?a WHERE {{ <{iri('person/prabowo-subianto')}> skos:altLabel ?a }} ORDER BY ?a")
    assert alt == [("Prabowo",), ("Presiden Indonesia Prabowo Subianto",)]
    # a surface form equal to the label is not repeated as an altLabel
    assert not ask(ttl, f"<{iri('country/ID')}> skos:altLabel ?a")


# ---------------------------------------------------------------- bullet 4: dates

def test_contract_event_date_is_an_xsd_date_time_stamp(ttl) -> None:
    stamps = ttl.query(f"SELECT ?d WHERE {{ <{rdf.event_iri(CALL)}> sem:hasTimeStamp ?d }}", initNs=PREFIXES)
    (value,) = [row[0] for row in stamps]
    assert value.datatype == XSD.date and value.toPython() == date(2025, 2, 3)
    assert not ask(ttl, f"<{rdf.event_iri('deployment-au-darwin')}> sem:hasTimeStamp ?d")  # unknown: absent


# ---------------------------------------------------------------- bullet 5: mentions

def test_contract_mentions_point_into_the_article_text(ttl) -> None:
    rows = select(ttl, """SELECT ?id ?path ?b ?e ?anchor ?sentence ?rule ?conf WHERE {
        ?ev dcterms:identifier ?id ; gaf:denotedBy ?m .
        ?m nif:beginIndex ?b ; nif:endIndex ?e ; nif:anchorOf ?anchor ; kg:sentenceText ?sentence ;
           kg:rule ?rule ; kg:confidence ?conf ; nif:referenceContext ?ctx .
        ?ctx a nif:Context ; dcterms:identifier ?path } ORDER BY ?id ?path ?b""")
    assert len(rows) == 5
    for _, path, begin, end, anchor, sentence, rule, confidence in rows:
        assert ARTICLES[path][begin:end] == anchor
        assert anchor in sentence and sentence in ARTICLES[path]
        assert rule and 0 <= confidence <= 1
    # NIF 2.0: every context carries its text, so the offsets can be checked from the RDF alone
    texts = dict(select(ttl, "SELECT ?path ?text WHERE { ?c a nif:Context ; dcterms:identifier ?path ; "
                             "nif:isString ?text ; nif:beginIndex ?b ; nif:endIndex ?n FILTER (?b = 0 && ?n = STRLEN(?text)) }"))
    assert texts == ARTICLES
    spelled = select(ttl, "SELECT (COUNT(?m) AS ?n) WHERE { ?m nif:anchorOf ?a ; nif:beginIndex ?b ; nif:endIndex ?e ;"
                          " nif:referenceContext/nif:isString ?t FILTER (?a = SUBSTR(?t, ?b + 1, ?e - ?b)) }")
    assert spelled == [(5,)]
    call = [(r[1], r[4]) for r in rows if r[0] == CALL]
    assert call == [("berita/001 call.txt", "menelepon"), ("feed.jsonl#3", "berbicara melalui telepon")]


def test_contract_mentions_carry_statement_content_and_modality(ttl) -> None:
    quote = select(ttl, """SELECT ?q ?medium ?via WHERE { ?e a kg:Statement ; gaf:denotedBy ?m .
                              ?m kg:quote ?q ; kg:medium ?medium ; kg:via ?via }""")
    assert quote == [("Kami sepakat memperkuat kerja sama maritim", "media sosial", "dikutip Antara")]
    assert ask(ttl, f"<{rdf.event_iri('deployment-au-darwin')}> kg:modality kg:planned ; "
                    "gaf:denotedBy/kg:modality kg:planned")
    assert ask(ttl, f"<{rdf.event_iri('statement-prabowo-1')}> kg:about <{rdf.event_iri(CALL)}>")
    amount = select(ttl, """SELECT ?v ?q ?u ?t WHERE { ?e a kg:Deployment ; kg:quantity ?n .
                               ?n schema:value ?v ; kg:qualifier ?q ; schema:unitText ?u ; rdfs:label ?t }""")
    assert amount == [(2000, "about", "tentara", "sekitar 2.000 tentara")]


# ---------------------------------------------------------------- bullet 6: axioms travel with the graph

def test_contract_graph_ttl_carries_the_ontology_axioms(ttl) -> None:
    assert ask(ttl, "<https://kg.example.org/ontology> a owl:Ontology")
    # the class of every event instance reaches sem:Event through axioms present in the file itself
    assert ask(ttl, f"<{rdf.event_iri(CALL)}> a/rdfs:subClassOf* sem:Event")
    assert ask(ttl, f"<{iri('force/AU')}> a/rdfs:subClassOf* sem:Actor")
    assert ask(ttl, f"<{iri('geonames/2073124')}> a/rdfs:subClassOf* sem:Place")


def test_ontology_declares_every_type_and_role_of_the_data_model() -> None:
    onto = rdf.ontology()
    for t in EVENT_TYPES:
        assert (KG[t], RDF.type, URIRef("http://www.w3.org/2002/07/owl#Class")) in onto
    for role in ACTOR_ROLES + PLACE_ROLES:
        assert onto.value(KG[role], URIRef("http://www.w3.org/2000/01/rdf-schema#label")) is not None
    # labels and comments in English and Indonesian, mappings to CAMEO and PLOVER
    for t in EVENT_TYPES:
        langs = {lit.language for lit in onto.objects(KG[t], URIRef("http://www.w3.org/2000/01/rdf-schema#comment"))}
        assert langs == {"en", "id"}, t
    notations = select(onto, """SELECT ?t ?n WHERE { ?t skos:closeMatch|skos:exactMatch ?c .
                                   ?c skos:notation ?n ; skos:inScheme kg:CAMEO }""")
    assert (str(KG.Call), "041") in {(str(t), n) for t, n in notations}
    assert ask(onto, "kg:Deployment skos:closeMatch kg:plover-MOBILIZE")


# ---------------------------------------------------------------- entities, articles, IRIs

def test_entities_keep_coordinates_geonames_and_affiliation(ttl) -> None:
    darwin = iri("geonames/2073124")
    (lat, lon), = select(ttl, f"SELECT ?lat ?lon WHERE {{ <{darwin}> geo:lat ?lat ; geo:long ?lon }}")
    assert (float(lat), float(lon)) == (-12.46113, 130.84185)
    assert ask(ttl, f"<{darwin}> owl:sameAs <https://sws.geonames.org/2073124/>")
    assert ask(ttl, f"<{iri('force/AU')}> kg:affiliation <{iri('country/AU')}> ; a kg:ArmedForce")
    # an entity kg could not type is a bare sem:Actor
    assert select(ttl, f"SELECT ?c WHERE {{ <{iri('org/antara')}> a ?c }}") == [(str(SEM.Actor),)]


def test_publisher_is_an_agent_with_a_label(ttl) -> None:
    assert select(ttl, "SELECT ?path ?name WHERE { ?c dcterms:identifier ?path ; dcterms:publisher ?p . "
                       "?p a dcterms:Agent ; rdfs:label ?name } ORDER BY ?path") == [
        ("berita/001 call.txt", "contoh.id"), ("feed.jsonl#3", "Contoh Feed")]


def test_schema_org_and_geonames_iris_are_https_everywhere(exported) -> None:
    """One form on purpose (docs/rdf.md, IRIs): an http variant anywhere would make joins silently miss."""
    root = Path(__file__).resolve().parent.parent
    texts = [p.read_text(encoding="utf-8") for p in exported.values()]
    texts += [p.read_text(encoding="utf-8") for p in (root / "ontologies").glob("*.ttl")]
    texts += [p.read_text(encoding="utf-8") for p in (root / "queries").glob("*.rq")]
    assert PREFIXES["schema"] == "https://schema.org/" and str(GEONAMES) == "https://sws.geonames.org/"
    assert "https://schema.org/" in texts[0] and "https://sws.geonames.org/" in texts[0]
    assert not [t for t in texts if "http://schema.org" in t or "http://sws.geonames.org" in t]


def test_iris_are_stable_and_follow_the_ids(graph) -> None:
    assert str(iri("country/KP")) == DEFAULT_BASE + "country/KP"
    assert str(rdf.article_iri("feed.jsonl#3")) == DEFAULT_BASE + "article/feed.jsonl%233"
    again = rdf.to_dataset(sample_graph())
    assert set(rdf.to_dataset(graph).quads()) == set(again.quads())


def test_base_can_be_overridden(graph) -> None:
    base = "https://news.example.com/kg/"
    flat = rdf.flatten(rdf.to_dataset(graph, base=base))
    events = set(flat.subjects(RDF.type, SEM.Event))
    assert events and all(str(e).startswith(base + "event/") for e in events)
    assert not any(DEFAULT_BASE in str(t) for triple in flat for t in triple)
    back = rdf_read.to_networkx(flat, base=base)
    assert sorted(back.nodes) == sorted(graph.nodes)


def test_trig_has_one_named_graph_per_article(exported) -> None:
    text = exported["trig"].read_text(encoding="utf-8")   # TriG 1.1 forms older parsers (rapper 2.0.15) read too
    assert "PREFIX " not in text and "GRAPH " not in text and text.startswith("@prefix ")
    assert f"\n<{rdf.article_iri('feed.jsonl#3')}> {{\n" in text
    ds = rdf_read.load(exported["trig"])
    named = {str(g.identifier): g for g in ds.graphs() if isinstance(g.identifier, URIRef) and len(g)
             and str(g.identifier).startswith(DEFAULT_BASE)}
    assert sorted(named) == [str(rdf.article_iri(a)) for a in sorted(ARTICLES)]
    for article, g in ((a, named[str(rdf.article_iri(a))]) for a in ARTICLES):
        contexts = {str(o) for o in g.objects(None, NIF.referenceContext)}
        assert contexts == {str(rdf.article_iri(article))}
        assert g.value(rdf.article_iri(article), URIRef("http://purl.org/dc/terms/identifier")) == Literal(article)


# ---------------------------------------------------------------- determinism and round trips

def test_serialize_is_byte_identical_across_runs_and_hash_seeds(graph) -> None:
    here = {fmt: rdf.serialize(graph, fmt) for fmt in rdf.FORMATS}
    assert here == {fmt: rdf.serialize(sample_graph(), fmt) for fmt in rdf.FORMATS}
    script = ("import sys, hashlib; sys.path.insert(0, sys.argv[1]); from test_rdf import sample_graph; "
              "from kg.export import rdf; g = sample_graph(); "
              "print(' '.join(hashlib.sha256(rdf.serialize(g, f)).hexdigest() for f in rdf.FORMATS))")
    expected = " ".join(__import__("hashlib").sha256(here[f]).hexdigest() for f in rdf.FORMATS)
    for seed in ("1", "2"):
        proc = subprocess.run([sys.executable, "-c", script, str(Path(__file__).parent)], capture_output=True,
                              text=True, env={**os.environ, "PYTHONHASHSEED": seed}, check=True)
        assert proc.stdout.strip() == expected, seed


def _canonical(g: nx.MultiDiGraph) -> tuple[dict, list]:
    """Node objects and edges, with the orders RDF does not keep (lists of sets) sorted."""
    nodes = {key: replace(node, modality=sorted(node.modality),
                          mentions=[replace(m, modality=sorted(m.modality)) for m in node.mentions])
             if isinstance(node, EventNode) else node for key, node in view.nodes(g)}
    return nodes, sorted(view.edges(g))


@pytest.mark.parametrize("fmt", list(rdf.FORMATS))
def test_to_networkx_rebuilds_the_graph_from_every_format(graph, exported, fmt) -> None:
    back = rdf_read.to_networkx(rdf_read.load(exported[fmt]))
    assert _canonical(back) == _canonical(graph)
    assert list(back.nodes) == list(graph.nodes)  # same order as build_graph: articles, entities, events


@pytest.mark.parametrize("fmt", list(rdf.FORMATS))
def test_every_format_holds_the_same_triples(exported, fmt) -> None:
    from rdflib.compare import isomorphic

    assert isomorphic(rdf.flatten(rdf_read.load(exported[fmt])), rdf.flatten(rdf_read.load(exported["nt"])))


def test_an_undeclared_modality_is_declared_where_it_is_used(graph) -> None:
    g = graph.copy()
    view.add(g, f"event:{CALL}", replace(view.node(g, f"event:{CALL}"), modality=["hypothetical"]))
    flat = rdf.flatten(rdf.to_dataset(g))
    concept = rdf.modality_iri("hypothetical")
    assert (concept, RDF.type, KG.Modality) in flat
    assert view.node(rdf_read.to_networkx(flat), f"event:{CALL}").modality == ["hypothetical"]


# ---------------------------------------------------------------- loading errors

def test_load_reports_bad_files_in_one_line(tmp_path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .\n", encoding="utf-8")
    with pytest.raises(KgError) as e:
        rdf_read.load(bad)
    assert str(bad) in str(e.value) and "\n" not in str(e.value)
    with pytest.raises(KgError, match="no such file"):
        rdf_read.load(tmp_path / "missing.ttl")
    with pytest.raises(UsageError, match="unknown RDF file type"):
        rdf_read.load(tmp_path / "graph.rdf")
    with pytest.raises(UsageError, match="unknown RDF format"):
        rdf.serialize(nx.MultiDiGraph(), "xml")


def test_load_refuses_a_remote_jsonld_context_instead_of_fetching_it(tmp_path) -> None:
    remote = tmp_path / "remote.jsonld"
    remote.write_text(json.dumps({"@context": ["https://schema.org/", {"ex": "http://example.org/"}],
                                  "@graph": [{"@id": "ex:a", "name": "A"}]}), encoding="utf-8")
    with pytest.raises(KgError, match=r"JSON-LD context https://schema\.org/ is on the web") as e:
        rdf_read.load(remote)
    assert "\n" not in str(e.value)
    # an inline context loads as before
    inline = tmp_path / "inline.jsonld"
    inline.write_text(json.dumps({"@context": {"name": "https://schema.org/name"},
                                  "@id": "http://example.org/a", "name": "A"}), encoding="utf-8")
    assert len(rdf_read.load(inline)) == 1
