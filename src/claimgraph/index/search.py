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
from .database import LATE, SEPARATOR, SLOTS, VERSION, connect, meta

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

    def search(self, term: str, exact: bool = False, limit: int | None = None) -> list[str] | None:
        """Claims whose statement, appearances' words or printed figures hold ``term`` (see the
        module), in look-up order, the first ``limit`` if given; None when ``term`` has no words
        to look for."""
        found = self.matches(term, exact)
        if found is None:
            return None
        return list(found) if limit is None else [c for c, _ in zip(found, range(limit))]

    def matches(self, term: str, exact: bool = False):
        """An iterator over the claims :meth:`search` finds, in look-up order, read as they are
        needed (the first of a million matches come at once); None when ``term`` has no words."""
        query = phrase(term)
        if query is None:
            return None
        claims = self._in_order(query)
        if not exact:
            return claims
        wanted = term.strip()
        lower, whole = wanted.lower(), re.compile(r"(?<!\w)" + re.escape(wanted) + r"(?!\w)", re.IGNORECASE)

        def holds(claim):
            return any(lower in t.lower() and whole.search(t)
                       for (texts,) in self.db.execute("SELECT text FROM docs WHERE claim = ?", (claim,))
                       for t in texts.split(f" {SEPARATOR} "))
        return (c for c in claims if holds(c))

    def _in_order(self, query: str):
        """Claims with a text that matches ``query``: texts numbered in look-up order first (by
        their number), the texts of late claims merged in by their claim's order."""
        late = {}
        rows = self.db.execute("SELECT d.claim FROM words JOIN docs d ON d.id = words.rowid - ? "
                               "WHERE words MATCH ? AND words.rowid >= ?", (LATE, query, LATE)).fetchall()
        if rows:
            late = {c: k for c, *k in self._keys({r[0] for r in rows})}
        pending = sorted((tuple(k), c) for c, k in late.items())
        cursor = self.db.execute("SELECT rowid FROM words WHERE words MATCH ? AND rowid < ? ORDER BY rowid",
                                 (query, LATE))
        last = None
        while batch := cursor.fetchmany(512):
            ranks = []
            for (number,) in batch:
                rank = number // SLOTS
                if rank != last:
                    ranks.append(rank)
                    last = rank
            marks = ",".join("?" * len(ranks))
            found = {r[0]: (tuple(r[2:]), r[1]) for r in self.db.execute(
                f"SELECT rank, iri, undated, published, source, start FROM claims WHERE rank IN ({marks})", ranks)}
            for rank in ranks:
                key, claim = found[rank]
                while pending and pending[0] < (key, claim):
                    yield pending.pop(0)[1]
                if claim not in late:
                    yield claim
        yield from (c for _, c in pending)

    def _keys(self, claims) -> list:
        claims = sorted(claims)
        out = []
        for i in range(0, len(claims), 500):
            part = claims[i:i + 500]
            out += self.db.execute(f"SELECT iri, undated, published, source, start FROM claims "
                                   f"WHERE iri IN ({','.join('?' * len(part))})", part).fetchall()
        return out

    # ------------------------------------------------------------------ order

    def order(self, claims) -> list[str]:
        """``claims`` in look-up order: by first appearance (earliest-published source first,
        undated last; then source; then position), then by IRI."""
        claims = set(claims)
        if len(claims) <= 500:
            marks = ",".join("?" * len(claims))
            rows = self.db.execute(f"SELECT iri, undated, published, source, start FROM claims WHERE iri IN ({marks})",
                                   sorted(claims))
            keys = {r[0]: r[1:] for r in rows}
            return sorted(claims, key=lambda c: (keys.get(c, (1, "", "", 0)), c))
        # thousands (a country's claims at a million): sorted by SQLite, which compares text as
        # Python does (UTF-8 bytes, code point order); the dictionary and sort in Python took 45 ms
        self.db.execute("CREATE TEMP TABLE IF NOT EXISTS wanted (iri TEXT PRIMARY KEY) WITHOUT ROWID")
        self.db.execute("DELETE FROM temp.wanted")
        self.db.executemany("INSERT OR IGNORE INTO temp.wanted VALUES (?)", ((c,) for c in claims))
        return [r[0] for r in self.db.execute(
            "SELECT w.iri FROM temp.wanted w LEFT JOIN claims c ON c.iri = w.iri ORDER BY coalesce(c.undated, 1), "
            "coalesce(c.published, ''), coalesce(c.source, ''), coalesce(c.start, 0), w.iri")]

    # ------------------------------------------------------------------ roles

    def claims_of(self, entities, role: str) -> set[str]:
        """Claims attributed to ``entities`` (role "speaker", as lib/claims_by_speaker.rq) or
        from, to or about them as countries (role "place", as lib/claims_by_place.rq)."""
        entities = sorted(set(entities))
        found = set()
        for i in range(0, len(entities), 500):
            part = entities[i:i + 500]
            marks = ",".join("?" * len(part))
            if role == "speaker":
                query = f"SELECT claim FROM roles WHERE role = 'speaker' AND entity IN ({marks})"
            else:
                query = (f"SELECT claim FROM roles WHERE role IN ('from', 'to', 'about') AND entity IN ({marks}) "
                         f"AND entity IN (SELECT entity FROM countries)")
            found.update(r[0] for r in self.db.execute(query, part))
        return found

    def quotations_of(self, speakers) -> list[tuple]:
        """(speaker, claim, words, who) of every quotation attributed to one of ``speakers``,
        with each of its speakers (as lib/quotations_of.rq answers)."""
        speakers = sorted(set(speakers))
        out = []
        for i in range(0, len(speakers), 500):
            part = speakers[i:i + 500]
            out += self.db.execute(
                f"SELECT r.entity, q.claim, q.words, w.entity FROM roles r JOIN quotations q ON q.claim = r.claim "
                f"JOIN roles w ON w.claim = q.claim AND w.role = 'speaker' "
                f"WHERE r.role = 'speaker' AND r.entity IN ({','.join('?' * len(part))})", part).fetchall()
        return out

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
        """(entity, label, person, folded label) of every label (``lib/entity_labels.rq``)."""
        return [(e, label, bool(p), f) for e, label, p, f in self.db.execute("SELECT entity, label, person, folded FROM labels")]
