"""The sidecar index: made from the files as from the store, the same claims as a scan, kept
up with imports, never read when stale."""
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from claimgraph.index import Writer, from_store
from claimgraph.index.scan import Scan
from claimgraph.lookup import _by_text, find
from claimgraph.store import OxigraphStore, cache_dir, graph_files, open_store
from claimgraph.store.local import load_data

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
ECHO, LEDGER = "echo-2024-07-20-exodus", "ledger-2024-08-02-caucasus"
TABLES = ("claims", "labels", "figures", "appearance_words", "appearance_bounds", "claim_bounds", "quotations", "roles",
          "countries")


def contents(db) -> dict:
    """Every table of an index as sets of rows (the searchable texts one by one)."""
    out = {t: {repr(r) for r in db.execute(f"SELECT * FROM {t}")} for t in TABLES if t != "claims"}
    out["claims"] = set(db.execute("SELECT iri, undated, published, source, start FROM claims"))  # not their rank
    out["docs"] = {(c, x) for c, d in db.execute("SELECT claim, text FROM docs") for x in d.split(" \ue000 ")}
    return out


def from_files(data) -> dict:
    writer, scan = Writer(":memory:", create=True), Scan()
    for f in graph_files(data):
        writer.add(scan.read(f))
    scan.finish()
    assert scan.exact, scan.why
    return contents(writer.finish(keep=True))


def from_the_store(data) -> dict:
    store = ox.Store()
    load_data(store, data)
    writer = Writer(":memory:", create=True)
    writer.add(from_store(OxigraphStore(store, "in memory")))
    return contents(writer.finish(keep=True))


@pytest.fixture
def three_sources(run, data_copy, tmp_path):
    """The shipped article with the two made-up ones of tests/corpus imported."""
    for name in (ECHO, LEDGER):
        for suffix in (".csv", ".txt"):
            shutil.copy(CORPUS / f"{name}{suffix}", tmp_path)
        assert run("import", tmp_path / f"{name}.csv", "--data", data_copy).exit_code == 0
    return data_copy


def test_rows_read_from_the_files_are_the_stores_answers(three_sources, tmp_path):
    assert from_files(three_sources) == from_the_store(three_sources)
    generated = tmp_path / "generated"
    subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), "--claims", "1500", "--out", str(generated)],
                   check=True, capture_output=True)
    assert from_files(generated) == from_the_store(generated)


def probes(store) -> set[str]:
    """Words and runs of two and three words of every quote, statement and printed figure."""
    rows = store.select("SELECT ?w WHERE { { ?s <http://www.w3.org/ns/oa#exact> ?w } UNION "
                        "{ ?c a <https://schema.org/Claim> ; <https://schema.org/text> ?w } UNION "
                        "{ ?a <https://w3id.org/claimgraph/ns#asPrinted> ?w } }")
    terms = set()
    for r in rows:
        words = r["w"].split()
        terms.update(" ".join(words[i:i + n]) for n in (1, 2, 3) for i in range(len(words) - n + 1))
    return terms


def test_words_as_written_find_the_same_claims_with_and_without_the_index(run, three_sources):
    assert run("load", "--data", three_sources).exit_code == 0
    with open_store(three_sources) as store:
        index = store.index(build=False)
        assert index is not None  # the persistent store's own
        terms = probes(store)
        assert len(terms) > 1000
        for term in terms:
            found = index.search(term, exact=True)  # None: no words (punctuation), look-ups scan then
            assert found is None or set(found) == _by_text(store, term), term


def test_words_in_any_form_find_at_least_what_the_scan_finds(three_sources):
    with open_store(three_sources) as store:
        index = store.index()  # made in memory
        for term in sorted(probes(store))[::7]:
            found = index.search(term)
            assert found is None or set(found) >= _by_text(store, term), term


def test_stems_accents_prefixes_and_quoted_phrases(run_json, data_copy):
    said = {c["id"] for c in run_json("lookup", "necessary cleansing", "--data", data_copy)}
    assert {c["id"] for c in run_json("lookup", "cleanse", "--data", data_copy)} == said  # a stem
    assert {c["id"] for c in run_json("lookup", "NECESSARY CLÉANSING", "--data", data_copy)} == said
    assert said <= {c["id"] for c in run_json("lookup", "cleans*", "--data", data_copy)}
    assert {c["id"] for c in run_json("lookup", '"necessary cleansing"', "--data", data_copy)} == said


def test_a_quoted_phrase_is_matched_as_written(run, data_copy):
    assert run("lookup", "cleanse", "--data", data_copy).exit_code == 0
    assert run("lookup", '"cleanse"', "--data", data_copy).exit_code == 1


def test_a_phrase_never_runs_from_one_text_into_the_next():
    from claimgraph.index import Index, Rows

    rows = Rows(statements={("c", "Alpha beta.")}, words={("c", "a", "gamma delta")}, printed={("c", "beta")})
    writer = Writer(":memory:", create=True)
    writer.add(rows)
    index = Index(":memory:", writer.finish(keep=True))
    assert index.search("alpha beta") == ["c"] and index.search("gamma delta") == ["c"]
    assert index.search("beta gamma") == [] and index.search("delta beta") == []


@pytest.mark.parametrize("term", ['"', 'NEAR(a b)', 'a OR b', '-x', 'cleans* OR "x', "^start", "col:word", "*"])
def test_query_syntax_in_a_term_is_only_words(run, data_copy, term):
    result = run("lookup", "--data", data_copy, "--", term)
    assert result.exit_code in (0, 1) and "Traceback" not in result.output
    assert "syntax" not in result.output.lower()


def test_the_index_follows_an_import(run, run_json, data_copy, tmp_path):
    assert run("load", "--data", data_copy).exit_code == 0
    assert run("lookup", "demographers", "--data", data_copy).exit_code == 1
    for suffix in (".csv", ".txt"):
        shutil.copy(CORPUS / f"{ECHO}{suffix}", tmp_path)
    assert run("import", tmp_path / f"{ECHO}.csv", "--data", data_copy).exit_code == 0
    location = cache_dir(data_copy)
    assert run_json("lookup", "demographers", "--data", data_copy)  # a stem of the new words, found by the index
    with open_store(data_copy) as store:
        assert store.index(build=False) is not None and store.description.startswith("persistent")
        updated = contents(store.index(build=False).db)
    assert updated == from_the_store(data_copy)  # as if it had been built anew
    assert (location / "index.sqlite").is_file()


def test_a_missing_index_makes_the_store_stale(run, run_json, data_copy):
    assert run("load", "--data", data_copy).exit_code == 0
    (cache_dir(data_copy) / "index.sqlite").unlink()
    assert run_json("lookup", "cleansing", "--data", data_copy)
    assert (cache_dir(data_copy) / "index.sqlite").is_file()  # rebuilt with the store


def test_order_from_the_index_is_the_stores(three_sources):
    from claimgraph.lookup import order

    with open_store(three_sources) as store:
        claims = {r["c"] for r in store.select("SELECT ?c WHERE { ?c a <https://schema.org/Claim> }")}
        without = order(store, claims)
        store.index()
        assert order(store, claims) == without


def test_thousands_of_claims_are_ordered_by_sqlite_as_a_few_are_in_python(three_sources):
    with open_store(three_sources) as store:
        index = store.index()
        claims = {r["c"] for r in store.select("SELECT ?c WHERE { ?c a <https://schema.org/Claim> }")}
        unknown = {f"https://w3id.org/claimgraph/id/claim/{i:016x}" for i in range(600)}  # no row: undated
        keys = {r[0]: tuple(r[1:]) for r in index.db.execute("SELECT iri, undated, published, source, start FROM claims")}
        expected = sorted(claims | unknown, key=lambda c: (keys.get(c, (1, "", "", 0)), c))
        assert index.order(claims | unknown) == expected
        assert index.order(claims) == [c for c in expected if c in claims]


def test_find_uses_the_index_order_for_words(three_sources):
    with open_store(three_sources) as store:
        claims = find(store, "people")
        assert [c.iri for c in claims] == store.index().order([c.iri for c in claims])


def test_the_index_read_in_a_process_of_its_own_is_the_same(run, three_sources, monkeypatch):
    import claimgraph.index

    monkeypatch.setattr(claimgraph.index, "APART_FROM", 0)  # as for a large data folder
    assert run("load", "--data", three_sources).exit_code == 0
    with open_store(three_sources) as store:
        assert contents(store.index(build=False).db) == from_the_store(three_sources)


def test_an_unreadable_file_stops_the_load_and_the_process_that_reads_the_index(run, data_copy, monkeypatch):
    import claimgraph.index

    monkeypatch.setattr(claimgraph.index, "APART_FROM", 0)
    (data_copy / "broken.nt").write_text("<a> <b> .\n", encoding="utf-8")
    result = run("load", "--data", data_copy)
    assert result.exit_code == 3 and "broken.nt:1: malformed RDF" in result.stderr
