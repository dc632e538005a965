"""Issue 13, `push` to real triplestores (an Oxigraph server and Virtuoso 7, started here on
127.0.0.1 and stopped after): blank nodes never split across requests, a file replaced whole
(readers during a push see the old or the new graph, never a mix), a failed replacement rolled
back, credentials from the environment or ~/.netrc and never from the URL."""
import threading
import time
import urllib.parse
import urllib.request

import pytest
import rdflib
from rdflib.compare import isomorphic

import triplestores

BNODES = """@prefix ex: <http://example.org/> .
ex:a ex:has [ ex:v 1 ; ex:w [ ex:deep "x" ; ex:deeper [ ex:z 3 ] ] ] ; ex:list ( 1 2 3 4 ) .
[] ex:orphan "y" ; ex:points [ ex:q 2 ] .
ex:b ex:p ex:c ; ex:shares _:shared .
ex:d ex:shares _:shared .
_:shared ex:r 5 ; ex:s 6 .
""" + "".join(f"ex:n{i} ex:p {i} .\n" for i in range(20))


def graph_of(store, name: str) -> rdflib.Graph:
    """The named graph `push` wrote for the data file ``name``, read back over the Graph Store Protocol."""
    graph = f"https://w3id.org/claimgraph/graph/{name}"
    url = f"{store.store}?{urllib.parse.urlencode({'graph': graph})}"
    with urllib.request.urlopen(urllib.request.Request(url, headers={"Accept": "application/n-triples"}), timeout=30) as answer:
        kind = answer.headers.get("Content-Type", "").split(";")[0]
        return rdflib.Graph().parse(data=answer.read(), format="nt" if "n-triples" in kind else "turtle")


def ask(store, query: str) -> list[dict]:
    from claimgraph.store.remote import RemoteStore

    return RemoteStore(store.query).select(query)


@pytest.fixture(params=["oxigraph", "virtuoso"])
def store(request, tmp_path):
    running = getattr(triplestores, request.param)(tmp_path / request.param)
    yield running
    running.stop()


@pytest.fixture
def oxigraph(tmp_path):
    running = triplestores.oxigraph(tmp_path / "oxigraph")
    yield running
    running.stop()


@pytest.mark.parametrize("batch", [1, 3, 50_000])
def test_blank_nodes_are_never_split_across_requests(run, tmp_path, store, batch):
    """Regression: a blank node split across batches became three unrelated blank nodes."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "bnodes.ttl").write_text(BNODES)
    result = run("push", "--data", data, "--endpoint", store.store, "--batch", batch)
    assert result.exit_code == 0, result.output
    assert isomorphic(graph_of(store, "bnodes"), rdflib.Graph().parse(data / "bnodes.ttl"))


def test_a_small_batch_sends_whole_subject_trees():
    import pyoxigraph as ox

    from claimgraph.store.push import batches

    triples = list(ox.parse(BNODES.encode(), format=ox.RdfFormat.TURTLE))
    parts = batches(triples, 3)
    assert sum(map(len, parts)) == len(triples) and max(map(len, parts)) > 3  # a tree larger than 3 went whole
    where = {}
    for i, part in enumerate(parts):
        for t in part:
            for node in (t.subject, t.object):
                if isinstance(node, ox.BlankNode):
                    where.setdefault(node, set()).add(i)
    assert where and all(len(seen) == 1 for seen in where.values())


def _version_file(folder, version: str, triples: int):
    folder.mkdir(exist_ok=True)
    (folder / "big.nt").write_text("".join(f'<http://example.org/s{i}> <http://example.org/version> "{version}" .\n'
                                           for i in range(triples)))


@pytest.mark.parametrize("batch", [50_000, 2_000], ids=["one PUT", "parts then MOVE"])
def test_a_reader_during_a_push_sees_the_old_or_the_new_graph_never_a_mix(run, tmp_path, oxigraph, batch):
    triples = 20_000
    data = tmp_path / "data"
    _version_file(data, "v0", triples)
    assert run("push", "--data", data, "--endpoint", oxigraph.store).exit_code == 0
    seen, stop = [], threading.Event()
    query = ('SELECT ?v (COUNT(*) AS ?n) WHERE { GRAPH <https://w3id.org/claimgraph/graph/big> '
             '{ ?s <http://example.org/version> ?v } } GROUP BY ?v')

    def reader():
        while not stop.is_set():
            seen.append((time.monotonic(), tuple(sorted((r["v"], r["n"]) for r in ask(oxigraph, query)))))

    thread = threading.Thread(target=reader)
    thread.start()
    spans = []
    try:
        for version in ("v1", "v2", "v3"):
            _version_file(data, version, triples)
            started = time.monotonic()
            result = run("push", "--data", data, "--endpoint", oxigraph.store, "--batch", batch)
            spans.append((started, time.monotonic()))
            assert result.exit_code == 0, result.output
    finally:
        stop.set()
        thread.join()
    during = [answer for at, answer in seen if any(a <= at <= b for a, b in spans)]
    assert len(during) >= 5, "the reader did not read while the pushes ran"
    assert set(during) <= {((v, triples),) for v in ("v0", "v1", "v2", "v3")}, set(during)
    assert tuple((r["v"], r["n"]) for r in ask(oxigraph, query)) == (("v3", triples),)
    graphs = ask(oxigraph, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert not [g for g in graphs if ".pushing-" in g["g"]]


def test_a_failed_move_leaves_the_graph_as_it_was_and_deletes_the_parts(run, tmp_path, oxigraph):
    data = tmp_path / "data"
    _version_file(data, "old", 50)
    assert run("push", "--data", data, "--endpoint", oxigraph.store).exit_code == 0
    _version_file(data, "new", 50)
    # Oxigraph's query endpoint refuses the update: the move fails after the parts went up
    result = run("push", "--data", data, "--endpoint", oxigraph.store, "--batch", 10, "--update", oxigraph.query)
    assert result.exit_code == 1
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert "the move of" in result.stderr and "now deleted" in result.stderr
    versions = ask(oxigraph, "SELECT DISTINCT ?v WHERE { ?s <http://example.org/version> ?v }")
    assert versions == [{"v": "old"}]
    assert not [g for g in ask(oxigraph, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }") if ".pushing-" in g["g"]]


def test_a_file_in_parts_without_an_update_endpoint_is_refused_before_it_is_sent(run, tmp_path):
    data = tmp_path / "data"
    _version_file(data, "old", 50)
    # no store it knows, so no update endpoint beside it; nothing listens there, and nothing is tried
    result = run("push", "--data", data, "--endpoint", "http://127.0.0.1:1/graphs", "--batch", 10)
    assert result.exit_code == 1
    assert "give --update URL" in result.stderr and "was not changed" in result.stderr
    assert "cannot reach" not in result.stderr


@pytest.fixture
def virtuoso(tmp_path):
    running = triplestores.virtuoso(tmp_path / "virtuoso")
    yield running
    running.stop()


@pytest.fixture
def no_credentials(monkeypatch, tmp_path):
    for name in ("CLAIMGRAPH_ENDPOINT_USER", "CLAIMGRAPH_ENDPOINT_PASSWORD", "CLAIMGRAPH_ENDPOINT_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv("NETRC", raising=False)
    (tmp_path / "home").mkdir()
    return tmp_path / "home"


def test_push_and_lookup_with_digest_credentials_from_the_environment(run, virtuoso, no_credentials, monkeypatch):
    monkeypatch.setenv("CLAIMGRAPH_ENDPOINT_USER", triplestores.VIRTUOSO_USER)
    monkeypatch.setenv("CLAIMGRAPH_ENDPOINT_PASSWORD", triplestores.VIRTUOSO_PASSWORD)
    result = run("push", "--endpoint", virtuoso.auth_query, "--batch", 300)  # parts, then MOVE over /sparql-auth
    assert result.exit_code == 0, result.output
    found = run("lookup", "650,000", "--endpoint", virtuoso.auth_query)
    assert found.exit_code == 0 and "claim/8c1b60b6d70cf5a0" in found.stdout


def test_push_with_credentials_from_netrc(run, virtuoso, no_credentials):
    netrc = no_credentials / ".netrc"
    netrc.write_text(f"machine 127.0.0.1 login {triplestores.VIRTUOSO_USER} password {triplestores.VIRTUOSO_PASSWORD}\n")
    netrc.chmod(0o600)
    result = run("push", "--endpoint", virtuoso.auth_store)
    assert result.exit_code == 0, result.output
    netrc.write_text(f"machine 127.0.0.1 login {triplestores.VIRTUOSO_USER} password wrong\n")
    refused = run("push", "--endpoint", virtuoso.auth_store)
    assert refused.exit_code == 1
    assert "HTTP 401" in refused.stderr and f"the credentials from {netrc} (machine 127.0.0.1) were refused" in refused.stderr


@pytest.mark.parametrize("user, password, words", [
    (None, None, "no credentials were found: set CLAIMGRAPH_ENDPOINT_USER and CLAIMGRAPH_ENDPOINT_PASSWORD"),
    (triplestores.VIRTUOSO_USER, "wrong", "the credentials from $CLAIMGRAPH_ENDPOINT_USER and $CLAIMGRAPH_ENDPOINT_PASSWORD were refused")])
def test_a_401_says_which_credentials_were_tried(run, virtuoso, no_credentials, monkeypatch, user, password, words):
    if user:
        monkeypatch.setenv("CLAIMGRAPH_ENDPOINT_USER", user)
        monkeypatch.setenv("CLAIMGRAPH_ENDPOINT_PASSWORD", password)
    for command in (["push"], ["lookup", "650,000"]):
        result = run(*command, "--endpoint", virtuoso.auth_query)
        assert result.exit_code == 1
        assert len(result.stderr.strip().splitlines()) == 1 and "HTTP 401" in result.stderr and words in result.stderr


@pytest.mark.parametrize("command", [["push"], ["lookup", "650,000"], ["query", "ASK {}"]])
def test_a_password_in_the_url_is_refused_and_not_repeated(run, command):
    """Regression: a URL with user:password failed as a host name (and would stay in shell history)."""
    result = run(*command, "--endpoint", "http://alice:hunter2@127.0.0.1:1/sparql")
    assert result.exit_code == 1
    assert "hunter2" not in result.stderr and "alice" not in result.stderr
    assert "refused" in result.stderr and "CLAIMGRAPH_ENDPOINT_USER" in result.stderr and "~/.netrc" in result.stderr


def test_push_where_the_cache_folder_cannot_be_made_is_one_line_and_sends_nothing(run, tmp_path, oxigraph, monkeypatch):
    """Regression: push makes the endpoint's word index in the cache folder; one that cannot be
    made ended in a traceback."""
    (tmp_path / "a-file").write_text("keep")
    monkeypatch.setenv("CLAIMGRAPH_CACHE", str(tmp_path / "a-file" / "cache"))
    result = run("push", "--endpoint", oxigraph.store)
    assert result.exit_code == 3
    assert result.stderr.strip().splitlines() == [f"Error: {tmp_path / 'a-file'}/cache: cannot write here (Not a directory)"]
    assert ask(oxigraph, "SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 1") == []
