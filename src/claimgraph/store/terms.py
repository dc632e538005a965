"""Terms: Python values to Oxigraph terms and back, and user values bound into a query.

Values from users never enter query text as text: :func:`bind_values` adds them as an inline
``VALUES`` block of terms serialised by Oxigraph (N-Triples escaping), at the top of the outer
``WHERE`` group, so filters in that group see them bound, as pre-bound variables; nested groups
(UNION branches, OPTIONAL) are joined with them, so queries shipped here use bound variables in
triple patterns there and keep filters on them in the outer group.
"""
import re

import pyoxigraph as ox

from ..errors import QueryError
from ..namespaces import XSD_IRI

_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)


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
    return ox.Literal(utf8(str(value)))


def utf8(text: str) -> str:
    """``text`` if it is valid Unicode; QueryError naming the byte if it holds one that was not
    UTF-8 (Python keeps such bytes of command-line arguments as lone surrogates)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        bad = text[exc.start]
        byte = f"byte 0x{ord(bad) - 0xDC00:02X}" if "\udc80" <= bad <= "\udcff" else f"character U+{ord(bad):04X}"
        raise QueryError(f"{text.encode('utf-8', 'replace').decode()!r} is not UTF-8 text ({byte} at offset "
                         f"{exc.start}); give values as UTF-8") from None
    return text


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
