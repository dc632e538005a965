"""The words of a claim sheet and the RDF terms they stand for: kinds of claim, modes of
appearance, bounds, hedges, units, predicates, and the types of sources and entities.

IRIs are plain strings, so that look-ups (which never import rdflib) can read them too.
"""
from ..namespaces import CG_IRI, PROV_IRI, SCHEMA_IRI

CG, SCHEMA, PROV = CG_IRI, SCHEMA_IRI, PROV_IRI

#: claim kind -> its class
KINDS = {"figure": CG + "FigureClaim", "quotation": CG + "QuotationClaim", "statement": CG + "StatementClaim"}

#: mode of an appearance -> SKOS concept of cg:ModeScheme
MODES = {"quotation": CG + "Quotation", "reported": CG + "Reported", "own": CG + "Own"}

#: bound word -> SKOS concept of cg:BoundScheme
BOUNDS = {"exact": CG + "Exact", "approximate": CG + "Approximate", "lower": CG + "LowerBound",
          "upper": CG + "UpperBound"}

#: hedge -> SKOS concept of cg:HedgeScheme
HEDGES = {
    "asserted": CG + "Asserted", "claimed": CG + "Claimed", "alleged": CG + "Alleged",
    "estimated": CG + "Estimated", "expected": CG + "Expected", "understood to be": CG + "UnderstoodTo",
    "thought to have": CG + "ThoughtTo", "considered to be": CG + "ConsideredTo",
    "believed to be": CG + "BelievedTo", "likely": CG + "Likely", "could be even higher": CG + "CouldBeHigher", "suggested": CG + "Suggested",
}

#: unit word -> UN/CEFACT Rec. 20 common code (schema.org's advice for unitCode). Counts of
#: other things keep their noun in schema:unitText with code C62 ("one"); money keeps its
#: ISO 4217 currency in schema:currency.
UNIT_CODES = {"people": "IE", "per cent": "P1", "rank": "C62"}
COUNT_CODE = "C62"
UNIT_WORDS = {"percent": "per cent", "%": "per cent", "pct": "per cent", "persons": "people", "person": "people"}
CURRENCY_SYMBOLS = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₽": "RUB", "₹": "INR",
                    "₴": "UAH", "₾": "GEL", "₺": "TRY", "a$": "AUD", "c$": "CAD", "hk$": "HKD"}
CURRENCY_WORDS = {"dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR", "pounds": "GBP",
                  "pound": "GBP", "sterling": "GBP", "roubles": "RUB", "rubles": "RUB", "rouble": "RUB",
                  "ruble": "RUB", "yen": "JPY", "yuan": "CNY", "rupees": "INR", "hryvnias": "UAH",
                  "lari": "GEL", "lira": "TRY", "francs": "CHF"}

#: default predicate of a figure by unit; quotations say cg:said
FIGURE_PREDICATES = {"people": CG + "numberOfPeople", "per cent": CG + "percentage", "rank": CG + "rank"}
AMOUNT = CG + "amount"
SAID = CG + "said"

#: prefixes a sheet's predicate column may use
PREDICATE_PREFIXES = {"cg": CG, "schema": SCHEMA, "prov": PROV, "dcterms": "http://purl.org/dc/terms/"}

#: source_type -> schema.org type of the source document
SOURCE_TYPES = {"newsarticle": "NewsArticle", "article": "Article", "report": "Report",
                "blogposting": "BlogPosting", "pressrelease": "Article", "transcript": "CreativeWork"}

#: entity row kind -> (local id folder, RDF types)
ENTITY_KINDS = {
    "person": ("person", (SCHEMA + "Person", PROV + "Person", PROV + "Agent")),
    "organisation": ("org", (SCHEMA + "Organization", PROV + "Organization", PROV + "Agent")),
    "event": ("event", (SCHEMA + "Event",)),
    "document": ("source", (SCHEMA + "CreativeWork", PROV + "Entity")),
    "place": ("place", (SCHEMA + "Place",)),
}
ENTITY_KIND_WORDS = {"organization": "organisation", "org": "organisation", "source": "document"}

#: an entity row's type -> schema.org type (the word itself is kept as schema:genre)
ENTITY_TYPES = {
    "organisation": {"news outlet": "NewsMediaOrganization", "government": "GovernmentOrganization",
                     "research": "ResearchOrganization", "university": "CollegeOrUniversity",
                     "company": "Corporation", "ngo": "NGO", "political party": "Organization",
                     "international": "Organization", "organisation": "Organization"},
    "document": {"report": "Report", "survey": "Report", "dataset": "Dataset", "statistics": "Dataset",
                 "post": "SocialMediaPosting", "article": "Article", "study": "ScholarlyArticle",
                 "press release": "Article", "speech": "CreativeWork", "interview": "CreativeWork"},
    "place": {"country": "Country", "city": "City", "region": "AdministrativeArea", "place": "Place"},
    "event": {"event": "Event"},
    "person": {"person": "Person"},
}


def unit_of(word: str):
    """(unit text, unit code or None, currency or None) for a sheet's unit word, or None when
    empty. ``people``, ``per cent``, ``rank``, a currency code or symbol, or any other noun."""
    text = " ".join(word.split())
    if not text:
        return None
    lower = UNIT_WORDS.get(text.casefold(), text.casefold())
    if lower in UNIT_CODES:
        return lower, UNIT_CODES[lower], None
    currency = CURRENCY_SYMBOLS.get(lower) or CURRENCY_WORDS.get(lower)
    if currency is None and len(text) == 3 and text.isalpha() and text.isupper():
        currency = text
    if currency:
        return currency, None, currency
    return lower, COUNT_CODE, None
