"""The dev corpus (tests/corpus/dev/: 34 real articles from 33 outlets, with reviewed claim
sheets) imported into one graph: it conforms, every figure and quotation is found with its
speaker, and the story six outlets carry is one set of claims with several appearances each."""
import csv
import re
import shutil
from pathlib import Path

import pytest

from claimgraph.importer import import_sheet
from claimgraph.lookup import find
from claimgraph.model.build import GraphContext
from claimgraph.model.entities import HINT
from claimgraph.resources import default_data_dir
from claimgraph.store import open_store

DEV = Path(__file__).parent / "corpus" / "dev"
SHEETS = sorted(DEV.glob("*.csv"))


def imported(tmp_path_factory, name: str, sheets) -> Path:
    """A data folder with the shipped entities and every article of ``sheets`` imported."""
    folder = tmp_path_factory.mktemp(name) / "data"
    folder.mkdir()
    shutil.copy(default_data_dir() / "entities.ttl", folder)
    for sheet in sheets:
        import_sheet(sheet, folder)
    return folder


@pytest.fixture(scope="module")
def dev_graph(tmp_path_factory):
    return imported(tmp_path_factory, "dev", SHEETS)


def claim_rows(sheet: Path) -> list[dict]:
    return [r for r in csv.DictReader(sheet.open(encoding="utf-8")) if r["kind"] in ("figure", "quotation", "statement")]


def test_the_corpus_has_what_the_issue_asks_for():
    publishers = {r["source_publisher"].split(" [")[0] for s in SHEETS for r in claim_rows(s) if r.get("source_publisher")}
    assert len(SHEETS) >= 12 and len(publishers) >= 5


def test_every_article_imports_and_the_graph_conforms(run, dev_graph):
    result = run("validate", "--data", dev_graph)
    assert result.exit_code == 0, result.output
    assert len(list(dev_graph.glob("*.ttl"))) == len(SHEETS) + 1


@pytest.mark.parametrize("sheet", SHEETS, ids=[s.stem for s in SHEETS])
def test_every_figure_and_quotation_is_found_with_its_speaker(dev_graph, sheet):
    with open_store(dev_graph) as store:
        index = GraphContext(store).index
        for row in claim_rows(sheet):
            speakers = {index.find((HINT.match(n.strip()) or re.match(r"(?P<name>.+)", n.strip())).group("name"),
                                   mint=False) for n in row["speaker"].split(";") if n.strip()}
            if row["kind"] == "figure":
                term = row["value"] or row["min"]
            else:
                term = " ".join(row["quote"].split()[:6])
            found = [c for c in find(store, term) if any(a.quote == row["quote"] for a in c.appearances)]
            assert found, (sheet.name, row["quote"])
            # two figures of one sentence may share a value: one of the claims found is the row's
            assert any(speakers == set(c.speakers) for c in found), \
                (sheet.name, row["quote"], [c.attributed_to for c in found])


HOLDOUT = Path(__file__).parent / "corpus" / "holdout"
HELD_OUT = sorted(HOLDOUT.glob("*.csv"))


@pytest.fixture(scope="module")
def holdout_graph(tmp_path_factory):
    """The held-out articles imported as the dev ones are: the importer has not seen them either."""
    return imported(tmp_path_factory, "holdout", HELD_OUT)


def test_every_held_out_article_imports_conforms_and_is_found(run, holdout_graph):
    assert run("validate", "--data", holdout_graph).exit_code == 0
    for sheet in HELD_OUT:
        test_every_figure_and_quotation_is_found_with_its_speaker(holdout_graph, sheet)


def test_the_shared_story_is_one_claim_per_assertion_with_several_appearances(dev_graph):
    with open_store(dev_graph) as store:
        unhcr = [c for c in find(store, "110 million", speaker="UNHCR") if c.time is None]
        indictment = find(store, "quite an indictment on the state of our world", speaker="Grandi")
    [record] = unhcr
    assert {a.source["publisher"] for a in record.appearances} >= {"Al Jazeera", "i24NEWS", "Integrity News"}
    [quote] = indictment
    assert {a.source["publisher"] for a in quote.appearances} >= {"Al Jazeera", "i24NEWS", "The Straits Times"}
    assert all(a.mode == "quotation" for a in quote.appearances)


@pytest.mark.parametrize("sheet", SHEETS, ids=[s.stem for s in SHEETS])
def test_audit_finds_nothing_uncovered(dev_graph, sheet):
    """Every figure and quotation of every article is covered, and audit skips what is not a
    figure: dates, years, times, ordinals ("third quarter"), ages ("Bill Hoyes, 72,"), "type 1",
    days of the month ("April 9"); nor a quotation: the title of an embedded video that page chrome
    quotes (Global News' "Click to play video: '…'")."""
    from claimgraph.audit import audit_source

    with open_store(dev_graph) as store:
        _, gaps = audit_source(store, str(DEV / f"{sheet.stem}.txt"))  # by the text file's path
    assert [g.line() for g in gaps] == []


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_the_corpus_exports_as_valid_nanopubs_and_joining_schema_org_claims(dev_graph):
    """Real articles, not only the seed: every claim a nanopub with a valid trusty URI (the
    nanopub package), every schema.org Claim joins the Turtle export (PyLD)."""
    import json

    from nanopub import Nanopub
    from pyld import jsonld
    from rdflib import ConjunctiveGraph, Graph, URIRef

    from claimgraph.export import export
    from test_exports import nanopubs

    found = nanopubs(export(dev_graph, "nanopub"))
    for np_iri, quads in found:
        rdf = ConjunctiveGraph()
        rdf.parse(data="".join(f"{q} .\n" for q in quads), format="nquads")
        assert Nanopub(rdf=rdf).is_valid and Nanopub(rdf=rdf).has_valid_trusty, np_iri
    claim, rdf_type = URIRef("https://schema.org/Claim"), URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    schema = jsonld.to_rdf(json.loads(export(dev_graph, "schema-jsonld")), {"format": "application/n-quads"})
    joined = set(Graph().parse(data=schema, format="nt").subjects(rdf_type, claim))
    turtle = Graph().parse(data=export(dev_graph, "turtle"), format="turtle")
    assert len(found) == len(joined) > 100 and joined == set(turtle.subjects(rdf_type, claim))
