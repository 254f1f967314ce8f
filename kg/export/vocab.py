"""The RDF vocabularies kg speaks, declared once.

Every module that writes or reads kg's RDF (export, SPARQL presets, SHACL
validation, the HTML view of an exported file) takes its namespaces from
here, so a term is spelt in exactly one place. External vocabularies are
declared as ``DefinedNamespace`` classes listing the terms kg uses: a typo
raises at import time instead of producing a silent new IRI.

Namespaces that are part of kg's output contract (fixed; see docs/rdf.md):
``sem:``, ``gaf:``, ``nif:``, ``dcterms:``.
"""
from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SDO, SKOS, TIME, XSD, DefinedNamespace

from kg.export.namespaces import ONTOLOGY_FILE, ONTOLOGY_IRI, PREFIXES, QUERIES_DIR, SHAPES_FILE
from kg.model import ACTOR_ROLES, ENTITY_TYPES, EVENT_TYPES, PLACE_ROLES

# Where instance IRIs live unless the caller picks another base: entities at
# <base><entity id>, events at <base>event/<id>, articles at <base>article/<path>.
DEFAULT_BASE = "https://kg.example.org/id/"


class SEM(DefinedNamespace):
    """Simple Event Model (van Hage et al. 2011), as used by NewsReader and EventKG."""

    _NS = Namespace(PREFIXES["sem"])
    _fail = True

    Event: URIRef
    Actor: URIRef
    Place: URIRef
    Time: URIRef
    hasActor: URIRef
    hasPlace: URIRef
    hasTime: URIRef
    hasTimeStamp: URIRef
    hasBeginTimeStamp: URIRef
    hasEndTimeStamp: URIRef
    eventType: URIRef
    actorType: URIRef
    placeType: URIRef
    subEventOf: URIRef


class GAF(DefinedNamespace):
    """Grounded Annotation Framework: instances ↔ the mentions that denote them."""

    _NS = Namespace(PREFIXES["gaf"])
    _fail = True

    denotedBy: URIRef
    denotes: URIRef


class NIF(DefinedNamespace):
    """NLP Interchange Format 2.0 core: strings, offsets and their contexts."""

    _NS = Namespace(PREFIXES["nif"])
    _fail = True

    String: URIRef
    Context: URIRef
    Phrase: URIRef
    RFC5147String: URIRef
    beginIndex: URIRef
    endIndex: URIRef
    anchorOf: URIRef
    referenceContext: URIRef
    isString: URIRef
    sourceUrl: URIRef


class KG(DefinedNamespace):
    """kg's own ontology (ontologies/kg.ttl): event, actor and role terms SEM leaves open."""

    _NS = Namespace(PREFIXES["kg"])
    _fail = True

    # event types (kg.model.EVENT_TYPES)
    Call: URIRef
    Statement: URIRef
    Deployment: URIRef
    Meeting: URIRef
    Visit: URIRef
    Agreement: URIRef
    Cooperation: URIRef
    # actor and place types (kg.model.ENTITY_TYPES; Unknown is a bare sem:Actor)
    Person: URIRef
    Organization: URIRef
    Country: URIRef
    ArmedForce: URIRef
    Place: URIRef
    # actor roles (kg.model.ACTOR_ROLES), sub-properties of sem:hasActor
    agent: URIRef
    speaker: URIRef
    addressee: URIRef
    participant: URIRef
    force: URIRef
    beneficiary: URIRef
    source: URIRef
    target: URIRef
    # place roles (kg.model.PLACE_ROLES), sub-properties of sem:hasPlace
    place: URIRef
    destination: URIRef
    origin: URIRef
    # mentions and their evidence
    EventMention: URIRef
    sentenceText: URIRef
    rule: URIRef
    confidence: URIRef
    dateText: URIRef
    timeValue: URIRef
    timeGranularity: URIRef
    quote: URIRef
    medium: URIRef
    via: URIRef
    mergedBecause: URIRef
    # modality
    Modality: URIRef
    modality: URIRef
    ModalityScheme: URIRef
    planned: URIRef
    negated: URIRef
    reported: URIRef
    uncertain: URIRef
    # quantities
    quantity: URIRef
    qualifier: URIRef
    # links
    about: URIRef
    affiliation: URIRef
    mentionCount: URIRef
    typeSource: URIRef
    # concept schemes mapping kg's event types to other typologies
    EventTypeScheme: URIRef


WGS84 = Namespace(PREFIXES["geo"])
GEONAMES = Namespace("https://sws.geonames.org/")

# kg's prefixes (kg.export.namespaces) as rdflib namespaces; a test checks that they agree
NAMESPACES = {"kg": KG, "sem": SEM, "gaf": GAF, "nif": NIF, "dcterms": DCTERMS, "prov": PROV, "skos": SKOS,
              "schema": SDO, "time": TIME, "geo": WGS84, "owl": OWL, "rdf": RDF, "rdfs": RDFS, "xsd": XSD}

EVENT_CLASS = {t: KG[t] for t in EVENT_TYPES}
ENTITY_CLASS = {t: KG[t] for t in ENTITY_TYPES if t != "Unknown"}
ROLE_PROPERTY = {r: KG[r] for r in ACTOR_ROLES + PLACE_ROLES}

__all__ = [
    "DCTERMS", "DEFAULT_BASE", "ENTITY_CLASS", "EVENT_CLASS", "GAF", "GEONAMES", "KG", "NAMESPACES", "NIF",
    "ONTOLOGY_FILE", "ONTOLOGY_IRI", "OWL", "PREFIXES", "PROV", "QUERIES_DIR", "RDF", "RDFS", "ROLE_PROPERTY", "SDO",
    "SEM", "SHAPES_FILE", "SKOS", "TIME", "WGS84", "XSD",
]
