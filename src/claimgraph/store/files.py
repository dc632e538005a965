"""What a data folder holds for a store: its RDF files, each one's named graph, and how one is
parsed into a store."""
import re
from pathlib import Path

import pyoxigraph as ox

from ..errors import DataError
from ..namespaces import CG_IRI, GRAPH_IRI, SCHEMA_IRI
from ..resources import ontology_file
from .terms import bind_values
from .texts import read_archived_text

CG_TEXT_FILE = ox.NamedNode(CG_IRI + "textFile")
SCHEMA_TEXT = ox.NamedNode(SCHEMA_IRI + "text")
FORMATS = {".ttl": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES}


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


def load_file(store: ox.Store, path: Path, bulk: bool = False, graph: ox.NamedNode | None = None) -> None:
    """Parse one data file into the default graph of ``store`` (in Rust: no Python object per
    triple), or into ``graph``. Local stores keep no graph per file: Oxigraph then writes three
    indexes instead of nine and loads a third faster; ``push`` and ``serve`` keep a named graph per file."""
    into = {"to_graph": graph} if graph is not None else {}
    try:
        if bulk:  # lenient: no IRI re-validation (14% faster); `claimgraph validate` checks the data
            store.bulk_load(path=str(path), format=FORMATS[path.suffix], lenient=True, **into)
        else:
            store.load(path=str(path), format=FORMATS[path.suffix], **into)
    except SyntaxError as exc:
        raise DataError(f"{path}:{exc.lineno}: malformed RDF: {parse_error_reason(exc)}") from exc
    except (OSError, MemoryError) as exc:
        raise unreadable(path, exc) from None


def n_triples(path: Path) -> bytes:
    """The triples of one data file as N-Triples, parsed by Oxigraph (in Rust, with its limits),
    so every reader of the data refuses the same files with the same line: DataError naming the
    file and line of malformed RDF, or a literal over 16 MB."""
    try:
        return ox.serialize(ox.parse(path=str(path), format=FORMATS[path.suffix]), format=ox.RdfFormat.N_TRIPLES)
    except SyntaxError as exc:
        raise DataError(f"{path}:{exc.lineno}: malformed RDF: {parse_error_reason(exc)}") from exc
    except (OSError, MemoryError) as exc:
        raise unreadable(path, exc) from None


def unreadable(path: Path, exc: BaseException) -> DataError:
    """The one-line error for a data file that cannot be read (permissions) or parsed within
    Oxigraph's limits (a literal or IRI over 16 MB: MemoryError "Reached the buffer maximal size")."""
    if isinstance(exc, MemoryError):
        return DataError(f"{path}: a literal or IRI is over 16 MB, more than the store reads; "
                         "keep long texts in archived .txt files")
    reason = getattr(exc, "strerror", None) or re.sub(r" \(os error \d+\)$", "", str(exc))
    return DataError(f"{path}: cannot be read: {reason}")


def parse_error_reason(exc: SyntaxError) -> str:
    """Oxigraph's parse message without its position (the caller gives file and line)."""
    return re.sub(r"^Parser error (?:at|between) line \d+ column \d+(?: and line \d+ column \d+)?: ", "", exc.msg)


def attach_store_texts(store: ox.Store, data_dir, bulk: bool = False, paths=None) -> None:
    """Add ``schema:text`` to every archived text of ``store`` that lacks it (or of those the data
    files ``paths`` name: an import's, instead of asking about all 66,000 at 1M claims, 2 s), from
    its file in ``data_dir`` (read only from inside it: see :mod:`.texts`)."""
    if paths is None:
        rows = list(store.query(_MISSING_TEXTS))
    else:
        named = [t.subject for p in paths for t in ox.parse(path=str(p), format=FORMATS[Path(p).suffix])
                 if t.predicate == CG_TEXT_FILE]
        rows = list(store.query(bind_values(_MISSING_TEXTS, [{"archive": a} for a in named]))) if named else []
    quads = [ox.Quad(row["archive"], SCHEMA_TEXT, ox.Literal(read_archived_text(data_dir, row["file"].value, row["archive"])),
                     ox.DefaultGraph()) for row in rows]
    (store.bulk_extend if bulk else store.extend)(quads)


_MISSING_TEXTS = (f"SELECT ?archive ?file WHERE {{ ?archive <{CG_IRI}textFile> ?file "
                  f"FILTER NOT EXISTS {{ ?archive <{SCHEMA_IRI}text> ?text }} }}")
