"""The N-Triples files of a data folder fed as one stream into a pipe, for one bulk load that
Oxigraph reads without holding Python's GIL (so the sidecar index is read at the same time)."""
import errno
import fcntl
import mmap
import os
from pathlib import Path

import pyoxigraph as ox

from .files import CG_TEXT_FILE

_TEXT_FILE_NT = f" {CG_TEXT_FILE} ".encode()
_CHUNK = 1 << 20
_F_SETPIPE_SZ = 1031  # Linux: the pipe's buffer (one chunk, so the loader never waits on a small one)


class Concatenated:
    """N-Triples files written one after another into a pipe (:meth:`feed`), a newline between
    files, noting on the way the archived texts they name (``archives``: subject and file of
    each ``cg:textFile`` line) and then writing ``tail(archives)``'s lines. With ``watch``, it
    ends early at the first "_:" (a blank node, or text that looks like one) and names its file
    in ``blank_in``. :meth:`locate` turns a line of the stream back into a file and its line
    (counted only when a parse error needs it)."""

    def __init__(self, paths, progress=None, watch=True, tail=None):
        self.paths, self.progress, self.watch, self.tail = list(paths), progress, watch, tail
        self.current = self.blank_in = None
        self.carry, self.archives, self.reported = b"", [], 0
        self.cancelled = False
        self.error = None  # what stopped the feeding (an archived text that cannot be read), raised by the loader

    def pipe(self) -> tuple[int, int]:
        """(read end, write end) of a new pipe with a buffer of one chunk where the system allows."""
        read, write = os.pipe()
        try:
            fcntl.fcntl(write, _F_SETPIPE_SZ, _CHUNK)
        except OSError:
            pass
        return read, write

    def feed(self, fd: int) -> None:
        """Write the stream into ``fd`` (closed at the end); stops quietly when the reader has
        gone (it failed, and says why) or :meth:`cancel` was called, and keeps in ``error``
        what else stopped it (an archived text that cannot be read)."""
        try:
            for path in self.paths:
                self.current = path
                self.carry = b""
                with path.open("rb") as handle:
                    while chunk := handle.read(_CHUNK):
                        self._note(chunk)
                        if self.blank_in is not None or self.cancelled:
                            return
                        _write_all(fd, chunk)
                self._note(b"\n")  # a last line without its newline
                _write_all(fd, b"\n")  # a file without a final newline must not join the next one
                if self.progress:
                    size = path.stat().st_size
                    self.progress(size)
                    self.reported += size
            if self.tail is not None:
                for line in self.tail(self.archives):
                    if self.cancelled:
                        return
                    _write_all(fd, line)
        except BrokenPipeError:
            pass
        except Exception as exc:  # handed to the thread that loads
            self.error = exc
        finally:
            os.close(fd)

    def cancel(self) -> None:
        self.cancelled = True

    def _note(self, chunk: bytes) -> None:
        """Look at the whole lines that ``chunk`` completes: blank nodes, archived texts."""
        end = chunk.rfind(b"\n")
        if end < 0:
            self.carry += chunk
            return
        lines, self.carry = self.carry + chunk[:end + 1], chunk[end + 1:]
        if self.watch and b"_:" in lines:
            self.blank_in = self.current
        at = lines.find(_TEXT_FILE_NT)
        while at >= 0:
            line = lines[lines.rfind(b"\n", 0, at) + 1:lines.find(b"\n", at)]
            try:
                for t in ox.parse(line, format=ox.RdfFormat.N_TRIPLES):
                    if t.predicate == CG_TEXT_FILE:  # not the same words inside a literal
                        self.archives.append((t.subject, t.object.value))
            except SyntaxError:
                pass  # the bulk load reports the line, with its file and number
            at = lines.find(_TEXT_FILE_NT, at + 1)

    def locate(self, line: int):
        """(file, line in it) for a line of the whole stream."""
        before = 0
        for path in self.paths:
            with path.open("rb") as handle:
                lines = sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(_CHUNK), b"")) + 1
            if line <= before + lines:
                return path, line - before
            before += lines
        return self.paths[-1], line - before


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        try:
            view = view[os.write(fd, view):]
        except InterruptedError:
            continue
        except OSError as exc:
            if exc.errno == errno.EPIPE:
                raise BrokenPipeError from None
            raise


def has_blank_nodes(path: Path) -> bool:
    """Whether an N-Triples file has a blank node (or what looks like one: "_:" in any term)."""
    with path.open("rb") as handle:
        if os.fstat(handle.fileno()).st_size == 0:
            return False
        with mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
            return data.find(b"_:") >= 0
