-- The sidecar index of a store (see claimgraph/index/__init__.py). Every row is what one of the
-- queries in queries/index/ (or lib/order_keys, lib/entity_labels) answers, as plain values:
-- IRIs as text, numbers as numbers. Tables keyed by claim are replaced claim by claim when an
-- import adds to the graph.

CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);

-- Every claim, with what orders look-ups: its first appearance (earliest-published source,
-- undated last, then by source, then by the start of its words), and its rank in that order
-- when the index was built (a claim an import touched since is "late").
CREATE TABLE claims (
    iri TEXT PRIMARY KEY,
    undated INTEGER NOT NULL DEFAULT 1,
    published TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '',
    start INTEGER NOT NULL DEFAULT 0,
    rank INTEGER,
    late INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

-- The searchable texts of each claim: its statement, its appearances' words, its printed
-- figures; one row per claim and data file (seq: its number among the claim's), the texts apart
-- by a token no query can hold. The full-text index numbers a text rank * 64 + seq, so that its
-- matches come in look-up order and the first are found at once; a late claim's texts are
-- numbered from 2^50 on (LATE + id) and merged in by their claim's order.
CREATE TABLE docs (id INTEGER PRIMARY KEY, claim TEXT NOT NULL, seq INTEGER NOT NULL, text TEXT NOT NULL);
CREATE VIRTUAL TABLE words USING fts5 (
    text, content='', columnsize=0,
    tokenize="porter unicode61 remove_diacritics 2 tokenchars '{separator}'"
);

-- Names, alternative labels, ISO codes and titles of entities (lib/entity_labels.rq), with the
-- forms look-ups compare: lower case, folded (accents aside) and, for people, the surname.
CREATE TABLE labels (entity TEXT NOT NULL, label TEXT NOT NULL, lower TEXT NOT NULL,
                     folded TEXT NOT NULL, surname TEXT, person INTEGER NOT NULL);

-- Figures as `check` compares them (index/figures.rq with index/figure_links.rq); qkey is a
-- hash of the quantity (subject, predicate, unit, time, measure, each, places).
CREATE TABLE figures (
    claim TEXT PRIMARY KEY, qkey INTEGER NOT NULL, s TEXT, p TEXT, unit, time, measure, each,
    value, min, max, bound TEXT, whole TEXT, speakers TEXT, from_places TEXT, to_places TEXT
) WITHOUT ROWID;

-- What drift compares: each appearance's words (index/words.rq) and printed bound and value
-- (index/appearance_bounds.rq); each claim's bound and object; each quotation's words.
CREATE TABLE appearance_words (claim TEXT NOT NULL, appearance TEXT NOT NULL, exact TEXT NOT NULL);
CREATE TABLE appearance_bounds (claim TEXT NOT NULL, appearance TEXT NOT NULL, bound TEXT, value);
CREATE TABLE claim_bounds (claim TEXT NOT NULL, bound TEXT, object);
CREATE TABLE quotations (claim TEXT NOT NULL, words);

-- Who made each claim and the places it is from, to or about (index/roles.rq: "speaker", "from",
-- "to", "about"), and the countries (index/countries.rq): look-ups by speaker and place read
-- them here, and an import a speaker's quotations.
CREATE TABLE roles (claim TEXT NOT NULL, role TEXT NOT NULL, entity TEXT NOT NULL);
CREATE TABLE countries (entity TEXT PRIMARY KEY) WITHOUT ROWID;

-- While a build runs: each appearance's order key, and each entity's labels and whether it is
-- a person, gathered from every file before they are folded into claims and labels.
CREATE TABLE order_rows (claim TEXT NOT NULL, undated INTEGER, published TEXT, source TEXT, start INTEGER);
CREATE TABLE label_rows (entity TEXT NOT NULL, label TEXT NOT NULL);
CREATE TABLE people (entity TEXT PRIMARY KEY) WITHOUT ROWID;
