"""The ``claimgraph`` command: parses arguments, calls one library function, prints.

Exit codes: 0 success; 1 the answer is no (violations, no match, conflicts, uncovered words,
rejected sheet rows, changed IDs); 2 usage error; 3 input that cannot be read or output that
cannot be written; 4 a store, endpoint, server or lock that cannot do the work.
"""
import json
import sys
from pathlib import Path

import click

from .errors import ClaimgraphError, DataError, NotFound, ServiceError, SheetError

EXIT_NO, EXIT_USAGE, EXIT_UNREADABLE, EXIT_SERVICE = 1, 2, 3, 4
CONTEXT = {"help_option_names": ["-h", "--help"]}

DATA_HELP = ("Data folder of RDF files and archived texts (default: $CLAIMGRAPH_DATA, else the folder "
             "`claimgraph init` recorded, else the shipped example).")


def _fail(message: str, code: int = 1):
    click.echo(f"Error: {message}", err=True)
    sys.exit(code)


class _Group(click.Group):
    """Turns library errors into one-line messages with the documented exit codes."""

    def resolve_command(self, ctx, args):
        name, command, rest = super().resolve_command(ctx, args)
        if name not in ("lookup", "query", "show"):  # these never load rdflib (nor logging: 3.5 ms of a look-up)
            import logging

            logging.getLogger("rdflib").setLevel(logging.ERROR)  # ill-typed literals are SHACL's to report, once
        return name, command, rest

    def invoke(self, ctx):
        for i, arg in enumerate(sys.argv[1:], start=1):
            try:
                arg.encode("utf-8")
            except UnicodeEncodeError:
                raise click.UsageError(f"argument {i} is not UTF-8 text: {arg.encode('utf-8', 'replace')!r}") from None
        try:
            return super().invoke(ctx)
        except DataError as exc:
            _fail(str(exc), EXIT_UNREADABLE)
        except ServiceError as exc:
            _fail(str(exc), EXIT_SERVICE)
        except SheetError as exc:
            for line in exc.problems:
                click.echo(line, err=True)
            sys.exit(EXIT_NO)
        except ClaimgraphError as exc:
            _fail(str(exc), EXIT_NO)


class _progress:
    """A progress bar on stderr while a long command runs; nothing when stderr is not a terminal.
    Used as ``with _progress("loading", total) as step: library_call(progress=step)``."""

    def __init__(self, label, length):
        self.bar = click.progressbar(length=length, label=label, file=sys.stderr) \
            if sys.stderr.isatty() and length is not None else None

    def __enter__(self):
        if self.bar is None:
            return None
        self.bar.__enter__()
        return self.bar.update

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.__exit__(*exc)


def data_option(f):
    return click.option("--data", "data_dir", type=click.Path(file_okay=False, path_type=Path),
                        default=None, help=DATA_HELP)(f)


def store_options(f):
    f = click.option("--endpoint", default=None, metavar="URL",
                     help="Ask a remote SPARQL 1.1 endpoint instead of the local data.")(f)
    f = click.option("--store", "location", type=click.Path(file_okay=False, path_type=Path), default=None,
                     help="Persistent store folder (default: the cache folder `claimgraph load` fills).")(f)
    return data_option(f)


def _stdin_text(what: str) -> str:
    data = sys.stdin.buffer.read()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DataError(f"<stdin>: byte {exc.start} of {what} is not UTF-8") from None


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise DataError(f"{path}: byte {exc.start} is not UTF-8: save it as UTF-8") from None
    except OSError as exc:
        raise DataError(f"{path}: cannot read: {exc.strerror}") from None


def _data(data_dir):
    from .resources import default_data_dir
    return data_dir or default_data_dir()


def open_store_for(data_dir, endpoint, location, **options):
    """The store the --data, --endpoint and --store options name (``options``: timeout, refuse_service)."""
    from .store import open_store
    return open_store(_data(data_dir), endpoint, location, **options)


@click.group(cls=_Group, context_settings=CONTEXT)
@click.version_option(package_name="claimgraph")
def main():
    """claimgraph: claims and their sources as an RDF knowledge graph.

    Every figure and quotation of a story, with who said it, where it was published and the
    exact words at their place in the archived text; checked by SHACL; asked by SPARQL, look-ups
    with citations, and an interactive network view.
    """


@main.command()
@data_option
@click.option("--format", "out_format", type=click.Choice(["text", "json", "turtle"]), default="text",
              show_default=True, help="json: the results as one document; turtle: a SHACL validation report.")
def validate(data_dir, out_format):
    """Check the data against the SHACL shapes: one line per violation.

    Exit 0 when the data conforms, 1 on violations, 3 when a file cannot be read."""
    from .validate import validate_data

    data_dir = _data(data_dir)
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
@click.argument("term", required=False)
@click.option("--speaker", help="Only claims attributed to this person or organisation.")
@click.option("--place", help="Only claims from, to or about this place (name or ISO code).")
@click.option("--source", help="Only claims that appear in or derive from this source or publisher.")
@click.option("--min", "minimum", type=float, help="Only figures at least this value.")
@click.option("--max", "maximum", type=float, help="Only figures at most this value.")
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True, help="At most this many answers.")
@click.option("--cite", "fmt", default="plain", show_default=True,
              type=click.Choice(["plain", "markdown", "bibtex", "csl-json", "apa", "chicago", "chicago-notes", "mla",
                                 "harvard"]),
              help="Citation format. bibtex and csl-json print only the cited documents on stdout.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list of claims.")
@store_options
def lookup(term, speaker, place, source, minimum, maximum, limit, fmt, as_json, data_dir, location, endpoint):
    """Find claims by a figure ("650,000", "1.6 million"), a phrase, or a name, with citations.

    Words match in any form (stems, case and accents aside; "mobilis*" as a prefix); in quotation
    marks ('"necessary cleansing"') as written. Exit 1 when nothing matches."""
    from . import cite
    from .lookup import find
    from .show import summary

    with open_store_for(data_dir, endpoint, location) as store:
        try:
            claims = find(store, term, speaker=speaker, place=place, source=source,
                          minimum=minimum, maximum=maximum, limit=limit)
        except NotFound:
            if as_json or fmt == "csl-json":
                click.echo("[]")  # a machine reading stdout gets a document, the reason goes to stderr
            raise
        finally:
            if getattr(store, "index_note", None):
                click.echo(f"note: {store.index_note}", err=True)
    if as_json:
        click.echo(json.dumps([cite.as_json(c) for c in claims], ensure_ascii=False, indent=2))
        return
    document = fmt in cite.DOCUMENT_FORMATS
    if document:
        click.echo(cite.document(claims, fmt), nl=False)
    for c, text in zip(claims, [None] * len(claims) if document else cite.citations(claims, fmt)):
        click.echo(summary(c), err=document)
        if text is not None:
            click.echo("  " + text.replace("\n", "\n  ") + "\n")
    more = f" (the first {limit}: --limit for more)" if len(claims) == limit else ""
    click.echo(f"{len(claims)} claim(s){more}", err=True)


@main.command()
@click.argument("claim_id")
@click.option("--format", "rdf_format", default="turtle", show_default=True,
              type=click.Choice(["turtle", "ntriples"]), help="How to print the claim's RDF.")
@store_options
def show(claim_id, rdf_format, data_dir, location, endpoint):
    """Print one claim in full (CLAIM_ID like claim/3209cb1a251b2eb1) with its RDF."""
    from .model.ids import expand_id
    from .model.records import details
    from .resources import query_text
    from .show import claim_rdf, describe

    claim_iri = expand_id(claim_id)
    with open_store_for(data_dir, endpoint, location) as store:
        found = details(store, [str(claim_iri)])
        if not found:
            raise NotFound(f"no claim {claim_id}")
        rdf = claim_rdf(store, str(claim_iri), query_text("lib/describe_claim"), rdf_format)
    click.echo(describe(found[0]))
    click.echo()
    click.echo(rdf)


@main.command()
@click.argument("query_text", required=False)
@click.option("--file", "query_file", type=click.Path(dir_okay=False, exists=True, allow_dash=True, path_type=Path),
              help="Read the query from a .rq file (- for standard input).")
@click.option("--name", "query_name", help="Run a query shipped with claimgraph (see --list).")
@click.option("--list", "list_queries", is_flag=True, help="List the shipped queries.")
@click.option("--bind", "binds", multiple=True, metavar="NAME=VALUE",
              help="Bind ?NAME to VALUE as a term (<iri>, a number, or text). Repeatable.")
@click.option("--format", "out_format", default="table", show_default=True,
              type=click.Choice(["table", "csv", "tsv", "json"]), help="Output format (json: SPARQL 1.1 results).")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=30, show_default=True,
              help="Stop the query after this many seconds (Ctrl-C stops it at once).")
@click.option("--allow-service", is_flag=True,
              help="Let the query use SERVICE, which fetches from other hosts (refused by default).")
@store_options
def query(query_text, query_file, query_name, list_queries, binds, out_format, timeout, allow_service,
          data_dir, location, endpoint):
    """Run SPARQL: from QUERY_TEXT, --file, or a shipped --name. SERVICE is refused unless
    --allow-service; a query is stopped after --timeout seconds."""
    from . import sparql
    from .resources import query_names, query_text as shipped

    if list_queries:
        for name, doc in sparql.catalogue(query_names(), shipped):
            click.echo(f"{name:28} {doc}")
        return
    sources = [x for x in (query_text, query_file, query_name) if x]
    if len(sources) != 1:
        raise click.UsageError("give exactly one of QUERY_TEXT, --file or --name")
    if query_text == "-" or str(query_file) == "-":
        text = _stdin_text("the query")
    else:
        text = _read_text(query_file) if query_file else shipped(query_name) if query_name else query_text
    bindings = sparql.parse_binds(binds)
    with open_store_for(data_dir, endpoint, location, timeout=timeout, refuse_service=not allow_service) as store:
        result = store.query(text, bindings)
    click.echo(sparql.format_result(result, out_format), nl=False)
    if result.kind == "select":
        click.echo(f"{len(result.rows)} row(s)", err=True)


@main.command()
@data_option
@click.option("--store", "location", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where to build the store (default: the cache folder later commands look in).")
def load(data_dir, location):
    """Build the persistent on-disk store that later commands reuse (rebuilt when data change)."""
    import time
    from .store import build_persistent, graph_files

    started = time.perf_counter()
    total = sum(p.stat().st_size for p in graph_files(_data(data_dir)))
    with _progress("loading", total) as step:
        where = build_persistent(_data(data_dir), location, progress=step)
    click.echo(f"built {where} in {time.perf_counter() - started:.2f} s")


def _origins(ctx, param, values):
    """--cors values: ``*`` or a web origin (scheme://host[:port], nothing after it)."""
    import urllib.parse

    for value in values:
        parts = urllib.parse.urlsplit(value)
        if value != "*" and not (parts.scheme in ("http", "https") and parts.netloc and "@" not in parts.netloc
                                 and not parts.path and not parts.query and not parts.fragment):
            raise click.BadParameter(f"{value!r} is not an origin: write scheme://host[:port] "
                                     "(https://example.org), or * for any")
    return tuple(values)


@main.command()
@data_option
@click.option("--port", default=7878, show_default=True, type=click.IntRange(0, 65535),
              help="Port on 127.0.0.1 (0: a free one, printed).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@click.option("--timeout", type=click.IntRange(min=1), default=10, show_default=True,
              help="Stop each query after this many seconds.")
@click.option("--allow-service", is_flag=True,
              help="Let queries use SERVICE, which makes the server fetch from other hosts (refused by default).")
@click.option("--cors", "origins", multiple=True, metavar="ORIGIN", callback=_origins,
              help="Let web pages from ORIGIN (https://example.org; * for any) read the answers; repeatable.")
def serve(data_dir, port, host, timeout, allow_service, origins):
    """Serve the graph read-only as a SPARQL endpoint (Oxigraph server) until Ctrl-C: one named
    graph per data file, as push writes them, and their union as the default graph.

    Queries that use SERVICE are refused unless --allow-service; each query stops after --timeout."""
    from .store.server import serve_forever

    serve_forever(_data(data_dir), host, port, echo=click.echo, timeout=timeout, allow_service=allow_service,
                  cors=origins)


@main.command()
@data_option
@click.option("--endpoint", required=True, metavar="URL",
              help="Graph Store endpoint (Oxigraph: http://HOST:7878/store; Virtuoso: http://HOST:8890/sparql-graph-crud"
                   "[-auth]); a query endpoint (…/query, Virtuoso's /sparql[-auth]) is mapped to it. Credentials: "
                   "$CLAIMGRAPH_ENDPOINT_USER and $CLAIMGRAPH_ENDPOINT_PASSWORD, $CLAIMGRAPH_ENDPOINT_TOKEN or ~/.netrc.")
@click.option("--update", "update_url", metavar="URL",
              help="SPARQL Update endpoint, for files larger than --batch (default: beside the Graph Store "
                   "endpoint: …/store -> …/update, /sparql-graph-crud -> /sparql).")
@click.option("--batch", default=50_000, show_default=True, type=click.IntRange(min=1),
              help="Triples per request; a larger file goes up in parts into a temporary graph, then moved in place.")
def push(data_dir, endpoint, update_url, batch):
    """Send the data to a triplestore over the SPARQL 1.1 Graph Store Protocol, one named graph per
    file, each replaced whole; blank nodes never split across requests. Leaves a word index for
    look-ups through that endpoint (see Scale in the README)."""
    from .index.endpoint import push as push_data
    from .store.push import store_url_for
    from .store import graph_files

    total = sum(p.stat().st_size for p in graph_files(_data(data_dir)))
    with _progress("pushing", total) as step:
        counts = push_data(_data(data_dir), store_url_for(endpoint), batch, update_url, progress=step)
    click.echo(f"pushed {counts['triples']} triples from {counts['files']} file(s) in {counts['requests']} request(s)")


@main.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--example", is_flag=True, help="Copy the shipped example article into it.")
@click.option("--no-default", is_flag=True, help="Do not make it the default data folder.")
def init(folder, example, no_default):
    """Make FOLDER your data folder: every command then reads and writes it without --data."""
    from .datafolder import init_data_folder

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
    from .datafolder import writable_data_dir
    from .importer import import_sheet
    from .model.sheet import read_sheet

    data_dir = writable_data_dir(data_dir)
    if str(sheet) == "-":
        sheet = "-"
    with _progress("importing", None if sheet == "-" else len(read_sheet(sheet))) as step:
        result = import_sheet(sheet, data_dir, text_path, progress=step)
    click.echo(f"{result.added} claim(s) added, {result.appearances} appearance(s) added"
               + (f" ({result.known} to claims already in the graph)" if result.known and result.appearances else "")
               + f", {result.unchanged} already present")
    for f in result.files:
        click.echo(f"  wrote {f}")
    _import_checks(result.checks)


def _import_checks(results):
    from .validate import Severity

    shown = [r for r in results if r.severity is not Severity.INFO]
    agreements = len(results) - len(shown)
    if not results:
        return
    conflicts = sum(1 for r in shown if r.severity is Severity.VIOLATION)
    click.echo(f"check: {conflicts} conflict(s), {len(shown) - conflicts} warning(s), {agreements} agreement(s) "
               "with the graph for these claims (`claimgraph check --all` lists them all)")
    for r in shown:
        click.echo("  " + "\n  ".join(r.lines()))


def network_options(f):
    f = click.option("--max-nodes", default=500, show_default=True, type=click.IntRange(min=1),
                     help="Leave out the least connected nodes past this many.")(f)
    f = click.option("--kind", type=click.Choice(["figure", "quotation", "statement"]), help="Only claims of this kind.")(f)
    f = click.option("--speaker", help="Only claims attributed to this person or organisation.")(f)
    f = click.option("--source", help="Only claims that appear in or derive from this source or publisher.")(f)
    f = click.option("--hops", default=2, show_default=True, help="How far from the focus to draw.")(f)
    f = click.option("--focus", multiple=True, metavar="NAME", help="Draw only what lies around this entity or claim id.")(f)
    return store_options(f)


@main.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The HTML file to write.")
@click.option("--title", default="claimgraph", show_default=True, help="Heading of the page.")
@click.option("--claim", "claim_id", metavar="ID", help="Draw what lies around this claim and open its provenance.")
@network_options
def viz(output, title, claim_id, focus, hops, source, speaker, kind, max_nodes, data_dir, location, endpoint):
    """Write the claim network, provenance, timeline and estimates as one self-contained, offline HTML page."""
    from .viz import build, write

    with open_store_for(data_dir, endpoint, location) as store:
        page = build(store, focus=list(focus), claim=claim_id, hops=hops, source=source, speaker=speaker,
                     kind=kind, max_nodes=max_nodes, heading=title)
    write(page, output)
    g = page.projection.graph
    click.echo(f"wrote {output}: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges")
    for note in page.notes:
        click.echo(f"note: {note}")


@main.command()
@click.argument("term")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The chart to write: .svg (a citation on hover of each mark), .png or .html.")
@store_options
def chart(term, output, data_dir, location, endpoint):
    """Every figure given for one quantity (TERM as in lookup), as points, bounds and ranges."""
    from .estimates import for_term, write

    with open_store_for(data_dir, endpoint, location) as store:
        quantity = for_term(store, term)
    write(quantity, output)
    click.echo(f"wrote {output}: {len(quantity.marks)} figure(s) of {quantity.title}")


@main.command()
@click.option("--path", "path_ends", nargs=2, metavar="A B", help="The attribution path between two nodes.")
@click.option("--top", default=10, show_default=True, help="How many of each ranking.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@network_options
def network(path_ends, top, as_json, focus, hops, source, speaker, kind, max_nodes, data_dir, location, endpoint):
    """Network figures: most-cited sources, most-quoted people, centrality, components, paths."""
    from .network import figures, path, project

    with open_store_for(data_dir, endpoint, location) as store:
        projection = project(store, focus=list(focus), hops=hops, source=source, speaker=speaker,
                             kind=kind, max_nodes=max_nodes)
        result = path(projection.graph, store, *path_ends) if path_ends else figures(projection.graph, top)
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
    elif path_ends:
        for step in result:
            click.echo(f"{step['from']}  —{step['rel']}→  {step['to']}")
    else:
        click.echo(f"{result['nodes']} nodes, {result['edges']} edges, "
                   f"{result['components']['count']} component(s) of sizes {result['components']['sizes']}")
        for key, heading in (("most_cited_sources", "most-cited sources"), ("most_quoted", "most-quoted"),
                             ("most_claims_made", "most claims made"), ("central", "degree centrality")):
            click.echo(f"\n{heading}:")
            for label, value in result[key]:
                click.echo(f"  {value:>8}  {label}")


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

    from .audit import audit_source

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


@main.command()
@click.option("--all", "show_all", is_flag=True, help="Also list agreements (Info), not only conflicts and drift.")
@click.option("--format", "out_format", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="json: one document with every result and the counts.")
@store_options
def check(show_all, out_format, data_dir, location, endpoint):
    """Check consistency across claims: competing estimates of one quantity, parts against
    wholes, shares against counts, shares over 100 per cent, and figure and quote drift between
    appearances. Exit 1 on a conflict."""
    from .checks import run_checks
    from .validate import Severity

    with open_store_for(data_dir, endpoint, location) as store:
        results = run_checks(store, cite_info=show_all)
    shown = [r for r in results if show_all or r.severity is not Severity.INFO]
    counts = {s: sum(1 for r in results if r.severity is s) for s in Severity}
    if out_format == "json":
        click.echo(json.dumps({"results": [r.as_json() for r in shown],
                               "counts": {s.value: n for s, n in counts.items()}}, ensure_ascii=False, indent=2))
    else:
        for r in shown:
            click.echo("\n".join(r.lines()))
    click.echo(f"{counts[Severity.VIOLATION]} conflict(s), {counts[Severity.WARNING]} warning(s), "
               f"{counts[Severity.INFO]} agreement(s)", err=True)
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
    from .export import export as export_data, write_text

    text = export_data(_data(data_dir), fmt)
    if output and str(output) != "-":
        write_text(output, text)
        click.echo(f"wrote {output}", err=True)
    else:
        click.echo(text, nl=False)


@main.command()
@data_option
@click.option("--format", "out_format", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="json: the IDs that changed as one document.")
def verify(data_dir, out_format):
    """Recompute every content-hash ID of claims and appearances; list those whose content no
    longer matches. Exit 1 if any."""
    from .export import verify as verify_ids

    wrong = verify_ids(_data(data_dir))
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
    from .draft import draft_sheet, known_names
    from .export import write_text

    stdin = str(text) == "-"
    sheet = draft_sheet(None if stdin else text, outlet, date, known_names(_data(data_dir)),
                        text=_stdin_text("the article") if stdin else None)
    rows = sheet.count(chr(10)) - 1
    if str(output) == "-":
        click.echo(sheet, nl=False)
        click.echo(f"{rows} proposed claim(s)", err=True)
        return
    write_text(output, sheet)
    click.echo(f"wrote {output}: {rows} proposed claim(s); review speakers, subjects and statements before "
               "`claimgraph import`")


if __name__ == "__main__":  # python -m claimgraph.cli …
    main()
