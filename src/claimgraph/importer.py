"""``claimgraph import``: a claim sheet's claims and appearances added to a data folder,
validated first.

Validation is incremental: the new claims, appearances and sources, with what they touch in the
graph they join (their speakers, places, wholes, upstream documents, claims they add
appearances to), are fetched from the store and checked by SHACL with the new nodes as focus.
Nothing is written unless it all conforms; then the archived texts first and the Turtle files
after, each through a temporary file and a rename, so a kill at any moment leaves a folder that
reads as before or with the new source complete (a text without its Turtle is harmless and the
next import writes the Turtle). A persistent store that was up to date is updated in place.
"""
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import URIRef

from .data import ox_triples, replace_files, turtle_of
from .errors import SheetError
from .model.build import GraphContext, build_sheet
from .model.ids import short_id
from .namespaces import CG_IRI, DCTERMS_IRI, OA_IRI, PROV_IRI, RDF_IRI, SCHEMA_IRI
from .resources import query_text
from .store import data_lock, iri, open_store, persistent_is_fresh, update_persistent

_RDF_TYPE = ox.NamedNode(RDF_IRI + "type")


@dataclass
class ImportResult:
    added: int          # new claims
    appearances: int    # new appearances (of new or known claims)
    unchanged: int      # appearances already in the graph
    known: int          # claims that were in the graph and got appearances here
    files: list
    checks: list = field(default_factory=list)  # check results about the claims of this sheet


class ImportRejected(SheetError):
    """The sheet built, but its claims with the graph they join do not conform to the shapes."""


#: Which sheet column a SHACL result's path points to.
COLUMN_OF_PATH = {
    RDF_IRI + "object": "value", RDF_IRI + "subject": "subject", RDF_IRI + "predicate": "predicate",
    CG_IRI + "partOf": "part_of", PROV_IRI + "wasAttributedTo": "speaker", SCHEMA_IRI + "appearance": "source_title",
    SCHEMA_IRI + "text": "statement", CG_IRI + "asPrinted": "as_printed", CG_IRI + "bound": "bound",
    SCHEMA_IRI + "unitText": "unit", SCHEMA_IRI + "unitCode": "unit", SCHEMA_IRI + "currency": "unit",
    CG_IRI + "hedge": "hedge", CG_IRI + "mode": "mode", SCHEMA_IRI + "temporalCoverage": "time",
    SCHEMA_IRI + "headline": "source_title", SCHEMA_IRI + "publisher": "source_publisher",
    SCHEMA_IRI + "datePublished": "source_published", SCHEMA_IRI + "archivedAt": "source_text",
    SCHEMA_IRI + "url": "source_url", OA_IRI + "hasTarget": "quote", DCTERMS_IRI + "isPartOf": "source_title",
    CG_IRI + "speakerRole": "speaker_role",
}


def _touched(graphs) -> set:
    """IRIs the new graphs name: their subjects and objects, but not the fragments of new nodes."""
    nodes = set()
    for g in graphs:
        nodes |= {n for n in g.subjects() if isinstance(n, URIRef) and "#" not in n}
        nodes |= {n for n in g.objects() if isinstance(n, URIRef)}
    return nodes


def _context(store, nodes, claims) -> list:
    """What the new data join in the graph, as Oxigraph quads: every triple about ``nodes``, and
    the appearances of the known ``claims`` (SHACL checks a claim's every schema:appearance has
    one)."""
    rows = store.rows_each(query_text("lib/describe_nodes"), [{"s": iri(n)} for n in sorted(nodes)]) if nodes else []
    if claims:
        rows += store.rows_each(query_text("lib/appearance_links"), [{"claim": iri(c)} for c in sorted(claims)])
    return [ox.Quad(r["s"], r["p"], r["o"], ox.DefaultGraph()) for r in rows]


def _read_triples(path: Path) -> list:
    """The triples of a data file (one a former import wrote), as Oxigraph reads them."""
    from .store import load_file

    store = ox.Store()
    load_file(store, path)
    return [ox.Triple(q.subject, q.predicate, q.object) for q in store]


def _row_of(line: str) -> tuple:
    """Sheet faults in row order (header faults first)."""
    import re

    m = re.search(r": row (\d+)", line)
    return (int(m.group(1)) if m else 0, line)


def import_sheet(sheet_path, data_dir, text_path=None, progress=None, check: bool = True) -> ImportResult:
    """Add a claim sheet's claims to ``data_dir``: one Turtle file per source, beside a copy of
    its archived text. Raises SheetError (bad rows) or ImportRejected (SHACL), naming rows and
    columns, and then writes nothing. ``progress`` is called with 1 for each row built. With
    ``check``, the consistency rules run for the sheet's claims against the graph they joined
    (``result.checks``): competing estimates, parts, shares, drift."""
    with data_lock(data_dir):  # one writer at a time: a concurrent import would lose the other's claims
        return _import_locked(sheet_path, data_dir, text_path, progress, check)


def _import_locked(sheet_path, data_dir, text_path, progress, check) -> ImportResult:
    from .validate import validate_store

    data_dir = Path(data_dir)
    label = "<stdin>" if str(sheet_path) == "-" else str(sheet_path)
    was_fresh = persistent_is_fresh(data_dir)
    with open_store(data_dir) as store:
        try:
            built, faults = build_sheet(sheet_path, GraphContext(store), text_path, data_dir, progress), []
        except SheetError as exc:  # the rows that built are still checked against the shapes below
            built, faults = getattr(exc, "partial", None), exc.problems
            if built is None:
                raise
        context = _context(store, _touched(built.graphs.values()), built.known_claims)
    writes, problems = {}, list(faults)
    combined = ox.Store()  # what is validated: the new data with what they join
    combined.bulk_extend(context)
    annotation = ox.NamedNode(OA_IRI + "Annotation")
    before = {q.subject.value for q in context if q.predicate == _RDF_TYPE and q.object == annotation}
    for source_iri, g in built.graphs.items():
        stem = built.stems[source_iri]
        source_row = built.rows[short_id(source_iri)]
        path, text = built.texts[source_iri]
        target, text_file = data_dir / f"{stem}.ttl", data_dir / f"{stem}.txt"
        new = ox_triples(g)
        merged = _read_triples(target) if target.exists() else []
        if target.exists() and not any(t.subject.value == source_iri for t in merged):
            problems.append(f"{label}: row {source_row}, column source_text: {target.name} holds other data: "
                            f"name the article's text file otherwise than {stem}.txt")
        data = text.encode("utf-8")
        if text_file.exists() and text_file.read_bytes() != data:
            problems.append(f"{label}: row {source_row}, column source_text: {text_file} differs from {path}: an "
                            f"archived text never changes (claims are anchored in it); give the new text another name")
        writes[text_file] = data
        writes[target] = turtle_of(merged + new)
        combined.bulk_extend(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in new)
        combined.add(ox.Quad(ox.NamedNode(f"{source_iri}#text"), ox.NamedNode(SCHEMA_IRI + "text"), ox.Literal(text),
                             ox.DefaultGraph()))
    focus = set(built.new_claims) | set(built.appearances) | set(built.graphs) | \
        {f"{s}#text" for s in built.graphs}
    report = validate_store(combined, focus=sorted(focus))
    rows = built.rows
    problems += [f"{label}: " + (f"row {rows[r.focus]}" if r.focus in rows else r.focus)
                 + (f", column {COLUMN_OF_PATH[r.path]}" if r.path in COLUMN_OF_PATH else "") + f": {r.message} ({r.focus})"
                 for r in report.results if r.severity.name == "VIOLATION"]
    if problems:
        raise ImportRejected(label, sorted(problems, key=_row_of))
    new_appearances = {a for a in built.appearances if a not in before}
    writes = {p: b for p, b in sorted(writes.items(), key=lambda kv: kv[0].suffix != ".txt")
              if not (p.exists() and p.read_bytes() == b)}
    replace_files(writes)
    if was_fresh and writes:
        entities = {str(s) for g in built.graphs.values() for s in g.subjects() if isinstance(s, URIRef) and "#" not in s}
        update_persistent(data_dir, [p for p in writes if p.suffix == ".ttl"],
                          claims=built.new_claims | built.known_claims,
                          entities=entities - set(built.appearances) - built.new_claims - built.known_claims)
    result = ImportResult(added=len(built.new_claims), appearances=len(new_appearances),
                          unchanged=len(built.appearances) - len(new_appearances), known=len(built.known_claims),
                          files=[str(p) for p in writes])
    if check and writes:
        from .checks import run_checks

        with open_store(data_dir) as store:  # the persistent store, updated in place, when there is one
            result.checks = run_checks(store, claims=built.new_claims | built.known_claims)
    return result
