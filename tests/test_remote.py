"""Issue 10, --endpoint: an HTML answer, a dripping answer, HTTP and URL errors are one line each,
within one deadline per request; an endpoint whose default graph is not the union of its named
graphs fails instead of answering "no match" (a real Oxigraph server, started without
--union-default-graph)."""
import time

import pytest

from claimgraph.errors import QueryError
from claimgraph.store.remote import RemoteStore
from claimgraph.store.server import start_server, stop_server
from conftest import sparql_json


def answer(handler, status: int, kind: str, body: bytes):
    handler.send_response(status)
    handler.send_header("Content-Type", kind)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


def html(handler):
    answer(handler, 200, "text/html; charset=utf-8", b"<!DOCTYPE html><html><body>Welcome to our wiki</body></html>")


def drip(handler):
    """SPARQL results JSON, one byte a second."""
    body = b'{"head":{"vars":["x"]},"results":{"bindings":[]}}'
    handler.send_response(200)
    handler.send_header("Content-Type", "application/sparql-results+json")
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    try:
        for byte in body:
            handler.wfile.write(bytes([byte]))
            handler.wfile.flush()
            time.sleep(1)
    except OSError:
        pass  # the client gave up, as it should


def broken(handler):
    answer(handler, 500, "text/plain", b"Internal error: the disk is full\nmore detail\n")


def not_json(handler):
    answer(handler, 200, "application/sparql-results+json", b'{"head": {"vars": ["x"]}, "results": {"bindi')


def test_endpoint_answering_html_is_one_line(run, tiny_http):
    """Regression: a 200 with an HTML page gave a JSONDecodeError traceback."""
    url, _ = tiny_http(html)
    result = run("lookup", "650,000", "--endpoint", url)
    assert result.exit_code == 4
    assert result.stderr.strip() == f"Error: {url} answered text/html, not SPARQL results; is {url} the query endpoint?"


def test_a_dripping_endpoint_is_cut_at_the_deadline(tiny_http):
    """Regression: an endpoint dripping 1 byte/s held a look-up 80 s past its 60 s timeout."""
    url, _ = tiny_http(drip)
    started = time.monotonic()
    with pytest.raises(QueryError, match="no complete answer within 2 s"):
        RemoteStore(url, timeout=2).query("ASK {}")
    assert time.monotonic() - started < 15


def test_query_timeout_is_the_deadline_of_a_remote_request(run, tiny_http):
    url, _ = tiny_http(drip)
    started = time.monotonic()
    result = run("query", "SELECT ?x WHERE { ?x ?p ?o }", "--endpoint", url, "--timeout", "2")
    assert result.exit_code == 4 and "no complete answer within 2 s" in result.stderr
    assert time.monotonic() - started < 15


@pytest.mark.parametrize("answer, words", [(broken, "HTTP 500: Internal error: the disk is full"),
                                           (not_json, "not SPARQL results JSON")])
def test_endpoint_errors_are_one_line(run, tiny_http, answer, words):
    url, _ = tiny_http(answer)
    result = run("lookup", "650,000", "--endpoint", url)
    assert result.exit_code == 4
    assert words in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("url, code, words", [("http://127.0.0.1:1/query", 4, "cannot reach the endpoint"),
                                              ("ftp://example.org/query", 1, "not an http(s) URL"),
                                              ("http://127.0.0.1:port/query", 1, "not a valid URL")])
def test_unreachable_or_malformed_endpoints_are_one_line(run, url, code, words):
    result = run("lookup", "650,000", "--endpoint", url)
    assert result.exit_code == code
    assert words in result.stderr and "Traceback" not in result.stderr


@pytest.fixture
def server_without_union(tmp_path, free_port):
    """A real, writable Oxigraph server whose default graph is only the default graph."""
    process = start_server(tmp_path / "server", "127.0.0.1", free_port, read_only=False, union=False)
    yield f"http://127.0.0.1:{free_port}"
    stop_server(process)


@pytest.mark.parametrize("command", [["lookup", "650,000"], ["lookup", "no such words anywhere"], ["check"]])
def test_endpoint_without_union_default_graph_fails_instead_of_a_false_pass(run, server_without_union, command):
    """Regression: after `push`, such an endpoint answered "no match" / "0 conflict(s)", exit 0."""
    assert run("push", "--endpoint", f"{server_without_union}/store").exit_code == 0
    result = run(*command, "--endpoint", f"{server_without_union}/query")
    assert result.exit_code == 4
    assert "--union-default-graph" in result.stderr and "unionDefaultGraph" in result.stderr
    assert "conflict" not in result.stderr


def html_error(handler):
    answer(handler, 503, "text/html; charset=utf-8",
           b"<!DOCTYPE html><html><head><title>Oops</title><style>p{color:red}</style></head><body>"
           b"<h1>Service Unavailable</h1>\n<p>The store is being <b>re-indexed</b>; try again in a minute.</p>"
           b"<script>alert(1)</script></body></html>")


def test_an_html_error_page_is_one_line_of_its_text(run, tiny_http):
    """Regression: an HTTP error showed the raw HTML page."""
    url, _ = tiny_http(html_error)
    result = run("lookup", "650,000", "--endpoint", url)
    assert result.exit_code == 4
    assert result.stderr.strip() == (f"Error: {url}: HTTP 503: Service Unavailable The store is being re-indexed; "
                                     "try again in a minute.")


def guarded(expected: str, scheme: str = "Basic"):
    """A tiny endpoint that answers SPARQL results only to requests carrying ``expected``."""
    def handle(handler):
        if handler.headers.get("Authorization") == expected:
            return sparql_json(handler)
        handler.send_response(401)
        handler.send_header("WWW-Authenticate", f'{scheme} realm="claims"')
        body = b"<html><body><h1>401 Authorization Required</h1></body></html>"
        handler.send_header("Content-Type", "text/html")
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)
    return handle


@pytest.fixture
def clean_env(monkeypatch, tmp_path):
    for name in ("CLAIMGRAPH_ENDPOINT_USER", "CLAIMGRAPH_ENDPOINT_PASSWORD", "CLAIMGRAPH_ENDPOINT_TOKEN", "NETRC"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    return monkeypatch


def test_basic_credentials_from_the_environment(run, tiny_http, clean_env):
    import base64

    url, requests = tiny_http(guarded("Basic " + base64.b64encode(b"alice:pa ss:word").decode()))
    refused = run("query", "SELECT ?x WHERE { ?x ?p ?o }", "--endpoint", url)
    assert refused.exit_code == 1
    assert refused.stderr.strip().endswith("HTTP 401: 401 Authorization Required (no credentials were found: set "
                                           "CLAIMGRAPH_ENDPOINT_USER and CLAIMGRAPH_ENDPOINT_PASSWORD (or "
                                           "CLAIMGRAPH_ENDPOINT_TOKEN), or add `machine HOST login USER password "
                                           "PASSWORD` to ~/.netrc)")
    clean_env.setenv("CLAIMGRAPH_ENDPOINT_USER", "alice")
    clean_env.setenv("CLAIMGRAPH_ENDPOINT_PASSWORD", "pa ss:word")
    requests.clear()
    result = run("query", "SELECT ?x WHERE { ?x ?p ?o }", "--endpoint", url)
    assert result.exit_code == 0, result.stderr
    assert len(requests) == 3  # one 401, then the union check and the query, the second with no 401 first


def test_a_token_is_sent_as_bearer(run, tiny_http, clean_env):
    url, _ = tiny_http(guarded("Bearer t0ken", "Bearer"))
    clean_env.setenv("CLAIMGRAPH_ENDPOINT_TOKEN", "wrong")
    refused = run("query", "ASK {}", "--endpoint", url)
    assert refused.exit_code == 1 and "the credentials from $CLAIMGRAPH_ENDPOINT_TOKEN were refused" in refused.stderr
    clean_env.setenv("CLAIMGRAPH_ENDPOINT_TOKEN", "t0ken")
    assert run("query", "SELECT ?x WHERE { ?x ?p ?o }", "--endpoint", url).exit_code == 0


def test_a_half_set_user_or_a_broken_netrc_is_one_line(run, tiny_http, clean_env, tmp_path):
    url, _ = tiny_http(sparql_json)
    clean_env.setenv("CLAIMGRAPH_ENDPOINT_USER", "alice")
    result = run("lookup", "650,000", "--endpoint", url)
    assert result.exit_code == 1 and "CLAIMGRAPH_ENDPOINT_PASSWORD is not" in result.stderr
    clean_env.delenv("CLAIMGRAPH_ENDPOINT_USER")
    (tmp_path / ".netrc").write_text("nonsense here\n")
    (tmp_path / ".netrc").chmod(0o600)
    result = run("lookup", "650,000", "--endpoint", url)
    assert result.exit_code == 1 and "cannot be read as a netrc file" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
