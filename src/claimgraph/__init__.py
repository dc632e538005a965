"""claimgraph: a knowledge graph of claims and their sources.

Claims are RDF statements with provenance (PROV-O), their appearance in sources (schema.org) and
their words anchored in archived text (W3C Web Annotation); SHACL checks them; SPARQL, a network
view and cited look-ups answer questions about them. Heavy modules are imported where used.
"""
__version__ = "0.1.0"
