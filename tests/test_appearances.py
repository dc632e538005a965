"""One claim, many appearances (issue 11): the seed regrouped, a second source carrying known
claims with drift, ranges, ratios, competing estimates, and citations that say who spoke."""
import shutil
from pathlib import Path

import pytest
from rdflib import Graph, URIRef

from claimgraph import cite
from claimgraph.lookup import find
from claimgraph.model.records import details
from claimgraph.namespaces import OA
from claimgraph.resources import default_data_dir
from claimgraph.store import open_store

from conftest import ARTICLE

CORPUS = Path(__file__).parent / "corpus"
ECHO = "echo-2024-07-20-exodus"


@pytest.fixture
def with_echo(run, data_copy, tmp_path):
    """The shipped data with the made-up Riga Echo article imported."""
    for suffix in (".csv", ".txt"):
        shutil.copy(CORPUS / f"{ECHO}{suffix}", tmp_path)
    result = run("import", tmp_path / f"{ECHO}.csv", "--data", data_copy)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("4 claim(s) added, 6 appearance(s) added (2 to claims already in the graph)")
    return data_copy


def test_headline_and_body_of_one_claim_are_one_claim_with_two_appearances(run_json):
    [cleansing] = run_json("lookup", "necessary cleansing of society")
    assert [a["mode"] for a in cleansing["appearances"]] == ["quotation", "quotation"]
    assert cleansing["attributed_to"] == ["Vladimir Putin"]
    [bell] = [c for c in run_json("lookup", "650,000") if c["attributed_to"] == ["The Bell"]]
    assert [a["mode"] for a in bell["appearances"]] == ["reported", "reported"]
    assert [a["as_printed"] for a in bell["appearances"]] == ["More than 650,000", "Over 650,000"]
    [uk] = run_json("lookup", "15,000")
    assert len(uk["appearances"]) == 2 and uk["part_of"] == bell["id"]


def test_every_span_of_the_article_is_an_appearance():
    """The regrouping dropped nothing: the anchored spans are the 28 of the claim sheet's rows."""
    import csv

    text = (default_data_dir() / f"{ARTICLE}.txt").read_text(encoding="utf-8")
    rows = list(csv.DictReader((default_data_dir() / f"{ARTICLE}.csv").open(encoding="utf-8")))
    expected = set()
    for row in rows:
        start = -1
        for _ in range(int(row["occurrence"] or 1)):
            start = text.find(row["quote"], start + 1)
        expected.add((start, start + len(row["quote"])))
    graph = Graph().parse(default_data_dir() / f"{ARTICLE}.ttl")
    spans = {(int(graph.value(p, OA.start)), int(graph.value(p, OA.end)))
             for p in graph.subjects(predicate=OA.start)}
    assert len(expected) == 28 and spans == expected
    appearances = set(graph.subjects(OA.hasBody, None))
    assert len(appearances) == 28 and len(set(graph.objects(None, OA.hasBody))) == 23


def test_a_second_source_adds_appearances_not_claims_and_check_reports_drift(run, run_json, with_echo):
    [bell] = [c for c in run_json("lookup", "650,000", "--data", with_echo) if c["attributed_to"] == ["The Bell"]]
    assert [a["source"]["publisher"] for a in bell["appearances"]] == ["GB News", "GB News", "The Riga Echo"]
    assert bell["bound"] == "lower bound" and bell["appearances"][2]["bound"] == "exact"
    [putin] = run_json("lookup", "necessary cleansing of society", "--data", with_echo)
    assert putin["appearances"][2]["quote"] == "necessary cleaning of society"
    result = run("check", "--data", with_echo)
    assert "Warning claim/8c1b60b6d70cf5a0: an appearance prints the figure with bound exact where the claim's is " \
           "lower [figure_drift]" in result.stdout
    assert f"Warning {putin['id']}: an appearance prints the quotation as “necessary cleaning of society” " \
           "[quote_drift]" in result.stdout
    drift = result.stdout.split("[quote_drift]")[1].splitlines()[1:3]
    assert "(GB News, 18 Jul 2024)" in drift[0] and "(The Riga Echo, 20 Jul 2024)" in drift[1]


def test_a_range_is_stored_looked_up_and_never_summed(run, run_json, with_echo):
    [kalnina] = run_json("lookup", "174,000", "--data", with_echo)
    assert (kalnina["min"], kalnina["max"], kalnina["value"]) == (174000, 334000, None)
    assert kalnina["attributed_to"] == ["Dr Marta Kalnina"]
    assert run_json("lookup", "334000", "--data", with_echo)[0]["id"] == kalnina["id"]
    assert kalnina["id"] in {c["id"] for c in run_json("lookup", "--min", "300000", "--max", "400000", "--data", with_echo)}
    result = run("check", "--data", with_echo)
    assert "174000-334000 (exact) against 650000 (lower)" in result.stdout
    assert "part(s) add up" not in result.stdout


def test_a_ratio_is_a_share_in_per_cent_with_its_printed_form(run_json, with_echo):
    [ratio] = run_json("lookup", "Two in five", "--data", with_echo)
    assert (ratio["value"], ratio["unit"], ratio["as_printed"]) == (40, "per cent", "Two in five")
    assert ratio["appearances"][0]["mode"] == "quotation"


def test_competing_estimates_within_one_source(run, with_echo):
    result = run("check", "--data", with_echo)
    assert result.exit_code == 1
    lines = [line for line in result.stdout.splitlines() if "[competing_estimates]" in line]
    shares = [line for line in lines if "(exact) against" in line and " per cent" not in line and "000" not in line]
    assert len(shares) == 3  # 26 % (survey), 40 % (Kalnina), 50 % (the Kremlin): three pairs
    assert all("conflicts with another speaker's figure for the same quantity" in line for line in shares)


def test_no_citation_puts_an_outlets_words_in_a_speakers_mouth(with_echo):
    with open_store(with_echo) as store:
        claims = details(store, sorted({c.iri for c in find(store, speaker=None, minimum=-1e18)}
                                       | {c.iri for c in find(store, "said")}))
    reported = [(c, a) for c in claims for a in c.appearances if a.mode != "quotation"]
    assert reported
    for c, a in reported:
        line = cite.plain(c, a)
        for speaker in c.attributed_to:
            assert f"{speaker}: “" not in line or speaker == a.source["publisher"], line
        assert f"“{a.quote}”" in line
        if a.mode == "reported":
            assert f"{a.source['publisher']}'s words: “{a.quote}”" in line


def test_ids_hash_what_a_claim_is_not_where_it_appears(run, with_echo):
    assert run("verify", "--data", with_echo).exit_code == 0
    graph = Graph().parse(with_echo / f"{ECHO}.ttl")
    bell = URIRef("https://w3id.org/claimgraph/id/claim/8c1b60b6d70cf5a0")
    assert len(list(graph.subjects(OA.hasBody, bell))) == 1  # the Echo's file holds its appearance only


def test_import_checks_the_new_claims_against_the_graph(run, data_copy, tmp_path):
    for suffix in (".csv", ".txt"):
        shutil.copy(CORPUS / f"{ECHO}{suffix}", tmp_path)
    result = run("import", tmp_path / f"{ECHO}.csv", "--data", data_copy)
    assert "check: 5 conflict(s), 2 warning(s), 2 agreement(s) with the graph for these claims" in result.stdout
    assert "[figure_drift]" in result.stdout and "[quote_drift]" in result.stdout
    assert "3 part(s) add up" not in result.stdout  # the seed's own checks are not about these claims
