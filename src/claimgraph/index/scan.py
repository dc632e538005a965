"""The index rows read from the data files themselves, file by file, without a store: what
``claimgraph load`` does while Oxigraph loads the same files (two cores, one each).

Each file's rows are the answers of the index queries (:mod:`.rows`) over that file alone. They
are the answers over the whole graph as long as every node the queries join is described in one
file, which is how claimgraph writes data (a source's file holds its appearances and their
anchors; a claim's file holds the claim). :class:`Scan` checks that as it goes:

- a claim or appearance (anything with a claim's or an appearance's facts) described in more
  than one file is noted in :attr:`Scan.again`: its rows are then asked of the store once it is
  loaded (the same triples written twice, as a generator may, are harmless but cannot be told
  from different ones without reading both again);
- targets, selectors and ranges are reached from the appearance or claim whose IRI they extend
  (``…/appearance/x#target``, ``…#quote``, ``…/claim/y#range``), and every one described in a file
  is reached there;
- a source whose date an appearance's order needs is dated in the file of that appearance (or
  nowhere);
- no file holds blank nodes.

When any of this fails, :attr:`Scan.exact` is False and the rows are thrown away: the index is
then made from the store's answers instead (:func:`.rows.from_store`), slower but the same.
Names and labels are gathered from every file and joined at the end, so they need no check.
"""
from pathlib import Path

from ..errors import DataError
from ..namespaces import CG_IRI, DCTERMS_IRI, OA_IRI, PROV_IRI, RDF_IRI, SCHEMA_IRI, SKOS_IRI
from .rows import Rows
from .terms import is_literal, node, value


def _p(iri: str) -> bytes:
    return f"<{iri}>".encode()


#: Predicate -> the name its values are kept under while a file is read.
PREDICATES = {
    _p(OA_IRI + "hasBody"): "body", _p(OA_IRI + "hasTarget"): "target", _p(DCTERMS_IRI + "isPartOf"): "part_of",
    _p(CG_IRI + "asPrinted"): "printed", _p(SCHEMA_IRI + "value"): "value", _p(CG_IRI + "bound"): "bound",
    _p(OA_IRI + "hasSelector"): "selector", _p(OA_IRI + "exact"): "exact", _p(OA_IRI + "start"): "start",
    _p(SCHEMA_IRI + "datePublished"): "published", _p(SCHEMA_IRI + "text"): "text",
    _p(RDF_IRI + "subject"): "s", _p(RDF_IRI + "predicate"): "p", _p(RDF_IRI + "object"): "object",
    _p(SCHEMA_IRI + "unitText"): "unit", _p(SCHEMA_IRI + "temporalCoverage"): "time",
    _p(SCHEMA_IRI + "variableMeasured"): "measure", _p(CG_IRI + "eachPlace"): "each", _p(CG_IRI + "partOf"): "whole",
    _p(SCHEMA_IRI + "minValue"): "min", _p(SCHEMA_IRI + "maxValue"): "max",
    _p(PROV_IRI + "wasAttributedTo"): "speaker", _p(SCHEMA_IRI + "fromLocation"): "from",
    _p(SCHEMA_IRI + "toLocation"): "to", _p(SCHEMA_IRI + "about"): "about",
    _p(SCHEMA_IRI + "name"): "label", _p(SKOS_IRI + "altLabel"): "label", _p(SKOS_IRI + "notation"): "label",
    _p(SCHEMA_IRI + "headline"): "label",
    _p(RDF_IRI + "type"): "type",
}
TYPES = {_p(SCHEMA_IRI + "Claim"): "Claim", _p(CG_IRI + "FigureClaim"): "FigureClaim",
         _p(CG_IRI + "QuotationClaim"): "QuotationClaim", _p(SCHEMA_IRI + "Person"): "Person",
         _p(SCHEMA_IRI + "Country"): "Country"}
_CLAIM_TYPES = {"Claim", "FigureClaim", "QuotationClaim"}
#: Facts of a claim or an appearance: their subjects must be described in one file.
ROOT_FACTS = ("body", "target", "part_of", "printed", "value", "bound", "text", "s", "p", "object", "unit", "time",
              "measure", "each", "whole", "speaker", "from", "to", "about")
#: Facts of targets, selectors and ranges: reached from the root whose IRI they extend.
PART_FACTS = ("selector", "exact", "start", "min", "max")


_UNBOUND = [None]
_NO_RANGE = [(None, None)]


class Scan:
    """Reads data files one after another into :class:`~.rows.Rows`, checking that rows read
    file by file are the rows of the whole graph (see the module)."""

    def __init__(self):
        self.exact = True
        self.why = ""
        self.again: set[str] = set()
        self._roots: set[int] = set()
        self._dated: dict[int, int] = {}
        self._undated_refs: list[tuple[int, int]] = []
        self._files = 0

    def fail(self, why: str) -> None:
        if self.exact:
            self.exact, self.why = False, why

    def read(self, path: Path) -> Rows:
        """The rows of the data file ``path`` (N-Triples read as bytes, other formats parsed).
        Raises DataError (one line, as loading it would) for a file that cannot be read."""
        from ..store.files import parse_error_reason, unreadable

        self._files += 1
        facts: dict[str, dict] = {name: {} for name in set(PREDICATES.values())}
        try:
            if path.suffix == ".nt":
                data = path.read_bytes()
                if b"\t" in data or b"_:" in data or b"\r" in data or not self._read_lines(data, facts):
                    facts = {name: {} for name in set(PREDICATES.values())}
                    self._parse(path, facts)
            else:
                self._parse(path, facts)
        except SyntaxError as exc:
            raise DataError(f"{path}:{exc.lineno}: malformed RDF: {parse_error_reason(exc)}") from exc
        except (OSError, MemoryError) as exc:
            raise unreadable(path, exc) from None
        return self._rows(facts)

    def _read_lines(self, data: bytes, facts: dict) -> bool:
        """Lines written as claimgraph writes them (``<s> <p> o .``, one space apart) into
        ``facts``; False at the first line written otherwise (the file is then parsed)."""
        get, types, kinds = PREDICATES.get, facts["type"], TYPES
        for line in data.split(b"\n"):
            i = line.find(b" ")
            j = line.find(b" ", i + 1)
            name = get(line[i + 1:j])
            if name is None:
                if line[i + 1:i + 2] != b"<" and line[:1] != b"#" and line.strip():
                    return False  # not an IRI where the predicate stands: spaces or a form this does not read
                continue
            if not line.endswith(b" ."):
                return False
            obj = line[j + 1:-2]
            if name == "type":
                if obj in kinds:
                    types.setdefault(line[:i], []).append(obj)
                continue
            kept = facts[name]
            subject = line[:i]
            if subject in kept:
                kept[subject].append(obj)
            else:
                kept[subject] = [obj]
        return True

    def _parse(self, path: Path, facts: dict) -> None:
        import pyoxigraph as ox

        from ..store import FORMATS

        for t in ox.parse(path=str(path), format=FORMATS[path.suffix], lenient=True):
            name = PREDICATES.get(f"<{t.predicate.value}>".encode())
            if name is None:
                continue
            if isinstance(t.subject, ox.BlankNode) or isinstance(t.object, ox.BlankNode):
                self.fail(f"{path}: blank nodes")
            facts[name].setdefault(str(t.subject).encode(), []).append(str(t.object).encode())

    # ------------------------------------------------------------------ one file's rows

    def _rows(self, f: dict) -> Rows:
        rows = Rows()
        types: dict[bytes, set] = {}
        for subject, objects in f["type"].items():
            mine = {TYPES[o] for o in objects if o in TYPES}
            if mine:
                types[subject] = mine
        self._check_roots(f, types)
        reached: set[bytes] = set()
        self._appearances(f, rows, reached)
        self._claims(f, types, rows, reached)
        for subject, labels in f["label"].items():
            rows.labels.update((node(subject), value(label)) for label in labels)
        rows.people.update(node(s) for s, kinds in types.items() if "Person" in kinds)
        rows.countries.update(node(s) for s, kinds in types.items() if "Country" in kinds)
        for name in PART_FACTS:
            if any(s not in reached for s in f[name]):
                self.fail("a target, selector or range is described apart from what it belongs to")
        return rows

    def _check_roots(self, f: dict, types: dict) -> None:
        mine = {s for s, kinds in types.items() if kinds & _CLAIM_TYPES}
        for name in ROOT_FACTS:
            mine.update(f[name])
        for subject in mine:
            h = hash(subject)
            if h in self._roots:
                self.again.add(node(subject))
            self._roots.add(h)
        for source in f["published"]:
            h = hash(source)
            if self._dated.setdefault(h, self._files) != self._files:
                self.fail(f"{node(source)} is dated in more than one file")

    def _appearances(self, f: dict, rows: Rows, reached: set) -> None:
        body, target, part_of, printed = f["body"], f["target"], f["part_of"], f["printed"]
        selector, exact, start, published = f["selector"], f["exact"], f["start"], f["published"]
        bound, values = f["bound"], f["value"]
        words, order, printed_rows, bounds = rows.words, rows.order, rows.printed, rows.bounds
        undated, sources_seen = set(), {}
        for a, claims in body.items():
            a_iri = node(a)
            own = a[:-1] + b"#"
            cs = [node(c) for c in claims]
            sources = []
            for src in part_of.get(a, ()):
                if src not in sources_seen:
                    dates = published.get(src)
                    if dates is None:
                        undated.add(hash(src))
                    sources_seen[src] = (node(src), [value(d) for d in dates] if dates else [None])
                sources.append(sources_seen[src])
            for t in target.get(a, ()):
                if not t.startswith(own):
                    self.fail(f"{a_iri}: its target is not one of its own (…#target)")
                    continue
                reached.add(t)
                for sel in selector.get(t, ()):
                    if not sel.startswith(own):
                        self.fail(f"{a_iri}: a selector is not one of its own (…#quote)")
                        continue
                    reached.add(sel)
                    for w in exact.get(sel, ()):
                        w = value(w)
                        for c in cs:
                            words.add((c, a_iri, w))
                    for n in start.get(sel, ()):
                        n = value(n)
                        for src, dates in sources:
                            for d in dates:
                                for c in cs:
                                    order.add((c, src, d, n))
            for p in printed.get(a, ()):
                p = value(p)
                for c in cs:
                    printed_rows.add((c, p))
            for b in bound.get(a, ()):
                b = node(b)
                for v in values.get(a, (None,)):
                    v = value(v) if v else None
                    for c in cs:
                        bounds.add((c, a_iri, b, v))
        self._undated_refs.extend((h, self._files) for h in undated)

    def _claims(self, f: dict, types: dict, rows: Rows, reached: set) -> None:
        text, obj, bound = f["text"], f["object"], f["bound"]
        statements, quotations = rows.statements, rows.quotations
        for c, kinds in types.items():
            c_iri = node(c)
            if "Claim" in kinds:
                for t in text.get(c, ()):
                    statements.add((c_iri, value(t)))
            if "QuotationClaim" in kinds:
                for o in obj.get(c, ()):
                    quotations.add((c_iri, value(o)))
            if "FigureClaim" in kinds:
                self._figure(f, c, c_iri, rows, reached)
        roles = rows.roles
        for name in ("speaker", "from", "to", "about"):
            for c, entities in f[name].items():
                c_iri = node(c)
                for e in entities:
                    roles.add((c_iri, name, value(e)))
        claim_bounds = rows.claim_bounds
        for c, bounds in bound.items():
            objects = obj.get(c)
            if objects:
                c_iri = node(c)
                for b in bounds:
                    b = node(b)
                    for o in objects:
                        claim_bounds.add((c_iri, b, value(o)))

    def _figure(self, f: dict, c: bytes, c_iri: str, rows: Rows, reached: set) -> None:
        """The rows of index/figures.rq (with its ranges) for the figure ``c``."""
        s, p, objects, units = f["s"].get(c), f["p"].get(c), f["object"].get(c), f["unit"].get(c)
        if not (s and p and objects and units):
            return
        optional = [[value(v) for v in f[name].get(c, ())] or _UNBOUND
                    for name in ("bound", "time", "measure", "each", "whole")]
        own = c[:-1] + b"#"
        for o in objects:
            ranges = _NO_RANGE
            if not is_literal(o):
                if o.startswith(own):
                    reached.add(o)
                    ranges = [(value(lo), value(hi)) for lo in f["min"].get(o, ()) for hi in f["max"].get(o, ())] \
                        or _NO_RANGE
                else:  # its values may be described anywhere
                    self.fail(f"{c_iri}: its value is a node that is not one of its own (…#range)")
            number = value(o) if is_literal(o) else None
            if len(s) == len(p) == len(units) == 1 and all(len(v) == 1 for v in optional) and len(ranges) == 1:
                (b,), (t,), (m,), (e,), (w,) = optional
                rows.figures.add((c_iri, value(s[0]), value(p[0]), value(units[0]), t, m, e, number, *ranges[0], b, w))
                continue
            bounds, times, measures, eaches, wholes = optional
            for row in ((c_iri, value(si), value(pi), value(u), t, m, e, number, lo, hi, b, w)
                        for si in s for pi in p for u in units for b in bounds for t in times for m in measures
                        for e in eaches for w in wholes for lo, hi in ranges):
                rows.figures.add(row)

    def finish(self) -> None:
        """The checks that need every file read (a source dated in another file than its
        appearances)."""
        if any(self._dated.get(h, f) != f for h, f in self._undated_refs):
            self.fail("a source is dated in another file than its appearances")


def write_index(files, path, facts: dict, stop=lambda: False) -> dict:
    """Read ``files`` into a new index at ``path`` (meta: ``facts``); stops early when ``stop()``
    is true. Returns {"exact": …, "why": …, "again": [IRIs]}: when not exact, the index is not
    finished (the caller makes it from a store)."""
    import gc

    from .database import Writer

    writer, scan = Writer(path, create=True), Scan()
    collecting = gc.isenabled()
    gc.disable()  # millions of small tuples and lists, none in a cycle: the collector only costs time
    try:
        for file in files:
            if stop() or not scan.exact:
                break
            writer.add(scan.read(Path(file)))
    finally:
        if collecting:
            gc.enable()
    scan.finish()
    if scan.exact and not stop():
        writer.finish(facts)
    else:
        writer.abandon()
    return {"exact": scan.exact and not stop(), "why": scan.why, "again": sorted(scan.again)}


def main() -> None:
    """``python -m claimgraph.index.scan INDEX``, with {"files": [...], "facts": {...}} on
    standard input: :func:`write_index` in a process of its own, at a lower priority than the
    load it runs beside (which then keeps the cores it can use). Prints the result as JSON, or
    {"error": "…"} for a file that cannot be read."""
    import json
    import os
    import sys

    try:
        os.nice(10)
    except OSError:
        pass
    spec = json.load(sys.stdin)
    try:
        result = write_index(spec["files"], sys.argv[1], spec["facts"])
    except DataError as exc:
        result = {"error": str(exc)}
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
