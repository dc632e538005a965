"""The sidecar file: an SQLite database (``index.sqlite``) beside the store, written by
:class:`Writer` (a whole build, or the claims an import touched) and opened for reading by
:func:`connect`.

A build fills plain tables first and makes their indexes and the full-text index (FTS5, Porter
stemming, diacritics removed) once at the end, which is several times faster than keeping them
up to date row by row. ``meta`` records the format version and whether the build finished: an
index that did not is never read.
"""
import hashlib
import sqlite3
from pathlib import Path

from ..model.words import fold
from ..store.persistent import INDEX_VERSION as VERSION
#: Between the texts of one claim in one row of the full-text index: a token no query holds
#: (queries are made of words), so a phrase never runs from one text into the next.
SEPARATOR = "\ue000"
#: Texts of a claim an import touched are numbered from here on in the full-text index (below:
#: rank * SLOTS + seq, in look-up order); a claim with more than SLOTS texts is late too.
LATE, SLOTS = 1 << 50, 64
_HERE = Path(__file__).resolve().parent


def connect(path, readonly: bool = True) -> sqlite3.Connection:
    """A connection to the index at ``path``; sqlite3.Error if it cannot be opened."""
    if readonly:
        return sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True, check_same_thread=False)
    return sqlite3.connect(str(path), check_same_thread=False)


def meta(connection) -> dict:
    try:
        return dict(connection.execute("SELECT key, value FROM meta"))
    except sqlite3.Error:
        return {}


def quantity_key(s, p, unit, time, measure, each, from_places, to_places) -> int:
    """A 64-bit hash of what makes a figure's quantity (checks compare the values themselves:
    a hash shared by two quantities only brings one more group to compare)."""
    text = "\x1f".join(str(x) for x in (s, p, unit, time or "", measure or "", bool(each), from_places, to_places))
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "big",
                          signed=True)


def order_key(published, source, start) -> tuple:
    """(undated, published, source, start) of one appearance, as ``lookup.order`` sorts."""
    published = published or ""
    return (1 if published == "" else 0, str(published), source, start)


def _joined(values) -> str:
    if len(values) == 1:
        return str(values[0])
    return "\x1f".join(sorted({str(v) for v in values}))


class Writer:
    """Writes rows (:class:`~claimgraph.index.rows.Rows`) into the index at ``path``: a new file
    (``create``), or an existing one whose claims are replaced (:meth:`replace`)."""

    def __init__(self, path, create: bool = False):
        self.path = Path(path)
        if create and self.path.exists():
            self.path.unlink()
        self.db = connect(self.path, readonly=False)
        self.db.execute("PRAGMA cache_size = -262144")  # 256 MB
        if create:
            self.db.execute("PRAGMA journal_mode = OFF")  # a build writes a new file: on failure it is thrown away
            self.db.execute("PRAGMA synchronous = OFF")
            self.db.executescript((_HERE / "schema.sql").read_text("utf-8").replace("{separator}", SEPARATOR))
            self.db.execute("INSERT INTO meta VALUES ('version', ?), ('state', 'building')", (VERSION,))
        self.next_doc = (self.db.execute("SELECT COALESCE(MAX(id), 0) FROM docs").fetchone()[0]) + 1
        self.incremental = not create
        self.seq: dict[str, int] = {}  # claim -> texts so far

    # ------------------------------------------------------------------ a whole build

    def add(self, rows) -> None:
        """Add the rows of one file (or a store's answers) to a build."""
        db = self.db
        docs = self._docs(rows)
        db.executemany("INSERT INTO docs (id, claim, seq, text) VALUES (?, ?, ?, ?)", docs)
        if self.incremental:  # an import's: late
            db.executemany("INSERT INTO words (rowid, text) VALUES (?, ?)", ((LATE + d[0], d[3]) for d in docs))
        db.executemany("INSERT INTO order_rows VALUES (?, ?, ?, ?, ?)",
                       ((c, *order_key(published, source, start)) for c, source, published, start in rows.order))
        db.executemany("INSERT INTO label_rows VALUES (?, ?)", rows.labels)
        db.executemany("INSERT OR IGNORE INTO people VALUES (?)", ((e,) for e in rows.people))
        db.executemany("INSERT OR REPLACE INTO figures VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       _figures(rows))
        words, bounds = _may_drift(rows)
        db.executemany("INSERT INTO appearance_words VALUES (?, ?, ?)", words)
        db.executemany("INSERT INTO appearance_bounds VALUES (?, ?, ?, ?)", ((c, a, b, value(v)) for c, a, b, v in bounds))
        db.executemany("INSERT INTO claim_bounds VALUES (?, ?, ?)", ((c, b, value(o)) for c, b, o in rows.claim_bounds))
        db.executemany("INSERT INTO quotations VALUES (?, ?)", rows.quotations)
        db.executemany("INSERT INTO roles VALUES (?, ?, ?)", rows.roles)
        db.executemany("INSERT OR IGNORE INTO countries VALUES (?)", ((e,) for e in rows.countries))

    def _docs(self, rows) -> list:
        texts: dict[str, set] = {}
        for claim, text in rows.statements:
            texts.setdefault(claim, set()).add(str(text))
        for claim, _, exact in rows.words:
            texts.setdefault(claim, set()).add(str(exact))
        for claim, printed in rows.printed:
            texts.setdefault(claim, set()).add(str(printed))
        docs, n, joiner, seq = [], self.next_doc, f" {SEPARATOR} ", self.seq
        for claim, mine in texts.items():
            k = seq.get(claim, 0)
            seq[claim] = k + 1
            docs.append((n, claim, k, joiner.join(sorted(mine)) if len(mine) > 1 else next(iter(mine))))
            n += 1
        self.next_doc = n
        return docs

    def finish(self, facts: dict | None = None, keep: bool = False):
        """Fold the gathered rows into their tables, make the indexes and the full-text index,
        record ``facts`` (key -> value) in meta and close (with ``keep``, return the open
        connection instead)."""
        db = self.db
        self.seq = {}
        db.execute(_RANKED)
        db.execute("UPDATE claims SET late = 1 WHERE iri IN (SELECT claim FROM docs WHERE seq >= ?)", (SLOTS,))
        self._labels(db.execute("SELECT entity, label FROM label_rows").fetchall(),
                     {e for (e,) in db.execute("SELECT entity FROM people")})
        db.executescript("DROP TABLE order_rows; DROP TABLE label_rows; DROP TABLE people;")
        db.executescript((_HERE / "indexes.sql").read_text("utf-8"))
        db.executescript(_NO_DRIFT)
        db.execute(f"INSERT INTO words (rowid, text) SELECT {_TEXT_NUMBER}, d.text FROM docs d "
                   "JOIN claims c ON c.iri = d.claim ORDER BY 1")  # in order: 4 times faster than not
        return self._close(facts, keep)

    def _labels(self, rows, people) -> None:
        out = []
        for entity, label in rows:
            folded = fold(str(label))
            parts = folded.split()
            person = entity in people
            out.append((entity, str(label), str(label).lower(), folded, parts[-1] if person and len(parts) > 1 else None,
                        int(person)))
        self.db.executemany("INSERT INTO labels VALUES (?, ?, ?, ?, ?, ?)", out)

    def _close(self, facts, keep: bool = False):
        items = {"state": "built", **(facts or {})}
        self.db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", items.items())
        self.db.commit()
        if keep:
            return self.db
        self.db.close()
        return None

    # ------------------------------------------------------------------ an import

    def replace(self, rows, claims, entities, facts: dict | None = None) -> None:
        """Replace what the index holds of ``claims`` and ``entities`` with ``rows`` (the store's
        answers for them, after an import), keeping each claim's first appearance."""
        db = self.db
        claims, entities = sorted(claims), sorted(entities)
        db.executescript("""CREATE TEMP TABLE IF NOT EXISTS order_rows (claim TEXT, undated INTEGER, published TEXT,
                                                                       source TEXT, start INTEGER);
                            CREATE TEMP TABLE IF NOT EXISTS label_rows (entity TEXT, label TEXT);
                            CREATE TEMP TABLE IF NOT EXISTS people (entity TEXT PRIMARY KEY);""")
        for i in range(0, len(claims), 500):
            part = [(c,) for c in claims[i:i + 500]]
            db.executemany(f"INSERT INTO words (words, rowid, text) SELECT 'delete', {_TEXT_NUMBER}, d.text FROM docs d "
                           "JOIN claims c ON c.iri = d.claim WHERE d.claim = ?", part)
            for table in ("docs", "figures", "appearance_words", "appearance_bounds", "claim_bounds", "quotations", "roles"):
                db.executemany(f"DELETE FROM {table} WHERE claim = ?", part)  # a name of ours, never user text
            db.executemany("DELETE FROM claims WHERE iri = ?", part)
        for i in range(0, len(entities), 500):
            part = [(e,) for e in entities[i:i + 500]]
            db.executemany("DELETE FROM labels WHERE entity = ?", part)
            db.executemany("DELETE FROM countries WHERE entity = ?", part)
            db.executemany("DELETE FROM roles WHERE claim = ?", part)
        labels = rows.labels
        rows.labels = set()
        self.add(rows)
        db.execute(_FIRST_APPEARANCES)
        db.executemany("INSERT OR IGNORE INTO claims (iri) SELECT DISTINCT claim FROM docs WHERE claim = ?",
                       [(c,) for c in claims])
        db.executemany("UPDATE claims SET late = 1, rank = NULL WHERE iri = ?", [(c,) for c in claims])
        for statement in _NO_DRIFT.split(";"):
            if statement.strip():
                db.executemany(statement + " AND claim = ?", [(c,) for c in claims])
        self._labels(sorted(labels), rows.people)
        db.executescript("DROP TABLE temp.order_rows; DROP TABLE temp.label_rows; DROP TABLE temp.people;")
        self._close(facts)

    def abandon(self) -> None:
        self.db.close()


#: The number of a text in the full-text index (d: docs, c: claims; see schema.sql).
_TEXT_NUMBER = f"CASE WHEN c.late THEN {LATE} + d.id ELSE c.rank * {SLOTS} + d.seq END"
#: Every claim with its first appearance and its rank in look-up order: from the order rows
#: gathered (the least key, as lookup orders), or, for a claim known only by its texts, undated.
_RANKED = """
    INSERT INTO claims (iri, undated, published, source, start, rank)
    SELECT claim, undated, published, source, start,
           ROW_NUMBER() OVER (ORDER BY undated, published, source, start, claim) FROM (
        SELECT claim, undated, published, source, start,
               MIN(printf('%d%d%s%s%020d', known, undated, published, source, start)) FROM (
            SELECT claim, 0 AS known, undated, published, source, start FROM order_rows
            UNION ALL SELECT claim, 1, 1, '', '', 0 FROM docs)
        GROUP BY claim)"""
#: Each claim's first appearance from the order rows gathered (the least key, as lookup orders).
_FIRST_APPEARANCES = """
    INSERT INTO claims (iri, undated, published, source, start)
    SELECT claim, undated, published, source, start FROM (
        SELECT *, ROW_NUMBER() OVER (PARTITION BY claim ORDER BY undated, published, source, start) AS n FROM order_rows)
    WHERE n = 1
    ON CONFLICT (iri) DO UPDATE SET undated = excluded.undated, published = excluded.published,
        source = excluded.source, start = excluded.start"""


#: Appearances whose words or printed bound cannot drift from their claim's: not kept (drift reads
#: only what may; index/quantities.py).
_NO_DRIFT = """
DELETE FROM appearance_words WHERE NOT EXISTS (
    SELECT 1 FROM quotations q WHERE q.claim = appearance_words.claim AND q.words IS NOT appearance_words.exact);
DELETE FROM appearance_bounds WHERE NOT EXISTS (
    SELECT 1 FROM claim_bounds cb WHERE cb.claim = appearance_bounds.claim
    AND (cb.bound IS NOT appearance_bounds.bound OR appearance_bounds.value IS NOT NULL));
"""


def _may_drift(rows) -> tuple[list, list]:
    """The words and printed bounds of ``rows`` that may drift from their claim's: those of claims
    these rows describe are compared here already (every row of a claim is in one file's rows,
    or the store's); the rest wait for the end of the build."""
    quoted: dict = {}
    for claim, words in rows.quotations:
        quoted.setdefault(claim, set()).add(words)
    described = {c for c, _ in rows.statements} | {c for c, _, _ in rows.claim_bounds} | set(quoted)
    words = [(c, a, w) for c, a, w in rows.words if c not in described or any(q != w for q in quoted.get(c, ()))]
    said: dict = {}
    for claim, bound, _ in rows.claim_bounds:
        said.setdefault(claim, set()).add(bound)
    bounds = [(c, a, b, v) for c, a, b, v in rows.bounds
              if c not in described or (c in said and (v is not None or any(s != b for s in said[c])))]
    return words, bounds


def value(v):
    """A value as SQLite keeps it: whole numbers past 64 bits as their digits (bytes)."""
    if isinstance(v, int) and not isinstance(v, bool) and not -2**63 <= v < 2**63:
        return str(v).encode()
    return v


def unvalue(v):
    """A value read back as :func:`value` stored it."""
    return int(v) if isinstance(v, bytes) else v


def _figures(rows) -> list:
    """One row per figure claim (the first of its rows in a stable order, as a claim with two
    bounds is invalid and SHACL reports it), with its speakers and places joined."""
    links: dict[str, dict] = {}
    for claim, role, node in rows.roles:
        if role != "about":
            links.setdefault(claim, {}).setdefault(role, []).append(node)
    chosen: dict = {}
    for row in rows.figures:
        held = chosen.get(row[0])
        if held is None or repr(row) < repr(held):
            chosen[row[0]] = row
    out = []
    none: dict = {}
    for claim, row in chosen.items():
        _, s, p, unit, time, measure, each, number, minimum, maximum, bound, whole = row
        mine = links.get(claim, none)
        speakers, places_from, places_to = (_joined(mine.get(r, ())) for r in ("speaker", "from", "to"))
        out.append((claim, quantity_key(s, p, unit, time, measure, each, places_from, places_to), s, p, unit, time,
                    measure, each, value(number), value(minimum), value(maximum), bound, whole, speakers, places_from,
                    places_to))
    return out
