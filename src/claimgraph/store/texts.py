"""Archived texts: the plain text of each source, named by ``cg:textFile`` in the data.

A text is read only from inside its folder (the data folder, or the folder of a claim sheet), as
a regular file of at most :data:`MAX_TEXT_BYTES`, decoded as UTF-8. Anything else — an absolute
path, ``..``, a symbolic link that leads out, a FIFO, a device, a folder, an RDF file of the data
— is refused with one line naming the file, what is wrong and what to write instead.
"""
import os
import stat
from pathlib import Path

from ..errors import DataError

#: The largest archived text read (bytes). Texts are news articles: a few hundred kB at most.
MAX_TEXT_BYTES = 16 * 1024 * 1024
_RDF_SUFFIXES = (".ttl", ".nt")


def safe_text_path(folder, name, archive=None) -> Path:
    """The path of the archived text ``name`` (a file name relative to ``folder``), checked to
    lie inside ``folder`` once symbolic links are followed. Raises DataError (one line) for an
    absolute name, a name leading out of ``folder``, or a name of an RDF file. Whether it is a
    regular file of a sane size is checked when it is read (:func:`read_archived_text`)."""
    folder = Path(folder)
    name = str(getattr(name, "value", name))
    of = f" (archived text of {_label(archive)})" if archive is not None else ""
    base = Path(name).name or "source.txt"
    if not name or "\0" in name:
        raise DataError(f"{folder}: an archived text{of} has an empty or invalid file name; "
                        f"write the name of a .txt file in {folder}")
    if os.path.isabs(name):
        raise DataError(f"{name}{of}: an archived text must be a file inside {folder}, not an absolute path; "
                        f"copy it there and write its name, e.g. \"{base}\"")
    path = folder / name
    try:
        inside = path.resolve().is_relative_to(folder.resolve())
    except (OSError, RuntimeError) as exc:  # a symlink loop
        raise DataError(f"{path}{of}: cannot resolve the archived text: {exc}") from exc
    if not inside:
        how = "leads out of" if ".." in Path(name).parts else "is a link to a file outside"
        raise DataError(f"{path}{of}: the archived text {how} {folder}; copy the text into {folder} "
                        f"and write its name, e.g. \"{base}\"")
    if path.suffix.lower() in _RDF_SUFFIXES:
        raise DataError(f"{path}{of}: an archived text cannot be an RDF data file; "
                        f"name it with .txt, e.g. \"{Path(base).stem}.txt\"")
    return path


def read_archived_text(folder, name, archive=None) -> str:
    """The text of the archived text ``name`` in ``folder`` (see :func:`safe_text_path`): a
    regular file of at most :data:`MAX_TEXT_BYTES`, decoded as UTF-8. Raises DataError naming
    the file (and ``archive``, the IRI it belongs to) and, for bad UTF-8, the byte offset."""
    path = safe_text_path(folder, name, archive)
    return decode_text(path, read_text_bytes(path, archive), archive)


def read_text_bytes(path: Path, archive=None) -> bytes:
    """The bytes of the regular file ``path`` (at most :data:`MAX_TEXT_BYTES`); opened without
    blocking, so a FIFO is refused rather than waited on."""
    of = f" (archived text of {_label(archive)})" if archive is not None else ""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as exc:
        raise DataError(f"{path}{of}: the archived text cannot be read: {exc.strerror}") from exc
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode):
        os.close(fd)
        kind = "a folder" if stat.S_ISDIR(st.st_mode) else "a FIFO" if stat.S_ISFIFO(st.st_mode) \
            else "a device" if stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode) else "not a regular file"
        raise DataError(f"{path}{of}: the archived text is {kind}; write the name of a plain .txt file")
    with os.fdopen(fd, "rb") as handle:
        if st.st_size > MAX_TEXT_BYTES:
            raise DataError(f"{path}{of}: the archived text is {st.st_size:,} bytes, over the "
                            f"{MAX_TEXT_BYTES // (1024 * 1024)} MB limit; archive the article's text only")
        try:
            data = handle.read(MAX_TEXT_BYTES + 1)
        except OSError as exc:
            raise DataError(f"{path}{of}: the archived text cannot be read: {exc.strerror}") from exc
    if len(data) > MAX_TEXT_BYTES:
        raise DataError(f"{path}{of}: the archived text grew past the {MAX_TEXT_BYTES // (1024 * 1024)} MB limit")
    return data


def decode_text(path: Path, data: bytes, archive=None) -> str:
    """``data`` (read from ``path``) as UTF-8; DataError naming the file and the byte offset."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        of = f" (archived text of {_label(archive)})" if archive is not None else ""
        raise DataError(f"{path}{of}: not UTF-8: byte 0x{data[exc.start]:02X} at offset {exc.start}; "
                        f"save the text as UTF-8") from None


def _label(archive) -> str:
    return str(getattr(archive, "value", archive))
