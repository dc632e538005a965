"""The persistent store ``claimgraph load`` builds: where it lives, when it is fresh, how it is
built, updated and replaced.

A store folder holds ``oxigraph/`` (RocksDB) and the marker ``claimgraph-store.json`` (what data
folder it was built from, and that data's fingerprint). claimgraph only ever deletes a folder
that holds its marker: ``load --store`` on anything else that is not empty, or on the data
folder, a folder above it, the current folder or the home folder, is refused.

Freshness compares, for every file of the data folder and the shipped vocabulary, its name, size,
modification time, change time (ctime, which the kernel sets on every write and no user can set
back) and inode. Hashing the content instead would cost ~0.35 s per 365 MB on every command
(3.4 s at a million claims); the stat fingerprint costs ~5 µs a file.

A build writes into ``<store>.building`` and then takes the old store's place by renames, all
while holding the store lock (readers wait; a second stale reader finds it fresh and reuses it).
"""
import errno
import hashlib
import io
import json
import os
from pathlib import Path

import pyoxigraph as ox

from ..errors import ClaimgraphError, DataError
from ..resources import ontology_file
from .files import SCHEMA_TEXT, attach_store_texts, graph_files, load_file, parse_error_reason, unreadable
from .locks import DATA_LOCK_NAME, NotWritable, data_lock, store_lock
from .stream import Concatenated, has_blank_nodes
from .texts import read_archived_text

MARKER = "claimgraph-store.json"
_OLD_MARKER = "claimgraph.json"  # what claimgraph before 0.2 wrote: its stores are ours too


class StoreRefused(ClaimgraphError):
    """The folder given as a store is not one claimgraph may write or delete."""


def cache_dir(data_dir) -> Path:
    """Where the persistent store of ``data_dir`` lives (``$CLAIMGRAPH_CACHE`` or the XDG cache)."""
    root = os.environ.get("CLAIMGRAPH_CACHE") or Path(
        os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "claimgraph"
    key = hashlib.sha256(str(Path(data_dir).resolve()).encode()).hexdigest()[:16]
    return Path(root) / key


def fingerprint(data_dir) -> str:
    """Changes whenever a file of ``data_dir`` (or the shipped vocabulary) is written, added,
    removed or replaced: (name, size, mtime, ctime, inode) of each. A subfolder (archived texts
    in ``texts/``) counts by its own entry, which changes when a file in it is added, removed or
    replaced (as editors save), not when one is rewritten in place: a stat of each of 50,000
    texts would cost a cold look-up ~0.2 s."""
    h = hashlib.sha256()
    with os.scandir(data_dir) as entries:
        found = sorted((e for e in entries if not _scratch(e.name) and (e.is_file() or e.is_dir())), key=lambda e: e.name)
    for entry in found:
        st = entry.stat()
        h.update(f"{entry.name}\0{st.st_size if entry.is_file() else '/'}\0{st.st_mtime_ns}\0{st.st_ctime_ns}\0{st.st_ino}\n".encode())
    st = ontology_file("claimgraph.ttl").stat()
    h.update(f"\0vocabulary\0{st.st_size}\0{st.st_mtime_ns}\0{st.st_ino}\n".encode())
    return h.hexdigest()


def _scratch(name: str) -> bool:
    """The data lock and an import's temporary files: not data."""
    return name == DATA_LOCK_NAME or (name.startswith(".") and name.endswith(".tmp"))


def is_marked(folder) -> bool:
    """Whether claimgraph made ``folder`` (it holds claimgraph's marker)."""
    folder = Path(folder)
    return (folder / MARKER).is_file() or (folder / _OLD_MARKER).is_file()


def read_meta(location) -> dict:
    for name in (MARKER, _OLD_MARKER):
        try:
            return json.loads((Path(location) / name).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
    return {}


def persistent_is_fresh(data_dir, location=None) -> bool:
    """Whether the store at ``location`` (default: the cache folder) was built from ``data_dir``
    as it is now."""
    location = Path(location) if location else cache_dir(data_dir)
    return read_meta(location).get("fingerprint") == fingerprint(data_dir)


def check_store_location(location, data_dir) -> Path:
    """``location`` resolved, if claimgraph may build a store there; else StoreRefused (one
    line naming the folder and what to do)."""
    where = Path(location).resolve()
    data = Path(data_dir).resolve()
    around = [(data, "the data folder"), (Path.cwd().resolve(), "the current folder"),
              (Path.home().resolve(), "the home folder")]
    for folder, what in around:
        if where == folder or where in folder.parents:
            same = "is" if where == folder else "holds"
            raise StoreRefused(f"{location}: {same} {what} ({folder}); give --store a new or empty folder of its own")
    if where.exists() and not where.is_dir():
        raise StoreRefused(f"{location}: not a folder; give --store a new or empty folder")
    _check_replaceable(where, location)
    return where


def _check_replaceable(folder: Path, named=None) -> None:
    """StoreRefused unless ``folder`` is missing, empty, or marked as claimgraph's."""
    if folder.is_dir() and not is_marked(folder) and any(folder.iterdir()):
        raise StoreRefused(f"{named or folder}: not empty and not made by claimgraph (no {MARKER}); "
                           "nothing was deleted: give --store a new or empty folder")


def _remove(folder: Path) -> None:
    """Delete ``folder`` if claimgraph made it (or it is empty); never anything else."""
    import shutil  # 3.5 ms to import (bz2, lzma): only where a folder goes

    if not folder.exists():
        return
    _check_replaceable(folder)
    shutil.rmtree(folder)


def _write_meta(folder: Path, data_dir, fp: str, state: str = "built") -> None:
    (folder / MARKER).write_text(json.dumps({"made_by": "claimgraph", "state": state, "pid": os.getpid(),
                                             "data": str(Path(data_dir).resolve()), "fingerprint": fp}),
                                 encoding="utf-8")


def build_persistent(data_dir, location=None, progress=None, if_stale: bool = False) -> Path:
    """(Re)build the on-disk store of ``data_dir`` at ``location`` (default: its cache folder);
    ``progress`` is called with the bytes of each data file loaded. With ``if_stale``, a store
    that another process made fresh while this one waited for the lock is kept. Raises
    StoreRefused for a folder claimgraph may not replace, NotWritable where it cannot write."""
    named = location
    location = check_store_location(location if location else cache_dir(data_dir), data_dir)
    try:
        with data_lock(data_dir, shared=True), store_lock(location):
            if if_stale and persistent_is_fresh(data_dir, location):
                return location
            _build_locked(data_dir, location, named, progress)
    except PermissionError as exc:
        raise NotWritable(f"{exc.filename or location}: cannot write the store ({exc.strerror})") from exc
    except OSError as exc:
        if exc.errno == errno.EROFS:
            raise NotWritable(f"{exc.filename or location}: cannot write the store (read-only file system)") from exc
        raise
    return location


def _build_locked(data_dir, location: Path, named, progress) -> None:
    fp = fingerprint(data_dir)  # before reading: data changed during the build make the store stale, not wrong
    tmp = location.with_name(location.name + ".building")
    _check_replaceable(tmp)
    _check_replaceable(location, named)
    store = _fresh_store(tmp, data_dir)
    files = graph_files(data_dir)
    nt = [p for p in files if p.suffix == ".nt"]
    apart = [p for p in files if p.suffix != ".nt"]
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
        store = _fresh_store(tmp, data_dir)
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
    _write_meta(tmp, data_dir, fp)
    _swap(tmp, location)


def _swap(new: Path, location: Path) -> None:
    """Put the built store ``new`` in ``location``'s place: the old one is renamed aside and
    deleted after (readers wait on the store lock, so none sees the gap)."""
    old = location.with_name(location.name + ".old")
    _remove(old)
    if location.exists():
        if any(location.iterdir()):
            os.replace(location, old)
        else:
            location.rmdir()
    os.replace(new, location)
    try:
        _remove(old)
    except OSError:  # the new store is in place; the old one is marked and goes next time
        pass


def _archived_text_lines(data_dir):
    """For a stream that noted ``archives``: the N-Triples lines giving each its text."""
    def lines(archives):
        for archive, name in archives:
            text = ox.Literal(read_archived_text(data_dir, name, archive))
            yield f"{archive} {SCHEMA_TEXT} {text} .\n".encode()
    return lines


def _fresh_store(tmp: Path, data_dir) -> ox.Store:
    """An empty store in ``tmp`` (a build folder: marked before anything is written into it)."""
    _remove(tmp)
    tmp.mkdir(parents=True)
    _write_meta(tmp, data_dir, "", state="building")
    return ox.Store(str(tmp / "oxigraph"))


def _bulk_load_stream(store: ox.Store, stream: Concatenated) -> None:
    if not stream.paths:
        return
    try:
        store.bulk_load(input=io.BufferedReader(stream, 1 << 20), format=ox.RdfFormat.N_TRIPLES, lenient=True)
    except SyntaxError as exc:
        if stream.blank_in is not None:
            return  # cut mid-line where it stopped; the build starts again
        path, line = stream.locate(exc.lineno)
        raise DataError(f"{path}:{line}: malformed RDF: {parse_error_reason(exc)}") from exc
    except (OSError, MemoryError) as exc:
        raise unreadable(Path(getattr(exc, "filename", None) or stream.current or stream.paths[0]), exc) from None


def update_persistent(data_dir, paths, location=None) -> None:
    """Add the data files ``paths`` to the persistent store of ``data_dir`` (after an import)
    instead of rebuilding it, and record the new fingerprint. Holds the store lock."""
    location = Path(location) if location else cache_dir(data_dir)
    with data_lock(data_dir, shared=True), store_lock(location):
        fp = fingerprint(data_dir)
        try:
            store = ox.Store(str(location / "oxigraph"))
        except (OSError, RuntimeError):  # damaged: the data are written; the next command rebuilds it
            _write_meta(location, data_dir, "")
            return
        for path in paths:  # an import only ever adds triples to a file, so adding the file is enough
            load_file(store, Path(path))
        attach_store_texts(store, data_dir)
        store.flush()
        del store
        _write_meta(location, data_dir, fp)
