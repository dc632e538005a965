"""Oxigraph embedded behind the :class:`~.base.Store` interface: in memory, or on disk as the
persistent store ``claimgraph load`` builds.

Embedded queries run in a worker thread, so that Ctrl-C and a timeout stop the command at once
(Oxigraph evaluates in Rust and would not return to Python before it is done); a query that uses
``SERVICE`` (which makes Oxigraph fetch from any host) is refused where the query text is the
user's (``refuse_service``: the ``query`` command); shipped queries are not checked.
"""
import threading

import pyoxigraph as ox

from ..errors import DataError, QueryError, ServiceError
from .base import Result, Store
from .guard import refuse_service
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
    with the store (the shared lock a reader of a persistent store holds); ``index`` is the path
    of its sidecar index with the facts its meta must hold (a persistent store's), else an index
    is made in memory when first asked for."""

    def __init__(self, store: ox.Store, description: str, *, timeout=None, refuse_service=False, hold=None,
                 index=None):
        self.store, self.description = store, description
        self.timeout, self.refuse_service, self._hold = timeout, refuse_service, hold
        self._index_at, self._index = index, None

    def index(self, build: bool = True):
        if self._index is None and (self._index_at or build):
            from ..index import Index, in_memory

            self._index = Index.open(*self._index_at) if self._index_at else in_memory(self)
        return self._index

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
        if self._index is not None:
            self._index.close()
            self._index = None
        if self._hold is not None:
            self._hold.close()
            self._hold = None
