"""The N-Triples files of a data folder read as one stream, for one bulk load."""
import io
import mmap
import os
from pathlib import Path

import pyoxigraph as ox

from .files import CG_TEXT_FILE

_TEXT_FILE_NT = f" {CG_TEXT_FILE} ".encode()


class Concatenated(io.RawIOBase):
    """N-Triples files read as one stream, a newline between files, noting on the way the
    archived texts they name (``archives``: subject and file of each ``cg:textFile`` line).
    With ``watch``, the stream ends early at the first "_:" (a blank node, or text that looks
    like one) and names its file in ``blank_in``. :meth:`locate` turns a line of the stream
    back into a file and its line (counted only when a parse error needs it)."""

    def __init__(self, paths, progress=None, watch=True, tail=None):
        self.paths, self.pending, self.progress, self.watch = list(paths), list(paths), progress, watch
        self.handle = self.current = self.blank_in = None
        self.carry, self.archives, self.reported = b"", [], 0
        self.tail, self.tail_lines, self.left = tail, None, b""

    def readable(self):
        return True

    def readinto(self, buffer):
        while True:
            if self.blank_in is not None:
                return 0
            if self.handle is None:
                if not self.pending:
                    return self._read_tail(buffer)
                self.current = self.pending.pop(0)
                self.handle = self.current.open("rb")
                self.carry = b""
            chunk = self.handle.read(len(buffer))
            if chunk:
                self._note(chunk)
                if self.blank_in is not None:
                    return 0
                buffer[:len(chunk)] = chunk
                return len(chunk)
            self.handle.close()
            self.handle = None
            self._note(b"\n")  # a last line without its newline
            if self.progress:
                size = self.current.stat().st_size
                self.progress(size)
                self.reported += size
            buffer[0:1] = b"\n"  # a file without a final newline must not join the next one
            return 1

    def _read_tail(self, buffer) -> int:
        """After the files: the lines ``tail(archives)`` gives (the archived texts)."""
        if self.tail is None:
            return 0
        if self.tail_lines is None:
            self.tail_lines = self.tail(self.archives)
        while not self.left:
            self.left = next(self.tail_lines, b"")
            if not self.left:
                return 0
        n = min(len(buffer), len(self.left))
        buffer[:n], self.left = self.left[:n], self.left[n:]
        return n

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
                lines = sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b"")) + 1
            if line <= before + lines:
                return path, line - before
            before += lines
        return self.paths[-1], line - before


def has_blank_nodes(path: Path) -> bool:
    """Whether an N-Triples file has a blank node (or what looks like one: "_:" in any term)."""
    with path.open("rb") as handle:
        if os.fstat(handle.fileno()).st_size == 0:
            return False
        with mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
            return data.find(b"_:") >= 0
