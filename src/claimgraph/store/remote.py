"""A remote SPARQL 1.1 endpoint: queries over the SPARQL 1.1 Protocol, writes over the SPARQL 1.1
Graph Store HTTP Protocol (https://www.w3.org/TR/sparql11-http-rdf-update/).

Works with any triplestore that speaks both (Oxigraph server, Fuseki, GraphDB, Virtuoso, QLever).
"""
import json
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox

from ..errors import DataError, QueryError
from .base import Result, Store
from .files import CG_TEXT_FILE, FORMATS, SCHEMA_TEXT, graph_files, graph_name, parse_error_reason
from .terms import bind_values
from .texts import read_archived_text

TIMEOUT = 60


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


def _request(url, data=None, headers=None, method=None):
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=TIMEOUT) as response:
            return response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as exc:
        detail = exc.read().decode("utf-8", "replace").strip().splitlines()
        raise QueryError(f"{url}: HTTP {exc.code}: {detail[0] if detail else exc.reason}") from exc
    except (urllib.error.URLError, OSError) as exc:
        raise QueryError(f"{url}: cannot reach the endpoint: {getattr(exc, 'reason', exc)}") from exc


class RemoteStore(Store):
    """A SPARQL 1.1 query endpoint, e.g. ``http://127.0.0.1:7878/query`` of Oxigraph server."""

    def __init__(self, endpoint: str):
        self.endpoint = endpoint
        self.description = f"SPARQL endpoint {endpoint}"

    def query(self, query, bindings=None):
        body = urllib.parse.urlencode({"query": bind_values(query, bindings)}).encode()
        ctype, payload = _request(self.endpoint, body, {
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": "application/sparql-results+json, application/n-triples;q=0.9",
        })
        if "n-triples" in ctype or "turtle" in ctype:
            return Result("graph", triples=list(ox.parse(payload, format=ox.RdfFormat.N_TRIPLES
                                                         if "n-triples" in ctype else ox.RdfFormat.TURTLE)))
        data = json.loads(payload)
        if "boolean" in data:
            return Result("ask", boolean=data["boolean"])
        variables = data["head"]["vars"]
        rows = [{k: _term(v) for k, v in b.items()} for b in data["results"]["bindings"]]
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

