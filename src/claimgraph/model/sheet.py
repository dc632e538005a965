"""Claim sheets as files: the columns, reading a sheet (a file or standard input) into rows,
and writing rows back. The format is documented in docs/claim-sheets.md and README.md; what a
row means is built by :mod:`claimgraph.model.build`.
"""
import csv
import io
import sys
from pathlib import Path

from ..errors import SheetError

CLAIM_COLUMNS = [
    "key", "kind", "mode", "claim", "statement", "subject", "predicate", "object",
    "value", "min", "max", "as_printed", "bound", "unit", "measure", "time", "from", "to", "each_place",
    "part_of", "about", "hedge", "quote", "occurrence", "speaker", "speaker_role", "derived_from",
]
ENTITY_COLUMNS = ["name", "aliases", "type", "role", "url"]
SOURCE_COLUMNS = [
    "source_title", "source_type", "source_publisher", "source_author", "source_published",
    "source_url", "source_retrieved", "source_text", "source_derived_from",
]
#: Every column, in the order the template and exports write them.
COLUMNS = CLAIM_COLUMNS + ENTITY_COLUMNS + SOURCE_COLUMNS
#: Columns a sheet's header must have.
REQUIRED = ["kind"]
#: Cells that a spreadsheet would run as a formula start with one of these (OWASP CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
MAX_SHEET_BYTES = 64 * 1024 * 1024


def read_sheet(path) -> list[dict]:
    """Rows of a claim sheet (``-`` for standard input) as dicts with a ``_row`` number (the
    spreadsheet's line number). A cell written as ``'=…`` by :func:`write_sheet` (a formula
    neutralised) is read back without its leading apostrophe."""
    label = "<stdin>" if str(path) == "-" else str(path)
    try:
        if str(path) == "-":
            data = sys.stdin.buffer.read(MAX_SHEET_BYTES + 1)
        else:
            p = Path(path)
            if not p.is_file():
                raise SheetError(label, [f"{label}: not a file: give the path of a claim sheet (CSV)"])
            if p.stat().st_size > MAX_SHEET_BYTES:
                raise SheetError(label, [f"{label}: larger than {MAX_SHEET_BYTES >> 20} MB: split the sheet"])
            data = p.read_bytes()
        if len(data) > MAX_SHEET_BYTES:
            raise SheetError(label, [f"{label}: larger than {MAX_SHEET_BYTES >> 20} MB: split the sheet"])
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise SheetError(label, [f"{label}: byte {exc.start} is not UTF-8: save the sheet as UTF-8 CSV"]) from None
        reader = csv.DictReader(io.StringIO(text, newline=""))
        header = [h.strip() for h in (reader.fieldnames or [])]
        reader.fieldnames = header
        missing = [c for c in REQUIRED if c not in header]
        problems = []
        if not header or not set(header) & set(COLUMNS):
            first = (text.splitlines() or [""])[0]
            shown = repr(first[:60]) + ("…" if len(first) > 60 else "")
            raise SheetError(label, [f"{label}: not a claim sheet: its first line ({shown}) names none of the "
                                     "columns; a sheet is CSV with a header such as key,kind,statement,… (an "
                                     "article's text goes to `claimgraph draft`, or `import --text`)"])
        if missing:
            problems.append(f"{label}: header: missing column(s) {', '.join(missing)}: the first line names the "
                            f"columns (see the template, src/claimgraph/templates/claim-sheet.csv)")
        unknown = [c if len(c) <= 40 else c[:39] + "…" for c in header if c and c not in COLUMNS]
        if unknown:
            problems.append(f"{label}: header: unknown column(s) {', '.join(unknown)}: the columns are "
                            f"{', '.join(COLUMNS)}")
        if problems:
            raise SheetError(label, problems)
        rows = []
        for n, row in enumerate(reader, start=2):
            extra = row.pop(None, None)
            cells = {k: _unneutralised((v or "").strip()) for k, v in row.items() if k}
            if extra and any(e.strip() for e in extra):
                cells["_extra"] = "1"
            cells["_row"] = n
            if any(v for k, v in cells.items() if not k.startswith("_")):
                rows.append(cells)
        return rows
    except csv.Error as exc:
        raise SheetError(label, [f"{label}: not a readable CSV file: {exc}"]) from None
    except OSError as exc:
        raise SheetError(label, [f"{label}: cannot read the sheet: {exc.strerror or exc}"]) from None


def _needs_apostrophe(cell: str) -> bool:
    return bool(cell) and (cell[0] in FORMULA_START or (cell[0] == "'" and _needs_apostrophe(cell[1:])))


def _unneutralised(cell: str) -> str:
    return cell[1:] if cell.startswith("'") and _needs_apostrophe(cell[1:]) else cell


def neutralised(cell: str) -> str:
    """A cell as written to a sheet: one that a spreadsheet would run as a formula (starting
    with = + - @, a tab or a carriage return) gets a leading apostrophe, as OWASP recommends;
    :func:`read_sheet` takes it off again, so export then import gives back the same graph."""
    return "'" + cell if _needs_apostrophe(cell) else cell


def write_sheet(rows: list[dict], columns=None) -> str:
    """Rows as sheet text (CSV with a header), formulas neutralised."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns or COLUMNS, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: neutralised(str(v)) if v is not None else "" for k, v in row.items()})
    return out.getvalue()
