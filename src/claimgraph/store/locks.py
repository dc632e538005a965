"""Locks between claimgraph processes (``fcntl.flock``, advisory, released by the kernel when a
process dies, so a kill never leaves one held).

- :func:`data_lock` — a data folder: ``import`` holds it exclusive while it reads, merges and
  writes files; a store build holds it shared while it reads the files. The lock file is
  ``.claimgraph.lock`` inside the folder.
- :func:`store_lock` — a persistent store: builds, rebuilds and in-place updates hold it
  exclusive; readers hold it shared for as long as they have the store open (RocksDB must not
  be written while another process reads it). The lock file is ``<store>.lock`` beside it.

Always take a data lock before a store lock (never the other way round), so two processes never
wait for each other. Within one process a lock already held exclusive is taken again at no cost
(an import holds its data folder and then builds the store, which takes it shared).
"""
import contextlib
import errno
import fcntl
import os
import sys
import threading
from pathlib import Path

from ..errors import DataError, ServiceError

DATA_LOCK_NAME = ".claimgraph.lock"


class Busy(ServiceError):
    """Another claimgraph holds the lock and the caller asked not to wait."""


class NotWritable(DataError):
    """A store or data folder (or the folder it lives in) cannot be written."""


_held: dict[str, list] = {}  # lock file -> [fd, exclusive, count], for this process
_guard = threading.Lock()


def data_lock(data_dir, shared: bool = False, wait: bool = True, notify=None):
    """Context manager: hold the lock of the data folder ``data_dir`` (exclusive for writers,
    ``shared`` for readers). Waits, telling ``notify`` (default: a line on stderr) once, or with
    ``wait=False`` raises :class:`Busy`. A folder where the lock file cannot be created (a
    read-only install) is read without a lock."""
    folder = Path(data_dir)
    return _locked(folder / DATA_LOCK_NAME, folder, shared, wait, notify)


def store_lock(location, shared: bool = False, wait: bool = True, notify=None):
    """Context manager: hold the lock of the persistent store at ``location`` (the lock file
    ``<location>.lock`` beside it); as :func:`data_lock`."""
    location = Path(location)
    return _locked(location.with_name(location.name + ".lock"), location, shared, wait, notify)


@contextlib.contextmanager
def _locked(lock_file: Path, what: Path, shared: bool, wait: bool, notify):
    key = str(lock_file.resolve() if lock_file.parent.exists() else lock_file)
    with _guard:
        held = _held.get(key)
        if held and not held[1] and not shared:
            raise RuntimeError(f"{lock_file}: exclusive lock wanted while this process holds it shared")
        reentered = held is not None
        if reentered:
            held[2] += 1
    if reentered:
        try:
            yield
        finally:
            with _guard:
                held[2] -= 1
        return
    fd = _open(lock_file, create=not shared)
    if fd is None:  # nothing to lock against: a reader of a read-only folder
        yield
        return
    try:
        _acquire(fd, what, shared, wait, notify)
        with _guard:
            _held[key] = [fd, not shared, 1]
        try:
            yield
        finally:
            with _guard:
                del _held[key]
    finally:
        os.close(fd)  # releases the lock


def _open(lock_file: Path, create: bool):
    """A descriptor of ``lock_file``; a reader (``create`` false) never makes one and goes
    without a lock where there is none to take (nobody has written there yet, or it cannot)."""
    flags = os.O_CLOEXEC | (os.O_RDWR | os.O_CREAT if create else os.O_RDONLY)
    try:
        return os.open(lock_file, flags, 0o644)
    except FileNotFoundError:
        if not create:
            return None
        try:
            lock_file.parent.mkdir(parents=True, exist_ok=True)
            return os.open(lock_file, flags, 0o644)
        except OSError as exc:  # a folder that cannot be made there ($CLAIMGRAPH_CACHE under /proc, a file)
            raise NotWritable(f"{exc.filename or lock_file.parent}: cannot write here ({exc.strerror})") from exc
    except OSError as exc:
        if not create:
            return None
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            try:  # someone else made it: reading it is enough to lock it
                return os.open(lock_file, os.O_RDONLY | os.O_CLOEXEC)
            except OSError:
                pass
        raise NotWritable(f"{lock_file.parent}: cannot write here ({exc.strerror})") from exc


def _acquire(fd: int, what: Path, shared: bool, wait: bool, notify) -> None:
    mode = fcntl.LOCK_SH if shared else fcntl.LOCK_EX
    try:
        fcntl.flock(fd, mode | fcntl.LOCK_NB)
        return
    except BlockingIOError:
        pass
    doing = "writing" if shared else _holders(fd)
    if not wait:
        raise Busy(f"busy: another claimgraph is {doing} {what}; try again when it has finished")
    (notify or _to_stderr)(f"busy: another claimgraph is {doing} {what}; waiting…")
    fcntl.flock(fd, mode)


def _holders(fd: int) -> str:
    """What the others holding the lock do: "reading" if a shared lock can be had, else "writing"."""
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return "writing"
    fcntl.flock(fd, fcntl.LOCK_UN)
    return "reading"


def _to_stderr(line: str) -> None:
    print(line, file=sys.stderr, flush=True)
