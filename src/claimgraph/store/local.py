"""Oxigraph embedded: in memory, or on disk as the persistent store ``claimgraph load`` builds.

``open_store`` picks one:

- ``endpoint`` given: a remote SPARQL 1.1 endpoint (any triplestore), spoken to with the SPARQL
  1.1 Protocol; it must expose the union of its graphs as the default graph (Oxigraph
  ``--union-default-graph``, Fuseki ``unionDefaultGraph``), because ``push`` writes one named graph
  per data file;
- else the persistent pyoxigraph store that ``claimgraph load`` built for the data folder, if it
  exists (rebuilt when the data files changed, or when it no longer opens);
- else the data folder read into memory (Oxigraph, no set-up).

Queries are answered by :class:`~.embedded.OxigraphStore`.
"""
import contextlib
import sys
from pathlib import Path

import pyoxigraph as ox

from ..errors import DataError
from ..resources import default_data_dir
from .base import Store
from .embedded import OxigraphStore, QueryTimeout
from .files import attach_store_texts, graph_files, load_file
from .locks import NotWritable, store_lock
from .persistent import INDEX_FILE, build_persistent, cache_dir, is_marked, persistent_is_fresh, read_meta

__all__ = ["OxigraphStore", "QueryTimeout", "load_data", "open_store"]


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
        index = (where / INDEX_FILE, {"fingerprint": read_meta(where).get("fingerprint")})
        return OxigraphStore(store, f"persistent store {where}", hold=hold, index=index, **options)
