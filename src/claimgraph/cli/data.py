"""The data folder: making it, importing claim sheets and drafting them, and the checks of what
it holds (SHACL, IDs, coverage of the texts, consistency); exports of it."""
import json
import sys
from pathlib import Path

import click

from .base import EXIT_NO, data_folder, data_option, main, open_store_for, progress_bar, stdin_text, store_options


@main.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--example", is_flag=True, help="Copy the shipped example article into it.")
@click.option("--no-default", is_flag=True, help="Do not make it the default data folder.")
def init(folder, example, no_default):
    """Make FOLDER your data folder: every command then reads and writes it without --data."""
    from ..datafolder import init_data_folder

    done = init_data_folder(folder, example=example, record=not no_default)
    what = "already holds claimgraph data" if done["existing"] else "is ready"
    click.echo(f"{done['folder']} {what}" + (f"; copied {len(done['copied'])} example file(s)" if done["copied"] else ""))
    if done["config"]:
        click.echo(f"commands use it when --data is not given (recorded in {done['config']}; "
                   "$CLAIMGRAPH_DATA overrides it)")



@main.command(name="import")
@click.argument("sheet", type=click.Path(dir_okay=False, exists=True, allow_dash=True, path_type=Path))
@click.option("--text", "text_path", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="The source's archived text (default: the sheet's source_text column).")
@click.option("--data", "data_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Data folder to add the claims to (default: your own, made by `claimgraph init`).")
def import_(sheet, text_path, data_dir):
    """Add the claims of a claim sheet (CSV) to a data folder, validated, atomically."""
    from ..datafolder import writable_data_dir
    from ..importer import import_sheet
    from ..model.sheet import read_sheet

    data_dir = writable_data_dir(data_dir)
    if str(sheet) == "-":
        sheet = "-"
    with progress_bar("importing", None if sheet == "-" else len(read_sheet(sheet))) as step:
        result = import_sheet(sheet, data_dir, text_path, progress=step)
    click.echo(f"{result.added} claim(s) added, {result.appearances} appearance(s) added"
               + (f" ({result.known} to claims already in the graph)" if result.known and result.appearances else "")
               + f", {result.unchanged} already present")
    for f in result.files:
        click.echo(f"  wrote {f}")
    _import_checks(result.checks)


def _import_checks(results):
    from ..validate import Severity

    shown = [r for r in results if r.severity is not Severity.INFO]
    agreements = len(results) - len(shown)
    if not results:
        return
    conflicts = sum(1 for r in shown if r.severity is Severity.VIOLATION)
    click.echo(f"check: {conflicts} conflict(s), {len(shown) - conflicts} warning(s), {agreements} agreement(s) "
               "with the graph for these claims (`claimgraph check --all` lists them all)")
    for r in shown:
        click.echo("  " + "\n  ".join(r.lines()))



@main.command()
@click.argument("text", type=click.Path(dir_okay=False, exists=True, allow_dash=True, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path), required=True,
              help="The claim sheet (CSV) to write (- for standard output).")
@click.option("--outlet", default="", help="The outlet that published the text (the speaker of its own "
                                           "statements), when the text does not print it.")
@click.option("--published", "date", default="", help="Its publication date (2024-07-18), when the text does "
                                                      "not print it: 'last year' is read from it.")
@data_option
def draft(text, output, outlet, date, data_dir):
    """Propose a claim sheet from a new article's plain TEXT, for a person to review and import:
    every figure and quotation with its speaker, mode, bound, unit and period. Names the data
    folder knows are written as it names them; new ones get a [person] or [organisation] hint."""
    from ..draft import draft_sheet, known_names
    from ..export import write_text

    stdin = str(text) == "-"
    sheet = draft_sheet(None if stdin else text, outlet, date, known_names(data_folder(data_dir)),
                        text=stdin_text("the article") if stdin else None)
    rows = sheet.count(chr(10)) - 1
    if str(output) == "-":
        click.echo(sheet, nl=False)
        click.echo(f"{rows} proposed claim(s)", err=True)
        return
    write_text(output, sheet)
    click.echo(f"wrote {output}: {rows} proposed claim(s); review speakers, subjects and statements before "
               "`claimgraph import`")



@main.command()
@data_option
@click.option("--format", "out_format", type=click.Choice(["text", "json", "turtle"]), default="text",
              show_default=True, help="json: the results as one document; turtle: a SHACL validation report.")
def validate(data_dir, out_format):
    """Check the data against the SHACL shapes: one line per violation.

    Exit 0 when the data conforms, 1 on violations, 3 when a file cannot be read."""
    from ..validate import validate_data

    data_dir = data_folder(data_dir)
    report = validate_data(data_dir)
    if out_format == "json":
        click.echo(json.dumps(report.as_json(), ensure_ascii=False, indent=2))
    elif out_format == "turtle":
        click.echo(report.as_turtle(), nl=False)
    else:
        for result in report.results:
            click.echo(result.line())
    if not report.conforms:
        n = sum(1 for r in report.results if r.severity.name == "VIOLATION")
        click.echo(f"{n} violation(s) in {data_dir}", err=True)
        sys.exit(EXIT_NO)
    if out_format == "text":
        click.echo(f"{data_dir}: conforms")



@main.command()
@data_option
@click.option("--format", "out_format", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="json: the IDs that changed as one document.")
def verify(data_dir, out_format):
    """Recompute every content-hash ID of claims and appearances; list those whose content no
    longer matches. Exit 1 if any."""
    from ..export import verify as verify_ids

    wrong = verify_ids(data_folder(data_dir))
    if out_format == "json":
        click.echo(json.dumps({"changed": [{"id": i, "content_hashes_to": e} for i, e in wrong]}, indent=2))
    else:
        for node_id, expected in wrong:
            click.echo(f"{node_id}: content now hashes to {expected}")
    if wrong:
        click.echo(f"{len(wrong)} ID(s) changed since they were made", err=True)
        sys.exit(EXIT_NO)
    if out_format == "text":
        click.echo("every claim and appearance ID matches its content")



@main.command()
@click.argument("source")
@click.option("--format", "out_format", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="json: what is uncovered as one document.")
@store_options
def audit(source, out_format, data_dir, location, endpoint):
    """List figures and quotations of a source's archived text that no claim covers.

    SOURCE is a source id (source/…), its archived file name, the text file's path, or its
    title. Dates, years, times, ordinals and ages are not figures. Exit 1 when anything is
    left uncovered."""
    from dataclasses import asdict

    from ..audit import audit_source

    with open_store_for(data_dir, endpoint, location) as store:
        found, gaps = audit_source(store, source)
    if out_format == "json":
        click.echo(json.dumps({"source": found["source"], "file": found["file"],
                               "uncovered": [asdict(g) for g in gaps]}, ensure_ascii=False, indent=2))
    else:
        for gap in gaps:
            click.echo(gap.line())
    if gaps:
        click.echo(f"{len(gaps)} uncovered in {found['file']}", err=True)
        sys.exit(EXIT_NO)
    if out_format == "text":
        click.echo(f"{found['file']}: every figure and quotation is covered by a claim")



def _how_many(ctx, param, value):
    if value == "all":
        return None
    if value.isdigit():
        return int(value)
    raise click.BadParameter(f"{value!r} is not a number of results or 'all'")


@main.command()
@click.option("--all", "show_all", is_flag=True, help="Also list agreements (Info), not only conflicts and drift.")
@click.option("--citations", "cite_first", default="200", show_default=True, metavar="N|all", callback=_how_many,
              help="Cite the claims of the first N results (conflicts first); the rest are listed by ID and message.")
@click.option("--format", "out_format", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="json: one document with every result and the counts.")
@store_options
def check(show_all, cite_first, out_format, data_dir, location, endpoint):
    """Check consistency across claims: competing estimates of one quantity, parts against
    wholes, shares against counts, shares over 100 per cent, and figure and quote drift between
    appearances. Exit 1 on a conflict."""
    from ..checks import run_checks
    from ..validate import Severity

    with open_store_for(data_dir, endpoint, location) as store:
        results = run_checks(store, cite_info=show_all, cite_first=cite_first)
    shown = [r for r in results if show_all or r.severity is not Severity.INFO]
    uncited = sum(1 for r in shown if not r.citations)
    counts = {s: sum(1 for r in results if r.severity is s) for s in Severity}
    if out_format == "json":
        click.echo(json.dumps({"results": [r.as_json() for r in shown],
                               "counts": {s.value: n for s, n in counts.items()}}, ensure_ascii=False, indent=2))
    else:
        for r in shown:
            click.echo("\n".join(r.lines()))
    click.echo(f"{counts[Severity.VIOLATION]} conflict(s), {counts[Severity.WARNING]} warning(s), "
               f"{counts[Severity.INFO]} agreement(s)", err=True)
    if uncited and cite_first is not None:
        click.echo(f"citations for the first {cite_first} of {len(shown)} result(s) (--citations all for every one)",
                   err=True)
    if counts[Severity.VIOLATION]:
        sys.exit(1)



@main.command()
@click.option("--format", "fmt", required=True,
              type=click.Choice(["turtle", "trig", "nquads", "jsonld", "nanopub", "schema-jsonld", "csv"]),
              help="turtle, trig (a named graph per file), nquads, jsonld; nanopub (TriG, one per claim); "
                   "schema-jsonld (schema.org Claim); csv (a claim sheet that import reads back).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
              help="Write here (- or nothing: standard output).")
@data_option
def export(fmt, output, data_dir):
    """Export the graph: RDF formats, nanopublications, schema.org Claim JSON-LD, or a claim sheet."""
    from ..export import export as export_data, write_text

    text = export_data(data_folder(data_dir), fmt)
    if output and str(output) != "-":
        write_text(output, text)
        click.echo(f"wrote {output}", err=True)
    else:
        click.echo(text, nl=False)
