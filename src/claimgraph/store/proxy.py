"""The front door of ``claimgraph serve``: a small HTTP proxy on the user's address that passes
requests to the Oxigraph server on a private loopback port, refusing SPARQL that uses SERVICE.

Oxigraph's server follows SERVICE to any host and has no option to stop it, so the query must
be read before Oxigraph sees it: every ``query`` value of the URL or of a form body, and a
``application/sparql-query`` body, is checked by :func:`.guard.uses_service`. Binding the user's
port here also makes "port in use" an error at once, and ``--port 0`` a free port we know.
Responses are streamed through as they come.

CORS is answered here too, for the origins given (``--cors``) and no other: a request whose
``Origin`` is one of them gets ``Access-Control-Allow-Origin`` (``*`` when ``*`` was given), a
preflight ``OPTIONS`` its answer; whatever Oxigraph says about CORS is dropped. The endpoint is
read-only and takes no credentials, so no ``Allow-Credentials`` is ever sent.
"""
import http.client
import http.server
import socketserver
import urllib.parse

from .guard import uses_service

MAX_BODY = 16 * 1024 * 1024
_HOP = {"connection", "keep-alive", "proxy-connection", "transfer-encoding", "te", "trailer", "upgrade"}


class ProxyServer(http.server.ThreadingHTTPServer):
    """Listens on ``address`` and forwards to Oxigraph at ``upstream`` (host, port)."""

    daemon_threads = True

    def __init__(self, address, upstream=None, allow_service=False, timeout=60.0, cors=()):
        self.upstream, self.allow_service, self.upstream_timeout = upstream, allow_service, timeout
        self.cors = frozenset(cors)
        super().__init__(address, _Handler)

    def server_bind(self):  # HTTPServer's looks the host name up in DNS; not needed, and slow offline
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = self.server_address[:2]


class _Handler(http.server.BaseHTTPRequestHandler):
    server_version = "claimgraph"

    def do_GET(self):
        self._forward(None)

    def do_HEAD(self):
        self._forward(None)

    def do_POST(self):
        length = self.headers.get("Content-Length")
        if length is None or not length.isdigit():
            return self._refuse(411, "a request body needs a Content-Length")
        if int(length) > MAX_BODY:
            return self._refuse(413, f"request body over {MAX_BODY // (1024 * 1024)} MB")
        self._forward(self.rfile.read(int(length)))

    do_PUT = do_DELETE = do_PATCH = do_POST  # the Oxigraph behind is read-only and says so

    def do_OPTIONS(self):
        """A CORS preflight (answered for the allowed origins only), or which methods there are."""
        self.send_response(204)
        self.send_header("Allow", "GET, HEAD, POST, OPTIONS")
        if self.headers.get("Access-Control-Request-Method") and self._cors_headers():
            self.send_header("Access-Control-Allow-Methods", "GET, HEAD, POST, OPTIONS")
            if self.headers.get("Access-Control-Request-Headers"):  # read-only, no credentials: any header
                self.send_header("Access-Control-Allow-Headers", self.headers["Access-Control-Request-Headers"])
            self.send_header("Access-Control-Max-Age", "600")
        self.send_header("Content-Length", "0")
        self.send_header("Connection", "close")
        self.end_headers()

    def _cors_headers(self) -> bool:
        """Send Access-Control-Allow-Origin if the request's Origin may read the answer."""
        allowed, origin = self.server.cors, self.headers.get("Origin")
        if not allowed:
            return False
        if "*" not in allowed:
            self.send_header("Vary", "Origin")
        if origin is None or ("*" not in allowed and origin not in allowed):
            return False
        self.send_header("Access-Control-Allow-Origin", "*" if "*" in allowed else origin)
        return True

    def _forward(self, body):
        if not self.server.allow_service and any(uses_service(q) for q in self._queries(body)):
            return self._refuse(403, "SERVICE is refused by this endpoint: it fetches from other hosts "
                                "(claimgraph serve --allow-service lets it)")
        headers = {k: v for k, v in self.headers.items() if k.lower() not in _HOP and k.lower() != "host"}
        connection = http.client.HTTPConnection(*self.server.upstream, timeout=self.server.upstream_timeout)
        try:
            connection.request(self.command, self.path, body=body, headers=headers)
            response = connection.getresponse()
            self.send_response(response.status, response.reason)
            for key, value in response.getheaders():
                if key.lower() not in _HOP and not key.lower().startswith("access-control-"):
                    self.send_header(key, value)
            self._cors_headers()
            self.send_header("Connection", "close")
            self.end_headers()
            while chunk := response.read1(65536) if self.command != "HEAD" else b"":
                self.wfile.write(chunk)
        except OSError as exc:
            if not self.wfile.closed:
                try:
                    self._refuse(502, f"the Oxigraph server did not answer: {exc}")
                except OSError:
                    pass
        finally:
            connection.close()

    def _queries(self, body) -> list[str]:
        """Every text Oxigraph might run as a query: values of the URL's and a form body's
        parameters, or a body sent as SPARQL."""
        texts = [v for values in urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query).values() for v in values]
        if body:
            kind = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            if kind == "application/x-www-form-urlencoded":
                form = urllib.parse.parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
                texts += [v for values in form.values() for v in values]
            else:
                texts.append(body.decode("utf-8", "replace"))
        return texts

    def _refuse(self, status: int, message: str):
        data = (message + "\n").encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Connection", "close")
        self._cors_headers()
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def log_message(self, format, *args):  # quiet, like Oxigraph
        pass
