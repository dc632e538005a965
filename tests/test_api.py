"""The Python API: claimgraph.open() over a data folder, a persistent store and an endpoint;
claims that cite themselves; queries with bound values; the network; the RDF; notebook HTML."""
import subprocess
import sys

import pytest

import claimgraph
from test_cite import ISW, PANDOC
from test_store import oxigraph_server  # noqa: F401 - a fixture: a real Oxigraph server

SCHEMA_NAME = "PREFIX schema: <https://schema.org/> SELECT ?name WHERE { ?who schema:name ?name }"


@pytest.fixture
def g():
    with claimgraph.open() as graph:
        yield graph


def test_lookup_gives_claims_with_appearances_that_cite_themselves(g):
    [bell] = g.lookup("650,000", speaker="The Bell")
    assert isinstance(bell, claimgraph.Claim) and bell.id == "claim/8c1b60b6d70cf5a0"
    assert [a.as_printed for a in bell.appearances] == ["More than 650,000", "Over 650,000"]
    assert all(isinstance(a, claimgraph.Appearance) for a in bell.appearances)
    [isw] = g.lookup("permanent loss")
    assert isw.cite("apa") == ISW + PANDOC["apa"]
    assert isw.cite("plain").startswith("Institute for the Study of War: “permanent loss")
    assert repr(bell).startswith("<Claim claim/8c1b60b6d70cf5a0 figure, 2 appearance(s): More than 650,000")
    assert g.lookup("zebra crossing") == []
    with pytest.raises(claimgraph.ClaimgraphError, match="unknown citation format 'nature'"):
        isw.cite("nature")


def test_query_binds_values_as_terms_and_answers_plain_values(g):
    assert g.query(SCHEMA_NAME, who=claimgraph.IRI("https://w3id.org/claimgraph/id/org/the-bell")) == [{"name": "The Bell"}]
    rows = g.query("PREFIX cg: <https://w3id.org/claimgraph/ns#> SELECT ?claim ?value WHERE { "
                   "?claim a cg:FigureClaim ; <http://www.w3.org/1999/02/22-rdf-syntax-ns#object> ?value "
                   "FILTER (?value >= ?min) } ORDER BY ?claim", min=600000)
    assert {r["value"] for r in rows} == {650000, 1600000} and all(isinstance(r["value"], int) for r in rows)
    assert all(r["claim"].startswith("https://w3id.org/claimgraph/id/claim/") for r in rows)
    [bell] = g.lookup("650,000", speaker="The Bell")
    assert g.query("ASK WHERE { ?c a <https://schema.org/Claim> }", c=bell) is True
    hostile = '") } UNION { ?s ?p ?o } #'
    assert g.query("SELECT ?t WHERE { ?c <https://schema.org/text> ?t FILTER (CONTAINS(?t, ?x)) }", x=hostile) == []
    triples = g.query("CONSTRUCT { ?c <https://schema.org/text> ?t } WHERE { ?c <https://schema.org/text> ?t }", c=bell)
    assert triples == [(bell.iri, "https://schema.org/text", bell.statement)]


def test_network_is_a_networkx_graph_that_draws_as_svg(g):
    import networkx as nx

    net = g.network(focus="Vladimir Putin")
    assert isinstance(net, nx.MultiDiGraph)
    kinds = {d["kind"] for _, d in net.nodes(data=True)}
    assert {"person", "claim", "source"} <= kinds
    html = net._repr_html_()
    assert html.startswith('<figure class="claimgraph-network"><svg') and "Vladimir Putin" in html
    assert len(html) < 20_000 and "<script" not in html and "http" not in html.replace("http://www.w3.org/2000/svg", "")


def test_rdf_is_an_rdflib_dataset_with_a_graph_per_file(g):
    from rdflib import Dataset, URIRef

    ds = g.rdf()
    assert isinstance(ds, Dataset)
    names = {str(c.identifier) for c in ds.graphs() if len(c)}
    assert {"https://w3id.org/claimgraph/graph/entities", "https://w3id.org/claimgraph/graph/gbnews-2024-07-18-russian-exodus"} <= names
    assert any(ds.quads((URIRef("https://w3id.org/claimgraph/id/claim/8c1b60b6d70cf5a0"), None, None, None)))


def test_show_prints_the_claim_its_appearances_and_rdf(g):
    text = g.show("claim/8c1b60b6d70cf5a0")
    assert "appearance 2: appearance/00e4a6a2e7de8fe5, reported, printed “Over 650,000”" in text
    assert "oa:start 320" in text and repr(text) == str(text)
    with pytest.raises(claimgraph.NotFound):
        g.show("claim/0000000000000000")


def test_notebook_html_escapes_what_the_data_holds(data_copy):
    entities = data_copy / "entities.ttl"
    entities.write_text(entities.read_text(encoding="utf-8").replace('"Vladimir Putin"', '"<script>alert(1)</script>"'),
                        encoding="utf-8")
    with claimgraph.open(data=data_copy) as g:
        [claim] = g.lookup("necessary cleansing of society")
        net = g.network(focus="claim/" + claim.id.split("/")[1])
        for html in (claim._repr_html_(), net._repr_html_()):
            assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert claim._repr_html_().startswith('<table class="claimgraph-claim">')
        assert 'href="https://gbnews.com/news/world/putin-defections-russians-flee-russia-ukraine-war"' in claim._repr_html_()


def test_persistent_store_and_endpoint_answer_as_the_data_folder(run, tmp_path, oxigraph_server):  # noqa: F811
    with claimgraph.open() as g:
        expected = [c.id for c in g.lookup(minimum=0)]
    assert run("load", "--store", tmp_path / "store").exit_code == 0
    with claimgraph.open(store=tmp_path / "store") as g:
        assert [c.id for c in g.lookup(minimum=0)] == expected and "persistent" in repr(g)
    assert run("push", "--endpoint", f"{oxigraph_server}/store").exit_code == 0
    with claimgraph.open(endpoint=f"{oxigraph_server}/query") as g:
        assert [c.id for c in g.lookup(minimum=0)] == expected
        assert len(g.rdf()) > 900


def test_import_and_lookups_stay_cheap():
    """``import claimgraph``, a look-up, a citation and a claim's HTML import neither rdflib,
    pySHACL, pyvis nor networkx."""
    code = ("import sys, claimgraph\n"
            "heavy = lambda: sorted({m.split('.')[0] for m in sys.modules} & {'rdflib', 'pyshacl', 'pyvis', 'networkx', 'pyoxigraph'})\n"
            "print(heavy())\n"
            "g = claimgraph.open(); [c] = g.lookup('650,000', speaker='The Bell'); c.cite('apa'); c._repr_html_()\n"
            "g.query('SELECT ?s WHERE { ?s ?p ?o } LIMIT 1')\n"
            "print(heavy())")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.splitlines()
    assert out == ["[]", "['pyoxigraph']"]
