"""Shared fixtures: a private copy of the shipped data, a CLI runner, a free port."""
import json
import shutil
import socket
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimgraph.cli import main
from claimgraph.resources import default_data_dir

ARTICLE = "gbnews-2024-07-18-russian-exodus"


@pytest.fixture(autouse=True)
def private_cache(tmp_path, monkeypatch):
    """Each test gets its own persistent-store cache and configuration, so none sees another's
    (nor the user's own data folder)."""
    monkeypatch.setenv("CLAIMGRAPH_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("CLAIMGRAPH_DATA", raising=False)


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """A copy of the shipped graph_data/ that a test may break."""
    target = tmp_path / "data"
    shutil.copytree(default_data_dir(), target)
    for p in target.iterdir():
        p.chmod(0o644)
    return target


@pytest.fixture
def run():
    """``run("lookup", "650,000")`` -> click Result of the claimgraph command."""
    runner = CliRunner()

    def invoke(*args):
        return runner.invoke(main, [str(a) for a in args], catch_exceptions=False)

    return invoke


@pytest.fixture
def run_json(run):
    def invoke(*args):
        result = run(*args, "--json")
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)

    return invoke


@pytest.fixture
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def tiny_http():
    """``tiny_http(answer)`` -> (url, requests): a tiny HTTP server on 127.0.0.1 in a thread,
    stopped after the test. ``answer(handler)`` writes the response; ``requests`` lists the
    paths asked for."""
    import http.server
    import threading

    servers, requests = [], []

    def start(answer):
        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                requests.append(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                self.body = self.rfile.read(length) if length else b""
                answer(self)

            do_POST = do_GET

            def log_message(self, *args):
                pass

        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/sparql", requests

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def sparql_json(handler, body: bytes = b'{"head":{"vars":["x"]},"results":{"bindings":[]}}'):
    """Answer a tiny_http request with SPARQL results JSON."""
    handler.send_response(200)
    handler.send_header("Content-Type", "application/sparql-results+json")
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)
