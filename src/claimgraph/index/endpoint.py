"""The index of an endpoint that ``claimgraph push`` filled: made from the data pushed, kept in
the cache folder beside the persistent stores (one folder per Graph Store URL), and trusted only
while the endpoint holds the token written with it.

``push`` first empties the endpoint's token graph (``<https://w3id.org/claimgraph/push>``, one
triple: ``cg:indexToken``) and throws the old index away, then sends the data, makes the index,
and writes a new token to both. Before a command uses the index it asks the endpoint for the
token (one triple, an index look-up): if another push, from another data folder or another
machine, replaced it, or a push did not finish, the index is refused and look-ups by words scan
the endpoint instead. Changes made to the endpoint by other means than ``push`` are not seen.
"""
import contextlib
import hashlib
import os
import uuid
from pathlib import Path

from ..namespaces import CG_IRI
from ..store.persistent import INDEX_FILE
from .search import Index

TOKEN_GRAPH = "https://w3id.org/claimgraph/push"
TOKEN = CG_IRI + "indexToken"
_TOKEN_QUERY = f"SELECT ?token WHERE {{ <{TOKEN_GRAPH}> <{TOKEN}> ?token }}"


def location(endpoint: str) -> Path:
    """The folder of the index of ``endpoint`` (its query or Graph Store URL)."""
    from ..store.persistent import cache_root
    from ..store.push import store_url_for

    key = hashlib.sha256(store_url_for(endpoint).encode()).hexdigest()[:16]
    return cache_root() / f"endpoint-{key}"


def push(data_dir, endpoint: str, batch: int = 50_000, update_url: str | None = None, progress=None) -> dict:
    """Send ``data_dir`` to the Graph Store endpoint ``endpoint`` (see :func:`claimgraph.store.push.push`)
    and leave an index of it for that endpoint. Returns push's counts."""
    from ..store import graph_files, store_lock
    from ..store.push import push as send
    from ..store.push import put_graph, query_url_for, store_url_for
    from ..store.remote import RemoteStore
    from . import Writer, _replace_again, from_store
    from .scan import Scan

    where = location(endpoint)
    url = store_url_for(endpoint)
    with store_lock(where):  # its lock file beside it: the cache folder is made, or named in one line
        where.mkdir(exist_ok=True)
        def forget():  # from the first request on no index of it is trusted, until the new token
            put_graph(url, TOKEN_GRAPH, b"")
            with contextlib.suppress(FileNotFoundError):
                (where / INDEX_FILE).unlink()

        counts = send(data_dir, url, batch, update_url, progress, before_sending=forget)
        token = uuid.uuid4().hex
        building = where / f".{INDEX_FILE}.{os.getpid()}.tmp"
        writer, scan = Writer(building, create=True), Scan()
        for path in graph_files(data_dir):
            if scan.exact:
                writer.add(scan.read(path))
        scan.finish()
        remote = RemoteStore(query_url_for(url))
        facts = {"token": token, "endpoint": url}
        if scan.exact:
            writer.finish(facts)
            if scan.again:  # described in more than one file: their rows are the endpoint's answers
                _replace_again(remote, building, scan.again, facts)
        else:  # rows the files do not give alone: the endpoint's answers for everything
            writer.abandon()
            writer = Writer(building, create=True)
            writer.add(from_store(remote))
            writer.finish(facts)
        put_graph(url, TOKEN_GRAPH, f"<{TOKEN_GRAPH}> <{TOKEN}> \"{token}\" .\n".encode())
        os.replace(building, where / INDEX_FILE)
    return counts


def open_for(store, hold: contextlib.ExitStack):
    """(the index ``push`` left for the remote ``store``, or None; why it was refused, or None
    when there is none at all). ``hold`` gets the shared lock that keeps a push from replacing
    it while it is read: close it with the store."""
    from ..store import store_lock

    where = location(store.endpoint)
    if not (where / INDEX_FILE).is_file():
        return None, None
    hold.enter_context(store_lock(where, shared=True))
    index = Index.open(where / INDEX_FILE)
    if index is None:
        return None, None
    rows = store.select(_TOKEN_QUERY)
    if [r["token"] for r in rows] != [index.meta().get("token")]:
        index.close()
        return None, (f"the word index claimgraph push left for {store.endpoint} does not match what the endpoint "
                      "holds now (another push replaced it, or it did not finish), so words are looked for by a "
                      "scan, as written; push again to make a new one")
    return index, None
