"""How close `claimgraph draft` comes to the reviewed claim sheets of a corpus.

    python bench/draft_eval.py [--corpus tests/corpus/dev] [--text-only] [--show]

``--show`` lists, per article, every figure the draft missed, every draft row no truth row matches
and every changed cell. Over the dev corpus the totals are printed for its first sixteen articles,
for the second batch of eight, the third of ten and the fourth of twelve (each held out while the draft was written
before it joined: a rule that helps one batch and hurts another is tuned, not general) and for all.

For every ``<slug>.txt`` with a reviewed ``<slug>.csv`` beside it, the draft is made as a person
would make it: from the text, with the outlet and date the page shows (the truth sheet's
``source_publisher`` and ``source_published``; ``--text-only`` leaves them out) and the names the
shipped data folder knows. Then:

**Spans.** A row's span is where its ``quote`` stands in the text (its ``occurrence``); a
figure's span is where its ``as_printed`` stands inside that quote. Both sheets are read the same
way, so the draft is judged by what it writes, not by what it knew.

**Figures.** A draft figure is right when its span overlaps a truth figure's span (each truth
figure counts once) and value (or min and max), unit and bound are all right: a value within the
rounding of the truth's last digit (``model.figures.precision``: 1.351351 is 1.35), units equal up
to case and currency symbols (``£`` is ``GBP``), an empty bound is ``exact``. Precision: right /
draft figures; recall: right / truth figures.

**Quotations.** The spans of rows in mode ``quotation`` (a quotation row, or a figure row inside a
quotation, whose quote is the whole quoted span), each span once. A draft span is right when it
overlaps a truth span with the same words up to typography and final punctuation
(``model.words.normalise``).

**Speakers.** Over the truth rows a draft row is matched to (figures: an overlapping figure span,
a right figure first; quotations: the same span), the draft's speaker is right when it names the
truth's entities (all of them, and no other: a joint statement's two speakers are both named):
by name or alternative name of the truth sheet's entity rows, of the data folder's
entities, or of the source's publisher, or by a person's surname, case and accents aside, a
``[person]``/``[organisation]`` hint dropped. Precision: right / matched rows with a draft
speaker; recall: right / matched rows.

**Changed cells per claim.** Over the same matched rows, a cell is one of the columns a draft
proposes — kind, mode, value, min, max, as_printed, bound, unit, time, quote, speaker,
speaker_role — that the truth or the draft fills for that row; it is changed when the two differ
(values, units, bounds and speakers compared as above; a role up to case and a leading article;
the rest as text). The columns only a reviewer writes (statement in her words, subject, measure,
from/to, about, derived_from, hedge, part_of, key) are not drafted and not counted here; the
script also prints the rows a person adds (truth rows with no draft row) and deletes (draft rows
with no truth row).
"""
import argparse
import csv
import re
import sys
from decimal import Decimal, InvalidOperation
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from claimgraph.draft import draft_rows, known_names  # noqa: E402
from claimgraph.model.figures import precision  # noqa: E402
from claimgraph.model.vocab import CURRENCY_SYMBOLS, UNIT_WORDS  # noqa: E402
from claimgraph.model.words import fold, normalise  # noqa: E402

CELLS = ["kind", "mode", "value", "min", "max", "as_printed", "bound", "unit", "time", "quote", "speaker",
         "speaker_role"]
HINT = re.compile(r"\s*\[(?:person|organisation|organization|event|document|place)\]\s*$", re.IGNORECASE)
TARGETS = {"figures": 0.9, "quotations": 0.95, "speakers": 0.85}
MAX_CELLS = 1.0
#: The dev corpus's second batch (tests/corpus/dev/README.md): eight articles from outlets the
#: draft had never seen when it was written, measured once as a held-out set, then joined the corpus.
SECOND_BATCH = {"rte-2019-04-15-measles-cases", "nation-2019-04-17-measles-triple",
                "globalnews-nodate-measles-300-per-cent", "irishnews-2022-06-16-boe-rates",
                "scroll-nodate-australian-open-prize-money", "birminghampost-nodate-house-prices-2005",
                "asianage-2019-12-05-data-protection-fines", "autoworldnews-2014-04-22-neanderthal-dna"}
#: The third batch: ten articles from ten more outlets, measured once as a held-out set after the
#: second had joined development, then joined the corpus.
THIRD_BATCH = {"thisday-2020-09-22-kwara-flood-losses", "dailytrust-nodate-kwara-flood",
               "sunnewsonline-2020-09-23-kwara-flood", "independent-2011-02-11-rolls-royce-a380-bill",
               "chinadaily-2019-04-11-liu-qiang-sentenced", "bbc-nodate-wales-waiting-lists-rise",
               "mg-2005-05-24-giant-planet-twice-jupiter", "nj-2018-05-10-bayonne-election-takeaways",
               "sportingnews-2020-12-17-mourinho-deserved-to-win",
               "thegeek-2013-04-26-smartphones-overtake-feature-phones"}
#: The fourth batch: twelve articles from twelve more outlets, measured once as a held-out set after
#: the third had joined development, then joined the corpus.
FOURTH_BATCH = {"tokyoweekender-nodate-imf-world-bank-meeting-opens", "kbs-nodate-imf-world-bank-meetings-open",
                "mapsofworld-nodate-imf-cuts-global-growth-forecast",
                "csmonitor-2012-10-09-imf-cuts-world-growth-forecast", "irishlegal-nodate-fraud-trial-backlog",
                "civilge-nodate-seat-distribution", "devdiscourse-2021-08-11-rupa-q1-profit",
                "irishpost-2024-01-07-cash-cocaine-seized-co-down",
                "chipchick-2022-07-obesity-ten-year-weight-gain", "asianlite-2022-uk-extreme-heat-warning",
                "newsofthearea-nodate-coffs-united-port-united", "jacarandafm-nodate-matric-desired-stability"}
#: The batches in the order they joined the corpus, for the per-batch totals.
BATCHES = [("second", SECOND_BATCH), ("third", THIRD_BATCH), ("fourth", FOURTH_BATCH)]


class Resolver:
    """Speaker names -> one key per entity, from a truth sheet's entity rows, the data folder's
    names and the source's publisher."""

    def __init__(self, truth: list[dict], known: dict[str, str]):
        self.keys: dict[str, str] = {}
        self.people: dict[str, set] = {}
        for name, canonical in known.items():
            self._add(canonical, name)
        for row in truth:
            if row["kind"] in ("person", "organisation", "document", "event", "place") and row.get("name"):
                for alias in [row["name"]] + [a for a in row.get("aliases", "").split(";") if a.strip()]:
                    self._add(row["name"], alias.strip(), person=row["kind"] == "person")
            for col in ("source_publisher", "speaker"):
                for name in (row.get(col) or "").split(";"):
                    if HINT.search(name):
                        self._add(HINT.sub("", name).strip(), HINT.sub("", name).strip(),
                                  person="[person]" in name)

    def _add(self, canonical: str, name: str, person: bool = False):
        self.keys.setdefault(fold(name), fold(canonical))
        if person and len(name.split()) > 1:
            self.people.setdefault(fold(name.split()[-1]), set()).add(fold(canonical))

    def key(self, name: str) -> str | None:
        name = HINT.sub("", name or "").strip()
        if not name:
            return None
        k = fold(name)
        k = re.sub(r"^(?:mr|mrs|ms|dr)\.? ", "", k) if k not in self.keys else k
        if k in self.keys:
            return self.keys[k]
        people = self.people.get(k.split()[-1], set()) if len(k.split()) == 1 else set()
        return next(iter(people)) if len(people) == 1 else "?" + k

    def keys_of(self, cell: str) -> set:
        return {self.key(n) for n in (cell or "").split(";") if n.strip()} - {None}


def _span(text: str, row: dict) -> tuple[int, int] | None:
    quote, occurrence = row.get("quote", ""), int(row.get("occurrence") or 1)
    at = -1
    for _ in range(occurrence):
        at = text.find(quote, at + 1)
        if at < 0:
            return None
    return at, at + len(quote)


def _figure_span(text: str, row: dict):
    span = _span(text, row)
    if span is None:
        return None
    inner = text.find(row.get("as_printed") or "\0", span[0], span[1])
    return (inner, inner + len(row["as_printed"])) if inner >= 0 else span


def _number(cell: str):
    try:
        return Decimal(cell.replace(",", "")) if cell.strip() else None
    except InvalidOperation:
        return None


def same_number(draft: str, truth: str) -> bool:
    d, t = _number(draft or ""), _number(truth or "")
    if d is None or t is None:
        return d is None and t is None
    return abs(d - t) <= precision(t)


def same_unit(a: str, b: str) -> bool:
    def norm(u):
        u = " ".join((u or "").casefold().split())
        return CURRENCY_SYMBOLS.get(u, UNIT_WORDS.get(u, u)).casefold()
    return norm(a) == norm(b)


def same_role(a: str, b: str) -> bool:
    def norm(r):
        return re.sub(r"^(?:the|a|an) ", "", fold(r or "").replace("\u2019", "'"))
    return norm(a) == norm(b)


def figure_right(d: dict, t: dict) -> bool:
    values = same_number(d.get("value"), t.get("value")) and same_number(d.get("min"), t.get("min")) \
        and same_number(d.get("max"), t.get("max"))
    return values and same_unit(d.get("unit"), t.get("unit")) and \
        (d.get("bound") or "exact") == (t.get("bound") or "exact")


def overlaps(a, b) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def cell_changed(col: str, d: dict, t: dict, resolver: Resolver) -> bool:
    dv, tv = (d.get(col) or "").strip(), (t.get(col) or "").strip()
    if col in ("value", "min", "max"):
        return not same_number(dv, tv)
    if col == "unit":
        return not same_unit(dv, tv)
    if col == "bound":
        return (dv or "exact") != (tv or "exact")
    if col == "speaker":
        return resolver.keys_of(dv) != resolver.keys_of(tv)
    if col == "speaker_role":
        return not same_role(dv, tv)
    return dv != tv


def evaluate(text: str, truth: list[dict], draft: list[dict], resolver: Resolver) -> dict:
    claims = [r for r in truth if r["kind"] in ("figure", "quotation", "statement")]
    t_figs = [(r, _figure_span(text, r)) for r in claims if r["kind"] == "figure"]
    d_figs = [(r, _figure_span(text, r)) for r in draft if r["kind"] == "figure"]
    # figures: right ones first, then any overlapping one for speakers and cells
    pairs, used, right = [], set(), 0
    for want_right in (True, False):
        for t, ts in t_figs:
            if any(p[0] is t for p in pairs):
                continue
            for i, (d, ds) in enumerate(d_figs):
                if i not in used and overlaps(ds, ts) and (figure_right(d, t) or not want_right):
                    used.add(i)
                    pairs.append((t, d))
                    right += want_right
                    break
    # quotations: spans in mode quotation
    def q_spans(rows):
        spans = {}
        for r in rows:
            if (r.get("mode") or ("quotation" if r["kind"] == "quotation" else "")) == "quotation":
                s = _span(text, r)
                if s is not None:
                    spans.setdefault(s, r)
        return spans
    t_q, d_q = q_spans(claims), q_spans(draft)
    q_right = 0
    for ts, t in t_q.items():
        match = next((ds for ds in d_q if overlaps(ds, ts) and normalise(text[ds[0]:ds[1]]) ==
                      normalise(text[ts[0]:ts[1]])), None)
        if match:
            q_right += 1
            if t["kind"] == "quotation":
                pairs.append((t, d_q[match]))
    # speakers and cells over matched rows
    s_right = s_given = cells = changed = 0
    details = []
    for t, d in pairs:
        truth_keys = resolver.keys_of(t.get("speaker"))
        draft_keys = resolver.keys_of(d.get("speaker"))
        if draft_keys:
            s_given += 1
            s_right += draft_keys == truth_keys
        for col in CELLS:
            if col == "quote" and t["kind"] == "quotation":
                pass
            if (t.get(col) or d.get(col)):
                cells += 1
                if cell_changed(col, d, t, resolver):
                    changed += 1
                    details.append((t.get("key") or t["quote"][:30], col, d.get(col, ""), t.get(col, "")))
    matched_truth = {id(t) for t, _ in pairs}
    matched_draft = {id(d) for _, d in pairs}
    return {"fig_right": right, "fig_draft": len(d_figs), "fig_truth": len(t_figs),
            "q_right": q_right, "q_draft": len(d_q), "q_truth": len(t_q),
            "s_right": s_right, "s_given": s_given, "s_matched": len(pairs),
            "cells": cells, "changed": changed, "claims": len(pairs),
            "add": sum(1 for r in claims if id(r) not in matched_truth and r["kind"] != "statement"),
            "delete": sum(1 for r in draft if id(r) not in matched_draft), "details": details,
            "missed": [(t.get("key"), t.get("as_printed") or t["quote"][:40]) for t, _ in t_figs
                       if not any(p[0] is t and figure_right(p[1], t) for p in pairs)],
            "extra": [(d["kind"], d.get("as_printed") or d["quote"][:40]) for d in draft if id(d) not in matched_draft]}


def ratio(a, b):
    return a / b if b else 1.0


def measure(corpus: Path, text_only: bool = False):
    """(per-article results, totals) of the draft over every article of ``corpus``."""
    known = known_names()
    results, totals = [], {}
    for sheet in sorted(Path(corpus).glob("*.csv")):
        txt = sheet.with_suffix(".txt")
        if not txt.exists():
            continue
        text = txt.read_text(encoding="utf-8")
        truth = list(csv.DictReader(sheet.open(encoding="utf-8")))
        first = next((r for r in truth if r.get("source_title")), {})
        outlet = "" if text_only else HINT.sub("", first.get("source_publisher", "")).strip()
        date = "" if text_only else first.get("source_published", "")
        draft = draft_rows(text, txt.name, outlet, date, known)
        r = evaluate(text, truth, draft, Resolver(truth, known))
        for k, v in r.items():
            if isinstance(v, int):
                totals[k] = totals.get(k, 0) + v
        results.append((sheet.stem, r))
    return results, totals


def total(results, stems=None) -> dict:
    """The sums of ``measure``'s per-article counts over ``stems`` (default: every article)."""
    t = {}
    for stem, r in results:
        if stems is None or stem in stems:
            for k, v in r.items():
                if isinstance(v, int):
                    t[k] = t.get(k, 0) + v
    return t


def scores(t: dict) -> dict:
    """Precision and recall per kind, and changed cells per claim, from ``measure``'s totals."""
    return {"figures": (ratio(t["fig_right"], t["fig_draft"]), ratio(t["fig_right"], t["fig_truth"])),
            "quotations": (ratio(t["q_right"], t["q_draft"]), ratio(t["q_right"], t["q_truth"])),
            "speakers": (ratio(t["s_right"], t["s_given"]), ratio(t["s_right"], t["s_matched"])),
            "cells": ratio(t["changed"], t["claims"])}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=ROOT / "tests" / "corpus" / "dev")
    ap.add_argument("--text-only", action="store_true", help="Give draft no outlet and date, only the text.")
    ap.add_argument("--show", action="store_true", help="List every changed cell, missed figure and extra row.")
    args = ap.parse_args(argv)
    results, totals = measure(args.corpus, args.text_only)
    print(f"{'article':44} {'fig P':>6} {'fig R':>6} {'quo P':>6} {'quo R':>6} {'spk P':>6} {'spk R':>6} "
          f"{'cells':>6} {'add':>4} {'del':>4}")
    for stem, r in results:
        print(f"{stem[:44]:44} {ratio(r['fig_right'], r['fig_draft']):6.2f} "
              f"{ratio(r['fig_right'], r['fig_truth']):6.2f} {ratio(r['q_right'], r['q_draft']):6.2f} "
              f"{ratio(r['q_right'], r['q_truth']):6.2f} {ratio(r['s_right'], r['s_given']):6.2f} "
              f"{ratio(r['s_right'], r['s_matched']):6.2f} {ratio(r['changed'], r['claims']):6.2f} "
              f"{r['add']:4} {r['delete']:4}")
        if args.show:
            for key, printed in r["missed"]:
                print(f"    missed figure {key}: {printed!r}")
            for kind, printed in r["extra"]:
                print(f"    extra {kind} (no truth row): {printed!r}")
            for key, col, d, t in r["details"]:
                print(f"    {key}: {col}: draft {d!r} -> truth {t!r}")
    stems = [stem for stem, _ in results]
    groups = [("TOTAL", None)]
    later = [(name, batch & set(stems)) for name, batch in BATCHES if batch & set(stems)]
    first = set(stems).difference(*[b for _, b in later])
    if later and first:
        groups = [(f"TOTAL first {len(first)}", first)] + \
            [(f"TOTAL {name} {len(batch)}", batch) for name, batch in later] + [(f"TOTAL all {len(stems)}", None)]
    for label, group in groups:
        g = total(results, group)
        sc = scores(g)
        print(f"{label:44} {sc['figures'][0]:6.2f} {sc['figures'][1]:6.2f} {sc['quotations'][0]:6.2f} "
              f"{sc['quotations'][1]:6.2f} {sc['speakers'][0]:6.2f} {sc['speakers'][1]:6.2f} "
              f"{sc['cells']:6.2f} {g['add']:4} {g['delete']:4}")
    t = totals
    got = scores(t)
    per_claim = got.pop("cells")
    print(f"\nfigures: {t['fig_right']} right of {t['fig_draft']} drafted, {t['fig_truth']} in the truth; "
          f"quotations: {t['q_right']} of {t['q_draft']} / {t['q_truth']}; speakers: {t['s_right']} right, "
          f"{t['s_given']} given, {t['s_matched']} matched rows; {t['changed']} changed cells of {t['cells']} "
          f"over {t['claims']} matched claims")
    met = True
    for name, (p, r) in got.items():
        ok = p >= TARGETS[name] and r >= TARGETS[name]
        met &= ok
        print(f"target {name} >= {TARGETS[name]} precision and recall: {'met' if ok else 'NOT met'} "
              f"({p:.3f}, {r:.3f})")
    ok = per_claim < MAX_CELLS
    met &= ok
    print(f"target under {MAX_CELLS:g} changed cell per claim: {'met' if ok else 'NOT met'} ({per_claim:.3f})")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
