"""Every namespace claimgraph uses, defined once.

Modules import from here; no other module spells a namespace IRI. The IRIs are plain strings
(``*_IRI``); the rdflib objects (``CG``, ``ID``, ``OA``, ``SCHEMA``, ``PROV``, ``PREFIXES``…) are
built on first use, so that a look-up, which never needs rdflib, does not pay for importing it.
"""

#: The claimgraph vocabulary (ontology/claimgraph.ttl).
CG_IRI = "https://w3id.org/claimgraph/ns#"
#: Where claimgraph mints data IRIs: claim/, appearance/, source/, org/, person/, place/, event/, thing/.
ID_IRI = "https://w3id.org/claimgraph/id/"
#: schema.org: Claim, Quotation, NewsArticle, Person, Organization, Country, Event; appearance,
#: datePublished, publisher, author, unitCode, unitText, fromLocation, toLocation, about, archivedAt.
SCHEMA_IRI = "https://schema.org/"
#: W3C Web Annotation vocabulary: Annotation (an appearance: body the claim, target the span),
#: SpecificResource, TextQuoteSelector, TextPositionSelector.
OA_IRI = "http://www.w3.org/ns/oa#"
#: PROV-O: wasAttributedTo, wasDerivedFrom, generatedAtTime, Agent, Person, Organization, Entity.
PROV_IRI = "http://www.w3.org/ns/prov#"
#: Dublin Core terms: isPartOf links an appearance to its document.
DCTERMS_IRI = "http://purl.org/dc/terms/"
#: SKOS: the schemes of modes, bounds and hedges; altLabel and notation of entities.
SKOS_IRI = "http://www.w3.org/2004/02/skos/core#"
#: RDF: type, and the reification terms a claim asserts its triple with (subject, predicate, object).
RDF_IRI = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#: XML Schema datatypes.
XSD_IRI = "http://www.w3.org/2001/XMLSchema#"
#: The named graphs ``push`` and the stores load each data file into.
GRAPH_IRI = "https://w3id.org/claimgraph/graph/"
#: Nanopublications exported one per claim (``export --format nanopub``).
NP_IRI = "https://w3id.org/claimgraph/np/"
#: The nanopublication schema (http://www.nanopub.org/nschema): Nanopublication, hasAssertion,
#: hasProvenance, hasPublicationInfo.
NPSCHEMA_IRI = "http://www.nanopub.org/nschema#"
ID_KINDS = ("claim", "appearance", "source", "org", "person", "place", "event", "thing")


def _build() -> dict:
    from rdflib import Namespace
    from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SDO, SH, SKOS, XSD, DefinedNamespace

    class CG(DefinedNamespace):
        """The claimgraph vocabulary: only what PROV-O, schema.org, Web Annotation, Dublin Core
        and SKOS do not have. A typo here fails at import."""

        _NS = Namespace(CG_IRI)
        _fail = True

        # claim kinds
        FigureClaim: object
        QuotationClaim: object
        StatementClaim: object
        ArchivedText: object
        # appearances
        mode: object
        asPrinted: object
        hedge: object
        speakerRole: object
        # figure details
        bound: object
        eachPlace: object
        partOf: object
        textFile: object
        # predicates of the asserted triples
        numberOfPeople: object
        percentOfPeople: object
        percentage: object
        share: object
        percentChange: object
        amount: object
        rank: object
        rankAmongDestinations: object
        said: object
        largestEmigrationSince: object
        # SKOS schemes and their concepts
        ModeScheme: object
        Quotation: object
        Reported: object
        Own: object
        BoundScheme: object
        Exact: object
        Approximate: object
        LowerBound: object
        UpperBound: object
        HedgeScheme: object
        Asserted: object
        Claimed: object
        Alleged: object
        Estimated: object
        Expected: object
        UnderstoodTo: object
        ThoughtTo: object
        ConsideredTo: object
        BelievedTo: object
        Likely: object
        CouldBeHigher: object
        Suggested: object

    ID = Namespace(ID_IRI)
    OA = Namespace(OA_IRI)
    NP = Namespace(NPSCHEMA_IRI)
    prefixes = {
        "cg": CG._NS, "id": ID, **{kind: Namespace(f"{ID_IRI}{kind}/") for kind in ID_KINDS},
        "schema": SDO, "prov": PROV, "oa": OA, "dcterms": DCTERMS, "skos": SKOS, "rdf": RDF,
        "rdfs": RDFS, "xsd": XSD, "owl": OWL, "sh": SH, "np": NP,
    }
    return {"CG": CG, "ID": ID, "OA": OA, "NP": NP, "SCHEMA": SDO, "PROV": PROV, "PREFIXES": prefixes}


_built = {}


def __getattr__(name):
    """``CG``, ``ID``, ``OA``, ``SCHEMA``, ``PROV``, ``PREFIXES``: rdflib objects, built once."""
    if name.startswith("__"):  # the import system probes __path__ and the like: not ours
        raise AttributeError(name)
    if not _built:
        _built.update(_build())
    try:
        return _built[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None


def bind_prefixes(graph):
    """Bind claimgraph's prefixes on an rdflib graph or dataset and return it."""
    for prefix, ns in __getattr__("PREFIXES").items():
        graph.bind(prefix, ns, override=True, replace=True)
    return graph
