"""A first claim sheet for a new article, for a person to review and import: one row per figure
(with the words that bound it: "more than", "some", "over") and per quotation (with the speaker
named near it), each anchored by its sentence in the text."""
import csv
import io
import re
from pathlib import Path

from .audit import find_figures, find_quotations
from .model.sheet import COLUMNS
from .lookup import parse_figure

BOUND_WORDS = [
    (r"more than|over|at least|upwards of|in excess of", "lower"),
    (r"less than|fewer than|under|up to|at most|nearly|almost|just under|top", "upper"),
    (r"some|about|around|roughly|approximately|an estimated|estimated|almost exactly", "approximate"),
]
_BOUND = re.compile(r"(?:\b(" + "|".join(w for w, _ in BOUND_WORDS) + r")\s+(?:the\s+)?)$", re.IGNORECASE)
WORD_VALUES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
               "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "thirty": 30, "forty": 40,
               "fifty": 50, "hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
VAGUE = {"tens of thousands": 10_000, "hundreds of thousands": 100_000, "tens of millions": 10_000_000,
         "hundreds of millions": 100_000_000, "dozens of thousands": 10_000}
MONTHS = ("january february march april may june july august september october november december").split()
_NAME = r"((?:Dr|Mr|Mrs|Ms|Prof|Professor|Sir|Dame) )?[A-Z][\w'-]+(?: (?:(?:for|of|the|and) )*[A-Z][\w'-]+)*"
_SAID = r"(?:said|says|wrote|writes|told [^:\"]+|added|claimed|warned)"
SPEAKER_BEFORE = re.compile(rf"(?P<name>{_NAME})(?:,[^,\"]{{0,80}},)? {_SAID}:?(?: the| that)?\s*$")
SPEAKER_AFTER = re.compile(rf"^[,.]?\s*{_SAID} (?P<name>{_NAME})")
ACCORDING = re.compile(r"according to (?P<phrase>[^,.;]+)")
SINCE = re.compile(r"since (?:(?P<month>" + "|".join(MONTHS) + r") )?(?P<year>(?:19|20)\d{2})", re.IGNORECASE)


def _according(sentence: str) -> str | None:
    """The last name in "according to …" ("… opposition outlet the Bell" -> "Bell")."""
    m = ACCORDING.search(sentence)
    found = [n for n in re.finditer(rf"(?<!\w){_NAME}", m.group("phrase"))] if m else []
    return found[-1].group(0) if found else None


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or line) around [start, end)."""
    dot, line = text.rfind(". ", 0, start), text.rfind("\n", 0, start)
    left = max(dot + 2 if dot >= 0 else 0, line + 1)
    stops = [i for i in (text.find(". ", end), text.find(".\n", end), text.find("\n", end)) if i >= 0]
    right = min(stops) if stops else len(text)
    return left, right


def _value(words: str):
    lower = words.lower()
    if lower in VAGUE:
        return VAGUE[lower], "lower"
    if lower == "half":
        return 50, None
    if lower in WORD_VALUES:
        return WORD_VALUES[lower], None
    return parse_figure(words), None


def _time(sentence: str) -> str:
    m = SINCE.search(sentence)
    if not m:
        return ""
    month = f"-{MONTHS.index(m.group('month').lower()) + 1:02d}" if m.group("month") else ""
    return f"{m.group('year')}{month}/.."


def _is_year(text: str, start: int, end: int) -> bool:
    words = text[start:end]
    before = text[max(0, start - 12):start].lower()
    return bool(re.fullmatch(r"(19|20)\d{2}", words)) and (any(before.rstrip().endswith(m) for m in MONTHS)
                                                           or re.search(r"(since|in|by|beyond|until|from|of)\s*$", before))


def draft_rows(text: str, text_name: str) -> list[dict]:
    """Proposed claim-sheet rows for ``text`` (a new article's plain text)."""
    rows = []
    quotes = find_quotations(text)
    for start, close in quotes:
        end = close
        while end > start and text[end - 1] in ",.;:":  # "…young Russians," said: the comma is not quoted words
            end -= 1
        before = text[max(0, start - 200):start - 1]
        after = text[close + 1:close + 120]
        m = SPEAKER_BEFORE.search(before) or SPEAKER_AFTER.search(after)
        rows.append({"kind": "quotation", "quote": text[start:end], "_start": start,
                     "speaker": m.group("name") if m else "",
                     "statement": f"{m.group('name') if m else '?'} said: \"{text[start:end]}\""})
    for start, end in find_figures(text):
        if any(qs <= start < qe for qs, qe in quotes) or _is_year(text, start, end):
            continue
        value, bound = _value(text[start:end])
        if value is None:
            continue
        bm = _BOUND.search(text[max(0, start - 30):start])
        printed_start = start - len(bm.group(0)) if bm else start
        if bm and bound is None:
            bound = next(b for w, b in BOUND_WORDS if re.fullmatch(w, bm.group(1), re.IGNORECASE))
        s, e = _sentence(text, start, end)
        sentence = text[s:e].strip()
        words = text[start:end].lower()
        unit = "per cent" if ("%" in words or "per cent" in words or "percent" in words or words == "half") else "people"
        who = _according(sentence)
        rows.append({
            "kind": "figure", "value": str(value), "as_printed": text[printed_start:end],
            "bound": bound or "exact", "unit": unit, "time": _time(sentence),
            "quote": sentence, "_start": start, "statement": sentence,
            "speaker": who or "",
            "hedge": "reported" if who else "",
        })
    rows.sort(key=lambda r: r["_start"])
    seen, out = {}, []
    for row in rows:  # the same sentence twice: later occurrence
        row["occurrence"] = ""
        if row["kind"] == "figure":
            count = seen.get(row["quote"], 0)
            anchor = text.find(row["quote"])
            while anchor >= 0 and anchor + len(row["quote"]) <= row["_start"]:
                count += 1
                anchor = text.find(row["quote"], anchor + 1)
            row["occurrence"] = str(count + 1) if count else ""
        out.append({k: v for k, v in row.items() if not k.startswith("_")})
    if out:
        out[0].update(_source_columns(text, text_name))
    return out


def _source_columns(text: str, text_name: str) -> dict:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    author = next((line[3:].strip() for line in lines if line.startswith("By ")), "")
    published = ""
    m = re.search(r"Published:?\s*(\d{1,2})/(\d{1,2})/(\d{4})", text)
    if m:
        published = f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"
    return {"source_title": lines[0] if lines else "", "source_type": "NewsArticle",
            "source_author": f"{author} [person]" if author else "", "source_published": published,
            "source_text": text_name}


def draft_sheet(text_path) -> str:
    """A claim sheet (CSV text) proposed for the article in ``text_path``."""
    path = Path(text_path)
    rows = draft_rows(path.read_text(encoding="utf-8"), path.name)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()
