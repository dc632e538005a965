"""Reading the sidecar index: claims by words, entities by name, claims in look-up order.

Words are matched as SQLite's FTS5 matches them: case and diacritics aside, each word by its
English (Porter) stem, a phrase as consecutive words, a word ending in ``*`` as a prefix of
stems ("mobilis*" finds mobilised and mobilisation). With ``exact``, the claims so found are
kept only if a text holds the term as written, as whole words, case aside: what a scan of the
texts finds (``lookup._by_text``), which the index's candidates always include. A term is always
read as one phrase; what a user types never reaches the index as query syntax (only its words
do, each quoted).
"""
import re
import sqlite3
import unicodedata

from ..model.words import fold
from .database import SEPARATOR, VERSION, connect, meta

_WORD = re.compile(r"\w+")


def phrase(term: str) -> str | None:
    """The FTS5 query for ``term``: its words as one phrase, a prefix if it ends with ``*``;
    None when it has no words (punctuation only)."""
    text = unicodedata.normalize("NFC", term.strip())
    words = _WORD.findall(text)
    if not words:
        return None
    return '"' + " ".join(words) + '"' + (" *" if text.endswith("*") else "")


class Index:
    """A built sidecar index, read-only (``path``: its file)."""

    def __init__(self, path, connection: sqlite3.Connection | None = None):
        self.path = path
        self.db = connection if connection is not None else connect(path)

    @classmethod
    def open(cls, path, expect: dict | None = None) -> "Index | None":
        """The index at ``path`` if it exists, finished building, is of this version and its
        meta holds ``expect`` (key -> value); else None."""
        try:
            db = connect(path)
        except sqlite3.Error:
            return None
        found = meta(db)
        wanted = {"version": VERSION, "state": "built", **(expect or {})}
        if any(found.get(k) != v for k, v in wanted.items()):
            db.close()
            return None
        return cls(path, db)

    def close(self) -> None:
        self.db.close()

    def meta(self) -> dict:
        return meta(self.db)

    # ------------------------------------------------------------------ words

    def search(self, term: str, exact: bool = False) -> list[str] | None:
        """Claims whose statement, appearances' words or printed figures hold ``term`` (see the
        module), in look-up order; None when ``term`` has no words to look for."""
        query = phrase(term)
        if query is None:
            return None
        if not exact:
            return [r[0] for r in self.db.execute(_SEARCH, (query,))]
        wanted = term.strip()
        lower, whole = wanted.lower(), re.compile(r"(?<!\w)" + re.escape(wanted) + r"(?!\w)", re.IGNORECASE)
        found = []
        for claim, texts in self.db.execute(_SEARCH_TEXTS, (query,)):
            if (not found or found[-1] != claim) and any(lower in t.lower() and whole.search(t)
                                                         for t in texts.split(f" {SEPARATOR} ")):
                found.append(claim)
        return found

    # ------------------------------------------------------------------ order

    def order(self, claims) -> list[str]:
        """``claims`` in look-up order: by first appearance (earliest-published source first,
        undated last; then source; then position), then by IRI."""
        claims = sorted(set(claims))
        keys = {}
        for i in range(0, len(claims), 500):
            part = claims[i:i + 500]
            marks = ",".join("?" * len(part))
            keys.update((r[0], r[1:]) for r in self.db.execute(
                f"SELECT iri, undated, published, source, start FROM claims WHERE iri IN ({marks})", part))
        return sorted(claims, key=lambda c: (keys.get(c, (1, "", "", 0)), c))

    # ------------------------------------------------------------------ names

    def entities(self, name: str) -> set[str]:
        """Entities one of whose labels is ``name`` case aside, else accents aside too, else a
        person's surname when only one person has it."""
        found = {r[0] for r in self.db.execute("SELECT DISTINCT entity FROM labels WHERE lower = ?", (name.lower(),))}
        if found:
            return found
        wanted = fold(name)
        found = {r[0] for r in self.db.execute("SELECT DISTINCT entity FROM labels WHERE folded = ?", (wanted,))}
        if found or " " in wanted:
            return found
        people = {r[0] for r in self.db.execute("SELECT DISTINCT entity FROM labels WHERE surname = ?", (wanted,))}
        return people if len(people) == 1 else set()

    def labels(self) -> list[tuple]:
        """(entity, label, person) of every label, as ``lib/entity_labels.rq`` answers."""
        return [(e, label, bool(p)) for e, label, p in self.db.execute("SELECT entity, label, person FROM labels")]


_SEARCH_TEXTS = """
SELECT c.iri, d.text FROM words JOIN docs d ON d.id = words.rowid JOIN claims c ON c.iri = d.claim
WHERE words MATCH ?
ORDER BY c.undated, c.published, c.source, c.start, c.iri"""
_SEARCH = """
SELECT c.iri FROM claims c
JOIN (SELECT DISTINCT d.claim FROM words JOIN docs d ON d.id = words.rowid WHERE words MATCH ?) m ON m.claim = c.iri
ORDER BY c.undated, c.published, c.source, c.start, c.iri"""
