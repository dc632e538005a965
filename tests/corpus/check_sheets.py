"""Check claim sheets of a corpus (tests/corpus/dev/, tests/corpus/holdout/) against their
texts (stdlib only).

Each corpus folder's exceptions.json names what its texts hold that the checks would misread; a
printed figure may be read with the Indian scale words crore/cr (10 million) and lakh (100,000).

    python tests/corpus/check_sheets.py [sheet.csv ...]

For every sheet (default: every .csv of tests/corpus/dev/):
- the columns are those of docs/claim-sheets.md, keys are unique, kinds/modes/bounds are known;
- every claim row's `quote` is found verbatim in the text (at its `occurrence`), and a figure's
  `as_printed` stands inside its `quote`; the number in `as_printed` agrees with `value`/`min`/`max`
  when it can be read (a plain number, with million/billion/bn/m, or a currency sign);
- the first claim row carries `source_title` and `source_text`; `part_of`/`claim` name earlier keys;
- speakers, `derived_from` documents and `event/…` subjects are defined in the sheet (entity row,
  name or alias, or a `[person]`/`[organisation]` hint) or in graph_data/entities.ttl;
- coverage: every figure token (numerals, number words) and every quoted span (straight or curly
  double quotes, low-high quotes, single quotes opening after a space) of the text lies inside the
  quote of some claim row. Dates, years, times of day and ordinals are skipped by pattern; the few
  other numbers that are not figures are listed, with a reason, in NOT_FIGURES below.

Prints one line of counts per sheet and every problem found; exits 1 if there is any problem.

    python tests/corpus/check_sheets.py --shared [sheet.csv ...]

prints the claims that rows of more than one sheet carry (same speaker, subject, value or range,
unit, measure, time and places; quotations: same words up to typography and final punctuation).
"""
import csv
import re
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent / "dev"
ENTITIES_TTL = HERE.parents[2] / "graph_data" / "entities.ttl"

COLUMNS = ["key", "kind", "mode", "claim", "statement", "subject", "predicate", "object", "value",
           "min", "max", "as_printed", "bound", "unit", "measure", "time", "from", "to", "each_place",
           "part_of", "about", "hedge", "quote", "occurrence", "speaker", "speaker_role",
           "derived_from", "name", "aliases", "type", "role", "url", "source_title", "source_type",
           "source_publisher", "source_author", "source_published", "source_url",
           "source_retrieved", "source_text", "source_derived_from"]
CLAIM_KINDS = {"figure", "quotation", "statement"}
ENTITY_KINDS = {"person", "organisation", "event", "document", "place"}
MODES = {"quotation", "reported", "own"}
BOUNDS = {"exact", "approximate", "lower", "upper"}

# Each corpus folder's exceptions.json lists, per article slug, what its texts hold that the
# checks below would misread: "not_figures" (numbers that are no figure: ages, names, durations
# that only date a claim; [context, reason]), "misprints" (rows whose printed form cannot give
# their value; {key: reason}) and "not_quotations" (spans in quotation marks that are no one's
# words; [context, reason]).
NOT_FIGURES, MISPRINTS, NOT_QUOTATIONS = {}, {}, {}


def load_exceptions(folder: Path) -> None:
    """Add the exception tables of a corpus folder (its exceptions.json, if any)."""
    path = folder / "exceptions.json"
    if path.exists():
        tables = json.loads(path.read_text(encoding="utf-8"))
        NOT_FIGURES.update(tables.get("not_figures", {}))
        MISPRINTS.update(tables.get("misprints", {}))
        NOT_QUOTATIONS.update(tables.get("not_quotations", {}))


NUMBER_WORDS = (r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|"
                r"fifty|hundreds?|thousands?|millions?|billions?|dozens?|scores|half|halves|"
                r"double[ds]?|triple[ds]?|twice|a quarter|a third")
NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*|\b(?:%s)\b" % NUMBER_WORDS, re.I)
# patterns whose numbers are dates, years, times of day, ordinals or names (not figures)
SKIP_RES = [
    re.compile(r"\b\d{1,2}/\d{1,2}/\d{4}\b"),                              # 09/02/2017
    re.compile(r"\b\d{1,2}[.:]\d{2}\s?(?:am|pm)\b|\b\d{1,2}:\d{2}\b|\b\d{1,2}(?:am|pm)\b", re.I),  # 2.30pm, 15:35
    re.compile(r"\b\d{1,2}(?:st|nd|rd|th)\b"),                              # 8th
    re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b"),  # April 12
    re.compile(r"\b\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b"),  # 23 Nov
    re.compile(r"\b(?:1[89]|20)\d{2}(?:[-–]\d{2,4})?\b(?![,.]\d)"),         # 1975, 2009-2012
    re.compile(r"\bWorld War II\b"),
]
DQ = "\"“”„"


def read_known():
    """Names, aliases and ids of entities already in the graph."""
    known = set()
    if ENTITIES_TTL.exists():
        ttl = ENTITIES_TTL.read_text(encoding="utf-8")
        for m in re.finditer(r'"([^"]+)"', ttl):
            known.add(m.group(1).casefold())
        for m in re.finditer(r"^(\w+):([\w-]+)\s+a\s", ttl, re.M):
            known.add(f"{m.group(1)}/{m.group(2)}".casefold())
    return known


def slugify(name):
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def find_nth(text, sub, n):
    i = -1
    for _ in range(n):
        i = text.find(sub, i + 1)
        if i < 0:
            return -1
    return i


def parse_number(s):
    s = s.strip().replace(",", "")
    return float(s) if re.fullmatch(r"-?\d+(?:\.\d+)?", s) else None


SCALE = {"million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "thousand": 1e3,
         "crore": 1e7, "crores": 1e7, "cr": 1e7, "lakh": 1e5, "lakhs": 1e5}


def printed_numbers(as_printed):
    """Numbers readable from a printed figure: '£10.5 million' -> [10500000.0], '13 cents' -> [0.13],
    '2.3 times' -> [230.0] (a ratio as a per cent)."""
    out = []
    for m in re.finditer(r"(\d+(?:[.,]\d+)*)\s*(million|billion|bn|m|thousand|crores?|cr|lakhs?|cents?|times)?\b", as_printed):
        n = float(m.group(1).replace(",", ""))
        unit = (m.group(2) or "").lower()
        out.append(n / 100 if unit.startswith("cent") else n * 100 if unit == "times"
                   else n * SCALE.get(unit, 1))
    return out


def quoted_spans(text):
    """(start, end) of the words inside quotation marks, paragraph by paragraph."""
    spans = []
    pos = 0
    for para in text.split("\n"):
        marks = [i for i, c in enumerate(para) if c in DQ]
        for a, b in zip(marks[0::2], marks[1::2] + [len(para)]):
            spans.append((pos + a + 1, pos + b))
        for m in re.finditer(r"(?:(?<=\s)|^|(?<=\())['‘](?=\w)(.+?)['’](?!\w)", para):
            spans.append((pos + m.start(1), pos + m.end(1)))
        pos += len(para) + 1
    return spans


def check(sheet: Path, known: set):
    problems = []
    slug = sheet.stem
    rows = list(csv.DictReader(sheet.open(encoding="utf-8", newline="")))
    header = list(rows[0].keys()) if rows else []
    unknown = [c for c in header if c not in COLUMNS]
    if unknown:
        problems.append(f"unknown columns {unknown}")
    text_name = next((r.get("source_text") for r in rows if r.get("source_text")), "")
    text_path = sheet.parent / text_name
    if not text_name or not text_path.exists():
        return [f"no source_text file ({text_name!r})"], {}
    text = text_path.read_text(encoding="utf-8")

    defined = set(known)
    event_ids = set()
    documents = set()
    for r in rows:
        if r["kind"] in ENTITY_KINDS:
            if not r.get("name"):
                problems.append(f"{r['kind']} row without a name")
                continue
            names = [r["name"]] + [a.strip() for a in r.get("aliases", "").split(";") if a.strip()]
            defined.update(n.casefold() for n in names)
            if r["kind"] == "event":
                event_ids.add("event/" + slugify(r["name"]))
            if r["kind"] == "document":
                documents.update(n.casefold() for n in names)
        if r.get("source_publisher"):
            defined.add(re.sub(r"\s*\[\w+\]$", "", r["source_publisher"]).casefold())
    for r in rows:  # inline hints define agents too
        for field in ("speaker", "source_author", "source_publisher"):
            for s in r.get(field, "").split(";"):
                m = re.match(r"\s*(.+?)\s*\[(person|organisation)\]\s*$", s)
                if m:
                    defined.add(m.group(1).casefold())

    keys, intervals = set(), []
    counts = {"figure": 0, "quotation": 0, "statement": 0, "entity": 0}
    first_claim = True
    for n, r in enumerate(rows, start=2):
        kind, key = r["kind"], r.get("key", "")
        where = f"line {n} ({key or kind})"
        if key:
            if key in keys:
                problems.append(f"{where}: duplicate key")
            keys.add(key)
        if kind in ENTITY_KINDS:
            counts["entity"] += 1
            if kind == "document" and r.get("speaker"):
                for s in r["speaker"].split(";"):
                    if re.sub(r"\s*\[\w+\]$", "", s.strip()).casefold() not in defined:
                        problems.append(f"{where}: document author {s.strip()!r} not defined")
            continue
        if kind not in CLAIM_KINDS:
            problems.append(f"{where}: unknown kind {kind!r}")
            continue
        counts[kind] += 1
        if first_claim:
            first_claim = False
            for c in ("source_title", "source_text", "source_publisher"):
                if not r.get(c):
                    problems.append(f"{where}: first claim row lacks {c}")
        if r.get("mode") and r["mode"] not in MODES:
            problems.append(f"{where}: unknown mode {r['mode']!r}")
        if not r.get("statement") and not r.get("claim"):
            problems.append(f"{where}: no statement")
        for ref in ("part_of", "claim"):
            if r.get(ref) and not r[ref].startswith("claim/") and r[ref] not in keys:
                problems.append(f"{where}: {ref} {r[ref]!r} is not an earlier key")
        for s in r.get("speaker", "").split(";"):
            name = re.sub(r"\s*\[\w+\]$", "", s.strip())
            if not name:
                problems.append(f"{where}: no speaker")
            elif name.casefold() not in defined:
                problems.append(f"{where}: speaker {name!r} not defined")
        for d in filter(None, (x.strip() for x in r.get("derived_from", "").split(";"))):
            if d.casefold() not in documents and d.casefold() not in known:
                problems.append(f"{where}: derived_from {d!r} is no document of the sheet")
        subj = r.get("subject", "")
        if subj.startswith("event/") and subj not in event_ids and subj.casefold() not in known:
            problems.append(f"{where}: subject {subj} has no event row")
        quote = r.get("quote", "")
        occ = int(r.get("occurrence") or 1)
        start = find_nth(text, quote, occ) if quote else -1
        if not quote:
            problems.append(f"{where}: no quote")
        elif start < 0:
            problems.append(f"{where}: quote not in text (occurrence {occ}): {quote!r}")
        else:
            intervals.append((start, start + len(quote)))
        if kind == "quotation" and (r.get("mode") or "quotation") != "quotation":
            pass  # a quotation row may be reported speech; nothing to check
        if kind == "figure":
            ap = r.get("as_printed", "")
            if not ap or ap not in quote:
                problems.append(f"{where}: as_printed {ap!r} not in quote")
            if r.get("bound") and r["bound"] not in BOUNDS:
                problems.append(f"{where}: unknown bound {r['bound']!r}")
            if not r.get("unit"):
                problems.append(f"{where}: no unit")
            value, lo, hi = (parse_number(r.get(c, "")) for c in ("value", "min", "max"))
            if value is None and (lo is None or hi is None):
                problems.append(f"{where}: neither a value nor a min and max")
            nums = printed_numbers(ap)
            targets = [value] if value is not None else [lo, hi]
            if key in MISPRINTS.get(slug, {}):
                nums = []
            if nums and "in every" not in ap and "out of every" not in ap:
                if not all(any(abs(t - x) < 1e-6 * max(1, abs(t)) for x in nums) for t in targets if t is not None):
                    problems.append(f"{where}: as_printed {ap!r} does not read as {targets}")

    covered = lambda a, b: any(s <= a and b <= e for s, e in intervals)
    skips = []
    for rx in SKIP_RES:
        skips += [m.span() for m in rx.finditer(text)]
    for ctx, _ in NOT_FIGURES.get(slug, []):
        found = [(m.start(), m.end()) for m in re.finditer(re.escape(ctx), text)]
        if not found:
            problems.append(f"NOT_FIGURES context not in text: {ctx!r}")
        skips += found
    for m in NUMBER_RE.finditer(text):
        a, b = m.span()
        if any(s <= a and b <= e for s, e in skips):
            continue
        if not covered(a, b):
            line = text[max(0, a - 40):b + 40].replace("\n", " ")
            problems.append(f"figure {m.group()!r} not covered: …{line}…")
    not_quotes = []
    for ctx, _ in NOT_QUOTATIONS.get(slug, []):
        found = [(m.start(), m.end()) for m in re.finditer(re.escape(ctx), text)]
        if not found:
            problems.append(f"NOT_QUOTATIONS context not in text: {ctx!r}")
        not_quotes += found
    for a, b in quoted_spans(text):
        inner = text[a:b].rstrip(" ,.;:")
        if any(s <= a and a + len(inner) <= e for s, e in not_quotes):
            continue
        if inner and not covered(a, a + len(inner)):
            problems.append(f"quotation not covered: {inner[:70]!r}")
    return problems, counts


def claim_key(r, canon):
    """The identity of a row's claim by the matching rules of docs/claim-sheets.md."""
    speaker = "; ".join(sorted(canon(s) for s in r["speaker"].split(";") if s.strip()))
    if r["kind"] == "quotation":
        words = r["quote"].casefold()
        for a, b in (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'), ("–", "-"), ("—", "-"), ("-", " ")):
            words = words.replace(a, b)
        words = re.sub(r"\s+(?=[.,;:!?])", "", " ".join(words.split()))  # spacing before punctuation
        return ("quotation", speaker, words.rstrip(" .,;:"))
    places = lambda v: ";".join(sorted(x.strip() for x in v.split(";") if x.strip()))
    return (r["kind"], speaker, r["subject"], r["predicate"], r["value"] or (r["min"], r["max"]),
            r["unit"], r["measure"], r["time"], places(r["from"]), places(r["to"]))


def shared(sheets):
    """Print the claims that rows of more than one sheet carry."""
    alias = {}
    rows_by_sheet = {}
    for sheet in sheets:
        rows = list(csv.DictReader(sheet.open(encoding="utf-8", newline="")))
        rows_by_sheet[sheet.stem] = rows
        for r in rows:
            if r["kind"] in ENTITY_KINDS and r.get("name"):
                for n in [r["name"]] + r.get("aliases", "").split(";"):
                    if n.strip():
                        alias[n.strip().casefold()] = r["name"]
    canon = lambda s: alias.get(re.sub(r"\s*\[\w+\]$", "", s.strip()).casefold(), s.strip())
    groups = {}
    for slug, rows in rows_by_sheet.items():
        for r in rows:
            if r["kind"] in CLAIM_KINDS:
                groups.setdefault(claim_key(r, canon), []).append((slug, r))
    n = 0
    for key, members in groups.items():
        slugs = sorted({s for s, _ in members})
        if len(slugs) > 1:
            n += 1
            r = members[0][1]
            print(f"{r['statement']}  [{canon(r['speaker'])}]")
            for s, m in members:
                print(f"    {s}: {m['key']} ({m.get('as_printed') or m['quote'][:50]})")
    print(f"{n} claim(s) carried by more than one sheet")


def main(argv):
    if argv[:1] == ["--shared"]:
        sheets = [Path(a) for a in argv[1:]] or sorted(HERE.glob("*.csv"))
        for folder in sorted({s.resolve().parent for s in sheets}):
            load_exceptions(folder)
        shared(sheets)
        return 0
    sheets = [Path(a) for a in argv] or sorted(HERE.glob("*.csv"))
    for folder in sorted({s.resolve().parent for s in sheets}):
        load_exceptions(folder)
    known = read_known()
    bad = 0
    for sheet in sheets:
        problems, counts = check(sheet, known)
        print(f"{sheet.name}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
        for p in problems:
            print("  - " + p)
        bad += len(problems)
    print(f"{bad} problem(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
