"""Filling a new persistent store in a thread of its own: the bulk load of every data file, the
archived texts, then the compaction. Oxigraph releases Python's GIL in all three, so the thread
that started it is free meanwhile: ``claimgraph load`` reads the sidecar index from the same
files then (:mod:`claimgraph.index.scan`).

One bulk load over all N-Triples files, fed through a pipe that Oxigraph reads itself (a Python
stream would need the GIL for every read), into the empty store: 142 s -> 100 s at 1M claims
against a load per file. Blank node labels are scoped to their file, so a file with one must be
loaded on its own: the stream watches for "_:" as it goes (no second read of the data) and, if
it sees one, the load starts again with the files that have them set apart.
"""
import os
import shutil
import threading
from pathlib import Path

import pyoxigraph as ox

from ..errors import DataError
from .files import SCHEMA_TEXT, attach_store_texts, load_file, parse_error_reason, unreadable
from .stream import Concatenated, has_blank_nodes
from .texts import read_archived_text


class Loading(threading.Thread):
    """Loads ``files`` (of ``data_dir``) into a new store at ``folder`` and compacts it;
    :meth:`result` waits and returns the store, or raises what stopped it. ``progress`` is
    called with the bytes of each file loaded (negative when the load starts again)."""

    def __init__(self, folder: Path, data_dir, files, progress=None):
        super().__init__(name="claimgraph-load", daemon=True)
        self.folder, self.data_dir, self.files, self.progress = Path(folder), data_dir, list(files), progress
        self.store = self.error = self.stream = None

    def run(self):
        try:
            self._load()
        except BaseException as exc:  # handed to the thread that waits in result()
            self.error = _without_frames(exc)

    def stop(self) -> None:
        """Ask the load to end early (the stream stops; Oxigraph then finishes what it has)."""
        if self.stream is not None:
            self.stream.cancel()

    def result(self) -> ox.Store:
        self.join()
        if self.error is not None:
            raise self.error
        return self.store

    def _empty_store(self) -> ox.Store:
        where = self.folder / "oxigraph"
        if where.exists():
            self.store = None
            shutil.rmtree(where)  # inside the build folder, which is marked as claimgraph's
        self.store = ox.Store(str(where))
        return self.store

    def _load(self) -> None:
        nt = [p for p in self.files if p.suffix == ".nt"]
        apart = [p for p in self.files if p.suffix != ".nt"]
        texts = _archived_text_lines(self.data_dir)
        self.stream = Concatenated(nt, self.progress, tail=texts)
        _bulk_load_stream(self._empty_store(), self.stream)
        if self.stream.blank_in is not None:
            store = self._empty_store()
            if self.progress:
                self.progress(-self.stream.reported)  # the files are read again
            with_blanks = [p for p in nt if has_blank_nodes(p)]
            apart += with_blanks
            self.stream = Concatenated([p for p in nt if p not in with_blanks], self.progress, watch=False, tail=texts)
            _bulk_load_stream(store, self.stream)
        store = self.store
        for path in apart:
            load_file(store, path, bulk=True)
            if self.progress:
                self.progress(path.stat().st_size)
        if apart:
            attach_store_texts(store, self.data_dir, bulk=True)
        # Compacting costs 30 s at 1M claims, but without it the 24 batches of the bulk load stay
        # as overlapping level-0 files: look-ups take 190 ms instead of 130 ms cold, and RocksDB
        # stalls writes (an import then took 43 s instead of 6 s). flush() would compact too, and
        # left the store 1.4 GB larger.
        store.optimize()


def _without_frames(exc: BaseException) -> BaseException:
    """``exc`` (and what caused it) without its traceback: its frames hold Oxigraph objects that
    must be dropped in the thread that made them."""
    seen = exc
    while seen is not None:
        seen.__traceback__ = None
        seen = seen.__cause__ or seen.__context__
    return exc


def _bulk_load_stream(store: ox.Store, stream: Concatenated) -> None:
    if not stream.paths:
        return
    read, write = stream.pipe()
    feeder = threading.Thread(target=stream.feed, args=(write,), name="claimgraph-feed", daemon=True)
    feeder.start()
    failure = None
    try:
        store.bulk_load(path=f"/dev/fd/{read}", format=ox.RdfFormat.N_TRIPLES, lenient=True)
    except (SyntaxError, OSError, MemoryError) as exc:
        failure = exc
    finally:
        os.close(read)  # a feeder still writing gets a broken pipe and returns
        feeder.join()
    if stream.error is not None:  # the feeding failed: the load only saw its stream end
        if isinstance(stream.error, (OSError, MemoryError)):
            raise unreadable(Path(stream.error.filename or stream.current), stream.error) from None
        raise stream.error
    if failure is None or stream.blank_in is not None or stream.cancelled:
        return  # cut mid-line where it stopped: the load starts again (or was called off)
    if isinstance(failure, SyntaxError):
        path, line = stream.locate(failure.lineno)
        raise DataError(f"{path}:{line}: malformed RDF: {parse_error_reason(failure)}") from failure
    raise unreadable(Path(getattr(failure, "filename", None) or stream.current or stream.paths[0]), failure) from None


def _archived_text_lines(data_dir):
    """For a stream that noted ``archives``: the N-Triples lines giving each its text."""
    def lines(archives):
        for archive, name in archives:
            text = ox.Literal(read_archived_text(data_dir, name, archive))
            yield f"{archive} {SCHEMA_TEXT} {text} .\n".encode()
    return lines
