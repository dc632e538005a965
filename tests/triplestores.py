"""Real triplestores for the tests, each started on 127.0.0.1 on free ports in a folder of its own
and stopped after: a writable Oxigraph server (union default graph, as `push` expects) and
Debian's Virtuoso 7 (`virtuoso-opensource-7`), which the README's test command installs.

Virtuoso needs, besides its own ini file (database files in the folder, `ServerPort` and
`[HTTPServer] ServerPort` on free ports): `GRANT SPARQL_UPDATE TO "SPARQL"` for pushes to its
open `/sparql-graph-crud`, and a user with SPARQL_UPDATE for the digest-protected
`/sparql-auth` and `/sparql-graph-crud-auth`.
"""
import os
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

from claimgraph.store.server import start_server, stop_server

VIRTUOSO_USER, VIRTUOSO_PASSWORD = "claimgraph", "s3cret-pass"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Running:
    query: str  # SPARQL query endpoint (the union of the graphs is its default graph)
    store: str  # Graph Store Protocol endpoint
    update: str  # SPARQL Update endpoint
    stop: object
    auth_query: str = ""  # Virtuoso: the same behind digest authentication
    auth_store: str = ""


def oxigraph(folder: Path) -> Running:
    port = free_port()
    process = start_server(folder, "127.0.0.1", port, read_only=False, timeout=None)
    base = f"http://127.0.0.1:{port}"
    return Running(f"{base}/query", f"{base}/store", f"{base}/update", lambda: stop_server(process))


_INI = """[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql}
DisableUnixSocket = 1
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
DirsAllowed = {d}
VADInstallDir = {d}
[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = {d}/vsp
ServerThreads = 10
[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 60
"""


def virtuoso_binary() -> str:
    """The virtuoso-t binary; in CI its absence fails the test, elsewhere it skips it."""
    found = shutil.which("virtuoso-t")
    if not found:
        message = "virtuoso-t is not installed (apt-get install virtuoso-opensource-7)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return found


def virtuoso(folder: Path) -> Running:
    binary = virtuoso_binary()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "vsp").mkdir(exist_ok=True)
    sql, http = free_port(), free_port()
    (folder / "virtuoso.ini").write_text(_INI.format(d=folder, sql=sql, http=http))
    log = open(folder / "stdout.log", "wb")
    process = subprocess.Popen([binary, "+foreground", "+configfile", str(folder / "virtuoso.ini")], cwd=folder,
                               stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)
    base = f"http://127.0.0.1:{http}"

    def stop():
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        log.close()

    try:
        _wait_for(f"{base}/sparql?query=ASK%7B%7D", process, folder)
        isql = shutil.which("isql-vt") or shutil.which("isql")
        statements = (f'GRANT SPARQL_UPDATE TO "SPARQL"; DB.DBA.USER_CREATE(\'{VIRTUOSO_USER}\', '
                      f'\'{VIRTUOSO_PASSWORD}\'); GRANT SPARQL_UPDATE TO "{VIRTUOSO_USER}";')
        done = subprocess.run([isql, f"127.0.0.1:{sql}", "dba", "dba", f"exec={statements}"],
                              capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
        assert done.returncode == 0 and "Error" not in done.stdout + done.stderr, done.stdout + done.stderr
    except BaseException:
        stop()
        raise
    return Running(f"{base}/sparql", f"{base}/sparql-graph-crud", f"{base}/sparql", stop,
                   f"{base}/sparql-auth", f"{base}/sparql-graph-crud-auth")


def _wait_for(url: str, process, folder: Path, within: float = 120) -> None:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"virtuoso-t exited with {process.returncode}: "
                                 + (folder / "stdout.log").read_text(errors="replace")[-2000:])
        try:
            with urllib.request.urlopen(url, timeout=5) as answer:
                if answer.status == 200:
                    return
        except (OSError, urllib.error.URLError):
            pass
        time.sleep(0.3)
    raise AssertionError(f"virtuoso did not answer within {within:.0f} s")
