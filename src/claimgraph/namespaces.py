"""Every namespace claimgraph uses, defined once.

Modules import from here; no other module spells a namespace IRI.
"""
from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SDO, SH, SKOS, XSD, DefinedNamespace

#: schema.org (https://schema.org/): Claim, Quotation, NewsArticle, Person, Organization,
#: Country, Event; appearance, datePublished, publisher, author, unitCode, unitText, value,
#: fromLocation, toLocation, about, temporalCoverage, archivedAt.
SCHEMA = SDO

#: W3C Web Annotation vocabulary (https://www.w3.org/TR/annotation-vocab/): SpecificResource,
#: TextQuoteSelector (exact, prefix, suffix), TextPositionSelector (start, end).
OA = Namespace("http://www.w3.org/ns/oa#")

#: Where claimgraph mints data IRIs (claims, sources, agents, places, events).
ID = Namespace("https://w3id.org/claimgraph/id/")


class CG(DefinedNamespace):
    """The claimgraph vocabulary (ontology/claimgraph.ttl): only what PROV-O, schema.org,
    Web Annotation, Dublin Core and SKOS do not have. A typo here fails at import."""

    _NS = Namespace("https://w3id.org/claimgraph/ns#")
    _fail = True

    # claim kinds
    FigureClaim: object
    QuotationClaim: object
    StatementClaim: object
    ArchivedText: object
    # figure details
    asPrinted: object
    bound: object
    eachPlace: object
    partOf: object
    hedge: object
    quotedIn: object
    textFile: object
    # predicates of the asserted triples
    numberOfPeople: object
    percentOfPeople: object
    rankAmongDestinations: object
    said: object
    largestEmigrationSince: object
    # SKOS schemes and their concepts
    BoundScheme: object
    Exact: object
    Approximate: object
    LowerBound: object
    UpperBound: object
    HedgeScheme: object
    Asserted: object
    Reported: object
    UnderstoodTo: object
    ThoughtTo: object
    CouldBeHigher: object
    Suggested: object


#: Prefixes bound on every graph claimgraph writes, so Turtle output is readable and stable.
PREFIXES = {
    "cg": CG._NS,
    "id": ID,
    **{kind: Namespace(f"{ID}{kind}/") for kind in ("claim", "source", "org", "person", "place", "event", "thing")},
    "schema": SCHEMA,
    "prov": PROV,
    "oa": OA,
    "dcterms": DCTERMS,
    "skos": SKOS,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
    "owl": OWL,
    "sh": SH,
}


def bind_prefixes(graph):
    """Bind claimgraph's prefixes on an rdflib graph or dataset and return it."""
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True, replace=True)
    return graph
