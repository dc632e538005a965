"""The command line as other tools use it: -h, standard input and output as "-", machine-readable
output of validate, verify and audit, and exit codes that tell a usage error from input that
cannot be read."""
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph
from rdflib.namespace import SH

from claimgraph.cli import main

CORPUS = Path(__file__).parent / "corpus"


def invoke(*args, stdin=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=stdin, catch_exceptions=False)


def test_dash_h_is_help():
    assert invoke("-h").exit_code == 0 and "Usage:" in invoke("-h").output
    assert "Usage:" in invoke("lookup", "-h").output


def test_usage_errors_and_unreadable_input_have_different_exit_codes(data_copy):
    assert invoke("lookup", "--no-such-option").exit_code == 2
    (data_copy / "entities.ttl").write_text("this is not turtle", encoding="utf-8")
    result = invoke("validate", "--data", data_copy)
    assert result.exit_code == 3 and "entities.ttl:1: malformed RDF" in result.stderr


def test_validate_as_json_and_as_a_shacl_report():
    report = json.loads(invoke("validate", "--format", "json").stdout)
    assert report == {"conforms": True, "results": []}
    graph = Graph().parse(data=invoke("validate", "--format", "turtle").stdout, format="turtle")
    [node] = graph.subjects(predicate=SH.conforms)
    assert graph.value(node, SH.conforms).toPython() is True


def test_validate_json_lists_violations(data_copy):
    from test_validate import SOVIET_FIGURE, edit
    from rdflib import RDF, Literal

    edit(data_copy, lambda g: g.set((SOVIET_FIGURE, RDF.object, Literal(-5))))
    result = invoke("validate", "--data", data_copy, "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["conforms"] is False
    assert {"focus": "claim/b5c2d3b399473654", "path": "http://www.w3.org/1999/02/22-rdf-syntax-ns#object",
            "severity": "Violation", "message": "Count is negative (-5)."} in report["results"]


def test_verify_and_audit_as_json():
    assert json.loads(invoke("verify", "--format", "json").stdout) == {"changed": []}
    audit = json.loads(invoke("audit", "source/gbnews-2024-07-18-russian-exodus", "--format", "json").stdout)
    assert audit["uncovered"] == [] and audit["file"] == "gbnews-2024-07-18-russian-exodus.txt"


def test_export_to_standard_output_writes_no_file_named_dash(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = invoke("export", "--format", "turtle", "-o", "-")
    assert result.exit_code == 0 and "schema:Claim" in result.stdout
    assert not (tmp_path / "-").exists()


@pytest.mark.parametrize("args", [("query", "-"), ("query", "--file", "-")])
def test_query_reads_standard_input(args):
    sparql = "PREFIX schema: <https://schema.org/> SELECT (COUNT(*) AS ?n) WHERE { ?c a schema:Claim }"
    result = invoke(*args, "--format", "csv", stdin=sparql)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == ["n", "23"]


def test_import_reads_the_sheet_from_standard_input(data_copy):
    sheet = (CORPUS / "echo-2024-07-20-exodus.csv").read_text(encoding="utf-8")
    result = invoke("import", "-", "--data", data_copy, "--text", CORPUS / "echo-2024-07-20-exodus.txt", stdin=sheet)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("4 claim(s) added")


@pytest.mark.parametrize("flag", [["--json"], ["--cite", "csl-json"]])
def test_lookup_json_that_finds_nothing_is_an_empty_array_and_exit_1(flag):
    result = invoke("lookup", "zebra crossing", *flag)
    assert result.exit_code == 1
    assert json.loads(result.stdout) == [] and "no claim matches" in result.stderr
