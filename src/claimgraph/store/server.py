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

from ..errors import ClaimgraphError
from .local import build_persistent


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
    log = tempfile.TemporaryFile()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=log)
    try:
        wait_for_port(host, port, process)
    except ClaimgraphError as exc:
        stop_server(process)
        log.seek(0)
        last = log.read().decode("utf-8", "replace").strip().splitlines()
        raise ClaimgraphError(f"{exc}: {last[-1]}" if last else str(exc)) from None
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


def serve_forever(data_dir, host: str, port: int, echo=print) -> None:
    """Load ``data_dir`` into a fresh store, serve it until Ctrl-C (or SIGTERM), then clean up."""
    with tempfile.TemporaryDirectory(prefix="claimgraph-serve-") as tmp:
        location = build_persistent(data_dir, Path(tmp) / "store") / "oxigraph"
        # Ctrl-C and SIGTERM both stop the server, even where the shell started us ignoring SIGINT.
        previous = {sig: signal.signal(sig, signal.default_int_handler) for sig in (signal.SIGINT, signal.SIGTERM)}
        process = None
        try:
            process = start_server(location, host, port)
            echo(f"SPARQL endpoint http://{host}:{port}/query (query page http://{host}:{port}/), read-only. Ctrl-C stops.")
            process.wait()
        except KeyboardInterrupt:
            echo("stopping")
        finally:
            if process is not None:
                stop_server(process)
            for sig, handler in previous.items():
                signal.signal(sig, handler)
