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
    _p(SCHEMA_IRI + "toLocation"): "to",
    _p(SCHEMA_IRI + "name"): "label", _p(SKOS_IRI + "altLabel"): "label", _p(SKOS_IRI + "notation"): "label",
    _p(SCHEMA_IRI + "headline"): "label",
    _p(RDF_IRI + "type"): "type",
}
TYPES = {_p(SCHEMA_IRI + "Claim"): "Claim", _p(CG_IRI + "FigureClaim"): "FigureClaim",
         _p(CG_IRI + "QuotationClaim"): "QuotationClaim", _p(SCHEMA_IRI + "Person"): "Person"}
#: Facts of a claim or an appearance: their subjects must be described in one file.
ROOT_FACTS = ("body", "target", "part_of", "printed", "value", "bound", "text", "s", "p", "object", "unit", "time",
              "measure", "each", "whole", "speaker", "from", "to")
#: Facts of targets, selectors and ranges: reached from the root whose IRI they extend.
PART_FACTS = ("selector", "exact", "start", "min", "max")


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
        predicates = PREDICATES
        for line in data.split(b"\n"):
            subject, _, rest = line.partition(b" ")
            predicate, _, obj = rest.partition(b" ")
            name = predicates.get(predicate)
            if name is None:
                if predicate[:1] != b"<" and line[:1] != b"#" and line.strip():
                    return False
                continue
            if not obj.endswith(b" .") or subject[:1] != b"<":
                return False
            facts[name].setdefault(subject, []).append(obj[:-2])
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
        for name in PART_FACTS:
            if any(s not in reached for s in f[name]):
                self.fail("a target, selector or range is described apart from what it belongs to")
        return rows

    def _check_roots(self, f: dict, types: dict) -> None:
        mine = set(types) - {s for s, kinds in types.items() if kinds == {"Person"}}
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

    def _owned(self, owner: bytes, part: bytes) -> bool:
        return part.startswith(owner[:-1] + b"#")

    def _appearances(self, f: dict, rows: Rows, reached: set) -> None:
        body, target, part_of, printed = f["body"], f["target"], f["part_of"], f["printed"]
        selector, exact, start, published = f["selector"], f["exact"], f["start"], f["published"]
        bound, values = f["bound"], f["value"]
        undated = set()
        for a, claims in body.items():
            a_iri = node(a)
            cs = [node(c) for c in claims]
            sources = part_of.get(a, ())
            for t in target.get(a, ()):
                if not self._owned(a, t):
                    self.fail(f"{a_iri}: its target is not one of its own (…#target)")
                    continue
                reached.add(t)
                for sel in selector.get(t, ()):
                    if not self._owned(a, sel):
                        self.fail(f"{a_iri}: a selector is not one of its own (…#quote)")
                        continue
                    reached.add(sel)
                    for w in exact.get(sel, ()):
                        rows.words.update((c, a_iri, value(w)) for c in cs)
                    for n in start.get(sel, ()):
                        for src in sources:
                            dates = published.get(src)
                            if dates is None:
                                undated.add(hash(src))
                            for d in dates or (None,):
                                rows.order.update((c, node(src), value(d) if d else None, value(n)) for c in cs)
            for p in printed.get(a, ()):
                rows.printed.update((c, value(p)) for c in cs)
            for b in bound.get(a, ()):
                for v in values.get(a, (None,)):
                    rows.bounds.update((c, a_iri, node(b), value(v) if v else None) for c in cs)
        self._undated_refs.extend((h, self._files) for h in undated)

    def _claims(self, f: dict, types: dict, rows: Rows, reached: set) -> None:
        text, obj, bound = f["text"], f["object"], f["bound"]
        for c, kinds in types.items():
            c_iri = node(c)
            if "Claim" in kinds:
                rows.statements.update((c_iri, value(t)) for t in text.get(c, (None,)) if t is not None)
            if "QuotationClaim" in kinds:
                rows.quotations.update((c_iri, value(o)) for o in obj.get(c, ()))
            if "FigureClaim" in kinds:
                self._figure(f, c, c_iri, rows, reached)
        for c, bounds in bound.items():
            for b in bounds:
                rows.claim_bounds.update((node(c), node(b), value(o)) for o in obj.get(c, ()))

    def _figure(self, f: dict, c: bytes, c_iri: str, rows: Rows, reached: set) -> None:
        def each(name):
            return [value(v) for v in f[name].get(c, ())] or [None]

        s, p, objects, units = f["s"].get(c, ()), f["p"].get(c, ()), f["object"].get(c, ()), f["unit"].get(c, ())
        bounds, times, measures, eaches, wholes = (each(n) for n in ("bound", "time", "measure", "each", "whole"))
        for o in objects:
            ranges = [(None, None)]
            if not is_literal(o):
                if self._owned(c, o):
                    reached.add(o)
                    ranges = [(value(lo), value(hi)) for lo in f["min"].get(o, ()) for hi in f["max"].get(o, ())] \
                        or ranges
                else:  # its values may be described anywhere
                    self.fail(f"{c_iri}: its value is a node that is not one of its own (…#range)")
            number = value(o) if is_literal(o) else None
            for row in ((c_iri, value(si), value(pi), value(u), t, m, e, number, lo, hi, b, w)
                        for si in s for pi in p for u in units for b in bounds for t in times for m in measures
                        for e in eaches for w in wholes for lo, hi in ranges):
                rows.figures.add(row)
        for name, role in (("speaker", "speaker"), ("from", "from"), ("to", "to")):
            rows.links.update((c_iri, role, value(n)) for n in f[name].get(c, ()))

    def finish(self) -> None:
        """The checks that need every file read (a source dated in another file than its
        appearances)."""
        if any(self._dated.get(h, f) != f for h, f in self._undated_refs):
            self.fail("a source is dated in another file than its appearances")
