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
    """Every name and alternative name of the entities in the data folder -> the entity's name."""
    from ..resources import query_text
    from ..store import open_store

    names: dict[str, str] = {}
    with open_store(data_dir) as store:
        rows = store.select(query_text("lib/entity_labels"))
    labels: dict[str, list[str]] = {}
    for row in rows:
        labels.setdefault(row["entity"], []).append(row["label"])
    for found in labels.values():
        name = found[0]
        for label in found:
            names.setdefault(label, name)
    return names


def draft_sheet(text_path, outlet: str = "", date: str = "", known: dict | None = None) -> str:
    """A claim sheet (CSV text) proposed for the article in ``text_path``."""
    from ..model.sheet import write_sheet

    path = Path(text_path)
    return write_sheet(draft_rows(path.read_text(encoding="utf-8"), path.name, outlet, date, known))
