"""claimgraph: a knowledge graph of claims and their sources.

Claims are RDF statements with provenance (PROV-O), their appearance in sources (schema.org) and
their words anchored in archived text (W3C Web Annotation); SHACL checks them; SPARQL, a network
view and cited look-ups answer questions about them.

From Python (see :mod:`claimgraph.api`)::

    import claimgraph
    g = claimgraph.open()
    [bell] = g.lookup("650,000", speaker="The Bell")
    print(bell.cite("apa"))

Importing claimgraph is cheap: the names below load on first use, and heavy modules where used.
"""
__version__ = "0.1.0"
__all__ = ["open", "ClaimGraph", "Claim", "Appearance", "IRI", "ClaimgraphError", "NotFound", "__version__"]

_WHERE = {"open": "api", "ClaimGraph": "api", "Claim": "api", "IRI": "api", "Appearance": "model.records",
          "ClaimgraphError": "errors", "NotFound": "errors"}


def __getattr__(name):
    if name not in _WHERE:
        raise AttributeError(f"module 'claimgraph' has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(f"{__name__}.{_WHERE[name]}"), name)


def __dir__():
    return sorted(set(globals()) | set(__all__))
