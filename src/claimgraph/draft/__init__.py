"""draft: a first claim sheet for a new article, for a person to review and import.

One module per concern: :mod:`.text` (paragraphs and sentences), :mod:`.figures` (every figure
with its bound words and unit, never a date, year, time, age or ordinal), :mod:`.quotations`
(every quoted span), :mod:`.names` (who the article names), :mod:`.speakers` (who says what),
:mod:`.periods` (the period a figure covers), :mod:`.source` (headline, byline, outlet, date) and
:mod:`.sheet` (the rows). ``audit`` finds figures and quotations with the same finders.
"""
from pathlib import Path

from .sheet import draft_rows

__all__ = ["draft_rows", "draft_sheet", "known_names"]


def known_names(data_dir=None) -> dict[str, str]:
    """Every name, alternative name and code of the entities in the data folder -> the entity's
    name, as a draft writes a known speaker."""
    from ..resources import query_text
    from ..store import open_store

    with open_store(data_dir) as store:
        rows = store.select(query_text("lib/entity_names"))
    names: dict[str, str] = {}
    for row in sorted(rows, key=lambda r: (r["label"] != r["name"], r["name"])):
        names.setdefault(row["label"], row["name"])
    return names


def draft_sheet(text_path, outlet: str = "", date: str = "", known: dict | None = None) -> str:
    """A claim sheet (CSV text) proposed for the article in ``text_path``."""
    from ..model.sheet import write_sheet

    path = Path(text_path)
    return write_sheet(draft_rows(path.read_text(encoding="utf-8"), path.name, outlet, date, known))
