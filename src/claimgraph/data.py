"""Reading a data folder (graph_data/ or the user's) into one rdflib graph.

A data folder holds Turtle (``.ttl``) or N-Triples (``.nt``) files, one per source plus shared
entities, and the archived plain text of each source. The text is referenced from the RDF by
``cg:textFile`` and added to the graph as ``schema:text`` on load, so SHACL and SPARQL can check
that every quote stands at its offsets.
"""
import os
from pathlib import Path

from rdflib import Graph, Literal

from .errors import DataError
from .store import data_files, read_archived_text
from .namespaces import CG, SCHEMA, bind_prefixes



def parse_file(path: Path, graph: Graph | None = None) -> Graph:
    """Parse one RDF file into ``graph`` (a new graph if None). Oxigraph reads it first (as the
    stores do: DataError names file and line, a literal over 16 MB is refused at once), rdflib
    then takes its N-Triples."""
    from .store.files import n_triples

    graph = graph if graph is not None else Graph()
    data = n_triples(Path(path))
    try:
        graph.parse(data=data, format="nt")
    except Exception as exc:  # rdflib raises several types; Oxigraph read the file, so this is rare
        raise DataError(f"{path}: malformed RDF: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}") from exc
    return graph


def attach_texts(graph: Graph, data_dir) -> Graph:
    """Add ``schema:text`` to every ``cg:ArchivedText`` from its ``cg:textFile`` in ``data_dir``."""
    for node, name in list(graph.subject_objects(CG.textFile)):
        graph.set((node, SCHEMA.text, Literal(read_archived_text(data_dir, str(name), str(node)))))
    return graph


def load_dataset(data_dir):
    """Every RDF file of ``data_dir`` in a named graph of its own (as the stores hold them),
    with archived texts attached, as an rdflib Dataset."""
    from rdflib import Dataset, URIRef

    from .namespaces import GRAPH_IRI

    dataset = bind_prefixes(Dataset())
    for path in data_files(data_dir):
        graph = dataset.graph(URIRef(GRAPH_IRI + path.stem))
        parse_file(path, graph)
        attach_texts(graph, data_dir)
    return dataset


def load_graph(data_dir) -> Graph:
    """Every RDF file of ``data_dir`` with archived texts attached, as one graph."""
    graph = bind_prefixes(Graph())
    for path in data_files(data_dir):
        parse_file(path, graph)
    return attach_texts(graph, data_dir)


def ox_term(node):
    """The Oxigraph term for an rdflib term (the exports write with Oxigraph)."""
    import pyoxigraph as ox
    from rdflib import BNode

    if isinstance(node, Literal):
        if node.language:
            return ox.Literal(str(node), language=node.language)
        return ox.Literal(str(node), datatype=ox.NamedNode(str(node.datatype)) if node.datatype else None)
    if isinstance(node, BNode):
        return ox.BlankNode(str(node))
    return ox.NamedNode(str(node))


def turtle_bytes(graph: Graph) -> bytes:
    """``graph`` as Turtle with claimgraph's prefixes, triples sorted so diffs stay small.
    Oxigraph writes it: rdflib's Turtle serializer took 2.6 s for 1,000 claims."""
    return turtle_of(ox_triples(graph))


def ox_triples(graph: Graph) -> list:
    """The triples of the rdflib ``graph`` as Oxigraph triples."""
    import pyoxigraph as ox

    return [ox.Triple(ox_term(s), ox_term(p), ox_term(o)) for s, p, o in graph]


def turtle_of(triples) -> bytes:
    """Oxigraph ``triples`` as Turtle with claimgraph's prefixes, sorted so diffs stay small."""
    import pyoxigraph as ox

    from .namespaces import PREFIXES

    triples = sorted(set(triples), key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
    used = {str(t.subject).split("#")[0][1:] for t in triples} | {str(t.predicate) for t in triples} \
        | {str(t.object) for t in triples if isinstance(t.object, ox.NamedNode)} \
        | {str(t.object.datatype) for t in triples if isinstance(t.object, ox.Literal) and t.object.datatype}
    prefixes = {k: str(v) for k, v in PREFIXES.items() if any(str(v) in u for u in used)}
    return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=prefixes)


def replace_files(contents: dict) -> None:
    """Write every ``{path: bytes}`` through a temporary file (unique to this process, synced)
    and a rename, in the order given, only after all the temporary files are written: a failure
    before the renames leaves every file as it was. A path that cannot be written raises
    DataError naming it."""
    temps, path = [], None
    try:
        for path, data in contents.items():
            path = Path(path)
            tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            with open(tmp, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            temps.append((tmp, path))
        for tmp, path in temps:
            os.replace(tmp, path)
    except OSError as exc:
        for tmp, _ in temps:
            tmp.unlink(missing_ok=True)
        raise DataError(f"{path}: cannot write: {exc.strerror or exc}: write into an existing folder you may "
                        "write to") from None
