"""``claimgraph serve``: the real Oxigraph server (PyPI package ``oxigraph``), read-only, loaded
with the graph as ``push`` writes it — one named graph per data file, the union of them the
default graph — each query stopped after ``timeout`` seconds. Its query page is at ``/`` and the
SPARQL endpoint at ``/query``, behind the proxy of :mod:`.proxy` (which refuses SERVICE and
answers CORS) on the user's address.

The Oxigraph child runs in its own process group and is told by the kernel to stop when its
parent dies (``PR_SET_PDEATHSIG``), so a SIGKILL to ``serve`` does not leave it running. The
temporary folder of the store is marked with the PID of its ``serve``; the next ``serve``
removes the marked folders of PIDs that no longer run (SIGHUP, SIGTERM and Ctrl-C clean up at
once; only SIGKILL leaves one).
"""
import ctypes
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pyoxigraph as ox

from ..errors import ServiceError
from ..namespaces import CG_IRI
from .files import SCHEMA_TEXT, graph_files, graph_name, load_file
from .locks import data_lock
from .proxy import ProxyServer
from .texts import read_archived_text

DEFAULT_TIMEOUT = 10.0
_PID_MARKER = "claimgraph-serve.pid"
_PREFIX = "claimgraph-serve-"
_PR_SET_PDEATHSIG = 1


def oxigraph_binary() -> str:
    """Path of the ``oxigraph`` server binary installed beside this Python."""
    beside = Path(sys.executable).with_name("oxigraph")
    found = str(beside) if beside.exists() else shutil.which("oxigraph")
    if not found:
        raise ServiceError("the oxigraph server is not installed (pip install oxigraph)")
    return found


def wait_for_port(host: str, port: int, process, timeout: float = 20.0) -> None:
    """Return once ``process`` itself listens on ``port`` (not merely someone: another server
    on that port must not pass for ours); ServiceError if it exits or takes too long."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise ServiceError(f"oxigraph server exited with code {process.returncode}")
        listening = _listens(process.pid, port)
        if listening is None:  # no /proc: connecting is the best we can do
            try:
                with socket.create_connection((host, port), timeout=0.2):
                    listening = process.poll() is None
            except OSError:
                listening = False
        if listening:
            return
        time.sleep(0.05)
    raise ServiceError(f"oxigraph server did not answer on {host}:{port} within {timeout:.0f} s")


def _listens(pid: int, port: int):
    """Whether process ``pid`` has a listening TCP socket on ``port`` (Linux /proc); None when
    that cannot be read."""
    try:
        inodes = set()
        for fd in os.listdir(f"/proc/{pid}/fd"):
            try:
                target = os.readlink(f"/proc/{pid}/fd/{fd}")
            except OSError:
                continue
            if target.startswith("socket:["):
                inodes.add(target[8:-1])
        for table in ("/proc/net/tcp", "/proc/net/tcp6"):
            try:
                lines = Path(table).read_text().splitlines()[1:]
            except OSError:
                continue
            for line in lines:
                fields = line.split()
                if fields[3] == "0A" and int(fields[1].rsplit(":", 1)[1], 16) == port and fields[9] in inodes:
                    return True
        return False
    except OSError:
        return None


def _die_with_parent(parent: int):
    """For the child, before exec: its own process group, and SIGTERM when the parent dies."""
    def preexec():
        os.setpgid(0, 0)
        try:
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
        except (OSError, AttributeError):  # not Linux: the process group and our handlers remain
            pass
        if os.getppid() != parent:  # the parent died before prctl took effect
            os._exit(1)
    return preexec


def start_server(location: Path, host: str, port: int, read_only: bool = True,
                 timeout: float | None = DEFAULT_TIMEOUT, union: bool = True) -> subprocess.Popen:
    """Start Oxigraph on ``location`` and return once it accepts connections on ``host:port``.
    ``timeout``: its per-query limit in seconds; ``union``: the default graph is the union of
    the named graphs."""
    command = [oxigraph_binary(), "serve-read-only" if read_only else "serve",
               "--location", str(location), "--bind", f"{host}:{port}"]
    command += ["--union-default-graph"] if union else []
    command += ["--timeout-s", f"{max(1, round(timeout))}"] if timeout else []
    log = tempfile.TemporaryFile()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=log, stdin=subprocess.DEVNULL,
                               preexec_fn=_die_with_parent(os.getpid()))
    try:
        wait_for_port(host, port, process)
    except ServiceError as exc:
        stop_server(process)
        log.seek(0)
        last = log.read().decode("utf-8", "replace").strip().splitlines()
        raise ServiceError(f"{exc}: {last[-1]}" if last else str(exc)) from None
    except BaseException:  # Ctrl-C while waiting for the port: the server must not outlive us
        stop_server(process)
        raise
    finally:
        log.close()
    return process


def stop_server(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def clean_stale_folders(root=None) -> list[Path]:
    """Remove the temporary folders of ``serve`` processes that no longer run (only folders
    marked with a PID, and only when that PID is gone). Returns the folders removed."""
    removed = []
    for folder in Path(root or tempfile.gettempdir()).glob(_PREFIX + "*"):
        try:
            pid = int((folder / _PID_MARKER).read_text().strip())
        except (OSError, ValueError):
            continue
        if not _running(pid):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


_TEXTS_BY_GRAPH = f"SELECT ?g ?archive ?file WHERE {{ GRAPH ?g {{ ?archive <{CG_IRI}textFile> ?file }} }}"


def build_named(data_dir, location: Path) -> Path:
    """An Oxigraph store at ``location`` with the vocabulary and each data file of ``data_dir``
    in its own named graph, as ``push`` writes them, each archived text in the graph of the file
    that names it. Returns ``location``."""
    with data_lock(data_dir, shared=True):
        store = ox.Store(str(location))
        for path in graph_files(data_dir):
            load_file(store, path, bulk=True, graph=graph_name(path))
        store.bulk_extend([ox.Quad(r["archive"], SCHEMA_TEXT, ox.Literal(read_archived_text(data_dir, r["file"].value, r["archive"])),
                                   r["g"]) for r in store.query(_TEXTS_BY_GRAPH)])
        store.optimize()  # the bulk load's overlapping files would slow every query (see persistent.py)
        del store
    return location


def serve_forever(data_dir, host: str, port: int, echo=print, timeout: float = DEFAULT_TIMEOUT,
                  allow_service: bool = False, cors: tuple = ()) -> None:
    """Serve ``data_dir`` read-only on ``host:port`` (0: a free port) until Ctrl-C, SIGTERM or
    SIGHUP, then clean up. ``cors``: the origins whose pages may read the answers (``*``: any).
    Raises ServiceError when the port is taken."""
    clean_stale_folders()
    try:
        proxy = ProxyServer((host, port), allow_service=allow_service, timeout=(timeout or 3600) + 30, cors=cors)
    except OSError as exc:
        if exc.errno == 98:  # EADDRINUSE
            raise ServiceError(f"port {port} is in use on {host}; choose another with --port (0 picks a free one)") from None
        raise ServiceError(f"cannot listen on {host}:{port}: {exc.strerror}") from None
    port = proxy.server_address[1]
    tmp = Path(tempfile.mkdtemp(prefix=_PREFIX))
    (tmp / _PID_MARKER).write_text(str(os.getpid()))
    # Ctrl-C, SIGTERM and SIGHUP all stop the server, even where the shell started us ignoring SIGINT.
    stops = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
    previous = {sig: signal.signal(sig, signal.default_int_handler) for sig in stops}
    process = thread = None
    try:
        location = build_named(data_dir, tmp / "oxigraph")
        inner = free_port()
        process = start_server(location, "127.0.0.1", inner, timeout=timeout)
        proxy.upstream = ("127.0.0.1", inner)
        thread = threading.Thread(target=proxy.serve_forever, kwargs={"poll_interval": 0.1}, name="claimgraph-proxy", daemon=True)
        thread.start()
        echo(f"SPARQL endpoint http://{host}:{port}/query (query page http://{host}:{port}/), read-only. Ctrl-C stops.")
        code = process.wait()
        raise ServiceError(f"the oxigraph server stopped (exit code {code})")
    except KeyboardInterrupt:
        echo("stopping")
    finally:
        if thread is not None:
            proxy.shutdown()
        proxy.server_close()
        if process is not None:
            stop_server(process)
        shutil.rmtree(tmp, ignore_errors=True)
        for sig, handler in previous.items():
            signal.signal(sig, handler)
