"""Stores behind one small interface: embedded (in memory), persistent (on disk) and remote.

All three answer SPARQL 1.1 SELECT/ASK/CONSTRUCT through :meth:`Store.query`. Values from users
never enter query text as text: :func:`bind_values` adds them as an inline ``VALUES`` block of
terms serialised by Oxigraph (N-Triples escaping), at the top of the outer ``WHERE`` group, so
filters in that group see them bound, as pre-bound variables; nested groups (UNION branches,
OPTIONAL) are joined with them, so queries shipped here use bound variables in triple patterns
there and keep filters on them in the outer group.

``open_store`` picks one:

- ``endpoint`` given: a remote SPARQL 1.1 endpoint (any triplestore), spoken to with the SPARQL
  1.1 Protocol; it must expose the union of its graphs as the default graph (Oxigraph
  ``--union-default-graph``, Fuseki ``unionDefaultGraph``), because ``push`` writes one named graph
  per data file;
- else the persistent pyoxigraph store that ``claimgraph load`` built for the data folder, if it
  exists (rebuilt when the data files changed);
- else the data folder read into memory (Oxigraph, no set-up).
"""
import hashlib
import io
import json
import mmap
import os
import re
from pathlib import Path

import pyoxigraph as ox

from .errors import DataError, QueryError
from .namespaces import CG_IRI, GRAPH_IRI, SCHEMA_IRI, XSD_IRI
from .resources import default_data_dir, ontology_file

CG_TEXT_FILE = ox.NamedNode(CG_IRI + "textFile")
SCHEMA_TEXT = ox.NamedNode(SCHEMA_IRI + "text")
FORMATS = {".ttl": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES}
_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)


# ---------------------------------------------------------------------------- terms

def term(value):
    """An Oxigraph term for a Python value: str -> plain literal, bool/int/float -> typed literal;
    Oxigraph terms pass through. Use :func:`iri` for IRIs."""
    if isinstance(value, (ox.NamedNode, ox.Literal, ox.BlankNode)):
        return value
    if isinstance(value, bool):
        return ox.Literal("true" if value else "false", datatype=ox.NamedNode(XSD_IRI + "boolean"))
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=ox.NamedNode(XSD_IRI + "integer"))
    if isinstance(value, float):
        return ox.Literal(repr(value), datatype=ox.NamedNode(XSD_IRI + "double"))
    return ox.Literal(str(value))


def iri(value) -> ox.NamedNode:
    return ox.NamedNode(str(value))


def py(node):
    """A plain Python value for a term: IRI -> str, numeric literal -> int/float, other literal -> str."""
    if node is None:
        return None
    if isinstance(node, ox.Literal):
        dt = node.datatype.value if node.datatype is not None else ""
        try:
            if dt in (XSD_IRI + "integer", XSD_IRI + "int", XSD_IRI + "long", XSD_IRI + "nonNegativeInteger"):
                return int(node.value)
            if dt in (XSD_IRI + "decimal", XSD_IRI + "double", XSD_IRI + "float"):
                number = float(node.value)
                return int(number) if number.is_integer() and dt == XSD_IRI + "decimal" else number
            if dt == XSD_IRI + "boolean":
                return node.value == "true"
        except ValueError:
            return node.value
        return node.value
    return node.value


def to_rdflib(node):
    """The rdflib term for an Oxigraph term (for the few places that hand data to rdflib)."""
    from rdflib import BNode, Literal, URIRef

    if isinstance(node, ox.NamedNode):
        return URIRef(node.value)
    if isinstance(node, ox.BlankNode):
        return BNode(node.value)
    if node.language:
        return Literal(node.value, lang=node.language)
    if node.datatype is None or node.datatype.value == XSD_IRI + "string":
        return Literal(node.value)  # as rdflib parses a plain string, so the two compare equal
    return Literal(node.value, datatype=URIRef(node.datatype.value))


def bind_values(query: str, bindings: dict | list[dict] | None) -> str:
    """``query`` with ``bindings`` (variable name -> term, or a list of such rows) added as a
    VALUES block of escaped terms at the top of its outer WHERE group."""
    if not bindings:
        return query
    rows = bindings if isinstance(bindings, list) else [bindings]
    names = sorted({name for row in rows for name in row})
    for name in names:
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise QueryError(f"{name!r} is not a SPARQL variable name")
    body = " ".join(
        "(" + " ".join(str(term(row[n])) if n in row else "UNDEF" for n in names) + ")" for row in rows
    )
    block = f"VALUES ({' '.join('?' + n for n in names)}) {{ {body} }}"
    match = _WHERE.search(_strip_comments(query))
    if match is None:
        raise QueryError("a query with bound values needs a WHERE { … } clause")
    return query[: match.end()] + "\n  " + block + "\n" + query[match.end():]


def _strip_comments(query: str) -> str:
    """The query with # comments (outside IRIs and strings) blanked, same length, for searching."""
    out, i, n = list(query), 0, len(query)
    in_str = in_iri = None
    while i < n:
        c = query[i]
        if in_str:
            if c == "\\":
                i += 1
            elif c == in_str:
                in_str = None
        elif in_iri:
            if c == ">":
                in_iri = None
        elif c in "\"'":
            in_str = c
        elif c == "<" and i + 1 < n and not query[i + 1].isspace() and query[i + 1] not in "=":
            in_iri = True
        elif c == "#":
            while i < n and query[i] != "\n":
                out[i] = " "
                i += 1
            continue
        i += 1
    return "".join(out)


# ---------------------------------------------------------------------------- results

class Result:
    """A query's answer: ``kind`` is "select" (``variables``, ``rows`` of terms), "ask"
    (``boolean``) or "graph" (``triples``)."""

    def __init__(self, kind, variables=(), rows=(), boolean=None, triples=()):
        self.kind, self.variables, self.rows = kind, list(variables), list(rows)
        self.boolean, self.triples = boolean, list(triples)

    def dicts(self) -> list[dict]:
        """Rows as dicts of plain Python values (unbound -> None)."""
        return [{v: py(r.get(v)) for v in self.variables} for r in self.rows]


def _from_oxigraph(answer) -> Result:
    if isinstance(answer, ox.QuerySolutions):
        variables = [v.value for v in answer.variables]
        rows = [{v: s[v] for v in variables if s[v] is not None} for s in answer]
        return Result("select", variables, rows)
    if isinstance(answer, ox.QueryBoolean):
        return Result("ask", boolean=bool(answer))
    return Result("graph", triples=list(answer))


# ---------------------------------------------------------------------------- stores

class Store:
    """A SPARQL store. ``query`` takes a query and optional bindings (name -> term or value)."""

    description = "store"

    def query(self, query: str, bindings=None) -> Result:
        raise NotImplementedError

    def select(self, query: str, bindings=None) -> list[dict]:
        return self.query(query, bindings).dicts()

    def rows_each(self, query: str, rows: list[dict], batch: int = 500) -> list[dict]:
        """The result rows (terms) of ``query`` for each of ``rows`` of bindings, sent ``batch``
        rows at a time: for queries that answer each bound row on its own (no aggregate, ORDER BY
        or LIMIT across rows). Oxigraph plans a VALUES block of more than about 1,000 rows as a
        scan: at 1M claims, 1,000 claims were checked in 0.06 s, 2,000 in 34 s."""
        return [r for result in self._batches(query, rows, batch) for r in result.rows]

    def select_each(self, query: str, rows: list[dict], batch: int = 500) -> list[dict]:
        """:meth:`rows_each` as dicts of plain Python values (unbound: None)."""
        return [r for result in self._batches(query, rows, batch) for r in result.dicts()]

    def _batches(self, query: str, rows: list[dict], batch: int):
        for i in range(0, len(rows), batch):
            yield self.query(query, rows[i:i + batch])

    def close(self):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class OxigraphStore(Store):
    """An embedded pyoxigraph store, in memory or on disk."""

    def __init__(self, store: ox.Store, description: str):
        self.store, self.description = store, description

    def query(self, query, bindings=None):
        text = bind_values(query, bindings)
        try:
            return _from_oxigraph(self.store.query(text, use_default_graph_as_union=True))
        except SyntaxError as exc:
            raise QueryError(f"SPARQL syntax error: {exc}") from exc
        except (OSError, RuntimeError, ValueError) as exc:
            raise QueryError(f"query failed: {exc}") from exc


def data_files(data_dir) -> list[Path]:
    """The RDF files (Turtle, N-Triples) of a data folder, sorted by name."""
    folder = Path(data_dir)
    if not folder.is_dir():
        raise DataError(f"{folder}: not a folder")
    return sorted(p for p in folder.iterdir() if p.suffix in FORMATS and p.is_file())


def graph_files(data_dir) -> list[Path]:
    """What a store holds: the claimgraph vocabulary (SKOS labels of bounds and hedges) and
    every data file of ``data_dir``."""
    return [ontology_file("claimgraph.ttl")] + data_files(data_dir)


def graph_name(path: Path) -> ox.NamedNode:
    """The named graph a data file is loaded into (one per file, so a source can be replaced)."""
    return ox.NamedNode(GRAPH_IRI + path.stem)


def load_file(store: ox.Store, path: Path, bulk: bool = False) -> None:
    """Parse one data file into the default graph of ``store`` (in Rust: no Python object per
    triple). Local stores keep no graph per file: Oxigraph then writes three indexes instead of
    nine and loads a third faster; ``push`` still sends a named graph per file."""
    try:
        if bulk:  # lenient: no IRI re-validation (14% faster); `claimgraph validate` checks the data
            store.bulk_load(path=str(path), format=FORMATS[path.suffix], lenient=True)
        else:
            store.load(path=str(path), format=FORMATS[path.suffix])
    except SyntaxError as exc:
        raise DataError(f"{path}:{exc.lineno}: malformed RDF: {parse_error_reason(exc)}") from exc


def parse_error_reason(exc: SyntaxError) -> str:
    """Oxigraph's parse message without its position (the caller gives file and line)."""
    return re.sub(r"^Parser error (?:at|between) line \d+ column \d+(?: and line \d+ column \d+)?: ", "", exc.msg)


def attach_store_texts(store: ox.Store, data_dir, bulk: bool = False) -> None:
    """Add ``schema:text`` to every archived text of ``store`` that lacks it, from its file."""
    quads = [ox.Quad(row["archive"], SCHEMA_TEXT, ox.Literal(read_archived_text(Path(data_dir) / row["file"].value, row["archive"])),
                     ox.DefaultGraph()) for row in store.query(_MISSING_TEXTS)]
    (store.bulk_extend if bulk else store.extend)(quads)


_MISSING_TEXTS = (f"SELECT ?archive ?file WHERE {{ ?archive <{CG_IRI}textFile> ?file "
                  f"FILTER NOT EXISTS {{ ?archive <{SCHEMA_IRI}text> ?text }} }}")


def load_data(store: ox.Store, data_dir) -> None:
    """Load the vocabulary and every data file of ``data_dir`` into ``store``."""
    for path in graph_files(data_dir):
        load_file(store, path)
    attach_store_texts(store, data_dir)


def fingerprint(data_dir) -> str:
    """Changes whenever a data file or archived text of ``data_dir`` changes."""
    h = hashlib.sha256()
    for path in sorted(Path(data_dir).iterdir()):
        if path.is_file():
            st = path.stat()
            h.update(f"{path.name}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


def cache_dir(data_dir) -> Path:
    """Where the persistent store of ``data_dir`` lives (``$CLAIMGRAPH_CACHE`` or the XDG cache)."""
    root = os.environ.get("CLAIMGRAPH_CACHE") or Path(
        os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "claimgraph"
    key = hashlib.sha256(str(Path(data_dir).resolve()).encode()).hexdigest()[:16]
    return Path(root) / key


def build_persistent(data_dir, location=None, progress=None) -> Path:
    """(Re)build the on-disk store of ``data_dir`` at ``location`` (default: its cache folder);
    ``progress`` is called with the bytes of each data file loaded."""
    import shutil

    location = Path(location) if location else cache_dir(data_dir)
    tmp = location.with_name(location.name + ".building")
    files = graph_files(data_dir)
    nt = [p for p in files if p.suffix == ".nt"]
    apart = [p for p in files if p.suffix != ".nt"]
    store = _fresh_store(tmp)
    # One bulk load over all N-Triples files, into the empty store (RocksDB then places its
    # files without compaction): 142 s -> 100 s at 1M claims against a load per file. Blank
    # node labels are scoped to their file, so a file with one must be loaded on its own: the
    # stream watches for "_:" as it goes (no second read of the data) and, if it sees one,
    # the build starts again with the files that have them set apart.
    texts = _archived_text_lines(data_dir)
    stream = _Concatenated(nt, progress, tail=texts)
    _bulk_load_stream(store, stream)
    if stream.blank_in is not None:
        del store
        store = _fresh_store(tmp)
        if progress:
            progress(-stream.reported)  # the files are read again
        with_blanks = [p for p in nt if _has_blank_nodes(p)]
        apart += with_blanks
        _bulk_load_stream(store, _Concatenated([p for p in nt if p not in with_blanks], progress, watch=False, tail=texts))
    for path in apart:
        load_file(store, path, bulk=True)
        if progress:
            progress(path.stat().st_size)
    if apart:
        attach_store_texts(store, data_dir, bulk=True)
    # Compacting costs 30 s at 1M claims, but without it the 24 batches of the bulk load stay
    # as overlapping level-0 files: look-ups take 190 ms instead of 130 ms cold, and RocksDB
    # stalls writes (an import then took 43 s instead of 6 s). flush() would compact too, and
    # left the store 1.4 GB larger.
    store.optimize()
    del store
    _write_meta(tmp, data_dir)
    shutil.rmtree(location, ignore_errors=True)
    os.replace(tmp, location)
    return location


def _archived_text_lines(data_dir):
    """For a stream that noted ``archives``: the N-Triples lines giving each its text."""
    def lines(archives):
        for archive, name in archives:
            text = ox.Literal(read_archived_text(Path(data_dir) / name, archive))
            yield f"{archive} {SCHEMA_TEXT} {text} .\n".encode()
    return lines


def _fresh_store(tmp: Path) -> ox.Store:
    import shutil

    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    return ox.Store(str(tmp / "oxigraph"))


def _bulk_load_stream(store: ox.Store, stream: "_Concatenated") -> None:
    if not stream.paths:
        return
    try:
        store.bulk_load(input=io.BufferedReader(stream, 1 << 20), format=ox.RdfFormat.N_TRIPLES, lenient=True)
    except SyntaxError as exc:
        if stream.blank_in is not None:
            return  # cut mid-line where it stopped; the build starts again
        path, line = stream.locate(exc.lineno)
        raise DataError(f"{path}:{line}: malformed RDF: {parse_error_reason(exc)}") from exc


def _has_blank_nodes(path: Path) -> bool:
    """Whether an N-Triples file has a blank node (or what looks like one: "_:" in any term)."""
    with path.open("rb") as handle:
        if os.fstat(handle.fileno()).st_size == 0:
            return False
        with mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
            return data.find(b"_:") >= 0


def read_archived_text(path: Path, archive) -> str:
    """The archived text at ``path``; DataError naming the file and ``archive`` (an IRI) if unreadable."""
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataError(f"{path}: archived text of {getattr(archive, 'value', archive)} cannot be read: {exc.strerror}") from exc


_TEXT_FILE_NT = f" {CG_TEXT_FILE} ".encode()


class _Concatenated(io.RawIOBase):
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


def _write_meta(location: Path, data_dir) -> None:
    (location / "claimgraph.json").write_text(json.dumps(
        {"data": str(Path(data_dir).resolve()), "fingerprint": fingerprint(data_dir)}))


def update_persistent(data_dir, paths, location=None) -> None:
    """Add the data files ``paths`` to the persistent store of ``data_dir`` (after an import)
    instead of rebuilding it, and record the new fingerprint."""
    location = Path(location) if location else cache_dir(data_dir)
    store = ox.Store(str(location / "oxigraph"))
    for path in paths:  # an import only ever adds triples to a file, so adding the file is enough
        load_file(store, Path(path))
    attach_store_texts(store, data_dir)
    store.flush()
    del store
    _write_meta(location, data_dir)


def persistent_is_fresh(data_dir, location=None) -> bool:
    location = Path(location) if location else cache_dir(data_dir)
    try:
        meta = json.loads((location / "claimgraph.json").read_text())
    except (OSError, ValueError):
        return False
    return meta.get("fingerprint") == fingerprint(data_dir)


def open_store(data_dir=None, endpoint=None, location=None) -> Store:
    """The store for a command: remote if ``endpoint``, else persistent if one was built for
    ``data_dir`` (rebuilt if stale), else ``data_dir`` (default: shipped graph_data/) in memory."""
    if endpoint:
        from .remote import RemoteStore
        return RemoteStore(endpoint)
    data_dir = Path(data_dir) if data_dir else default_data_dir()
    where = Path(location) if location else cache_dir(data_dir)
    if (where / "claimgraph.json").exists():
        if not persistent_is_fresh(data_dir, where):
            build_persistent(data_dir, where)
        return OxigraphStore(ox.Store.read_only(str(where / "oxigraph")), f"persistent store {where}")
    store = ox.Store()
    load_data(store, data_dir)
    return OxigraphStore(store, f"in-memory store of {data_dir}")
