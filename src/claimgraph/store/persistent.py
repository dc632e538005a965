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
import json
import os
from pathlib import Path

import pyoxigraph as ox

from ..errors import ClaimgraphError

try:  # the built-in SHA-256: hashlib loads OpenSSL first (3.6 ms of every cold command); the same digest
    from _sha256 import sha256
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import sha256
from ..resources import ontology_file
from .embedded import OxigraphStore
from .files import attach_store_texts, graph_files, load_file
from .locks import DATA_LOCK_NAME, NotWritable, data_lock, store_lock

MARKER = "claimgraph-store.json"
#: The sidecar index (claimgraph.index), built and updated with the store, in the same folder.
INDEX_FILE = "index.sqlite"
#: What the index holds changes with this; recorded in the marker and the index, a store whose
#: index is of another version is stale (rebuilt).
INDEX_VERSION = "1"
_OLD_MARKER = "claimgraph.json"  # what claimgraph before 0.2 wrote: its stores are ours too


class StoreRefused(ClaimgraphError):
    """The folder given as a store is not one claimgraph may write or delete."""


def cache_root() -> Path:
    """Where persistent stores live: ``$CLAIMGRAPH_CACHE``, else ``claimgraph`` in the XDG cache."""
    return Path(os.environ.get("CLAIMGRAPH_CACHE") or Path(
        os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "claimgraph")


def cache_dir(data_dir) -> Path:
    """Where the persistent store of ``data_dir`` lives (in :func:`cache_root`)."""
    key = sha256(str(Path(data_dir).resolve()).encode()).hexdigest()[:16]
    return cache_root() / key


def fingerprint(data_dir) -> str:
    """Changes whenever a file of ``data_dir`` (or the shipped vocabulary) is written, added,
    removed or replaced: (name, size, mtime, ctime, inode) of each. A subfolder (archived texts
    in ``texts/``) counts by its own entry, which changes when a file in it is added, removed or
    replaced (as editors save), not when one is rewritten in place: a stat of each of 50,000
    texts would cost a cold look-up ~0.2 s."""
    return _fingerprints(data_dir)[0]


def quick_fingerprint(data_dir, names) -> str:
    """Changes whenever an entry is added to ``data_dir``, removed or renamed (the folder's own
    entry changes then), or one of ``names`` (its RDF files and subfolders) or the shipped
    vocabulary is written: a stat of each of those, not of every archived text (a cold look-up
    at a million claims, 66,000 texts beside the data, paid 0.33 s for those)."""
    h = sha256()
    st = os.stat(data_dir)
    h.update(f"/\0{st.st_mtime_ns}\0{st.st_ctime_ns}\0{st.st_ino}\n".encode())
    folder = os.fspath(data_dir)
    for name in names:
        try:
            st = os.stat(os.path.join(folder, name))  # not pathlib: 700 files at 1M cost 7 ms more
        except OSError:
            h.update(f"{name}\0missing\n".encode())
            continue
        h.update(f"{name}\0{st.st_size}\0{st.st_mtime_ns}\0{st.st_ctime_ns}\0{st.st_ino}\n".encode())
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
    """Whether the store at ``location`` (default: the cache folder) and its index were built
    from ``data_dir`` as it is now: :func:`quick_fingerprint` first, then, when an entry of the
    folder changed, :func:`fingerprint`. An archived text rewritten in place (not saved anew,
    as editors and imports do) is not noticed."""
    location = Path(location) if location else cache_dir(data_dir)
    meta = read_meta(location)
    if meta.get("index") != INDEX_VERSION or not meta.get("fingerprint") or not (location / INDEX_FILE).is_file():
        return False
    quick = meta.get("quick")
    if quick and quick.get("digest") == quick_fingerprint(data_dir, quick.get("names", [])):
        return True  # no entry of the folder added, removed or renamed, no data file written
    return meta.get("fingerprint") == fingerprint(data_dir)


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


def _write_meta(folder: Path, data_dir, fp: str, state: str = "built", quick: dict | None = None) -> None:
    (folder / MARKER).write_text(json.dumps({"made_by": "claimgraph", "state": state, "pid": os.getpid(),
                                             "data": str(Path(data_dir).resolve()), "fingerprint": fp,
                                             "index": INDEX_VERSION, "quick": quick}),
                                 encoding="utf-8")


def _fingerprints(data_dir) -> tuple[str, dict]:
    """The full fingerprint of ``data_dir`` and the quick one with the names it stats (its RDF
    files and subfolders), from one pass over the folder."""
    from .files import FORMATS

    h, names = sha256(), []
    with os.scandir(data_dir) as entries:
        found = sorted((e for e in entries if not _scratch(e.name) and (e.is_file() or e.is_dir())), key=lambda e: e.name)
    for entry in found:
        st = entry.stat()
        is_file = entry.is_file()
        h.update(f"{entry.name}\0{st.st_size if is_file else '/'}\0{st.st_mtime_ns}\0{st.st_ctime_ns}\0{st.st_ino}\n".encode())
        if not is_file or os.path.splitext(entry.name)[1] in FORMATS:
            names.append(entry.name)
    st = ontology_file("claimgraph.ttl").stat()
    h.update(f"\0vocabulary\0{st.st_size}\0{st.st_mtime_ns}\0{st.st_ino}\n".encode())
    return h.hexdigest(), {"names": names, "digest": quick_fingerprint(data_dir, names)}


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
    from ..index import build_beside  # the sidecar index is read from the same files meanwhile
    from .loading import Loading

    fp, quick = _fingerprints(data_dir)  # before reading: data changed during the build make the store stale, not wrong
    tmp = location.with_name(location.name + ".building")
    _check_replaceable(tmp)
    _check_replaceable(location, named)
    _remove(tmp)
    tmp.mkdir(parents=True)
    _write_meta(tmp, data_dir, "", state="building")
    files = graph_files(data_dir)
    loading = Loading(tmp, data_dir, files, progress)
    build_beside(tmp / INDEX_FILE, files, loading, {"fingerprint": fp})
    del loading
    _write_meta(tmp, data_dir, fp, quick=quick)
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


def update_persistent(data_dir, paths, location=None, claims=(), entities=()) -> None:
    """Add the data files ``paths`` to the persistent store of ``data_dir`` (after an import)
    instead of rebuilding it, replace what its index holds of ``claims`` and ``entities`` (the
    IRIs the import touched), and record the new fingerprint. Holds the store lock; if any of
    it fails, the store is left marked stale (the next command rebuilds it)."""
    from ..index import update

    location = Path(location) if location else cache_dir(data_dir)
    with data_lock(data_dir, shared=True), store_lock(location):
        fp, quick = _fingerprints(data_dir)
        _write_meta(location, data_dir, "")  # stale until both the store and its index follow
        try:
            store = ox.Store(str(location / "oxigraph"))
        except (OSError, RuntimeError):  # damaged: the data are written; the next command rebuilds it
            return
        for path in paths:  # an import only ever adds triples to a file, so adding the file is enough
            load_file(store, Path(path))
        attach_store_texts(store, data_dir, paths=paths)
        store.flush()
        update(OxigraphStore(store, f"persistent store {location}"), location / INDEX_FILE, claims, entities,
               {"fingerprint": fp})
        del store
        _write_meta(location, data_dir, fp, quick=quick)
