"""Claim sheets: a second (made-up) article imported; bad sheets rejected row by row with every
file untouched; export -> import round trip; verify. (draft and audit: test_draft.py)"""
import csv
import shutil
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from claimgraph.resources import default_data_dir

from conftest import ARTICLE

CORPUS = Path(__file__).parent / "corpus"
LEDGER = "ledger-2024-08-02-caucasus"


def snapshot(folder: Path) -> dict:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.name != ".claimgraph.lock"}  # a lock, not data


@pytest.fixture
def ledger_sheet(tmp_path) -> Path:
    """A writable copy of the made-up article's sheet and text."""
    for suffix in (".csv", ".txt"):
        shutil.copy(CORPUS / f"{LEDGER}{suffix}", tmp_path / f"{LEDGER}{suffix}")
    return tmp_path / f"{LEDGER}.csv"


def test_second_article_imports_and_is_found(run, run_json, data_copy, ledger_sheet):
    result = run("import", ledger_sheet, "--data", data_copy)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("5 claim(s) added, 5 appearance(s) added, 0 already present")
    assert (data_copy / f"{LEDGER}.ttl").exists() and (data_copy / f"{LEDGER}.txt").exists()
    assert run("validate", "--data", data_copy).exit_code == 0
    [petrova] = run_json("lookup", "second home", "--data", data_copy)
    assert petrova["attributed_to"] == ["Dr Anna Petrova"]
    assert petrova["source"]["publisher"] == "The Tbilisi Ledger"
    assert petrova["source"]["published"] == "2024-08-02"
    assert {c["source"]["publisher"] for c in run_json("lookup", "344,000", "--data", data_copy)} == \
        {"GB News", "The Tbilisi Ledger"}


def test_importing_twice_adds_nothing(run, data_copy, ledger_sheet):
    assert run("import", ledger_sheet, "--data", data_copy).exit_code == 0
    before = snapshot(data_copy)
    result = run("import", ledger_sheet, "--data", data_copy)
    assert result.stdout.startswith("0 claim(s) added, 0 appearance(s) added, 5 already present")
    assert snapshot(data_copy) == before


def _edit(sheet: Path, row: int, column: str, value: str):
    rows = list(csv.DictReader(sheet.open(encoding="utf-8")))
    rows[row - 2][column] = value
    with sheet.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def _drop_column(sheet: Path, column: str):
    rows = list(csv.DictReader(sheet.open(encoding="utf-8")))
    with sheet.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=[c for c in rows[0] if c != column], lineterminator="\n",
                                extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)


BAD_SHEETS = [
    ("missing column", lambda s: _drop_column(s, "kind"), "header: missing column(s) kind"),
    ("speaker column dropped", lambda s: _drop_column(s, "speaker"), "row 2, column speaker: missing"),
    ("quote not in text", lambda s: _edit(s, 3, "quote", "Some 345,000 Russians went"),
     "row 3, column quote: 'Some 345,000 Russians went' is not found verbatim in the archived text"),
    ("percent of 140", lambda s: _edit(s, 6, "value", "140"),
     "row 6, column value: Share of 140 per cent is outside 0-100."),
    ("date that is not a date", lambda s: _edit(s, 2, "source_published", "02/08/2024"),
     "row 2, column source_published: '02/08/2024' is not a date"),
    ("unknown speaker", lambda s: _edit(s, 5, "speaker", "Anna Someone"),
     "row 5, column speaker: unknown entity 'Anna Someone'"),
    ("part larger than whole", lambda s: _edit(s, 4, "value", "400000"),
     "row 4, column part_of: Part (400000) is larger than its whole"),
]


@pytest.mark.parametrize("case, breaks, message", BAD_SHEETS, ids=[b[0] for b in BAD_SHEETS])
def test_bad_sheet_is_rejected_row_by_row_and_nothing_changes(run, data_copy, ledger_sheet, case, breaks, message):
    breaks(ledger_sheet)
    before = snapshot(data_copy)
    result = run("import", ledger_sheet, "--data", data_copy)
    assert result.exit_code == 1
    assert message in result.stderr, result.stderr
    assert all(line.startswith(str(ledger_sheet)) for line in result.stderr.splitlines())
    assert snapshot(data_copy) == before


def test_every_bad_row_is_reported_at_once(run, data_copy, ledger_sheet):
    _edit(ledger_sheet, 3, "quote", "not in the text")
    _edit(ledger_sheet, 5, "speaker", "")
    result = run("import", ledger_sheet, "--data", data_copy)
    assert "row 3, column quote" in result.stderr and "row 5, column speaker: missing" in result.stderr


def test_export_csv_then_import_gives_the_same_graph(run, tmp_path):
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    shutil.copy(default_data_dir() / "entities.ttl", fresh)
    shutil.copy(default_data_dir() / f"{ARTICLE}.txt", fresh)
    sheet = fresh / "exported.csv"
    assert run("export", "--format", "csv", "-o", sheet).exit_code == 0
    assert run("import", sheet, "--data", fresh).exit_code == 0
    original = Graph().parse(default_data_dir() / f"{ARTICLE}.ttl")
    assert isomorphic(Graph().parse(fresh / f"{ARTICLE}.ttl"), original)


def test_export_round_trip_keeps_minted_agents(run, data_copy, ledger_sheet, tmp_path):
    assert run("import", ledger_sheet, "--data", data_copy).exit_code == 0
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    for name in ("entities.ttl", f"{ARTICLE}.txt", f"{LEDGER}.txt"):
        shutil.copy(data_copy / name, fresh)
    sheet = tmp_path / "all.csv"
    assert run("export", "--format", "csv", "--data", data_copy, "-o", sheet).exit_code == 0
    result = run("import", sheet, "--data", fresh)
    assert result.exit_code == 0, result.output
    for name in (f"{ARTICLE}.ttl", f"{LEDGER}.ttl"):
        assert isomorphic(Graph().parse(fresh / name), Graph().parse(data_copy / name)), name


@pytest.mark.parametrize("fmt, parse_as", [("turtle", "turtle"), ("trig", "trig"), ("nquads", "nquads"),
                                           ("jsonld", "json-ld"), ("nanopub", "trig")])
def test_rdf_exports_parse(run, fmt, parse_as):
    import json

    from rdflib import Dataset

    from claimgraph.resources import ontology_file

    result = run("export", "--format", fmt)
    assert result.exit_code == 0
    data = result.stdout
    if fmt == "jsonld":  # the published context, from the package copy (no network in tests)
        document = json.loads(data)
        document["@context"] = json.loads(ontology_file("context.jsonld").read_text(encoding="utf-8"))["@context"]
        data = json.dumps(document)
    ds = Dataset()
    ds.parse(data=data, format=parse_as)
    assert len(ds) > 700 or sum(len(g) for g in ds.graphs()) > 700


def test_nanopub_has_the_four_graphs_per_claim(run):
    from rdflib import Dataset, URIRef

    ds = Dataset().parse(data=run("export", "--format", "nanopub").stdout, format="trig")
    heads = [g for g in ds.graphs() if str(g.identifier).endswith("#head")]
    assert len(heads) == 23
    np_iri = str(heads[0].identifier)[:-len("#head")]
    names = {str(g.identifier) for g in ds.graphs()}
    assert {f"{np_iri}#assertion", f"{np_iri}#provenance", f"{np_iri}#pubinfo"} <= names
    assertion = ds.graph(URIRef(f"{np_iri}#assertion"))
    assert len(assertion) == 1


def test_schema_org_claims(run):
    import json

    data = json.loads(run("export", "--format", "schema-jsonld").stdout)
    assert data["@context"] == {"@vocab": "https://schema.org/"}  # schema.org's own context says http://
    isw = next(c for c in data["@graph"] if c.get("name", "").startswith("permanent loss"))
    assert isw["@type"] == "Claim"
    assert isw["author"][0]["name"] == "Institute for the Study of War"
    assert isw["firstAppearance"]["publisher"]["name"] == "GB News"
    assert isw["firstAppearance"]["datePublished"]["@value"] == "2024-07-18T08:38:00+01:00"
    cleansing = next(c for c in data["@graph"] if c.get("name") == "necessary cleansing of society")
    assert len(cleansing["appearance"]) == 1  # two appearances, one document


def test_verify_finds_claims_whose_content_changed(run, data_copy):
    assert run("verify", "--data", data_copy).exit_code == 0
    ttl = data_copy / f"{ARTICLE}.ttl"
    ttl.write_text(ttl.read_text(encoding="utf-8").replace("rdf:object 344000 ;", "rdf:object 345000 ;"), encoding="utf-8")
    result = run("verify", "--data", data_copy)
    assert result.exit_code == 1
    assert result.stdout.startswith("claim/b741475c29ca62e2: content now hashes to claim/")


def test_faults_of_the_sheet_and_of_the_shapes_come_together(run, data_copy, ledger_sheet):
    """Regression: a bad cell hid the faults the shapes find in other rows (one layer at a time)."""
    _edit(ledger_sheet, 3, "speaker", "Nobody Known")      # a sheet fault
    _edit(ledger_sheet, 6, "value", "140")                # a shapes fault: a share over 100 per cent
    result = run("import", ledger_sheet, "--data", data_copy)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert any("row 3, column speaker: unknown entity 'Nobody Known'" in line for line in lines)
    assert any("row 6, column value: Share of 140 per cent is outside 0-100." in line for line in lines)
    assert lines == sorted(lines, key=lambda line: int(line.split(": row ")[1].split(",")[0]))
