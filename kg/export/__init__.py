"""Stage 5, export: the resolved model in, files and answers out.

``graph`` is the networkx graph the exporters read; ``rdf`` and ``vocab``
write it as RDF in the ontology of ``ontologies/kg.ttl`` (``rdf_load`` reads
RDF back, ``shacl`` validates it); ``json`` writes events.json, ``html`` the
interactive page, ``query`` answers SPARQL.
"""
