"""A remote SPARQL 1.1 endpoint, asked over the SPARQL 1.1 Protocol, and the HTTP requests that
``push`` (:mod:`.push`) makes too.

Works with any triplestore that speaks it (Oxigraph server, Fuseki, GraphDB, Virtuoso, QLever).
Credentials come from the environment or ``~/.netrc`` (:mod:`.credentials`). Each request has
one deadline for all of it (connecting, sending, the answer to its last byte): a watchdog closes
the socket when it passes, so an endpoint that drips its answer cannot hold a command. Every
failure (HTTP status, unreachable host, an answer that is HTML or not SPARQL results) is one
line: the status and the text of the answer, HTML reduced to its text. An endpoint whose default
graph is not the union of its named graphs, where ``push`` put the data, is detected on the
first query instead of answering "no match".
"""
import html.parser
import http.client
import json
import socket
import threading
import urllib.parse

import pyoxigraph as ox

from ..errors import QueryError, ServiceError
from ..namespaces import XSD_IRI
from ..resources import query_text
from .base import Result, Store
from .credentials import Authenticator, describe_refusal, find_credentials, refuse_userinfo
from .files import parse_error_reason
from .terms import bind_values, utf8

TIMEOUT = 60.0
_XSD_BOOLEAN = XSD_IRI + "boolean"


def _term(binding: dict):
    kind, value = binding["type"], binding["value"]
    if kind == "uri":
        return ox.NamedNode(value)
    if kind == "bnode":
        return ox.BlankNode(value)
    if "xml:lang" in binding:
        return ox.Literal(value, language=binding["xml:lang"])
    if "datatype" in binding:
        if binding["datatype"] == _XSD_BOOLEAN:  # Virtuoso writes true as "1": the canonical form compares
            value = {"1": "true", "0": "false"}.get(value, value)
        return ox.Literal(value, datatype=ox.NamedNode(binding["datatype"]))
    return ox.Literal(value)


class EndpointError(ServiceError, QueryError):
    """An endpoint that cannot answer: unreachable, too slow, failing, or answering what is not
    SPARQL results. Exit code 4 (a query the endpoint refuses as malformed stays QueryError, 1)."""


def http_request(url, data=None, headers=None, method=None, timeout: float = TIMEOUT, auth: Authenticator | None = None):
    """(content type, body) of one HTTP request to ``url``, each attempt within ``timeout``
    seconds; a 401 that asks for credentials is answered with ``auth``'s (see
    :mod:`.credentials`). QueryError (one line) on any failure."""
    refuse_userinfo(url)
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise QueryError(f"{url}: not an http(s) URL")
    try:
        host = (parts.scheme, parts.hostname, parts.port)
    except ValueError as exc:  # a port that is not a number
        raise QueryError(f"{url}: not a valid URL ({exc})") from None
    if auth is None:
        auth = Authenticator(find_credentials(url))
    method = method or ("POST" if data is not None else "GET")
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    for _ in range(3):
        sent = dict(headers or {})
        answer = auth.header(host, method, path)
        if answer:
            sent["Authorization"] = answer
        response, body = _exchange(url, parts, method, path, data, sent, timeout)
        if response.status != 401 or not auth.challenged(
                host, response.headers.get_all("WWW-Authenticate") or [], sent=answer is not None):
            break
    if response.status >= 300:
        detail = body_text(body, response.headers.get("Content-Type", "")) or response.reason
        if response.status == 401:
            detail += f" ({describe_refusal(auth.credentials)})"
        error = QueryError if 400 <= response.status < 500 and response.status not in (408, 429) else EndpointError
        raise error(f"{url}: HTTP {response.status}: {detail}")
    return response.headers.get("Content-Type", ""), body


def _exchange(url, parts, method, path, data, headers, timeout):
    """(response, body) of one attempt, all of it within ``timeout``: a watchdog closes the
    socket when it passes."""
    kind = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    try:
        connection = kind(parts.hostname, parts.port, timeout=timeout)
    except ValueError as exc:
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
        connection.request(method, path, body=data, headers=headers)
        response = connection.getresponse()
        chunks = []
        while chunk := response.read1(65536):
            chunks.append(chunk)
            if expired.is_set():
                break
        if expired.is_set():
            raise TimeoutError
        return response, b"".join(chunks)
    except (OSError, http.client.HTTPException) as exc:
        if expired.is_set() or isinstance(exc, TimeoutError):
            raise EndpointError(f"{url}: no complete answer within {timeout:g} s") from None
        reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        raise EndpointError(f"{url}: cannot reach the endpoint: {reason}") from None
    finally:
        watchdog.cancel()
        connection.close()


def body_text(body: bytes, content_type: str = "", limit: int = 300) -> str:
    """The text of an error answer on one line: HTML reduced to its text (scripts, styles and
    the head left out), white space collapsed, cut at ``limit`` characters."""
    text = body.decode("utf-8", "replace")
    if "html" in content_type.lower() or text.lstrip()[:1] == "<":
        text = _HtmlText.of(text)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _HtmlText(html.parser.HTMLParser):
    _SKIP = {"script", "style", "head"}
    _BLOCKS = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "td", "th", "pre", "hr", "body", "title"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.skipping = [], 0

    @classmethod
    def of(cls, markup: str) -> str:
        reader = cls()
        reader.feed(markup)
        reader.close()
        return "".join(reader.parts)

    def handle_starttag(self, tag, attrs):
        self.skipping += tag in self._SKIP
        if tag in self._BLOCKS:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        self.skipping -= tag in self._SKIP and self.skipping > 0
        if tag in self._BLOCKS:
            self.parts.append(" ")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


class RemoteStore(Store):
    """A SPARQL 1.1 query endpoint, e.g. ``http://127.0.0.1:7878/query`` of Oxigraph server.
    ``timeout``: the deadline of each request, in seconds."""

    def __init__(self, endpoint: str, timeout: float = TIMEOUT):
        refuse_userinfo(endpoint)
        self.endpoint, self.timeout = endpoint, timeout
        self.auth = Authenticator(find_credentials(endpoint))
        self.description = f"SPARQL endpoint {endpoint}"
        self._checked = False
        self._index, self.index_note, self._hold = False, None, None

    def index(self, build: bool = True):
        """The index ``claimgraph push`` left for this endpoint, if the endpoint still holds its
        token (else None, and ``index_note`` says why when there was one)."""
        if self._index is False:
            import contextlib

            from ..index.endpoint import open_for

            self._hold = contextlib.ExitStack()
            self._index, self.index_note = open_for(self, self._hold)
        return self._index

    def close(self):
        if self._index:
            self._index.close()
        self._index = False
        if self._hold is not None:
            self._hold.close()
            self._hold = None

    def query(self, query, bindings=None):
        utf8(query)
        if not self._checked:
            self._checked = True
            self._check_union_default_graph()
        return self._send(bind_values(query, bindings))

    def _check_union_default_graph(self) -> None:
        """QueryError when claims stand in named graphs but not in the default graph."""
        rows = self._send(query_text("lib/union_default_graph")).dicts()
        if rows and rows[0]["named"] and not rows[0]["default"]:  # Virtuoso answers EXISTS as 1 and 0
            raise EndpointError(f"{self.endpoint}: the default graph is not the union of the named graphs that "
                             "`claimgraph push` writes, so every look-up would find nothing; set Oxigraph's "
                             "--union-default-graph (Fuseki: tdb2:unionDefaultGraph true; Virtuoso does it by default)")

    def _send(self, text: str) -> Result:
        body = urllib.parse.urlencode({"query": text}).encode()
        ctype, payload = http_request(self.endpoint, body, {
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": "application/sparql-results+json, application/n-triples;q=0.9",
        }, timeout=self.timeout, auth=self.auth)
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
