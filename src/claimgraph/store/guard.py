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

_BASE = ("A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C-\u200D"
         "\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\U00010000-\U000EFFFF")
_U = _BASE + "_"
_CHARS = _U + "\\-0-9\u00B7\u0300-\u036F\u203F-\u2040"
_PLX = r"%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?#@%]"
_LOCAL = rf"(?:[{_U}:0-9]|{_PLX})(?:(?:[{_CHARS}.:]|{_PLX})*(?:[{_CHARS}:]|{_PLX}))?"
_TOKEN = re.compile(rf"""
    (?P<space>\s+)
  | (?P<comment>\#[^\n\r]*)
  | (?P<long>'''(?:[^'\\]|\\.|'(?!''))*(?:'''|\Z) | \"\"\"(?:[^"\\]|\\.|"(?!""))*(?:\"\"\"|\Z))
  | (?P<string>'(?:[^'\\\n\r]|\\.)*'? | "(?:[^"\\\n\r]|\\.)*"?)
  | (?P<var>[?$][{_U}0-9][{_U}0-9\u00B7\u0300-\u036F\u203F-\u2040]*)
  | (?P<bnode>_:[{_U}0-9](?:[{_CHARS}.]*[{_CHARS}])?)
  | (?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*(?:--[A-Za-z]+)?)
  | (?P<pname>(?P<prefix>[{_BASE}](?:[{_CHARS}.]*[{_CHARS}])?)?:(?:{_LOCAL})?)
  | (?P<number>(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)
  | (?P<word>[{_CHARS}]+)
  | (?P<other>.)
""", re.VERBOSE | re.DOTALL)
_IRI = re.compile(r"<[^<>\"{}|^`\\\x00-\x20]*>")
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
    seen = set()
    todo = [(0, (), False)]
    while todo:
        pos, stack, operand = todo.pop()
        while pos < len(query):
            if query[pos] == "<":
                iri = _IRI.match(query, pos)
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
            token = _TOKEN.match(query, pos)
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
