"""Refusing SPARQL ``SERVICE``: it makes the store fetch from any host and port (Oxigraph, embedded
and server alike, follows it; neither has a switch to turn it off), so a query sent to ``serve``
or run by ``query`` could reach hosts only the machine can reach.

:func:`uses_service` reads the query with a SPARQL tokenizer and answers True when the keyword
SERVICE (any case) stands anywhere outside string literals, IRIs ``<…>``, comments, variable
names, language tags, blank node labels and the local part of prefixed names. Oxigraph's parser
needs no space after a keyword (``SERVICE:x``, ``SERVICESILENT<…>`` are services to it), so a
word or a prefix that merely contains SERVICE counts too. One thing a tokenizer alone cannot
tell is whether ``<`` inside parentheses opens an IRI or is "less than" (``FILTER(?a<2)SERVICE#>``
hides a service from a tokenizer that takes ``<2)SERVICE#>`` for an IRI): there both readings
are followed, and a service in either refuses the query. Queries that only mention the word in
strings and IRIs (``"SERVICE"``, ``<http://example.org/service>``) pass.
"""
import re
from functools import lru_cache

from ..errors import QueryError

# SPARQL 1.1's PN_CHARS_BASE, PN_CHARS_U and PN_CHARS, with every character past ASCII taken as a
# name character: outside strings, IRIs and comments Oxigraph rejects any other non-ASCII
# character, so a query holding one runs nothing, and reading names too long hides nothing that
# runs. (The exact Unicode ranges made the token pattern take 21 ms to compile; these ~1 ms.)
_BASE = [(0x41, 0x5A), (0x61, 0x7A), (0x80, 0x10FFFF)]
_U = _BASE + [(0x5F, 0x5F)]
_VARCHARS = _U + [(0x30, 0x39)]
_CHARS = _VARCHARS + [(0x2D, 0x2D)]


def _inside(ranges, extra="") -> str:
    """A regex class of ``ranges`` (and the literal ``extra`` characters), written as its complement."""
    edges, at = [], 0
    for low, high in sorted(ranges + [(ord(c), ord(c)) for c in extra]):
        if low > at:
            edges.append((at, low - 1))
        at = max(at, high + 1)
    if at <= 0x10FFFF:
        edges.append((at, 0x10FFFF))
    return "[^" + "".join(re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "") for a, b in edges) + "]"


@lru_cache(maxsize=1)
def _patterns():
    plx = r"%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?#@%]"
    local = (rf"(?:{_inside(_U, ':0123456789')}|{plx})"
             rf"(?:(?:{_inside(_CHARS, '.:')}|{plx})*(?:{_inside(_CHARS, ':')}|{plx}))?")
    token = re.compile(rf"""
        (?P<space>\s+)
      | (?P<comment>\#[^\n\r]*)
      | (?P<long>'''(?:[^'\\]|\\.|'(?!''))*(?:'''|\Z) | \"\"\"(?:[^"\\]|\\.|"(?!""))*(?:\"\"\"|\Z))
      | (?P<string>'(?:[^'\\\n\r]|\\.)*'? | "(?:[^"\\\n\r]|\\.)*"?)
      | (?P<var>[?$]{_inside(_U, "0123456789")}{_inside(_VARCHARS)}*)
      | (?P<bnode>_:{_inside(_U, "0123456789")}(?:{_inside(_CHARS, ".")}*{_inside(_CHARS)})?)
      | (?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*(?:--[A-Za-z]+)?)
      | (?P<pname>(?P<prefix>{_inside(_BASE)}(?:{_inside(_CHARS, ".")}*{_inside(_CHARS)})?)?:(?:{local})?)
      | (?P<number>(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)
      | (?P<word>{_inside(_CHARS)}+)
      | (?P<other>.)
    """, re.VERBOSE | re.DOTALL)
    return token, re.compile(r"<[^<>\"{}|^`\\\x00-\x20]*>")


_BRACKETS = {"(": ")", "{": "}", "[": "]"}
_MAX_STATES = 100_000
_OPERANDS = {"long", "string", "var", "bnode", "lang", "pname", "number"}


class ServiceRefused(QueryError):
    """A query uses SERVICE and the user did not allow it."""


def refuse_service(query: str) -> None:
    """Raise ServiceRefused if ``query`` uses SERVICE (see :func:`uses_service`)."""
    if uses_service(query):
        raise ServiceRefused("the query uses SERVICE, which fetches from other hosts; "
                             "refused (pass --allow-service to let it)")


@lru_cache(maxsize=256)
def uses_service(query: str) -> bool:
    """Whether ``query`` may use SERVICE under any reading of its ``<`` signs (see the module).
    A query too tangled to read within a bound of work counts as using it."""
    token_pattern, iri_pattern = _patterns()
    seen = set()
    todo = [(0, (), False)]
    while todo:
        pos, stack, operand = todo.pop()
        while pos < len(query):
            if query[pos] == "<":
                iri = iri_pattern.match(query, pos)
                if iri is None:
                    pos, operand = pos + 1, False
                    continue
                if stack and stack[-1] == "(":  # maybe "less than" after an operand, not an IRI
                    if (pos, stack, operand) in seen:
                        break
                    seen.add((pos, stack, operand))
                    if len(seen) > _MAX_STATES:
                        return True
                    if operand:
                        todo.append((pos + 1, stack, False))
                pos, operand = iri.end(), True
                continue
            token = token_pattern.match(query, pos)
            kind, text = token.lastgroup, token.group()
            pos = token.end()
            if kind in ("space", "comment"):
                continue
            # SERVICE opens a pattern: it can only stand in a { } group, right after a term or
            # a bracket; Oxigraph reads keywords without a space after them, so a word or a
            # prefix that merely contains it counts.
            in_group = stack and stack[-1] == "{"
            if in_group and kind == "word" and "service" in text.lower():
                return True
            if in_group and kind == "pname" and "service" in (token.group("prefix") or "").lower():
                return True
            if kind == "other":
                stack = _bracket(stack, text)
            operand = kind in _OPERANDS or text in (")", "]") or (kind == "word" and text.lower() in ("true", "false"))
    return False


def _bracket(stack: tuple, char: str) -> tuple:
    if char in _BRACKETS:
        return (stack + (char,))[-64:]
    if stack and char == _BRACKETS.get(stack[-1]):
        return stack[:-1]
    return stack
