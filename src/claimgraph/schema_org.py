"""The claims as schema.org ``Claim`` objects in JSON-LD, as fact-checking sites publish them (the
``itemReviewed`` of a ``ClaimReview``).

The context is ``{"@vocab": "https://schema.org/"}`` and not schema.org's own, which maps terms
to ``http://schema.org/``: expanded, every object here is a node of claimgraph's graph, with the
same IRI and the same ``https://schema.org/`` properties where the graph has them (``text``,
``appearance``, ``fromLocation``, ``toLocation``, ``temporalCoverage``, ``headline``, ``url``,
``datePublished`` with its datatype).

Each claim: ``text`` (the statement, as in the graph), ``name`` (a quotation's words), ``author``
(Person or Organization), ``appearance`` (every document that carries it, a ``CreativeWork``),
``firstAppearance`` (the earliest published), ``datePublished`` (the first appearance's),
``spatialCoverage`` (``Place`` objects) with ``fromLocation``/``toLocation`` keeping the direction,
``temporalCoverage``, ``isBasedOn`` (the upstream documents, ``CreativeWork``).
"""
from .namespaces import CG_IRI, PROV_IRI, RDF_IRI, SCHEMA_IRI, XSD_IRI

CONTEXT = {"@vocab": SCHEMA_IRI}
_PLACE_TYPES = ("Country", "City", "AdministrativeArea", "Place")
_WORK_TYPES = ("NewsArticle", "Report", "BlogPosting", "Article", "WebPage", "CreativeWork")


def _u(name: str):
    from rdflib import URIRef

    return URIRef(SCHEMA_IRI + name)


def _name(graph, node) -> str:
    from .model.ids import short_id

    return str(graph.value(node, _u("name")) or graph.value(node, _u("headline")) or short_id(node))


def _type(graph, node, choices, default) -> str:
    from rdflib import RDF

    return next((t for t in choices if (node, RDF.type, _u(t)) in graph), default)


def _value(literal):
    """A literal as JSON-LD: a typed value object unless it is a plain string."""
    if literal.datatype is None or str(literal.datatype) == XSD_IRI + "string":
        return str(literal)
    return {"@value": str(literal), "@type": str(literal.datatype)}


def _agent(graph, node) -> dict:
    return {"@type": _type(graph, node, ("Person",), "Organization"), "@id": str(node), "name": _name(graph, node)}


def _work(graph, doc, details: bool = True) -> dict:
    work = {"@type": _type(graph, doc, _WORK_TYPES, "CreativeWork"), "@id": str(doc)}
    headline = graph.value(doc, _u("headline"))
    work["headline" if headline is not None else "name"] = _name(graph, doc)
    if details:
        for key in ("publisher", "author"):
            agents = [_agent(graph, a) for a in sorted(graph.objects(doc, _u(key)))]
            if agents:
                work[key] = agents[0] if len(agents) == 1 else agents
    published = graph.value(doc, _u("datePublished"))
    if published is not None:
        work["datePublished"] = _value(published)
    url = graph.value(doc, _u("url"))
    if url is not None:
        work["url"] = {"@id": str(url)}
    return work


def _place(graph, node) -> dict:
    return {"@type": _type(graph, node, _PLACE_TYPES, "Place"), "@id": str(node), "name": _name(graph, node)}


def schema_claims(graph) -> dict:
    """The claims of ``graph`` (rdflib) as a JSON-LD document of schema.org ``Claim`` objects."""
    from rdflib import RDF, URIRef

    from .export import IS_PART_OF, appearances_of, claims_of

    items = []
    for claim in claims_of(graph):
        docs = []
        for a in appearances_of(graph, claim):
            doc = graph.value(a, IS_PART_OF)
            if doc not in docs:
                docs.append(doc)
        item = {"@type": "Claim", "@id": str(claim), "text": str(graph.value(claim, _u("text")))}
        if (claim, RDF.type, URIRef(CG_IRI + "QuotationClaim")) in graph:
            item["name"] = str(graph.value(claim, URIRef(RDF_IRI + "object")))
        item["author"] = [_agent(graph, a) for a in sorted(graph.objects(claim, URIRef(PROV_IRI + "wasAttributedTo")))]
        item["appearance"] = [_work(graph, d) for d in docs]
        if docs:
            item["firstAppearance"] = item["appearance"][0]
            if "datePublished" in item["appearance"][0]:
                item["datePublished"] = item["appearance"][0]["datePublished"]
        places = {"fromLocation": sorted(graph.objects(claim, _u("fromLocation"))),
                  "toLocation": sorted(graph.objects(claim, _u("toLocation")))}
        if places["fromLocation"] or places["toLocation"]:
            item["spatialCoverage"] = [_place(graph, p) for p in sorted(set(places["fromLocation"] + places["toLocation"]))]
            item.update({k: [{"@id": str(p)} for p in v] for k, v in places.items() if v})
        if graph.value(claim, _u("temporalCoverage")) is not None:
            item["temporalCoverage"] = str(graph.value(claim, _u("temporalCoverage")))
        based = sorted(graph.objects(claim, URIRef(PROV_IRI + "wasDerivedFrom")))
        if based:
            item["isBasedOn"] = [_work(graph, d, details=False) for d in based]
        items.append({k: v for k, v in item.items() if v not in (None, [], "")})
    return {"@context": CONTEXT, "@graph": items}


