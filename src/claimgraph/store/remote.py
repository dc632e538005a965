"""A remote SPARQL 1.1 endpoint: queries over the SPARQL 1.1 Protocol, writes over the SPARQL 1.1
Graph Store HTTP Protocol (https://www.w3.org/TR/sparql11-http-rdf-update/).

Works with any triplestore that speaks both (Oxigraph server, Fuseki, GraphDB, Virtuoso, QLever).
Each request has one deadline for all of it (connecting, sending, the answer to its last byte):
a watchdog closes the socket when it passes, so an endpoint that drips its answer cannot hold a
command. Every failure (HTTP status, unreachable host, an answer that is HTML or not SPARQL
results) is one line. An endpoint whose default graph is not the union of its named graphs,
where ``push`` put the data, is detected on the first query instead of answering "no match".
"""
import http.client
import json
import socket
import threading
import urllib.parse
from pathlib import Path

import pyoxigraph as ox

from ..errors import DataError, QueryError, ServiceError
from ..resources import query_text
from .base import Result, Store
from .files import CG_TEXT_FILE, FORMATS, SCHEMA_TEXT, graph_files, graph_name, parse_error_reason, unreadable
from .terms import bind_values, utf8
from .texts import read_archived_text

TIMEOUT = 60.0


def _term(binding: dict):
    kind, value = binding["type"], binding["value"]
    if kind == "uri":
        return ox.NamedNode(value)
    if kind == "bnode":
        return ox.BlankNode(value)
    if "xml:lang" in binding:
        return ox.Literal(value, language=binding["xml:lang"])
    if "datatype" in binding:
        return ox.Literal(value, datatype=ox.NamedNode(binding["datatype"]))
    return ox.Literal(value)


class EndpointError(ServiceError, QueryError):
    """An endpoint that cannot answer: unreachable, too slow, failing, or answering what is not
    SPARQL results. Exit code 4 (a query the endpoint refuses as malformed stays QueryError, 1)."""


def _request(url, data=None, headers=None, method=None, timeout: float = TIMEOUT):
    """(content type, body) of one HTTP request to ``url``, all of it within ``timeout`` seconds;
    QueryError (one line) on any failure."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise QueryError(f"{url}: not an http(s) URL")
    kind = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    try:
        connection = kind(parts.hostname, parts.port, timeout=timeout)
    except ValueError as exc:  # a port that is not a number
        raise QueryError(f"{url}: not a valid URL ({exc})") from None
    expired = threading.Event()

    def expire():
        expired.set()
        if connection.sock is not None:
            try:
                connection.sock.shutdown(socket.SHUT_RDWR)  # wakes a read blocked on a dripping answer
            except OSError:
                pass

    watchdog = threading.Timer(timeout, expire)
    watchdog.daemon = True
    watchdog.start()
    try:
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        connection.request(method or ("POST" if data is not None else "GET"), path, body=data, headers=headers or {})
        response = connection.getresponse()
        chunks = []
        while chunk := response.read1(65536):
            chunks.append(chunk)
            if expired.is_set():
                break
        if expired.is_set():
            raise TimeoutError
        body = b"".join(chunks)
    except (OSError, http.client.HTTPException) as exc:
        if expired.is_set() or isinstance(exc, TimeoutError):
            raise EndpointError(f"{url}: no complete answer within {timeout:g} s") from None
        reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        raise EndpointError(f"{url}: cannot reach the endpoint: {reason}") from None
    finally:
        watchdog.cancel()
        connection.close()
    if response.status >= 300:
        detail = body.decode("utf-8", "replace").strip().splitlines()
        error = QueryError if 400 <= response.status < 500 and response.status not in (408, 429) else EndpointError
        raise error(f"{url}: HTTP {response.status}: {detail[0][:200] if detail else response.reason}")
    return response.headers.get("Content-Type", ""), body


class RemoteStore(Store):
    """A SPARQL 1.1 query endpoint, e.g. ``http://127.0.0.1:7878/query`` of Oxigraph server.
    ``timeout``: the deadline of each request, in seconds."""

    def __init__(self, endpoint: str, timeout: float = TIMEOUT):
        self.endpoint, self.timeout = endpoint, timeout
        self.description = f"SPARQL endpoint {endpoint}"
        self._checked = False

    def query(self, query, bindings=None):
        utf8(query)
        if not self._checked:
            self._checked = True
            self._check_union_default_graph()
        return self._send(bind_values(query, bindings))

    def _check_union_default_graph(self) -> None:
        """QueryError when claims stand in named graphs but not in the default graph."""
        rows = self._send(query_text("lib/union_default_graph")).dicts()
        if rows and rows[0]["named"] is True and rows[0]["default"] is not True:
            raise EndpointError(f"{self.endpoint}: the default graph is not the union of the named graphs that "
                             "`claimgraph push` writes, so every look-up would find nothing; set Oxigraph's "
                             "--union-default-graph (Fuseki: tdb2:unionDefaultGraph true; Virtuoso does it by default)")

    def _send(self, text: str) -> Result:
        body = urllib.parse.urlencode({"query": text}).encode()
        ctype, payload = _request(self.endpoint, body, {
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": "application/sparql-results+json, application/n-triples;q=0.9",
        }, timeout=self.timeout)
        kind = ctype.split(";")[0].strip().lower()
        if kind in ("application/n-triples", "text/turtle"):
            try:
                return Result("graph", triples=list(ox.parse(payload, format=ox.RdfFormat.N_TRIPLES
                                                             if kind == "application/n-triples" else ox.RdfFormat.TURTLE)))
            except SyntaxError as exc:
                raise EndpointError(f"{self.endpoint} answered malformed RDF: {parse_error_reason(exc)}") from None
        if kind in ("text/html", "application/xhtml+xml") or payload.lstrip()[:1] == b"<":
            raise EndpointError(f"{self.endpoint} answered {kind or 'no content type'}, not SPARQL results; "
                             f"is {self.endpoint} the query endpoint?")
        try:
            data = json.loads(payload)
            if "boolean" in data:
                return Result("ask", boolean=bool(data["boolean"]))
            variables = data["head"]["vars"]
            rows = [{k: _term(v) for k, v in b.items()} for b in data["results"]["bindings"]]
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise EndpointError(f"{self.endpoint} answered {kind or 'no content type'} that is not SPARQL results JSON "
                             f"({type(exc).__name__}: {str(exc)[:80]}); a query stopped by the server's "
                             "time limit ends this way too") from None
        return Result("select", variables, rows)


def file_quads(path: Path, data_dir) -> list:
    """The quads of one data file in its own named graph (so a push can replace a source), with
    archived texts attached."""
    graph = graph_name(path)
    try:
        quads = [ox.Quad(t.subject, t.predicate, t.object, graph)
                 for t in ox.parse(path=str(path), format=FORMATS[path.suffix])]
    except SyntaxError as exc:
        raise DataError(f"{path}:{exc.lineno}: malformed RDF: {parse_error_reason(exc)}") from exc
    except (OSError, MemoryError) as exc:
        raise unreadable(path, exc) from None
    for q in [q for q in quads if q.predicate == CG_TEXT_FILE]:
        text = read_archived_text(data_dir, q.object.value, q.subject)
        quads.append(ox.Quad(q.subject, SCHEMA_TEXT, ox.Literal(text), graph))
    return quads


def push(data_dir, store_endpoint: str, batch_triples: int = 50_000, progress=None) -> dict:
    """Send the vocabulary and every data file of ``data_dir`` to a Graph Store Protocol endpoint (e.g.
    ``http://127.0.0.1:7878/store``), one named graph per file, in batches of ``batch_triples``:
    the first batch PUT (replacing what the graph held), the rest POSTed. ``progress`` is called
    with each file's size in bytes once it is sent. Returns counts: files, triples, requests."""
    counts = {"files": 0, "triples": 0, "requests": 0}
    for path in graph_files(data_dir):
        graph = graph_name(path)
        triples = [ox.Triple(q.subject, q.predicate, q.object) for q in file_quads(path, data_dir)]
        url = f"{store_endpoint}?{urllib.parse.urlencode({'graph': graph.value})}"
        for i in range(0, max(len(triples), 1), batch_triples):
            chunk = ox.serialize(triples[i:i + batch_triples], format=ox.RdfFormat.N_TRIPLES)
            _request(url, chunk, {"Content-Type": "application/n-triples"}, "PUT" if i == 0 else "POST")
            counts["requests"] += 1
        if progress:
            progress(path.stat().st_size)
        counts["files"] += 1
        counts["triples"] += len(triples)
    return counts


def store_url_for(endpoint: str) -> str:
    """The Graph Store endpoint beside a query endpoint: Oxigraph's ``…/query`` -> ``…/store``."""
    base = endpoint.rstrip("/")
    return base[: -len("/query")] + "/store" if base.endswith("/query") else base
