"""Archived texts: the plain text of each source, named by ``cg:textFile`` in the data."""
from pathlib import Path

from ..errors import DataError


def read_archived_text(path: Path, archive) -> str:
    """The archived text at ``path``; DataError naming the file and ``archive`` (an IRI) if unreadable."""
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataError(f"{path}: archived text of {getattr(archive, 'value', archive)} cannot be read: {exc.strerror}") from exc
