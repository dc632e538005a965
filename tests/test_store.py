"""Stores: embedded, persistent (in tmp_path) and a real Oxigraph server on 127.0.0.1."""
import csv
import io
import json
import signal
import subprocess
import sys
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from claimgraph.resources import query_names
from claimgraph.store.server import start_server, stop_server, wait_for_port


def lookups(run_json, *store_args):
    """The answers of a few look-ups, as (id, citation) pairs, on the store the args name."""
    out = {}
    for args in (["650,000"], ["--speaker", "Putin"], ["--place", "GB"], ["permanent loss"]):
        out[" ".join(args)] = sorted((c["id"], c["citation"]) for c in run_json("lookup", *args, *store_args))
    return out


def test_persistent_store_answers_like_embedded(run, run_json, tmp_path):
    embedded = lookups(run_json)
    location = tmp_path / "store"
    result = run("load", "--store", location)
    assert result.exit_code == 0, result.output
    assert (location / "oxigraph").is_dir()
    assert lookups(run_json, "--store", location) == embedded


def test_persistent_store_is_rebuilt_when_data_change(run, run_json, data_copy, tmp_path):
    location = tmp_path / "store"
    assert run("load", "--data", data_copy, "--store", location).exit_code == 0
    assert run_json("lookup", "good trend", "--data", data_copy, "--store", location)
    ttl = data_copy / "gbnews-2024-07-18-russian-exodus.ttl"
    ttl.write_text(ttl.read_text(encoding="utf-8").replace('"good trend"', '"fine trend"'), encoding="utf-8")
    result = run("lookup", "fine trend", "--data", data_copy, "--store", location, "--json")
    assert result.exit_code == 0, result.output


def test_default_cache_is_used_after_load(run, run_json):
    assert run("load").exit_code == 0
    from claimgraph.store import open_store
    with open_store() as store:
        assert store.description.startswith("persistent store")


@pytest.fixture
def oxigraph_server(tmp_path, free_port):
    """A real, writable Oxigraph server on 127.0.0.1, stopped after the test."""
    process = start_server(tmp_path / "server", "127.0.0.1", free_port, read_only=False)
    yield f"http://127.0.0.1:{free_port}"
    stop_server(process)


def test_push_then_lookups_match_embedded(run, run_json, oxigraph_server):
    result = run("push", "--endpoint", f"{oxigraph_server}/store")
    assert result.exit_code == 0, result.output
    assert "pushed" in result.stdout and "3 file(s) in 3 request(s)" in result.stdout
    assert lookups(run_json, "--endpoint", f"{oxigraph_server}/query") == lookups(run_json)


def test_push_twice_replaces_instead_of_duplicating(run, oxigraph_server):
    for _ in range(2):
        assert run("push", "--endpoint", f"{oxigraph_server}/query").exit_code == 0
    result = run("query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--endpoint",
                 f"{oxigraph_server}/query", "--format", "csv")
    local = run("query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--format", "csv")
    remote_count, local_count = (int(r.stdout.split()[-1]) for r in (result, local))
    assert remote_count == local_count + 1  # and the token of the word index push left (test_index.py)


def test_push_leaves_a_word_index_that_follows_the_endpoint(run, run_json, oxigraph_server, data_copy):
    query = f"{oxigraph_server}/query"
    assert run("push", "--endpoint", f"{oxigraph_server}/store").exit_code == 0
    assert run_json("lookup", "cleanse", "--endpoint", query)  # a stem: only the index finds it
    assert run("push", "--data", data_copy, "--endpoint", query).exit_code == 0  # another folder: another index
    assert run_json("lookup", "cleanse", "--endpoint", query)
    token = run("query", "SELECT ?t WHERE { ?x <https://w3id.org/claimgraph/ns#indexToken> ?t }",
                "--endpoint", query, "--format", "csv")
    assert len(token.stdout.split()) == 2  # the header and one token
    body = b'<https://w3id.org/claimgraph/push> <https://w3id.org/claimgraph/ns#indexToken> "someone else" .'
    urllib.request.urlopen(urllib.request.Request(
        f"{oxigraph_server}/store?graph={urllib.parse.quote('https://w3id.org/claimgraph/push')}", data=body,
        method="PUT", headers={"Content-Type": "application/n-triples"}))
    refused = run("lookup", "cleanse", "--endpoint", query)
    assert refused.exit_code == 1 and "does not match" in refused.stderr  # refused: a scan, words as written
    assert run_json("lookup", "cleansing", "--endpoint", query)


def test_push_in_batches(run, oxigraph_server):
    result = run("push", "--endpoint", f"{oxigraph_server}/store", "--batch", "200")
    assert result.exit_code == 0
    requests = int(result.stdout.split(" in ")[1].split()[0])
    assert requests > 3


def test_remote_syntax_error_is_reported(run, oxigraph_server):
    result = run("query", "SELECT ?x WHERE { ?x ?y }", "--endpoint", f"{oxigraph_server}/query")
    assert result.exit_code == 1
    assert "HTTP 400" in result.stderr


def test_serve_answers_sparql_and_stops_on_ctrl_c(free_port):
    command = [str(Path(sys.executable).with_name("claimgraph")), "serve", "--port", str(free_port)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        wait_for_port("127.0.0.1", free_port, process, timeout=30)
        query = urllib.parse.urlencode({"query": "SELECT (COUNT(*) AS ?n) WHERE { ?c a <https://schema.org/Claim> }"})
        request = urllib.request.Request(f"http://127.0.0.1:{free_port}/query?{query}",
                                         headers={"Accept": "application/sparql-results+json"})
        with urllib.request.urlopen(request, timeout=10) as response:
            answer = json.load(response)
        assert answer["results"]["bindings"][0]["n"]["value"] == "23"
        update = urllib.request.Request(f"http://127.0.0.1:{free_port}/update", method="POST",
                                        data=b"INSERT DATA { <urn:a> <urn:b> <urn:c> }",
                                        headers={"Content-Type": "application/sparql-update"})
        with pytest.raises(urllib.error.HTTPError):  # read-only
            urllib.request.urlopen(update, timeout=10)
    finally:
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    assert "stopping" in out


@pytest.mark.parametrize("name", query_names())
def test_every_named_query_returns_rows(run, name):
    result = run("query", "--name", name, "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["results"]["bindings"]


def test_query_list_names_every_query(run):
    listed = run("query", "--list").stdout
    assert all(name in listed for name in query_names())


def test_query_bind_iri(run):
    result = run("query", "--name", "quotes_by_person", "--bind",
                 "person=<https://w3id.org/claimgraph/id/person/pavel>", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 1 and rows[0]["name"] == "Pavel"


def test_query_formats(run, tmp_path):
    rq = tmp_path / "count.rq"
    rq.write_text("SELECT (COUNT(*) AS ?claims) WHERE { ?c a <https://schema.org/Claim> }")
    assert run("query", "--file", rq, "--format", "csv").stdout.splitlines() == ["claims", "23"]
    assert run("query", "--file", rq, "--format", "tsv").stdout == \
        '?claims\n"23"^^<http://www.w3.org/2001/XMLSchema#integer>\n'
    table = run("query", "--file", rq).stdout.splitlines()
    assert table[0].strip() == "claims" and table[2].strip() == "23"


def test_query_syntax_error_shows_position(run):
    result = run("query", "SELECT ?x WHERE { ?x ?y }")
    assert result.exit_code == 1
    assert "SPARQL syntax error: error at 1:26" in result.stderr


def test_import_updates_a_fresh_persistent_store_in_place(run, run_json, data_copy, tmp_path):
    from claimgraph.store import cache_dir, persistent_is_fresh

    corpus = Path(__file__).parent / "corpus"
    for suffix in (".csv", ".txt"):
        (tmp_path / f"ledger{suffix}").write_bytes((corpus / f"ledger-2024-08-02-caucasus{suffix}").read_bytes())
    sheet = tmp_path / "ledger.csv"
    sheet.write_text(sheet.read_text(encoding="utf-8").replace("ledger-2024-08-02-caucasus.txt", "ledger.txt"), encoding="utf-8")
    assert run("load", "--data", data_copy).exit_code == 0
    inode = cache_dir(data_copy).stat().st_ino
    assert run("import", sheet, "--data", data_copy).exit_code == 0
    assert persistent_is_fresh(data_copy)
    assert cache_dir(data_copy).stat().st_ino == inode  # updated, not rebuilt
    [claim] = run_json("lookup", "second home", "--data", data_copy)
    assert claim["attributed_to"] == ["Dr Anna Petrova"]


def test_ctrl_c_while_the_server_starts_leaves_no_server_behind(tmp_path, free_port, monkeypatch):
    """Regression: Ctrl-C between the server opening its port and `start_server` returning left
    the Oxigraph process running."""
    import claimgraph.store.server as serve

    started = []
    real_popen = subprocess.Popen

    def popen(*args, **kwargs):
        started.append(real_popen(*args, **kwargs))
        return started[-1]

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(serve.subprocess, "Popen", popen)
    monkeypatch.setattr(serve, "wait_for_port", interrupted)
    with pytest.raises(KeyboardInterrupt):
        serve.start_server(tmp_path / "store", "127.0.0.1", free_port)
    assert started and started[0].poll() is not None


def test_n_triples_files_load_as_one_stream_and_errors_name_file_and_line(run, run_json, data_copy, tmp_path):
    """`load` streams N-Triples files into one bulk load; a bad line is still reported in its file."""
    from rdflib import Graph

    ttl = data_copy / "gbnews-2024-07-18-russian-exodus.ttl"
    Graph().parse(ttl).serialize(data_copy / "gbnews.nt", format="nt")
    (data_copy / "entities.ttl").rename(data_copy / "entities.kept")
    Graph().parse(data_copy / "entities.kept", format="turtle").serialize(data_copy / "entities.nt", format="nt")
    ttl.unlink()
    location = tmp_path / "store"
    assert run("load", "--data", data_copy, "--store", location).exit_code == 0
    assert {c["id"] for c in run_json("lookup", "650,000", "--data", data_copy, "--store", location)} == \
        {c["id"] for c in run_json("lookup", "650,000")}
    text = run("query", "SELECT ?text WHERE { ?archive <https://w3id.org/claimgraph/ns#textFile> ?file ; "
               "<https://schema.org/text> ?text }", "--data", data_copy, "--store", location, "--format", "csv")
    assert "650,000" in text.stdout  # the archived text came in with the stream
    lines = (data_copy / "gbnews.nt").read_text(encoding="utf-8").splitlines()
    lines[9] = lines[9][:-2] + ' "unterminated .'
    (data_copy / "gbnews.nt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("load", "--data", data_copy, "--store", location)
    assert result.exit_code == 3
    assert f"{data_copy / 'gbnews.nt'}:10: malformed RDF" in result.stderr


def test_blank_nodes_of_different_n_triples_files_stay_apart(run, data_copy, tmp_path):
    """Blank node labels are scoped to their file: two files' `_:b0` are two nodes after `load`."""
    (data_copy / "a.nt").write_text('_:b0 <http://example.org/p> "from a" .\n', encoding="utf-8")
    (data_copy / "b.nt").write_text('_:b0 <http://example.org/p> "from b" .\n'
                                    '<http://example.org/x> <http://example.org/p> "a literal with _: in it" .\n',
                                    encoding="utf-8")
    location = tmp_path / "store"
    assert run("load", "--data", data_copy, "--store", location).exit_code == 0
    result = run("query", "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s <http://example.org/p> ?o FILTER isBlank(?s) }",
                 "--data", data_copy, "--store", location, "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.stdout.split() == ["n", "2"]
    assert run("lookup", "650,000", "--data", data_copy, "--store", location).exit_code == 0


def test_a_malformed_archived_text_line_is_reported_with_file_and_line(run, data_copy, tmp_path):
    (data_copy / "bad.nt").write_text('<http://example.org/a> <http://example.org/p> "fine" .\n'
                                      '<http://example.org/s#text> <https://w3id.org/claimgraph/ns#textFile> "s.txt .\n',
                                      encoding="utf-8")
    result = run("load", "--data", data_copy, "--store", tmp_path / "store")
    assert result.exit_code == 3
    assert f"{data_copy / 'bad.nt'}:2: malformed RDF" in result.stderr


def test_rows_sent_in_batches_answer_as_in_one_block():
    """`select_each` sends bound rows a few at a time (Oxigraph plans big VALUES blocks badly)."""
    from claimgraph.resources import query_text
    from claimgraph.store import iri, open_store

    with open_store() as store:
        claims = [{"claim": iri(r["claim"])} for r in store.select(query_text("lib/all_claims"))]
        whole = store.select(query_text("lib/claim_appearances"), claims)
        batched = store.select_each(query_text("lib/claim_appearances"), claims, batch=3)
    key = lambda r: (r["claim"], r["appearance"], r["p"], str(r["o"]))  # noqa: E731
    assert len(claims) == 23 and len({r["appearance"] for r in whole}) == 28
    assert sorted(batched, key=key) == sorted(whole, key=key)
