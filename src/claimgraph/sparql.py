"""SPARQL for the ``query`` command: the catalogue of shipped queries, ``--bind`` values as
terms, and results as a table, CSV, TSV (SPARQL 1.1 Query Results CSV and TSV Formats) or
SPARQL 1.1 Query Results JSON."""
import csv
import io
import json
import re

import pyoxigraph as ox

from .errors import QueryError
from .namespaces import XSD_IRI
from .store import py, term

_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


def catalogue(names, text_of) -> list[tuple[str, str]]:
    """(name, first comment line) of each shipped query."""
    out = []
    for name in names:
        first = next((line.lstrip("# ").strip() for line in text_of(name).splitlines() if line.startswith("#")), "")
        out.append((name, first))
    return out


def parse_binds(binds) -> dict:
    """``["speaker=<https://…>", "min=1000", "text=brain drain"]`` -> variable name -> term.
    ``<…>`` is an IRI, a number is typed, anything else (quotes stripped) is a plain literal."""
    out = {}
    for bind in binds:
        name, sep, value = bind.partition("=")
        name = name.strip().lstrip("?$")
        if not sep or not re.fullmatch(r"[A-Za-z_]\w*", name):
            raise QueryError(f"--bind {bind!r}: expected NAME=VALUE")
        if value.startswith("<") and value.endswith(">"):
            try:
                out[name] = ox.NamedNode(value[1:-1])
            except ValueError as exc:
                raise QueryError(f"--bind {bind!r}: {value} is not an IRI ({exc}); write <https://…>") from None
        elif _NUMBER.match(value):
            out[name] = term(float(value) if "." in value else int(value))
        else:
            out[name] = term(value[1:-1] if len(value) > 1 and value[0] == value[-1] == '"' else value)
    return out


def _json_term(t) -> dict:
    if isinstance(t, ox.NamedNode):
        return {"type": "uri", "value": t.value}
    if isinstance(t, ox.BlankNode):
        return {"type": "bnode", "value": t.value}
    out = {"type": "literal", "value": t.value}
    if t.language:
        out["xml:lang"] = t.language
    elif t.datatype is not None and t.datatype.value != XSD_IRI + "string":
        out["datatype"] = t.datatype.value
    return out


def format_result(result, fmt: str = "table") -> str:
    """A query result as text in ``fmt``: table, csv, tsv or json."""
    if result.kind == "ask":
        return json.dumps({"head": {}, "boolean": result.boolean}) + "\n" if fmt == "json" else f"{str(result.boolean).lower()}\n"
    if result.kind == "graph":
        return ox.serialize(result.triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
    vs = result.variables
    if fmt == "json":
        return json.dumps({"head": {"vars": vs}, "results": {"bindings": [
            {v: _json_term(r[v]) for v in vs if v in r} for r in result.rows]}}, ensure_ascii=False, indent=2) + "\n"
    if fmt == "tsv":  # terms in SPARQL syntax
        lines = ["\t".join("?" + v for v in vs)]
        lines += ["\t".join(str(r[v]) if v in r else "" for v in vs) for r in result.rows]
        return "\n".join(lines) + "\n"
    cells = [[("" if r.get(v) is None else str(py(r[v]))) for v in vs] for r in result.rows]
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\r\n")
        writer.writerow(vs)
        writer.writerows(cells)
        return buf.getvalue()
    widths = [min(60, max([len(v)] + [len(c[i]) for c in cells])) for i, v in enumerate(vs)]
    clip = lambda s, w: s if len(s) <= w else s[: w - 1] + "…"
    lines = ["  ".join(v.ljust(w) for v, w in zip(vs, widths)), "  ".join("-" * w for w in widths)]
    lines += ["  ".join(clip(c, w).ljust(w) for c, w in zip(row, widths)).rstrip() for row in cells]
    return "\n".join(lines) + "\n"
