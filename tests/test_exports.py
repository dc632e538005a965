"""Exports read by their reference tools: PyLD (JSON-LD), the ``nanopub`` package (structure and
trusty URIs), nanopub-java's stream order; every export the same bytes in fresh processes."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import isomorphic

from claimgraph.export import CONTEXT_URL, FORMATS
from claimgraph.resources import ontology_file

SCHEMA = "https://schema.org/"
RDF_TYPE = URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


def export(run, fmt) -> str:
    result = run("export", "--format", fmt)
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture(scope="module")
def turtle() -> Graph:
    from click.testing import CliRunner

    from claimgraph.cli import main

    return Graph().parse(data=CliRunner().invoke(main, ["export", "--format", "turtle"]).stdout, format="turtle")


def to_rdf(document) -> Graph:
    """JSON-LD -> RDF by PyLD, with the published context served from the package (no network)."""
    from pyld import jsonld

    def loader(url, options=None):
        assert url == CONTEXT_URL, url
        return {"contextUrl": None, "documentUrl": url,
                "document": json.loads(ontology_file("context.jsonld").read_text(encoding="utf-8"))}

    nquads = jsonld.to_rdf(document, {"format": "application/n-quads", "documentLoader": loader})
    return Graph().parse(data=nquads, format="nt")  # default graph only: N-Triples lines


def test_every_export_is_the_same_bytes_in_fresh_processes(tmp_path):
    code = ("import sys; from pathlib import Path; from claimgraph.export import FORMATS, export; "
            "from claimgraph.resources import default_data_dir\n"
            "for f in FORMATS: Path(sys.argv[1], f).write_bytes(export(default_data_dir(), f).encode())")
    runs = []
    for seed in ("1", "2"):
        folder = tmp_path / seed
        folder.mkdir()
        env = dict(os.environ, PYTHONHASHSEED=seed)
        subprocess.run([sys.executable, "-c", code, str(folder)], check=True, env=env)
        runs.append({f: (folder / f).read_bytes() for f in FORMATS})
    assert len(FORMATS) == 7
    for fmt in FORMATS:
        assert runs[0][fmt] == runs[1][fmt], fmt
        assert len(runs[0][fmt]) > 5000, fmt


def test_jsonld_is_compacted_with_the_published_context_and_expands_to_the_graph(run, turtle):
    text = export(run, "jsonld")
    document = json.loads(text)
    assert document["@context"] == CONTEXT_URL
    claim = next(n for n in document["@graph"] if n["@id"] == "claim:8c1b60b6d70cf5a0")
    assert claim["prov:wasAttributedTo"] == {"@id": "org:the-bell"}
    assert claim["rdf:object"] == {"@value": "650000", "@type": "xsd:integer"}
    assert isomorphic(to_rdf(document), turtle)


def test_schema_org_claims_expand_to_the_graphs_iris(run, turtle):
    document = json.loads(export(run, "schema-jsonld"))
    assert document["@context"] == {"@vocab": SCHEMA}
    expanded = to_rdf(document)
    claims = set(expanded.subjects(RDF_TYPE, URIRef(SCHEMA + "Claim")))
    assert len(claims) == 23 and claims == set(turtle.subjects(RDF_TYPE, URIRef(SCHEMA + "Claim")))
    shared = [URIRef(SCHEMA + p) for p in ("text", "appearance", "fromLocation", "toLocation", "temporalCoverage",
                                          "headline", "url", "datePublished", "publisher", "author")]
    joined = [(s, p, o) for s, p, o in expanded if p in shared and (s, p, o) in turtle]
    missing = [(s, p, o) for s, p, o in expanded if p in shared and (s, p, o) not in turtle
               and not (p == URIRef(SCHEMA + "datePublished") and s in claims)
               and not (p == URIRef(SCHEMA + "author") and s in claims)]
    assert missing == [] and len(joined) > 80


def test_schema_org_places_works_and_direction(run):
    items = json.loads(export(run, "schema-jsonld"))["@graph"]
    bell = next(c for c in items if c["@id"].endswith("claim/8c1b60b6d70cf5a0"))
    assert bell["spatialCoverage"] == [{"@type": "Country", "@id": "https://w3id.org/claimgraph/id/place/RU",
                                        "name": "Russia"}]
    assert bell["fromLocation"] == [{"@id": "https://w3id.org/claimgraph/id/place/RU"}] and "toLocation" not in bell
    assert bell["isBasedOn"][0]["@type"] == "Report" and bell["isBasedOn"][0]["@id"].endswith("the-bell-emigration-report")
    assert bell["firstAppearance"]["url"] == {"@id": "https://gbnews.com/news/world/putin-defections-russians-flee-russia-ukraine-war"}
    uk = next(c for c in items if c["text"].startswith("The UK has taken about 15,000"))
    assert {p["name"] for p in uk["spatialCoverage"]} == {"Russia", "United Kingdom"}
    assert uk["toLocation"] == [{"@id": "https://w3id.org/claimgraph/id/place/GB"}]
    putin = next(c for c in items if c.get("name") == "necessary cleansing of society")
    assert putin["author"][0] == {"@type": "Person", "@id": "https://w3id.org/claimgraph/id/person/vladimir-putin",
                                  "name": "Vladimir Putin"}


def nanopubs(text: str) -> list[tuple[str, list]]:
    """(nanopub IRI, its quads) in stream order, read as nanopub-java reads a stream: a head graph
    starts a nanopublication, and its graphs must follow it before the next head."""
    import pyoxigraph as ox

    out, graphs = [], []
    for q in ox.parse(text.encode(), format=ox.RdfFormat.TRIG):
        g = q.graph_name.value
        if not graphs or graphs[-1] != g:
            assert g not in graphs, f"graph {g} is split"
            graphs.append(g)
            if g.endswith("#head"):
                out.append((g[:-len("#head")], []))
        assert g.startswith(out[-1][0] + "#"), f"{g} outside its nanopublication"
        out[-1][1].append(q)
    return out


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_nanopubs_are_a_stream_nanopub_java_reads_with_valid_trusty_uris(run):
    from nanopub import Nanopub
    from rdflib import ConjunctiveGraph

    text = export(run, "nanopub")
    found = nanopubs(text)
    assert len(found) == 23
    for np_iri, quads in found:
        assert np_iri.startswith("https://w3id.org/claimgraph/np/RA") and len(np_iri.split("/")[-1]) == 45
        assert [q.graph_name.value.split("#")[1] for q in quads][0] == "head"
        rdf = ConjunctiveGraph()  # what the nanopub package reads (a Dataset hides its named graphs from it)
        rdf.parse(data="".join(f"{q} .\n" for q in quads), format="nquads")
        np = Nanopub(rdf=rdf)
        assert np.is_valid and np.has_valid_trusty, np_iri


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_a_changed_nanopub_fails_the_trusty_check(run):
    from nanopub import Nanopub
    from rdflib import ConjunctiveGraph
    from nanopub.utils import MalformedNanopubError

    np_iri, quads = nanopubs(export(run, "nanopub"))[0]
    changed = "".join(f"{q} .\n" for q in quads).replace("650000", "650001")
    rdf = ConjunctiveGraph()
    rdf.parse(data=changed, format="nquads")
    with pytest.raises(MalformedNanopubError):
        Nanopub(rdf=rdf).has_valid_trusty


def test_a_nanopubs_provenance_holds_every_appearance(run):
    text = export(run, "nanopub")
    ds = Dataset().parse(data=text, format="trig")
    bell = URIRef("https://w3id.org/claimgraph/id/claim/8c1b60b6d70cf5a0")
    [prov] = [g for g in ds.graphs() if (None, URIRef("http://www.w3.org/ns/oa#hasBody"), bell) in g]
    assert str(prov.identifier).endswith("#provenance")
    assert len(list(prov.subjects(URIRef("http://www.w3.org/ns/oa#hasBody"), bell))) == 2
    assertion = ds.graph(URIRef(str(prov.identifier).replace("#provenance", "#assertion")))
    assert len(assertion) == 1


def test_the_context_file_is_shipped_and_names_every_prefix():
    from claimgraph.namespaces import PREFIXES

    context = json.loads(Path(ontology_file("context.jsonld")).read_text(encoding="utf-8"))["@context"]
    assert {k: str(v) for k, v in PREFIXES.items()}.items() <= context.items()


def test_an_assertion_holds_only_the_claimed_triple_not_its_objects_description(run):
    """Regression: a statement whose object is an entity put the entity's name, type and labels
    into the assertion (8 triples instead of 1)."""
    ds = Dataset().parse(data=export(run, "nanopub"), format="trig")
    sizes = {str(g.identifier): len(g) for g in ds.graphs() if str(g.identifier).endswith("#assertion")}
    assert len(sizes) == 23 and set(sizes.values()) == {1}
