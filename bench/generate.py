"""Synthetic claimgraph corpora in the claim/appearance model: sources of about 20 appearances,
claims carried again by other outlets (one claim, several appearances), a share of quotations
re-printed with a word changed (quote drift), figures with bounds (some re-printed with another
bound: figure drift), ranges and shares; as RDF (N-Triples, 500 sources a file) and as claim
sheets for imports.

    python bench/generate.py --claims 100000 --out bench/out/100k
    python bench/generate.py --sheet 1000 --into bench/out/100k --out bench/out/sheet-1000

The RDF is written directly as text (rdflib would take minutes at a million claims); claim and
appearance IDs are the content hashes ``claimgraph import`` makes (``claimgraph verify`` agrees).
"""
import argparse
import json
import random
import shutil
from pathlib import Path

import pycountry

from claimgraph.model.ids import appearance_iri, claim_iri, claim_key
from claimgraph.model.sheet import write_sheet

ID = "https://w3id.org/claimgraph/id/"
CG = "https://w3id.org/claimgraph/ns#"
SCHEMA = "https://schema.org/"
PROV = "http://www.w3.org/ns/prov#"
OA = "http://www.w3.org/ns/oa#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
XSD = "http://www.w3.org/2001/XMLSchema#"
DCT = "http://purl.org/dc/terms/"
APPEARANCES_PER_SOURCE = 20
SOURCES_PER_FILE = 500
#: Of a source's appearances, the share that carry a claim another outlet printed before.
CARRIED_AGAIN = 0.25
#: Of quotations carried again, the share re-printed with one word changed (quote drift).
REPRINTED_WITH_CHANGE = 0.2
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
BOUNDS = [("more than", "LowerBound", "lower"), ("over", "LowerBound", "lower"), ("some", "Approximate", "approximate"),
          ("about", "Approximate", "approximate"), ("nearly", "UpperBound", "upper"), ("", "Exact", "exact")]
FIRST = ["Anna", "Pavel", "Olga", "Ivan", "Maria", "Dmitri", "Elena", "Sergei", "Nino", "Giorgi", "Aram",
         "Lilit", "Daniel", "Sarah", "James", "Fatima", "Omar", "Leyla", "Tomas", "Eva"]
LAST = ["Petrova", "Ivanov", "Beridze", "Sargsyan", "Cohen", "Smith", "Aliyev", "Novak", "Kovacs", "Costa",
        "Garcia", "Muller", "Rossi", "Yilmaz", "Nowak", "Berg", "Silva", "Haddad", "Khan", "Larsen"]
ORG_KIND = ["Observatory", "Institute", "Agency", "Ministry", "Centre", "Foundation", "Monitor", "Bureau"]
WORDS = ("people border families work visa home return future city country state law data report "
         "school winter money job language friends news phone arrest fear hope year month").split()


def iri(path: str) -> str:
    return f"<{ID}{path}>"


def lit(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def integer(n: int) -> str:
    return f'"{n}"^^<{XSD}integer>'


class World:
    """Speakers, organisations, outlets, places and subjects a corpus draws on."""

    def __init__(self, rng: random.Random, n_claims: int):
        self.rng = rng
        self.countries = sorted(pycountry.countries, key=lambda c: c.alpha_2)
        n_people = max(20, n_claims // 400)
        n_orgs = max(10, n_claims // 2000)
        self.people = [(f"person/p{i:06d}", f"{rng.choice(FIRST)} {rng.choice(LAST)} {i}") for i in range(n_people)]
        self.orgs = [(f"org/o{i:05d}", f"{rng.choice(LAST)} {rng.choice(ORG_KIND)} {i}") for i in range(n_orgs)]
        self.outlets = self.orgs[: max(5, n_orgs // 10)]
        self.subjects = [(f"event/emigration-{c.alpha_2.lower()}", f"Emigration from {c.name}") for c in self.countries]

    def entities_nt(self) -> str:
        lines = []
        for path, name in self.people:
            lines += [f"{iri(path)} <{RDF}type> <{SCHEMA}Person> .", f"{iri(path)} <{RDF}type> <{PROV}Agent> .",
                      f"{iri(path)} <{SCHEMA}name> {lit(name)} ."]
        for path, name in self.orgs:
            lines += [f"{iri(path)} <{RDF}type> <{SCHEMA}Organization> .", f"{iri(path)} <{RDF}type> <{PROV}Agent> .",
                      f"{iri(path)} <{SCHEMA}name> {lit(name)} ."]
        for c in self.countries:
            p = iri(f"place/{c.alpha_2}")
            lines += [f"{p} <{RDF}type> <{SCHEMA}Country> .", f"{p} <{SCHEMA}name> {lit(c.name)} .",
                      f"{p} <{SKOS}notation> {lit(c.alpha_2)} ."]
        for path, name in self.subjects:
            lines += [f"{iri(path)} <{RDF}type> <{SCHEMA}Event> .", f"{iri(path)} <{SCHEMA}name> {lit(name)} ."]
        return "\n".join(lines) + "\n"


def make_claim(world: World, rng: random.Random) -> dict:
    """One claim as the generator keeps it: its kind, fields, and how an outlet prints it."""
    kind = rng.choices(["figure", "range", "quotation", "statement"], [5, 1, 3, 1])[0]
    origin, dest = rng.choice(world.countries), rng.choice(world.countries)
    year, month = rng.randint(2015, 2024), rng.randrange(12)
    since = f"since {MONTHS[month]} {year}"
    time = f"{year}-{month + 1:02d}/.."
    if kind in ("figure", "range"):
        speaker = rng.choice(world.orgs)
        claim = {"kind": "figure", "speaker": speaker, "subject": f"event/emigration-{origin.alpha_2.lower()}",
                 "predicate": f"{CG}numberOfPeople", "time": time, "from": origin.alpha_2, "to": dest.alpha_2,
                 "unit": "people"}
        if kind == "range":
            low = rng.randint(1, 400) * 1000
            claim.update(min=low, max=low + rng.randint(1, 400) * 1000, bound="Exact")
            claim["printed"] = f"between {claim['min']:,} and {claim['max']:,}"
        else:
            word, bound, _ = rng.choice(BOUNDS)
            value = rng.choice([rng.randint(1, 999) * 1000, rng.randint(1, 99) * 100, rng.randint(1, 50) * 10_000])
            claim.update(value=value, bound=bound, printed=(f"{word} " if word else "") + f"{value:,}")
        claim["words"] = f"{claim['printed']} people have moved from {origin.name} to {dest.name} {since}"
        claim["statement"] = f"{claim['words'][0].upper()}{claim['words'][1:]}, by the {speaker[1]}'s count."
        return claim
    speaker = rng.choice(world.people)
    if kind == "quotation":
        words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 16)))
        words = f"{words[0].upper()}{words[1:]} in {dest.name}"
        return {"kind": "quotation", "speaker": speaker, "subject": speaker[0], "predicate": f"{CG}said",
                "words": words, "about": dest.alpha_2, "statement": f"{speaker[1]} spoke about {dest.name}."}
    org = rng.choice(world.orgs)
    words = f"the {org[1]} is thought to have kept a register of people leaving {origin.name}"
    return {"kind": "statement", "speaker": speaker, "subject": org[0], "predicate": f"{SCHEMA}description",
            "object": words, "words": words, "about": dest.alpha_2, "statement": f"{words[0].upper()}{words[1:]}."}


def claim_id(claim: dict) -> str:
    kind = claim["kind"]
    speakers = [ID + claim["speaker"][0]]
    if kind == "quotation":
        return claim_iri(claim_key(kind, speakers, words=claim["words"]))
    places = {"from_places": [ID + "place/" + claim["from"]] if "from" in claim else [],
              "to_places": [ID + "place/" + claim["to"]] if "to" in claim else []}
    if kind == "figure":
        return claim_iri(claim_key(kind, speakers, subject=ID + claim["subject"], predicate=claim["predicate"],
                                   value=claim.get("value"), minimum=claim.get("min"), maximum=claim.get("max"),
                                   unit="people", time=claim["time"], **places))
    return claim_iri(claim_key(kind, speakers, subject=ID + claim["subject"], predicate=claim["predicate"],
                               obj=f'{claim["object"]}'))


def claim_triples(c: str, claim: dict, source: str) -> list[str]:
    def t(p, o):
        return f"<{c}> <{p}> {o} ."

    kind_class = {"figure": "FigureClaim", "quotation": "QuotationClaim", "statement": "StatementClaim"}[claim["kind"]]
    lines = [t(RDF + "type", f"<{CG}{kind_class}>"), t(RDF + "type", f"<{SCHEMA}Claim>"),
             t(RDF + "type", f"<{RDF}Statement>"), t(RDF + "subject", f"<{ID}{claim['subject']}>"),
             t(RDF + "predicate", f"<{claim['predicate']}>"), t(SCHEMA + "text", lit(claim["statement"])),
             t(PROV + "wasAttributedTo", f"<{ID}{claim['speaker'][0]}>")]
    if claim["kind"] == "figure":
        if "min" in claim:
            r = f"<{c}#range>"
            lines += [t(RDF + "object", r), f"{r} <{RDF}type> <{SCHEMA}QuantitativeValue> .",
                      f"{r} <{SCHEMA}minValue> {integer(claim['min'])} .", f"{r} <{SCHEMA}maxValue> {integer(claim['max'])} ."]
        else:
            lines.append(t(RDF + "object", integer(claim["value"])))
        lines += [t(CG + "bound", f"<{CG}{claim['bound']}>"), t(SCHEMA + "unitText", lit("people")),
                  t(SCHEMA + "unitCode", lit("IE")), t(SCHEMA + "temporalCoverage", lit(claim["time"])),
                  t(SCHEMA + "fromLocation", iri(f"place/{claim['from']}")),
                  t(SCHEMA + "toLocation", iri(f"place/{claim['to']}"))]
    else:
        lines += [t(RDF + "object", lit(claim["words"] if claim["kind"] == "quotation" else claim["object"])),
                  t(SCHEMA + "about", iri(f"place/{claim['about']}"))]
    return lines


def appearance_triples(c: str, claim: dict, source: str, words: str, start: int, text: str, mode: str,
                       printed: str | None, bound: str | None) -> list[str]:
    end = start + len(words)
    a = appearance_iri(c, ID + source, start, end)
    s = f"<{ID}{source}>"
    lines = [f"<{c}> <{SCHEMA}appearance> {s} .", f"<{a}> <{RDF}type> <{OA}Annotation> .",
             f"<{a}> <{OA}hasBody> <{c}> .", f"<{a}> <{OA}hasTarget> <{a}#target> .", f"<{a}> <{DCT}isPartOf> {s} .",
             f"<{a}> <{CG}mode> <{CG}{mode}> .",
             f"<{a}#target> <{RDF}type> <{OA}SpecificResource> .", f"<{a}#target> <{OA}hasSource> <{ID}{source}#text> .",
             f"<{a}#target> <{OA}hasSelector> <{a}#quote> .", f"<{a}#target> <{OA}hasSelector> <{a}#position> .",
             f"<{a}#quote> <{RDF}type> <{OA}TextQuoteSelector> .", f"<{a}#quote> <{OA}exact> {lit(words)} .",
             f"<{a}#quote> <{OA}prefix> {lit(text[max(0, start - 32):start])} .",
             f"<{a}#quote> <{OA}suffix> {lit(text[end:end + 32])} .",
             f"<{a}#position> <{RDF}type> <{OA}TextPositionSelector> .",
             f"<{a}#position> <{OA}start> {integer(start)} .", f"<{a}#position> <{OA}end> {integer(end)} ."]
    if printed is not None:
        lines += [f"<{a}> <{CG}asPrinted> {lit(printed)} .", f"<{a}> <{CG}bound> <{CG}{bound}> ."]
    return lines


def reprint(claim: dict, rng: random.Random) -> tuple[str, str | None, str | None]:
    """How another outlet prints a claim it carries again: (words, printed figure, bound)."""
    words, printed, bound = claim["words"], claim.get("printed"), claim.get("bound")
    if claim["kind"] == "quotation" and rng.random() < REPRINTED_WITH_CHANGE:
        parts = words.split()
        i = rng.randrange(1, len(parts) - 3)
        parts[i] = rng.choice(WORDS)  # one word changed: the importer's similarity still matches it
        words = " ".join(parts)
    if claim["kind"] == "figure" and "value" in claim and rng.random() < 0.3:
        printed, bound = f"{claim['value']:,}", "Exact"  # the bound dropped: figure drift
        words = words.replace(claim["printed"], printed, 1)
    return words, printed, bound


def sentence(claim: dict, words: str, mode: str) -> str:
    if mode == "Quotation":
        return f'{claim["speaker"][1]} said: "{words}."'
    return f"According to the {claim['speaker'][1]}, {words}."


def generate(n_claims: int, out: Path, seed: int = 7) -> dict:
    """Write a corpus of ``n_claims`` claims to ``out``; returns its counts."""
    rng = random.Random(seed)
    world = World(rng, n_claims)
    if out.exists() and not (out / "world.json").exists():
        raise SystemExit(f"{out} holds other files: name a new folder (only a folder this script made is replaced)")
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    (out / "entities.nt").write_text(world.entities_nt(), encoding="utf-8")
    pool, made, appearances, sid, handle = [], 0, 0, 0, None
    while made < n_claims:
        if sid % SOURCES_PER_FILE == 0:
            if handle:
                handle.close()
            handle = (out / f"sources-{sid // SOURCES_PER_FILE:04d}.nt").open("w", encoding="utf-8")
        source = f"source/s{sid:07d}"
        outlet = rng.choice(world.outlets)
        title = f"Report {sid}: movements across borders"
        text, lines, seen = f"{title}\n\n", [], set()
        for _ in range(APPEARANCES_PER_SOURCE):
            again = pool and rng.random() < CARRIED_AGAIN
            if again:
                claim = rng.choice(pool)
                words, printed, bound = reprint(claim, rng)
            else:
                if made >= n_claims:
                    break
                claim = make_claim(world, rng)
                claim["iri"] = claim_id(claim)
                words, printed, bound = claim["words"], claim.get("printed"), claim.get("bound")
            mode = "Quotation" if claim["kind"] == "quotation" else "Reported"
            line = sentence(claim, words, mode)
            start = len(text) + line.index(words)
            text += line + "\n\n"
            if not again:
                if claim["iri"] in seen or any(claim["iri"] == p["iri"] for p in pool[-50:]):
                    continue  # a random collision with a claim just made: keep IDs unique
                lines += claim_triples(claim["iri"], claim, source)
                made += 1
                if len(pool) < 200_000:
                    pool.append(claim)
                else:
                    pool[rng.randrange(len(pool))] = claim
            seen.add(claim["iri"])
            appearances += 1
            lines += appearance_triples(claim["iri"], claim, source, words, start, text, mode, printed, bound)
        s = f"<{ID}{source}>"
        year, month, day = rng.randint(2022, 2025), rng.randint(1, 12), rng.randint(1, 28)
        lines += [f"{s} <{RDF}type> <{SCHEMA}NewsArticle> .", f"{s} <{RDF}type> <{PROV}Entity> .",
                  f"{s} <{SCHEMA}headline> {lit(title)} .", f"{s} <{SCHEMA}publisher> <{ID}{outlet[0]}> .",
                  f'{s} <{SCHEMA}datePublished> "{year}-{month:02d}-{day:02d}"^^<{XSD}date> .',
                  f"{s} <{SCHEMA}archivedAt> <{ID}{source}#text> .",
                  f"<{ID}{source}#text> <{RDF}type> <{CG}ArchivedText> .",
                  f"<{ID}{source}#text> <{CG}textFile> {lit(f's{sid:07d}.txt')} ."]
        handle.write("\n".join(lines) + "\n")
        (out / f"s{sid:07d}.txt").write_text(text, encoding="utf-8")
        sid += 1
    handle.close()
    counts = {"seed": seed, "claims": made, "appearances": appearances, "sources": sid,
              "people": len(world.people), "orgs": len(world.orgs)}
    (out / "world.json").write_text(json.dumps(counts))
    (out / "sample.json").write_text(json.dumps(pool[:10_000]))  # claims a sheet may carry again
    return counts


def generate_sheet(n_rows: int, into: Path, out: Path, seed: int = 11, carried: float = 0.1) -> Path:
    """A claim sheet of ``n_rows`` appearances in new sources of APPEARANCES_PER_SOURCE each (as
    the corpus has them), naming the entities of the corpus in ``into``; a share ``carried`` of
    them carry claims the corpus has (re-made from the same seed rules), the rest new claims.
    The archived texts are written beside it."""
    meta = json.loads((into / "world.json").read_text())
    world = World(random.Random(meta["seed"]), meta["claims"])
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    sample = json.loads((into / "sample.json").read_text())
    known = sample[: max(1, int(n_rows * carried))]
    for claim in known:
        claim["speaker"] = tuple(claim["speaker"])
    rows, texts = [], {}
    for i in range(n_rows):
        part = i // APPEARANCES_PER_SOURCE
        text_name = f"new-source-{n_rows}-{part:05d}.txt"
        if text_name not in texts:
            title = f"A new report, part {part + 1} of a sheet of {n_rows} claims"
            texts[text_name] = f"{title}\n\n"
            first_row = len(rows)
        claim = known[i % len(known)] if i < len(known) else make_claim(world, rng)
        mode = "quotation" if claim["kind"] == "quotation" else "reported"
        line = sentence(claim, claim["words"], mode.capitalize())
        texts[text_name] += line + "\n\n"
        row = {"kind": claim["kind"], "mode": mode, "statement": claim["statement"], "quote": claim["words"],
               "speaker": claim["speaker"][0], "subject": claim["subject"] if claim["kind"] != "quotation" else "",
               "predicate": claim["predicate"].replace(CG, "cg:").replace(SCHEMA, "schema:")
               if claim["kind"] == "statement" else ""}
        if claim["kind"] == "figure":
            row.update(as_printed=claim["printed"], unit="people", time=claim["time"], bound=claim["bound"].lower()
                       .replace("lowerbound", "lower").replace("upperbound", "upper"),
                       **{"from": claim["from"], "to": claim["to"]})
            if "min" in claim:
                row.update(min=str(claim["min"]), max=str(claim["max"]))
            else:
                row["value"] = str(claim["value"])
        else:
            row["about"] = claim["about"]
            if claim["kind"] == "statement":
                row["object"] = claim["object"]
        count = texts[text_name].count(claim["words"])
        if count > 1:
            row["occurrence"] = str(count)
        rows.append(row)
        if len(rows) - 1 == first_row:
            row.update(source_title=texts[text_name].split("\n")[0], source_type="NewsArticle",
                       source_publisher=world.outlets[part % len(world.outlets)][0], source_published="2025-06-01",
                       source_text=text_name)
    for name, text in texts.items():
        (out / name).write_text(text, encoding="utf-8")
    sheet = out / f"new-source-{n_rows}.csv"
    sheet.write_text(write_sheet(rows), encoding="utf-8")
    return sheet


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, help="Generate an RDF corpus of this many claims.")
    parser.add_argument("--sheet", type=int, help="Generate a claim sheet of this many appearances.")
    parser.add_argument("--into", type=Path, help="With --sheet: the corpus whose entities the sheet names.")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if args.claims:
        print(json.dumps(generate(args.claims, args.out, args.seed)))
    if args.sheet:
        print(generate_sheet(args.sheet, args.into, args.out))


if __name__ == "__main__":
    main()
