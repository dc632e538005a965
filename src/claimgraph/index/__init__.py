"""The sidecar index: what Oxigraph cannot look up quickly, kept in SQLite beside the store.

- words: every claim's statement, its appearances' words and its printed figures, in a
  full-text index (FTS5: case and diacritics aside, English stems, phrases, prefixes), so a
  look-up by words is an index look-up instead of a scan of every text;
- each claim's first appearance, so the claims a look-up finds are put in order without asking
  the store about each;
- names, alternative labels, ISO codes and titles of entities, by lower case, folded and surname;
- figures as ``check`` compares them (keyed by a hash of their quantity) and what drift compares
  (each appearance's words and printed bound, each claim's bound, each quotation's words), so a
  check of the whole graph reads only the groups that can conflict, and a check after an import
  only the new claims' groups.

Every row is the answer of a query in ``queries/index/`` (:mod:`.rows`): the index of a store is
those queries' answers over it. ``claimgraph load`` reads them from the data files while Oxigraph
loads the same files (:mod:`.scan`, checked to give the same rows), an import replaces the rows
of the claims it touched from the store's answers, ``push`` leaves a copy for the endpoint
(:mod:`.endpoint`), and an in-memory store makes one in memory when a command needs it.

- ``database``: the SQLite file, written and opened;
- ``rows``: the rows, and the store's answers as rows;
- ``scan``/``terms``: the rows read from data files;
- ``search``: claims by words, entities by name, claims in order;
- ``quantities``: figures and drift for ``check``;
- ``endpoint``: the copy ``push`` leaves for an endpoint.
"""
from pathlib import Path

from ..store.persistent import INDEX_FILE as FILE
from .database import VERSION, Writer
from .rows import Rows, from_store
from .search import Index, phrase

__all__ = ["FILE", "VERSION", "Index", "Rows", "Writer", "build_beside", "from_store", "in_memory", "of", "phrase",
           "update"]


#: Data folders up to this size are read into the index in the command's own process; larger
#: ones in a process of its own at a lower priority, so the load beside it keeps its cores.
APART_FROM = 64 * 1024 * 1024


def build_beside(path: Path, files, loading, facts: dict) -> None:
    """Write the index of ``files`` to ``path`` while ``loading`` (a
    :class:`~claimgraph.store.loading.Loading`, started here) fills the store from the same
    files. Rows are read from the files themselves; when they cannot be (see :mod:`.scan`),
    from the store once it is loaded. ``facts`` go into the index's meta (the data's
    fingerprint)."""
    from .scan import write_index

    files = [str(f) for f in files]
    apart = sum(Path(f).stat().st_size for f in files) > APART_FROM
    child = _start_scan(path, files, facts) if apart else None
    loading.start()
    try:
        if child is None:
            result = write_index(files, path, facts, stop=lambda: loading.error is not None)
        else:
            result = _scan_result(child, loading)
        store = loading.result()  # raises what stopped the load
    except BaseException:
        if child is not None and child.poll() is None:
            child.kill()
            child.wait()
        loading.stop()
        loading.join()
        raise
    from ..store import OxigraphStore

    store = OxigraphStore(store, "the store being built")
    if not result["exact"]:
        writer = Writer(path, create=True)
        writer.add(from_store(store))
        writer.finish({**facts, "made_from": f"the store ({result['why']})"})
    elif result["again"]:
        _replace_again(store, path, set(result["again"]), facts)


def _start_scan(path: Path, files: list, facts: dict):
    import json
    import subprocess
    import sys

    child = subprocess.Popen([sys.executable, "-m", "claimgraph.index.scan", str(path)], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    child.stdin.write(json.dumps({"files": files, "facts": facts}).encode())
    child.stdin.close()
    child.stdin = None
    return child


def _scan_result(child, loading) -> dict:
    """What the scanning process found, once it is done; a failed load stops it at once."""
    import json
    import subprocess

    from ..errors import DataError, ServiceError

    while True:
        try:
            out, err = child.communicate(timeout=0.5)
            break
        except subprocess.TimeoutExpired:
            if loading.error is not None:
                loading.result()  # raises what stopped the load (the caller stops the scan)
    try:
        result = json.loads(out)
    except ValueError:
        reason = err.decode("utf-8", "replace").strip().splitlines()
        raise ServiceError(f"reading the data into the index failed: {reason[-1] if reason else child.returncode}") \
            from None
    if "error" in result:
        raise DataError(result["error"])
    return result


def _replace_again(store, path: Path, nodes: set, facts: dict) -> None:
    """The rows of claims and appearances described in more than one file, from the store."""
    from ..resources import query_text
    from ..store import iri

    claims = set(nodes) | {r["claim"] for r in store.select_each(query_text("lib/appearance_claims"),
                                                                 [{"node": iri(n)} for n in sorted(nodes)])}
    update(store, path, claims, (), facts)


def update(store, path: Path, claims, entities, facts: dict) -> None:
    """Replace the rows of ``claims`` and ``entities`` (IRIs an import touched) in the index at
    ``path`` with ``store``'s answers for them."""
    Writer(path).replace(from_store(store, claims=set(claims), entities=set(entities)), claims, entities, facts)


def of(store) -> Index:
    """The index of ``store``: its own, or one made in memory from its answers (an endpoint that
    ``push`` did not fill)."""
    return store.index() or in_memory(store)


def in_memory(store) -> Index:
    """An index of ``store`` made in memory (for a store read into memory, or an endpoint with
    no index of its own)."""
    writer = Writer(":memory:", create=True)
    writer.add(from_store(store))
    return Index(":memory:", writer.finish(keep=True))
