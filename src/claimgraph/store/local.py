"""Oxigraph embedded: in memory, or on disk as the persistent store ``claimgraph load`` builds.

``open_store`` picks one:

- ``endpoint`` given: a remote SPARQL 1.1 endpoint (any triplestore), spoken to with the SPARQL
  1.1 Protocol; it must expose the union of its graphs as the default graph (Oxigraph
  ``--union-default-graph``, Fuseki ``unionDefaultGraph``), because ``push`` writes one named graph
  per data file;
- else the persistent pyoxigraph store that ``claimgraph load`` built for the data folder, if it
  exists (rebuilt when the data files changed, or when it no longer opens);
- else the data folder read into memory (Oxigraph, no set-up).

Embedded queries run in a worker thread, so that Ctrl-C and a timeout stop the command at once
(Oxigraph evaluates in Rust and would not return to Python before it is done); a query that uses
``SERVICE`` (which makes Oxigraph fetch from any host) is refused where the query text is the
user's (``refuse_service``: the ``query`` command); shipped queries are not checked.
"""
import contextlib
import sys
import threading
from pathlib import Path

import pyoxigraph as ox

from ..errors import DataError, QueryError, ServiceError
from ..resources import default_data_dir
from .base import Result, Store
from .files import attach_store_texts, graph_files, load_file
from .guard import refuse_service
from .locks import NotWritable, store_lock
from .persistent import build_persistent, cache_dir, is_marked, persistent_is_fresh
from .terms import bind_values, utf8


class QueryTimeout(ServiceError, QueryError):
    """A query ran past its time limit."""


def _from_oxigraph(answer) -> Result:
    if isinstance(answer, ox.QuerySolutions):
        variables = [v.value for v in answer.variables]
        rows = [{v: s[v] for v in variables if s[v] is not None} for s in answer]
        return Result("select", variables, rows)
    if isinstance(answer, ox.QueryBoolean):
        return Result("ask", boolean=bool(answer))
    return Result("graph", triples=list(answer))


class OxigraphStore(Store):
    """An embedded pyoxigraph store, in memory or on disk. ``timeout`` (seconds, None: no limit)
    bounds each query; ``refuse_service`` refuses queries that use SERVICE; ``hold`` is closed
    with the store (the shared lock a reader of a persistent store holds)."""

    def __init__(self, store: ox.Store, description: str, *, timeout=None, refuse_service=False, hold=None):
        self.store, self.description = store, description
        self.timeout, self.refuse_service, self._hold = timeout, refuse_service, hold

    def query(self, query, bindings=None):
        utf8(query)
        if self.refuse_service:
            refuse_service(query)  # bound values are terms, never keywords: the text is enough
        text = bind_values(query, bindings)
        return self._in_worker(lambda: _from_oxigraph(self.store.query(text, use_default_graph_as_union=True)))

    def _in_worker(self, work):
        """``work()`` in a daemon thread; the caller waits, interruptible by Ctrl-C, at most
        ``timeout`` seconds. On either the work is left to finish on its own (the command exits)."""
        outcome = {}

        def run():
            try:
                outcome["value"] = work()
            except BaseException as exc:  # handed to the waiting thread
                outcome["error"] = exc
            finally:
                done.set()

        done = threading.Event()
        threading.Thread(target=run, name="claimgraph-query", daemon=True).start()
        if not done.wait(self.timeout):
            raise QueryTimeout(f"the query ran past its {self.timeout:g} s time limit (--timeout to change it)")
        if "error" in outcome:
            exc = outcome["error"]
            if isinstance(exc, SyntaxError):
                raise QueryError(f"SPARQL syntax error: {exc}") from exc
            if isinstance(exc, (OSError, RuntimeError, ValueError)):
                message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
                if "Corruption" in message or "No such file" in message:
                    raise DataError(f"{self.description} is damaged ({message}); rebuild it with `claimgraph load`") from exc
                raise QueryError(f"query failed: {message}") from exc
            raise exc
        return outcome["value"]

    def close(self):
        if self._hold is not None:
            self._hold.close()
            self._hold = None


def load_data(store: ox.Store, data_dir) -> None:
    """Load the vocabulary and every data file of ``data_dir`` into ``store``."""
    for path in graph_files(data_dir):
        load_file(store, path)
    attach_store_texts(store, data_dir)


def open_store(data_dir=None, endpoint=None, location=None, *, timeout=None, refuse_service=False) -> Store:
    """The store for a command: remote if ``endpoint``, else persistent if one was built for
    ``data_dir`` (rebuilt if stale or damaged), else ``data_dir`` (default: shipped graph_data/)
    in memory. ``timeout`` bounds each query (seconds; for a remote endpoint, each request);
    ``refuse_service``: embedded queries that use SERVICE are refused (for query text a user wrote)."""
    if endpoint:
        from .remote import RemoteStore
        return RemoteStore(endpoint) if timeout is None else RemoteStore(endpoint, timeout=timeout)
    data_dir = Path(data_dir) if data_dir else default_data_dir()
    where = Path(location) if location else cache_dir(data_dir)
    options = {"timeout": timeout, "refuse_service": refuse_service}
    if is_marked(where):
        return _open_persistent(data_dir, where, options)
    store = ox.Store()
    load_data(store, data_dir)
    return OxigraphStore(store, f"in-memory store of {data_dir}", **options)


def _open_persistent(data_dir: Path, where: Path, options: dict) -> OxigraphStore:
    """The persistent store at ``where``, rebuilt first if stale; rebuilt once more if it does
    not open (truncated files, a garbage CURRENT, a missing MANIFEST). A stale store that cannot
    be rebuilt (read-only) is read as it is, with a warning."""
    rebuilt = False
    while True:
        if not persistent_is_fresh(data_dir, where):
            try:
                build_persistent(data_dir, where, if_stale=True)
                rebuilt = True
            except NotWritable as exc:
                print(f"warning: {where} is older than {data_dir} and cannot be rebuilt ({exc}); "
                      "answering from it as it is", file=sys.stderr)
        hold = contextlib.ExitStack()
        hold.enter_context(store_lock(where, shared=True))
        try:
            store = ox.Store.read_only(str(where / "oxigraph"))
        except (OSError, RuntimeError) as exc:
            hold.close()
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            if rebuilt:
                raise DataError(f"{where}: the store does not open even after a rebuild ({reason})") from exc
            try:
                build_persistent(data_dir, where)
            except NotWritable:
                raise DataError(f"{where}: the store does not open ({reason}) and cannot be rebuilt here; "
                                "delete it or run `claimgraph load` where it can be written") from exc
            rebuilt = True
            continue
        return OxigraphStore(store, f"persistent store {where}", hold=hold, **options)
