"""Synthetic claimgraph corpora: realistic sources, speakers, places, figures with bounds and
quotes anchored in generated texts, as RDF (N-Triples, one file per 500 sources) and as a claim
sheet for imports.

    python bench/generate.py --claims 100000 --out bench/out/100k
    python bench/generate.py --sheet 1000 --into bench/out/100k --out bench/out/sheet-1000

The RDF is written directly as text (rdflib would take minutes at a million claims); claim IDs
are the same content hashes ``claimgraph import`` makes, so ``claimgraph verify`` agrees.
"""
import argparse
import csv
import hashlib
import json
import random
import shutil
from pathlib import Path

import pycountry

ID = "https://w3id.org/claimgraph/id/"
CG = "https://w3id.org/claimgraph/ns#"
SCHEMA = "https://schema.org/"
PROV = "http://www.w3.org/ns/prov#"
OA = "http://www.w3.org/ns/oa#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
XSD = "http://www.w3.org/2001/XMLSchema#"
CLAIMS_PER_SOURCE = 20
SOURCES_PER_FILE = 500
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
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def integer(n: int) -> str:
    return f'"{n}"^^<{XSD}integer>'


def content_id(content: dict) -> str:
    """As claimgraph.ids.content_id, over the same content dict (rdflib n3 forms)."""
    digest = hashlib.sha256(json.dumps(content, sort_keys=True, ensure_ascii=False).encode("utf-8"))
    return f"{ID}claim/{digest.hexdigest()[:16]}"


class World:
    """Speakers, organisations, places and subjects a corpus draws on."""

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


def make_claim(world: World, rng: random.Random, sid: int):
    """One claim: (kind, sentence, quote within it, fields)."""
    kind = rng.choices(["figure", "quotation", "statement"], [6, 3, 1])[0]
    origin = rng.choice(world.countries)
    dest = rng.choice(world.countries)
    year = rng.randint(2015, 2024)
    month = rng.randrange(12)
    time = f"{year}-{month + 1:02d}/.."
    if kind == "figure":
        word, bound, _ = rng.choice(BOUNDS)
        value = rng.choice([rng.randint(1, 999) * 1000, rng.randint(1, 99) * 100, rng.randint(1, 50) * 10_000])
        printed = (f"{word} " if word else "") + f"{value:,}"
        quote = f"{printed} people have moved from {origin.name} to {dest.name} since {MONTHS[month]} {year}"
        speaker = rng.choice(world.orgs)
        return kind, f"{quote[0].upper()}{quote[1:]}, according to the {speaker[1]}.", quote[0].upper() + quote[1:], {
            "subject": f"event/emigration-{origin.alpha_2.lower()}", "predicate": f"{CG}numberOfPeople",
            "value": value, "printed": printed[0].upper() + printed[1:], "bound": bound, "time": time,
            "from": origin.alpha_2, "to": dest.alpha_2, "speaker": speaker}
    speaker = rng.choice(world.people)
    if kind == "quotation":
        words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 16)))
        quote = f"{words[0].upper()}{words[1:]} in {dest.name}"
        return kind, f'{speaker[1]} said: "{quote}."', quote, {
            "subject": speaker[0], "predicate": f"{CG}said", "speaker": speaker, "to": dest.alpha_2}
    org = rng.choice(world.orgs)
    quote = f"the {org[1]} is thought to have kept a register of people leaving {origin.name}"
    return kind, f"In {dest.name}, {quote}.", quote, {
        "subject": org[0], "predicate": f"{SCHEMA}description", "speaker": speaker, "object_text": quote,
        "to": dest.alpha_2}


def claim_triples(fields, kind, quote, start, source_path) -> tuple[str, list[str]]:
    """The claim's IRI and N-Triples lines."""
    s_iri = f"{ID}{fields['subject']}"
    obj = integer(fields["value"]) if kind == "figure" else lit(quote if kind == "quotation" else fields["object_text"])
    speaker = f"<{ID}{fields['speaker'][0]}>"
    content = {
        "subject": f"<{s_iri}>", "predicate": f"<{fields['predicate']}>", "object": obj,
        "attributed": [speaker], "appearance": [f"<{ID}{source_path}>"],
        "from": [f"<{ID}place/{fields['from']}>"] if "from" in fields else [],
        "to": [f"<{ID}place/{fields['to']}>"] if kind == "figure" else [],
        "time": lit(fields["time"]) if "time" in fields else None, "measure": None,
        "quote": quote, "start": start,
    }
    c = content_id(content)
    t = lambda p, o: f"<{c}> <{p}> {o} ."
    kind_class = {"figure": "FigureClaim", "quotation": "QuotationClaim", "statement": "StatementClaim"}[kind]
    lines = [t(RDF + "type", f"<{CG}{kind_class}>"), t(RDF + "type", f"<{SCHEMA}Claim>"), t(RDF + "type", f"<{RDF}Statement>"),
             t(RDF + "subject", f"<{s_iri}>"), t(RDF + "predicate", f"<{fields['predicate']}>"), t(RDF + "object", obj),
             t(SCHEMA + "text", lit(quote + ".")), t(PROV + "wasAttributedTo", speaker),
             t(SCHEMA + "appearance", f"<{ID}{source_path}>"), t(CG + "quotedIn", f"<{c}#target>")]
    if kind == "figure":
        lines += [t(CG + "asPrinted", lit(fields["printed"])), t(CG + "bound", f"<{CG}{fields['bound']}>"),
                  t(SCHEMA + "unitCode", lit("IE")), t(SCHEMA + "unitText", lit("people")),
                  t(SCHEMA + "temporalCoverage", lit(fields["time"])),
                  t(SCHEMA + "fromLocation", f"<{ID}place/{fields['from']}>"), t(SCHEMA + "toLocation", f"<{ID}place/{fields['to']}>")]
    else:
        lines.append(t(SCHEMA + "about", f"<{ID}place/{fields['to']}>"))
    end = start + len(quote)
    lines += [f"<{c}#target> <{RDF}type> <{OA}SpecificResource> .", f"<{c}#target> <{OA}hasSource> <{ID}{source_path}#text> .",
              f"<{c}#target> <{OA}hasSelector> <{c}#quote> .", f"<{c}#target> <{OA}hasSelector> <{c}#position> .",
              f"<{c}#quote> <{RDF}type> <{OA}TextQuoteSelector> .", f"<{c}#quote> <{OA}exact> {lit(quote)} .",
              f"<{c}#position> <{RDF}type> <{OA}TextPositionSelector> .",
              f"<{c}#position> <{OA}start> {integer(start)} .", f"<{c}#position> <{OA}end> {integer(end)} ."]
    return c, lines


def generate(n_claims: int, out: Path, seed: int = 7) -> None:
    rng = random.Random(seed)
    world = World(rng, n_claims)
    shutil.rmtree(out, ignore_errors=True)
    (out / "texts").mkdir(parents=True)
    (out / "entities.nt").write_text(world.entities_nt(), encoding="utf-8")
    n_sources = max(1, n_claims // CLAIMS_PER_SOURCE)
    handle, made = None, 0
    for sid in range(n_sources):
        if sid % SOURCES_PER_FILE == 0:
            if handle:
                handle.close()
            handle = (out / f"sources-{sid // SOURCES_PER_FILE:04d}.nt").open("w", encoding="utf-8")
        source_path = f"source/s{sid:07d}"
        outlet = rng.choice(world.outlets)
        text_name = f"texts/s{sid:07d}.txt"
        title = f"Report {sid}: movements across borders"
        text, lines = f"{title}\n\n", []
        count = min(CLAIMS_PER_SOURCE, n_claims - made)
        for _ in range(count):
            kind, sentence, quote, fields = make_claim(world, rng, sid)
            start = len(text) + sentence.index(quote)
            text += sentence + "\n\n"
            _, claim_lines = claim_triples(fields, kind, quote, start, source_path)
            lines += claim_lines
        made += count
        s = f"<{ID}{source_path}>"
        year, month, day = rng.randint(2022, 2025), rng.randint(1, 12), rng.randint(1, 28)
        lines += [f"{s} <{RDF}type> <{SCHEMA}NewsArticle> .", f"{s} <{RDF}type> <{PROV}Entity> .",
                  f"{s} <{SCHEMA}headline> {lit(title)} .", f"{s} <{SCHEMA}publisher> <{ID}{outlet[0]}> .",
                  f'{s} <{SCHEMA}datePublished> "{year}-{month:02d}-{day:02d}"^^<{XSD}date> .',
                  f"{s} <{SCHEMA}archivedAt> <{ID}{source_path}#text> .",
                  f"<{ID}{source_path}#text> <{RDF}type> <{CG}ArchivedText> .",
                  f"<{ID}{source_path}#text> <{CG}textFile> {lit(text_name)} ."]
        handle.write("\n".join(lines) + "\n")
        (out / text_name).write_text(text, encoding="utf-8")
        if made >= n_claims:
            break
    handle.close()
    (out / "world.json").write_text(json.dumps({"seed": seed, "claims": n_claims, "sources": n_sources,
                                                "people": len(world.people), "orgs": len(world.orgs)}))


def generate_sheet(n_rows: int, into: Path, out: Path, seed: int = 11) -> Path:
    """A claim sheet of ``n_rows`` new claims for one new source, naming the entities of the
    corpus in ``into`` (generated with the same seed rules), with its archived text."""
    meta = json.loads((into / "world.json").read_text())
    world = World(random.Random(meta["seed"]), meta["claims"])
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    text_name = f"new-source-{n_rows}.txt"
    title = f"A new report with {n_rows} claims"
    text, rows = f"{title}\n\n", []
    for i in range(n_rows):
        kind, sentence, quote, fields = make_claim(world, rng, 0)
        text += sentence + "\n\n"
        row = {"kind": kind, "statement": quote + ".", "quote": quote, "speaker": fields["speaker"][0],
               "subject": fields["subject"], "predicate": fields["predicate"].replace(CG, "cg:").replace(SCHEMA, "schema:")}
        if kind == "figure":
            row.update(value=str(fields["value"]), as_printed=fields["printed"], bound={
                "LowerBound": "lower", "Approximate": "approximate", "UpperBound": "upper", "Exact": "exact"}[fields["bound"]],
                unit="people", time=fields["time"], **{"from": fields["from"], "to": fields["to"]})
        elif kind == "statement":
            row["object"] = fields["object_text"]
            row["about"] = fields["to"]
        else:
            row["subject"] = ""
            row["about"] = fields["to"]
        if text.count(quote) > 1:
            row["occurrence"] = str(text.count(quote))
        rows.append(row)
    rows[0].update(source_title=title, source_type="NewsArticle", source_publisher=world.outlets[0][0],
                   source_published="2025-06-01", source_text=text_name)
    (out / text_name).write_text(text, encoding="utf-8")
    sheet = out / f"new-source-{n_rows}.csv"
    from claimgraph.ingest import COLUMNS
    with sheet.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return sheet


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, help="Generate an RDF corpus of this many claims.")
    parser.add_argument("--sheet", type=int, help="Generate a claim sheet of this many new claims.")
    parser.add_argument("--into", type=Path, help="With --sheet: the corpus whose entities the sheet names.")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if args.claims:
        generate(args.claims, args.out, args.seed)
    if args.sheet:
        print(generate_sheet(args.sheet, args.into, args.out))


if __name__ == "__main__":
    main()
