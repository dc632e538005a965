"""``claimgraph import``: a claim sheet's claims added to a data folder, validated first.

Validation is incremental: the new claims and sources, with what they touch in the graph they
join (their speakers, places, wholes, upstream documents, and any existing node of the same IRI),
are fetched from the store and checked by SHACL with the new nodes as focus. A 1,000-row sheet
is checked in seconds against a million claims; nothing is written unless it all conforms, and
then atomically. A persistent store that was up to date is updated in place.
"""
from dataclasses import dataclass
from pathlib import Path

from rdflib import RDF, Graph, Literal, URIRef

from .data import parse_file, replace_files, turtle_bytes
from .ingest import COLUMN_OF_PATH, EntityIndex, SheetError, build_sheet
from .namespaces import CG, SCHEMA
from .resources import query_text
from .store import data_lock, iri, open_store, persistent_is_fresh, to_rdflib, update_persistent


@dataclass
class ImportResult:
    added: int
    unchanged: int
    files: list


class ImportRejected(SheetError):
    """The sheet built, but its claims with the graph they join do not conform to the shapes."""


def _touched(graphs) -> set:
    """IRIs the new graphs name: their subjects and objects, but not the fragments of new nodes."""
    nodes = set()
    for g in graphs:
        nodes |= {n for n in g.subjects() if isinstance(n, URIRef) and "#" not in n}
        nodes |= {n for n in g.objects() if isinstance(n, URIRef)}
    return nodes


def _describe(store, nodes) -> Graph:
    graph = Graph()
    if nodes:
        for row in store.rows_each(query_text("lib/describe_nodes"), [{"s": iri(n)} for n in sorted(nodes)]):
            graph.add((to_rdflib(row["s"]), to_rdflib(row["p"]), to_rdflib(row["o"])))
    return graph


def import_sheet(sheet_path, data_dir, text_path=None, progress=None) -> ImportResult:
    """Add a claim sheet's claims to ``data_dir``: one Turtle file per source, beside a copy of
    its archived text. Raises SheetError (bad rows) or ImportRejected (SHACL), naming rows and
    columns, and then writes nothing. ``progress`` is called with 1 for each row built."""
    with data_lock(data_dir):  # one writer at a time: a concurrent import would lose the other's claims
        return _import_locked(sheet_path, data_dir, text_path, progress)


def _import_locked(sheet_path, data_dir, text_path, progress) -> ImportResult:
    from .validate import validate_graph

    data_dir = Path(data_dir)
    sheet_path = Path(sheet_path)
    was_fresh = persistent_is_fresh(data_dir)
    with open_store(data_dir) as store:
        index = EntityIndex.from_store(store)
        built = build_sheet(sheet_path, index, text_path, data_dir, progress)
        context = _describe(store, _touched(built.graphs.values()))
    before = set(context.subjects(RDF.type, SCHEMA.Claim))
    writes, combined = {}, Graph()
    combined += context
    for source_iri, g in built.graphs.items():
        archive = URIRef(f"{source_iri}#text")
        name = str(g.value(archive, CG.textFile))
        text = built.texts[source_iri].read_bytes()  # the file build_sheet found the quotes in
        target = data_dir / f"{Path(name).stem}.ttl"
        merged = parse_file(target) if target.exists() else Graph()
        merged += g
        writes[target] = turtle_bytes(merged)
        writes[data_dir / name] = text
        combined += g
        combined.set((archive, SCHEMA.text, Literal(text.decode("utf-8"))))
    new_nodes = [n for g in built.graphs.values()
                 for n in set(g.subjects(RDF.type, SCHEMA.Claim)) | set(g.subjects(RDF.type, CG.ArchivedText))]
    new_nodes += list(built.graphs)
    report = validate_graph(combined, focus=new_nodes)
    if not report.conforms:
        columns = {str(k): v for k, v in COLUMN_OF_PATH.items()}
        raise ImportRejected(sheet_path, [
            f"{sheet_path}: " + (f"row {built.rows[r.focus]}" if r.focus in built.rows else r.focus)
            + (f", column {columns[r.path]}" if r.path in columns else "") + f": {r.message} ({r.focus})"
            for r in report.results])
    claims = {c for g in built.graphs.values() for c in g.subjects(RDF.type, SCHEMA.Claim)}
    writes = {p: b for p, b in writes.items() if not (p.exists() and p.read_bytes() == b)}
    replace_files(writes)
    if was_fresh and writes:
        update_persistent(data_dir, [p for p in writes if p.suffix == ".ttl"])
    return ImportResult(added=len(claims - before), unchanged=len(claims & before), files=sorted(str(p) for p in writes))
