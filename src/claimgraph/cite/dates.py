"""Dates as citations print them."""
from datetime import date, datetime


def parse_date(value) -> date | None:
    """The date of an ISO date or date-time (``2024-07-18``, ``2024-07-18T08:38:00+01:00``);
    None when there is none or it is not one."""
    if not value:
        return None
    text = str(value)
    try:
        if "T" in text:
            return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def short_date(value) -> str:
    """``18 Jul 2024`` for an ISO date or date-time; "n.d." when there is none."""
    d = parse_date(value)
    return f"{d.day} {d:%b %Y}" if d else (str(value) if value else "n.d.")
