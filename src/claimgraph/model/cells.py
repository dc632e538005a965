"""Cells of a claim sheet read as values: entities by name, numbers, dates and intervals, URLs;
each fault goes to a :class:`Faults` with its row, column, what is wrong and what to write
instead."""
import re
from datetime import date, datetime

from rdflib import XSD, Literal, URIRef

from .figures import LIMIT, PRECISION, parse_value

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$")
_SPAN = re.compile(r"^(\d{4}(-\d{2}(-\d{2})?)?)(/(\d{4}(-\d{2}(-\d{2})?)?|\.\.))?$")
TRUE = ("yes", "true", "1", "y")


class Faults:
    """The faults of a sheet, one line each: ``sheet: row N, column C: what; what to write``."""

    def __init__(self, label: str):
        self.label, self.lines, self.rows = label, [], set()

    def add(self, row: dict, column: str, message: str):
        self.lines.append(f"{self.label}: row {row['_row']}, column {column}: {message}")
        self.rows.add(row["_row"])


class Cells:
    """What reads a row's cells; ``self.index`` resolves names, ``self.faults`` collects faults."""

    def fault(self, row, column, message):
        self.faults.add(row, column, message)

    def entity(self, row, column, name, mint=True):
        node = self.index.find(name, mint=mint)
        if node is None:
            near = self.index.suggestions(name)
            hint = f"did you mean {' or '.join(repr(n) for n in near)}? " if near else ""
            self.fault(row, column, f"unknown entity {name!r}: {hint}name a known one or a country, or add it: "
                                    f"'{name} [person]', '{name} [organisation]', '{name} [event]', "
                                    f"'{name} [document]', or an entity row")
        return node

    def entities(self, row, column) -> list[str]:
        names = [n.strip() for n in row.get(column, "").split(";") if n.strip()]
        return [e for e in (self.entity(row, column, n) for n in names) if e is not None]

    def number(self, row, column):
        text = row.get(column, "")
        value = parse_value(text)
        if value is None:
            self.fault(row, column, f"{text!r} is not a number: write digits, such as 650000, 650,000, 1.6 million "
                                    f"or 33.3 (at most {PRECISION} decimals, at most 10^18)")
            return None
        decimals = re.search(r"\.(\d+)", text)
        if decimals and len(decimals.group(1)) > PRECISION:
            self.fault(row, column, f"{text!r} has more than {PRECISION} digits after the point: round it")
            return None
        if abs(value) > LIMIT:
            self.fault(row, column, f"{text!r} is beyond the figures claimgraph keeps (at most 10^18)")
            return None
        return value

    def when(self, row, column, text, span=False, partial=False):
        """A date, date-time (or, with ``span``, an ISO 8601 interval; with ``partial``, a year
        or year-month too) checked for real."""
        try:
            if partial and re.match(r"^\d{4}$", text):
                return Literal(text, datatype=XSD.gYear)
            if partial and re.match(r"^\d{4}-(0[1-9]|1[0-2])$", text):
                return Literal(text, datatype=XSD.gYearMonth)
            if _DATETIME.match(text):
                datetime.fromisoformat(text.replace("Z", "+00:00"))
                return Literal(text, datatype=XSD.dateTime)
            if _DATE.match(text):
                date.fromisoformat(text)
                return Literal(text, datatype=XSD.date)
            m = _SPAN.match(text) if span else None
            if m:
                for part in (m.group(1), m.group(5)):
                    if part and len(part) == 10:
                        date.fromisoformat(part)
                    elif part and len(part) == 7 and not 1 <= int(part[5:]) <= 12:
                        raise ValueError(part)
                return Literal(text)
        except ValueError:
            pass
        example = "2022-02/.., 2023, 2024-01/2024-06" if span else "2024-07-18 or 2024-07-18T08:38:00+01:00"
        self.fault(row, column, f"{text!r} is not a {'date or interval' if span else 'date'}: write ISO 8601, "
                                f"such as {example}")
        return None

    def url(self, row, column):
        text = row.get(column, "")
        if not text:
            return None
        if not re.match(r"^https?://[^\s<>\"{}|\\^`]+$", text):
            self.fault(row, column, f"{text!r} is not an http(s) URL: write the address as a browser shows it, "
                                    "starting https://")
            return None
        return URIRef(text)

    # ------------------------------------------------------------------ build
