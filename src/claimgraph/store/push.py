"""``claimgraph push``: the vocabulary and every data file of a data folder sent to a triplestore
over the SPARQL 1.1 Graph Store HTTP Protocol (https://www.w3.org/TR/sparql11-http-rdf-update/),
one named graph per file, each replaced whole.

- **Blank nodes never cross a request**: each request is its own document, so a blank node whose
  triples were split over two requests became two unrelated nodes. Triples travel in subject
  trees — a subject with all its triples and, recursively, those of every blank node it points
  to — and a request holds whole trees only (a tree larger than the batch goes alone).
- **A file is replaced as a whole**: a graph that fits one request (``batch`` triples) is sent
  as one PUT, which replaces it in one transaction on Oxigraph. A larger one is uploaded into a
  temporary graph (PUT, then POSTs), then one SPARQL Update ``MOVE`` puts it in the graph's
  place; if anything fails before the move, the temporary graph is deleted and the graph is as
  it was. While the parts upload, a reader of the union default graph sees them beside the old
  graph; a reader of the graph itself sees the old one until the move. What each store made of
  it, measured, is in the README ("Triplestores").
"""
import secrets
import urllib.parse
from pathlib import Path

import pyoxigraph as ox

from ..errors import ClaimgraphError, DataError, QueryError
from .credentials import Authenticator, find_credentials, refuse_userinfo
from .files import CG_TEXT_FILE, FORMATS, SCHEMA_TEXT, graph_files, graph_name, parse_error_reason, unreadable
from .remote import EndpointError, http_request
from .texts import read_archived_text

_NOT_IN_IRI = set('<>"{}|^`\\') | {chr(c) for c in range(0x21)}


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


def subject_trees(triples) -> list[list]:
    """``triples`` grouped so that every blank node is in one group with all triples about it and
    all triples that point to it (a union-find over subjects and blank-node objects), groups in
    the order of their first triple."""
    parent = {}

    def root(node):
        while (up := parent.get(node, node)) != node:
            parent[node] = parent.get(up, up)
            node = up
        return node

    for t in triples:
        if isinstance(t.object, ox.BlankNode):
            a, b = root(t.subject), root(t.object)
            if a != b:
                parent[b] = a
    groups: dict = {}
    for t in triples:
        groups.setdefault(root(t.subject), []).append(t)
    return list(groups.values())


def batches(triples, size: int) -> list[list]:
    """Whole subject trees packed into requests of at most ``size`` triples (a larger tree alone)."""
    out, current = [], []
    for tree in subject_trees(triples):
        if current and len(current) + len(tree) > size:
            out.append(current)
            current = []
        current.extend(tree)
    if current:
        out.append(current)
    return out


def push(data_dir, store_url: str, batch_triples: int = 50_000, update_url: str | None = None,
         progress=None, before_sending=None) -> dict:
    """Send the vocabulary and every data file of ``data_dir`` to the Graph Store endpoint
    ``store_url`` (e.g. ``http://127.0.0.1:7878/store``), one named graph per file, replacing
    each (see the module). ``update_url``: the SPARQL Update endpoint for graphs larger than
    ``batch_triples`` (default: :func:`update_url_for`). ``progress`` is called with each file's
    size in bytes once it is sent; ``before_sending`` once, just before the first request (not
    at all when the push is refused before it sends anything). Returns counts: files, triples,
    requests."""
    refuse_userinfo(store_url)
    if update_url:
        refuse_userinfo(update_url)
    update_url = update_url or update_url_for(store_url)
    sender = _Sender(store_url, update_url, Authenticator(find_credentials(store_url)), before_sending)
    counts = {"files": 0, "triples": 0, "requests": 0}
    for path in graph_files(data_dir):
        triples = [ox.Triple(q.subject, q.predicate, q.object) for q in file_quads(path, data_dir)]
        parts = batches(triples, batch_triples)
        graph = graph_name(path).value
        if len(parts) <= 1:
            sender.send(graph, parts[0] if parts else [], "PUT")
            counts["requests"] += 1
        else:
            counts["requests"] += sender.replace_in_parts(path, graph, parts)
        if progress:
            progress(path.stat().st_size)
        counts["files"] += 1
        counts["triples"] += len(triples)
    return counts


def put_graph(store_url: str, graph: str, ntriples: bytes) -> None:
    """Replace the named graph ``graph`` at the Graph Store endpoint ``store_url`` with
    ``ntriples``, in one PUT (credentials as for :func:`push`)."""
    refuse_userinfo(store_url)
    auth = Authenticator(find_credentials(store_url))
    http_request(_Sender(store_url, None, auth).graph_url(graph), ntriples,
                 {"Content-Type": "application/n-triples"}, "PUT", auth=auth)


class _Sender:
    def __init__(self, store_url: str, update_url: str | None, auth: Authenticator, before=None):
        self.store_url, self.update_url, self.auth, self.before = store_url, update_url, auth, before

    def graph_url(self, graph: str) -> str:
        joiner = "&" if urllib.parse.urlsplit(self.store_url).query else "?"
        return f"{self.store_url}{joiner}{urllib.parse.urlencode({'graph': graph})}"

    def send(self, graph: str, triples: list, method: str) -> None:
        if self.before is not None:
            before, self.before = self.before, None
            before()
        body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) if triples else b""
        http_request(self.graph_url(graph), body, {"Content-Type": "application/n-triples"}, method, auth=self.auth)

    def replace_in_parts(self, path: Path, graph: str, parts: list) -> int:
        """Upload ``parts`` into a temporary graph, then MOVE it onto ``graph``; the temporary
        graph is deleted if any of it fails. Returns the number of requests."""
        if not self.update_url:
            raise QueryError(f"{path.name}: {sum(map(len, parts))} triples need {len(parts)} requests of --batch "
                             f"size, and replacing its graph whole then needs a SPARQL Update endpoint: give "
                             f"--update URL (or a larger --batch); {graph} was not changed")
        temporary = f"{graph}.pushing-{secrets.token_hex(6)}"
        if _NOT_IN_IRI & set(temporary):
            raise QueryError(f"{path.name}: its graph name {graph!r} cannot be written in SPARQL; rename the file")
        sent = 0
        try:
            for part in parts:
                self.send(temporary, part, "POST" if sent else "PUT")
                sent += 1
        except ClaimgraphError as exc:
            # a first part refused (4xx) created nothing; else the temporary graph goes
            created = sent or not isinstance(exc, QueryError) or isinstance(exc, EndpointError)
            raise type(exc)(f"{exc}; {graph} was left as it was{self.drop(temporary) if created else ''}") from None
        try:
            form = urllib.parse.urlencode({"update": f"MOVE GRAPH <{temporary}> TO GRAPH <{graph}>"}).encode()
            http_request(self.update_url, form, {"Content-Type": "application/x-www-form-urlencoded"}, auth=self.auth)
        except ClaimgraphError as exc:
            raise type(exc)(f"{exc}; the move of {temporary} onto {graph} failed{self.drop(temporary)}") from None
        return len(parts) + 1

    def drop(self, temporary: str) -> str:
        """Delete the temporary graph; what to add to the message."""
        url = self.graph_url(temporary)
        try:
            http_request(url, None, {}, "DELETE", auth=self.auth)
        except ClaimgraphError as exc:
            reason = str(exc).removeprefix(f"{url}: ")
            if not reason.startswith("HTTP 404"):  # a 404: it was never created
                return f" (the temporary graph {temporary} could not be deleted: {reason}; DROP GRAPH <{temporary}> removes it)"
        return f" (the parts sent went to {temporary}, now deleted)"


def store_url_for(endpoint: str) -> str:
    """The Graph Store endpoint beside a query endpoint: Oxigraph's ``…/query`` -> ``…/store``,
    Virtuoso's ``/sparql`` -> ``/sparql-graph-crud`` and ``/sparql-auth`` ->
    ``/sparql-graph-crud-auth``; anything else is taken as the Graph Store endpoint itself."""
    parts = urllib.parse.urlsplit(endpoint)
    path = parts.path.rstrip("/")
    if path.endswith("/query"):
        path = path[: -len("/query")] + "/store"
    elif path in ("/sparql", "/sparql-auth"):
        path = path.replace("/sparql", "/sparql-graph-crud", 1)
    return urllib.parse.urlunsplit(parts._replace(path=path or parts.path))


def update_url_for(store_url: str) -> str | None:
    """The SPARQL Update endpoint beside a Graph Store endpoint, where the store is known:
    Oxigraph's ``…/store`` -> ``…/update``, Fuseki's ``…/data`` -> ``…/update``, Virtuoso's
    ``/sparql-graph-crud[-auth]`` -> ``/sparql[-auth]``; else None."""
    parts = urllib.parse.urlsplit(store_url)
    path = parts.path.rstrip("/")
    for tail, update in (("/store", "/update"), ("/data", "/update"),
                         ("/sparql-graph-crud", "/sparql"), ("/sparql-graph-crud-auth", "/sparql-auth")):
        if path.endswith(tail):
            return urllib.parse.urlunsplit(parts._replace(path=path[: -len(tail)] + update, query=""))
    return None


def query_url_for(store_url: str) -> str:
    """The SPARQL query endpoint beside a Graph Store endpoint: Oxigraph's ``…/store`` ->
    ``…/query``, Virtuoso's ``/sparql-graph-crud[-auth]`` -> ``/sparql[-auth]``; else the URL itself."""
    parts = urllib.parse.urlsplit(store_url)
    path = parts.path.rstrip("/")
    for tail, query in (("/store", "/query"), ("/sparql-graph-crud", "/sparql"), ("/sparql-graph-crud-auth", "/sparql-auth")):
        if path.endswith(tail):
            return urllib.parse.urlunsplit(parts._replace(path=path[: -len(tail)] + query, query=""))
    return store_url
