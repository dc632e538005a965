"""N-Triples terms read from bytes as the store's :func:`~claimgraph.store.py` would give them
back: IRIs as text, literals as Python values (whole numbers int, other numbers float, booleans
bool, the rest text)."""
import re

from ..namespaces import XSD_IRI

_INTEGER = {f"<{XSD_IRI}{t}>".encode() for t in ("integer", "int", "long", "nonNegativeInteger")}
_DECIMAL = f"<{XSD_IRI}decimal>".encode()
_FLOATS = {_DECIMAL} | {f"<{XSD_IRI}{t}>".encode() for t in ("double", "float")}
_BOOLEAN = f"<{XSD_IRI}boolean>".encode()
_ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))")
_ECHAR = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


def unescape(text: str) -> str:
    """N-Triples string and IRI escapes (\\n, \\", \\uXXXX …) replaced by what they stand for."""
    return _ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)) if m.group(3) is None
                       else _ECHAR.get(m.group(3), m.group(0)), text)


def node(term: bytes) -> str:
    """An IRI (``<…>``) or blank node (``_:…``) as text: the IRI itself, or the blank node as written."""
    if term[:1] == b"<":
        text = term[1:-1].decode("utf-8", "surrogateescape")
        return unescape(text) if "\\" in text else text
    return term.decode("utf-8", "surrogateescape")


def value(term: bytes):
    """Any term as a plain value: an IRI or blank node as :func:`node`, a literal by its datatype."""
    if term[:1] != b'"':
        return node(term)
    end = term.rfind(b'"')
    text = term[1:end].decode("utf-8", "surrogateescape")
    if "\\" in text:
        text = unescape(text)
    kind = term[end + 1:]
    if not kind or kind[:1] == b"@":
        return text
    datatype = kind[2:]
    try:
        if datatype in _INTEGER:
            return int(text)
        if datatype in _FLOATS:
            number = float(text)
            return int(number) if number.is_integer() and datatype == _DECIMAL else number
        if datatype == _BOOLEAN:
            return text in ("true", "1")
    except ValueError:
        return text
    return text


def is_literal(term: bytes) -> bool:
    return term[:1] == b'"'
