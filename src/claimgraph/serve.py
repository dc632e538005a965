"""``claimgraph serve``: the real Oxigraph server (PyPI package ``oxigraph``), read-only, loaded
with the graph, union default graph on. Its query page is at ``/`` and the SPARQL endpoint at
``/query``."""
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .errors import ClaimgraphError
from .store import build_persistent


def oxigraph_binary() -> str:
    """Path of the ``oxigraph`` server binary installed beside this Python."""
    beside = Path(sys.executable).with_name("oxigraph")
    found = str(beside) if beside.exists() else shutil.which("oxigraph")
    if not found:
        raise ClaimgraphError("the oxigraph server is not installed (pip install oxigraph)")
    return found


def wait_for_port(host: str, port: int, process, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise ClaimgraphError(f"oxigraph server exited with code {process.returncode}")
        try:
            with socket.create_connection((host, port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise ClaimgraphError(f"oxigraph server did not answer on {host}:{port} within {timeout:.0f} s")


def start_server(location: Path, host: str, port: int, read_only: bool = True) -> subprocess.Popen:
    """Start Oxigraph on ``location`` and return once it accepts connections."""
    command = [oxigraph_binary(), "serve-read-only" if read_only else "serve",
               "--location", str(location), "--bind", f"{host}:{port}", "--union-default-graph"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_for_port(host, port, process)
    except ClaimgraphError:
        process.terminate()
        process.wait(5)
        raise
    return process


def stop_server(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def serve_forever(data_dir, host: str, port: int, echo=print) -> None:
    """Load ``data_dir`` into a fresh store, serve it until Ctrl-C (or SIGTERM), then clean up."""
    with tempfile.TemporaryDirectory(prefix="claimgraph-serve-") as tmp:
        location = build_persistent(data_dir, Path(tmp) / "store") / "oxigraph"
        process = start_server(location, host, port)
        echo(f"SPARQL endpoint http://{host}:{port}/query (query page http://{host}:{port}/), read-only. Ctrl-C stops.")
        previous = signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))
        try:
            process.wait()
        except KeyboardInterrupt:
            echo("stopping")
        finally:
            signal.signal(signal.SIGTERM, previous)
            stop_server(process)
