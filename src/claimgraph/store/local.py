"""Oxigraph embedded: in memory, or on disk as the persistent store ``claimgraph load`` builds.

``open_store`` picks one:

- ``endpoint`` given: a remote SPARQL 1.1 endpoint (any triplestore), spoken to with the SPARQL
  1.1 Protocol; it must expose the union of its graphs as the default graph (Oxigraph
  ``--union-default-graph``, Fuseki ``unionDefaultGraph``), because ``push`` writes one named graph
  per data file;
- else the persistent pyoxigraph store that ``claimgraph load`` built for the data folder, if it
  exists (rebuilt when the data files changed);
- else the data folder read into memory (Oxigraph, no set-up).
"""
import hashlib
import io
import json
import os
from pathlib import Path

import pyoxigraph as ox

from ..errors import DataError, QueryError
from ..namespaces import CG_IRI, SCHEMA_IRI
from ..resources import default_data_dir
from .base import Result, Store
from .files import SCHEMA_TEXT, graph_files, load_file, parse_error_reason
from .stream import Concatenated, has_blank_nodes
from .terms import bind_values
from .texts import read_archived_text


def _from_oxigraph(answer) -> Result:
    if isinstance(answer, ox.QuerySolutions):
        variables = [v.value for v in answer.variables]
        rows = [{v: s[v] for v in variables if s[v] is not None} for s in answer]
        return Result("select", variables, rows)
    if isinstance(answer, ox.QueryBoolean):
        return Result("ask", boolean=bool(answer))
    return Result("graph", triples=list(answer))


class OxigraphStore(Store):
    """An embedded pyoxigraph store, in memory or on disk."""

    def __init__(self, store: ox.Store, description: str):
        self.store, self.description = store, description

    def query(self, query, bindings=None):
        text = bind_values(query, bindings)
        try:
            return _from_oxigraph(self.store.query(text, use_default_graph_as_union=True))
        except SyntaxError as exc:
            raise QueryError(f"SPARQL syntax error: {exc}") from exc
        except (OSError, RuntimeError, ValueError) as exc:
            raise QueryError(f"query failed: {exc}") from exc


def attach_store_texts(store: ox.Store, data_dir, bulk: bool = False) -> None:
    """Add ``schema:text`` to every archived text of ``store`` that lacks it, from its file."""
    quads = [ox.Quad(row["archive"], SCHEMA_TEXT, ox.Literal(read_archived_text(Path(data_dir) / row["file"].value, row["archive"])),
                     ox.DefaultGraph()) for row in store.query(_MISSING_TEXTS)]
    (store.bulk_extend if bulk else store.extend)(quads)


_MISSING_TEXTS = (f"SELECT ?archive ?file WHERE {{ ?archive <{CG_IRI}textFile> ?file "
                  f"FILTER NOT EXISTS {{ ?archive <{SCHEMA_IRI}text> ?text }} }}")


def load_data(store: ox.Store, data_dir) -> None:
    """Load the vocabulary and every data file of ``data_dir`` into ``store``."""
    for path in graph_files(data_dir):
        load_file(store, path)
    attach_store_texts(store, data_dir)


def fingerprint(data_dir) -> str:
    """Changes whenever a data file or archived text of ``data_dir`` changes."""
    h = hashlib.sha256()
    for path in sorted(Path(data_dir).iterdir()):
        if path.is_file():
            st = path.stat()
            h.update(f"{path.name}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


def cache_dir(data_dir) -> Path:
    """Where the persistent store of ``data_dir`` lives (``$CLAIMGRAPH_CACHE`` or the XDG cache)."""
    root = os.environ.get("CLAIMGRAPH_CACHE") or Path(
        os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "claimgraph"
    key = hashlib.sha256(str(Path(data_dir).resolve()).encode()).hexdigest()[:16]
    return Path(root) / key


def build_persistent(data_dir, location=None, progress=None) -> Path:
    """(Re)build the on-disk store of ``data_dir`` at ``location`` (default: its cache folder);
    ``progress`` is called with the bytes of each data file loaded."""
    import shutil

    location = Path(location) if location else cache_dir(data_dir)
    tmp = location.with_name(location.name + ".building")
    files = graph_files(data_dir)
    nt = [p for p in files if p.suffix == ".nt"]
    apart = [p for p in files if p.suffix != ".nt"]
    store = _fresh_store(tmp)
    # One bulk load over all N-Triples files, into the empty store (RocksDB then places its
    # files without compaction): 142 s -> 100 s at 1M claims against a load per file. Blank
    # node labels are scoped to their file, so a file with one must be loaded on its own: the
    # stream watches for "_:" as it goes (no second read of the data) and, if it sees one,
    # the build starts again with the files that have them set apart.
    texts = _archived_text_lines(data_dir)
    stream = Concatenated(nt, progress, tail=texts)
    _bulk_load_stream(store, stream)
    if stream.blank_in is not None:
        del store
        store = _fresh_store(tmp)
        if progress:
            progress(-stream.reported)  # the files are read again
        with_blanks = [p for p in nt if has_blank_nodes(p)]
        apart += with_blanks
        _bulk_load_stream(store, Concatenated([p for p in nt if p not in with_blanks], progress, watch=False, tail=texts))
    for path in apart:
        load_file(store, path, bulk=True)
        if progress:
            progress(path.stat().st_size)
    if apart:
        attach_store_texts(store, data_dir, bulk=True)
    # Compacting costs 30 s at 1M claims, but without it the 24 batches of the bulk load stay
    # as overlapping level-0 files: look-ups take 190 ms instead of 130 ms cold, and RocksDB
    # stalls writes (an import then took 43 s instead of 6 s). flush() would compact too, and
    # left the store 1.4 GB larger.
    store.optimize()
    del store
    _write_meta(tmp, data_dir)
    shutil.rmtree(location, ignore_errors=True)
    os.replace(tmp, location)
    return location


def _archived_text_lines(data_dir):
    """For a stream that noted ``archives``: the N-Triples lines giving each its text."""
    def lines(archives):
        for archive, name in archives:
            text = ox.Literal(read_archived_text(Path(data_dir) / name, archive))
            yield f"{archive} {SCHEMA_TEXT} {text} .\n".encode()
    return lines


def _fresh_store(tmp: Path) -> ox.Store:
    import shutil

    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    return ox.Store(str(tmp / "oxigraph"))


def _bulk_load_stream(store: ox.Store, stream: "Concatenated") -> None:
    if not stream.paths:
        return
    try:
        store.bulk_load(input=io.BufferedReader(stream, 1 << 20), format=ox.RdfFormat.N_TRIPLES, lenient=True)
    except SyntaxError as exc:
        if stream.blank_in is not None:
            return  # cut mid-line where it stopped; the build starts again
        path, line = stream.locate(exc.lineno)
        raise DataError(f"{path}:{line}: malformed RDF: {parse_error_reason(exc)}") from exc


def _write_meta(location: Path, data_dir) -> None:
    (location / "claimgraph.json").write_text(json.dumps(
        {"data": str(Path(data_dir).resolve()), "fingerprint": fingerprint(data_dir)}))


def update_persistent(data_dir, paths, location=None) -> None:
    """Add the data files ``paths`` to the persistent store of ``data_dir`` (after an import)
    instead of rebuilding it, and record the new fingerprint."""
    location = Path(location) if location else cache_dir(data_dir)
    store = ox.Store(str(location / "oxigraph"))
    for path in paths:  # an import only ever adds triples to a file, so adding the file is enough
        load_file(store, Path(path))
    attach_store_texts(store, data_dir)
    store.flush()
    del store
    _write_meta(location, data_dir)


def persistent_is_fresh(data_dir, location=None) -> bool:
    location = Path(location) if location else cache_dir(data_dir)
    try:
        meta = json.loads((location / "claimgraph.json").read_text())
    except (OSError, ValueError):
        return False
    return meta.get("fingerprint") == fingerprint(data_dir)


def open_store(data_dir=None, endpoint=None, location=None) -> Store:
    """The store for a command: remote if ``endpoint``, else persistent if one was built for
    ``data_dir`` (rebuilt if stale), else ``data_dir`` (default: shipped graph_data/) in memory."""
    if endpoint:
        from .remote import RemoteStore
        return RemoteStore(endpoint)
    data_dir = Path(data_dir) if data_dir else default_data_dir()
    where = Path(location) if location else cache_dir(data_dir)
    if (where / "claimgraph.json").exists():
        if not persistent_is_fresh(data_dir, where):
            build_persistent(data_dir, where)
        return OxigraphStore(ox.Store.read_only(str(where / "oxigraph")), f"persistent store {where}")
    store = ox.Store()
    load_data(store, data_dir)
    return OxigraphStore(store, f"in-memory store of {data_dir}")
