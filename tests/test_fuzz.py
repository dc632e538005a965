"""Every command against hostile input (issue 10): no traceback ever reaches the user, the exit
code is one the README documents (0 done, 1 no, 2 usage, 3 unreadable input or unwritable output,
4 a service that cannot do the work), and the data folder is byte-identical afterwards."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

from test_sheets import snapshot

DOCUMENTED = {0, 1, 2, 3, 4}
UNREACHABLE = "http://127.0.0.1:9/query"  # the discard port: nothing listens there


def fuzz_table(data: Path, scratch: Path) -> list[tuple]:
    """(name, arguments) of each hostile call; ``{data}`` and ``{scratch}`` are filled in."""
    binary = scratch / "binary.bin"
    binary.write_bytes(bytes(range(256)) * 8)
    empty = scratch / "empty.csv"
    empty.write_text("")
    bad_header = scratch / "bad-header.csv"
    bad_header.write_text("who,what\nx,y\n", encoding="utf-8")
    full = scratch / "full"
    full.mkdir()
    (full / "thesis.txt").write_text("mine")
    return [
        ("lookup 5,000 digits", ["lookup", "9" * 5000]),
        ("lookup injection", ["lookup", '") } UNION { ?s ?p ?o } #']),
        ("lookup bad --min", ["lookup", "--min", "abc"]),
        ("lookup --limit 0", ["lookup", "x", "--limit", "0"]),
        ("lookup unknown style", ["lookup", "x", "--cite", "nosuch"]),
        ("lookup by an unknown speaker", ["lookup", "--speaker", "<script>"]),
        ("lookup at an unreachable endpoint", ["lookup", "650,000", "--endpoint", UNREACHABLE]),
        ("lookup at a non-URL endpoint", ["lookup", "650,000", "--endpoint", "not a url"]),
        ("show an id with a space", ["show", "claim/x y"]),
        ("show angle brackets", ["show", "<>"]),
        ("show an IRI with a space", ["show", "http://a b"]),
        ("show an unknown claim", ["show", "claim/0000000000000000"]),
        ("query syntax error", ["query", "SELEC * WHERE {"]),
        ("query --bind empty IRI", ["query", "--name", "figures_about_country", "--bind", "code=<>"]),
        ("query --bind IRI with space", ["query", "--name", "figures_about_country", "--bind", "code=<x y>"]),
        ("query --bind without =", ["query", "--name", "figures_about_country", "--bind", "code"]),
        ("query a shipped name outside", ["query", "--name", "../../etc/passwd"]),
        ("query a missing file", ["query", "--file", "/nonexistent/q.rq"]),
        ("query SERVICE", ["query", "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"]),
        ("query two sources", ["query", "SELECT * {}", "--name", "sources"]),
        ("load into the current folder", ["load", "--store", "."]),
        ("load into the data folder", ["load", "--store", "{data}"]),
        ("load into a folder of mine", ["load", "--store", str(full)]),
        ("push to a non-URL", ["push", "--endpoint", "not a url"]),
        ("push to an unreachable store", ["push", "--endpoint", "http://127.0.0.1:9/store"]),
        ("import a missing sheet", ["import", "/nonexistent/s.csv"]),
        ("import a binary file", ["import", str(binary)]),
        ("import an empty file", ["import", str(empty)]),
        ("import a sheet of other columns", ["import", str(bad_header)]),
        ("viz into a missing folder", ["viz", "-o", "/nonexistent/x.html"]),
        ("viz --max-nodes -5", ["viz", "-o", str(scratch / "x.html"), "--max-nodes", "-5"]),
        ("viz around nothing", ["viz", "-o", str(scratch / "y.html"), "--focus", "<script>alert(1)</script>"]),
        ("viz an unknown claim", ["viz", "-o", str(scratch / "z.html"), "--claim", "claim/0000000000000000"]),
        ("chart to a .txt", ["chart", "650,000", "-o", str(scratch / "c.txt")]),
        ("chart into a missing folder", ["chart", "650,000", "-o", "/nonexistent/c.svg"]),
        ("chart of no figure", ["chart", "zebra crossing", "-o", str(scratch / "c.svg")]),
        ("network path between nothing", ["network", "--path", "nobody", "nowhere"]),
        ("audit an unknown source", ["audit", "nonexistent"]),
        ("audit a file outside", ["audit", "/etc/passwd"]),
        ("check at an unreachable endpoint", ["check", "--endpoint", UNREACHABLE]),
        ("export an unknown format", ["export", "--format", "nope"]),
        ("export into a missing folder", ["export", "--format", "turtle", "-o", "/nonexistent/x.ttl"]),
        ("draft a missing text", ["draft", "/nonexistent/a.txt", "-o", str(scratch / "d.csv")]),
        ("draft a binary file", ["draft", str(binary), "-o", str(scratch / "d.csv")]),
        ("draft into a missing folder", ["draft", str(Path(__file__).parent / "corpus/echo-2024-07-20-exodus.txt"),
                                         "-o", "/nonexistent/d.csv"]),
        ("init a file", ["init", str(binary), "--no-default"]),
        ("init a folder of mine", ["init", str(full), "--no-default"]),
        ("validate a missing folder", ["validate", "--data", "/nonexistent"]),
        ("validate a file", ["validate", "--data", str(binary)]),
        ("verify a missing folder", ["verify", "--data", "/nonexistent"]),
        ("an unknown command", ["frobnicate"]),
    ]


@pytest.fixture(scope="module")
def table(tmp_path_factory):
    scratch = tmp_path_factory.mktemp("fuzz")
    return fuzz_table(Path("{data}"), scratch), scratch


def _ids():
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        return [name for name, _ in fuzz_table(Path(tmp), Path(tmp))]


@pytest.mark.parametrize("name", _ids())
def test_hostile_call_is_one_line_with_a_documented_exit_and_the_data_untouched(run, data_copy, table, name,
                                                                               monkeypatch):
    rows, scratch = table
    monkeypatch.chdir(scratch)  # "load --store ." must find only scratch here, were it ever not refused
    args = dict(rows)[name]
    args = [a.replace("{data}", str(data_copy)) for a in args]
    if not any(a in ("--data", "--endpoint") for a in args) and args[0] not in ("init", "draft", "frobnicate"):
        args += ["--data", str(data_copy)]
    before = snapshot(data_copy)
    result = run(*args)
    assert "Traceback" not in result.output, result.output
    assert result.exit_code in DOCUMENTED, (result.exit_code, result.output)
    if result.exit_code:
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        assert lines and len(lines[-1]) < 2000, result.output
    assert snapshot(data_copy) == before


@pytest.mark.parametrize("args", [["lookup", b"\xff\xfe"], ["show", b"claim/\xff"], ["draft", b"/tmp/\xff.txt", "-o", "-"]])
def test_an_argument_that_is_not_utf8_is_a_usage_error(args, data_copy):
    """Arguments reach a process as bytes; ones that are not UTF-8 are refused in one line."""
    command = [sys.executable, "-m", "claimgraph.cli", *args]
    result = subprocess.run(command, capture_output=True, env={**os.environ, "LC_ALL": "C.UTF-8"}, timeout=120)
    assert b"Traceback" not in result.stderr
    assert result.returncode == 2, result.stderr
