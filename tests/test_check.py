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
    assert "Info claim/3209cb1a251b2eb1: 3 part(s) add up to 399000, within the whole's 650000 (a lower bound)" in result.stdout
    assert "agrees with 344000 of 650000 (52.9 per cent) for a share of 50 per cent" in result.stdout
    assert "0 conflict(s), 0 warning(s), 2 agreement(s)" in result.stderr


def test_planted_conflict_between_sources_is_found_with_both_citations(run, data_copy, tmp_path):
    for suffix in (".csv", ".txt"):
        shutil.copy(CORPUS / f"ledger-2024-08-02-caucasus{suffix}", tmp_path)
    assert run("import", tmp_path / "ledger-2024-08-02-caucasus.csv", "--data", data_copy).exit_code == 0
    result = run("check", "--data", data_copy)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    i = lines.index(next(l for l in lines if l.startswith("Violation claim/3209cb1a251b2eb1 ~ ")))
    assert "conflicts with the same quantity in another source: 650000 against 500000" in lines[i]
    assert "GB News, 18 Jul 2024, citing The Bell" in lines[i + 1]
    assert "The Tbilisi Ledger, 2 Aug 2024" in lines[i + 2]
    agreements = run("check", "--all", "--data", data_copy).stdout
    assert "agrees with the same quantity in another source: 344000 against 344000" in agreements


def test_parts_exceeding_an_exact_whole_are_a_violation(run, data_copy):
    def exact_and_smaller(graph):
        graph.set((LEAD_TOTAL, CG.bound, CG.Exact))
        graph.set((LEAD_TOTAL, RDF.object, Literal(350000)))

    edit(data_copy, exact_and_smaller)
    result = run("check", "--data", data_copy)
    assert result.exit_code == 1
    assert "Violation claim/3209cb1a251b2eb1: 3 part(s) add up to 399000, more than the whole's 350000" in result.stdout
