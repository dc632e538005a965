"""draft: a first claim sheet for a new article, for a person to review and import.

One module per concern: :mod:`.text` (paragraphs and sentences), :mod:`.figures` (every figure
with its bound words) from :mod:`.numbers` (how a number is written), never what :mod:`.skips` says
is none (a date, year, time, age, label or ordinal), and :mod:`.units` (what it counts),
:mod:`.quotations` (every quoted span), :mod:`.names` (who the article names) and :mod:`.kinds`
(whether capitalised words name a person, an organisation, a place or a title), :mod:`.speakers`
(who says what, sentence by sentence), :mod:`.subjects` (whom a noun phrase before or after a
speech verb names), :mod:`.referents` (whom "he", "it", "they", "the governor" stand for: only
where news writing leaves no doubt), :mod:`.periods` (the period a figure covers), :mod:`.source`
(headline, byline, outlet, date) and :mod:`.sheet` (the rows). ``audit`` finds figures and
quotations with the same finders.
"""
from pathlib import Path

from .sheet import draft_rows

__all__ = ["Known", "draft_rows", "draft_sheet", "known_names"]


class Known(dict):
    """Names the data folder knows: every name, alternative name and code -> the entity's name;
    ``people`` holds the names of the people among them (so "Putin" is a person)."""

    def __init__(self, names=(), people=()):
        super().__init__(names)
        self.people = set(people)


def known_names(data_dir=None) -> Known:
    """The names of the entities in the data folder, as a draft writes a known speaker."""
    from ..resources import query_text
    from ..store import open_store

    with open_store(data_dir) as store:
        rows = store.select(query_text("lib/entity_names"))
    known = Known(people={r["name"] for r in rows if r["person"]})
    for row in sorted(rows, key=lambda r: (r["label"] != r["name"], r["name"])):
        known.setdefault(row["label"], row["name"])
    return known


def draft_sheet(text_path, outlet: str = "", date: str = "", known: dict | None = None, text: str | None = None) -> str:
    """A claim sheet (CSV text) proposed for the article in ``text_path`` (or for ``text``, read
    elsewhere, with ``text_path`` its file name or None). DataError for a file that cannot be
    read or is not UTF-8."""
    from ..errors import DataError
    from ..model.sheet import write_sheet

    name = Path(text_path).name if text_path else ""
    if text is None:
        try:
            text = Path(text_path).read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            raise DataError(f"{text_path}: byte {exc.start} is not UTF-8: save the article's text as UTF-8") from None
        except OSError as exc:
            raise DataError(f"{text_path}: cannot read: {exc.strerror}") from None
    return write_sheet(draft_rows(text, name, outlet, date, known))
