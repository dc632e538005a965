"""`claimgraph check`: consistency across claims and sources."""
import shutil
from pathlib import Path

from rdflib import RDF, Literal

from claimgraph.namespaces import CG

from test_validate import LEAD_TOTAL, edit

CORPUS = Path(__file__).parent / "corpus"


def test_shipped_data_has_no_conflict_and_lists_agreements(run):
    result = run("check", "--all")
    assert result.exit_code == 0
    assert "Info claim/8c1b60b6d70cf5a0: 3 part(s) add up to 399000, within the whole's 650000 (a lower bound)" \
        in result.stdout
    assert "agrees with 344000 of 650000 (52.9 per cent) for a share of 50 per cent" in result.stdout
    assert "agrees with another speaker's figure for the same quantity: 650000 (lower) against 650000 (lower)" \
        in result.stdout
    assert "0 conflict(s), 0 warning(s), 3 agreement(s)" in result.stderr


def test_planted_conflict_between_sources_is_found_with_both_citations(run, data_copy, tmp_path):
    for suffix in (".csv", ".txt"):
        shutil.copy(CORPUS / f"ledger-2024-08-02-caucasus{suffix}", tmp_path)
    assert run("import", tmp_path / "ledger-2024-08-02-caucasus.csv", "--data", data_copy).exit_code == 0
    result = run("check", "--data", data_copy)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    i = lines.index(next(line for line in lines if line.startswith("Violation ") and "claim/8c1b60b6d70cf5a0" in line))
    assert "conflicts with another speaker's figure for the same quantity" in lines[i]
    assert {"500000 (approximate)", "650000 (lower)"} <= set(lines[i].split(": ", 1)[1].replace(" against ", "|")
                                                           .split("quantity: ")[1].split(" [")[0].split("|"))
    cited = lines[i + 1] + lines[i + 2]
    assert "The Bell, as reported by GB News, 18 Jul 2024" in cited and "The Tbilisi Ledger, 2 Aug 2024" in cited
    agreements = run("check", "--all", "--data", data_copy).stdout
    assert "agrees with another speaker's figure for the same quantity: 344000 (approximate) against 344000 " \
           "(approximate)" in agreements


def test_parts_exceeding_an_exact_whole_are_a_violation(run, data_copy):
    def exact_and_smaller(graph):
        graph.set((LEAD_TOTAL, CG.bound, CG.Exact))
        graph.set((LEAD_TOTAL, RDF.object, Literal(350000)))

    edit(data_copy, exact_and_smaller)
    result = run("check", "--data", data_copy)
    assert result.exit_code == 1
    assert "Violation claim/8c1b60b6d70cf5a0: 3 part(s) add up to 399000, more than the whole's 350000" in result.stdout


def test_check_json_is_one_document(run):
    import json

    result = run("check", "--all", "--format", "json")
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert {r["rule"] for r in report["results"]} == {"competing_estimates", "parts_exceed_whole", "share_vs_count"}
    assert report["counts"] == {"Violation": 0, "Warning": 0, "Info": 3}


def test_citations_go_to_the_first_results_and_all_on_request(run):
    """Citing is nearly all of a large check's work: the first --citations results are cited,
    the rest listed by ID and message, and stderr says so."""
    import json

    everything = json.loads(run("check", "--all", "--format", "json").stdout)["results"]
    assert all(r["citations"] for r in everything)
    first = run("check", "--all", "--citations", "1", "--format", "json")
    results = json.loads(first.stdout)["results"]
    assert [bool(r["citations"]) for r in results] == [True, False, False]
    assert [r["message"] for r in results] == [r["message"] for r in everything]
    assert "citations for the first 1 of 3 result(s) (--citations all for every one)" in first.stderr
    assert json.loads(run("check", "--all", "--citations", "all", "--format", "json").stdout)["results"] == everything
    wrong = run("check", "--citations", "some")
    assert wrong.exit_code == 2 and "'some' is not a number of results or 'all'" in wrong.stderr
