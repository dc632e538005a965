"""Asking the graph: look-ups with citations, one claim in full, SPARQL."""
import json
from pathlib import Path

import click

from ..errors import NotFound
from .base import main, open_store_for, read_text, stdin_text, store_options


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
    from .. import cite
    from ..lookup import find
    from ..show import summary

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
    from ..model.ids import expand_id
    from ..model.records import details
    from ..resources import query_text
    from ..show import claim_rdf, describe

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
    from .. import sparql
    from ..resources import query_names, query_text as shipped

    if list_queries:
        for name, doc in sparql.catalogue(query_names(), shipped):
            click.echo(f"{name:28} {doc}")
        return
    sources = [x for x in (query_text, query_file, query_name) if x]
    if len(sources) != 1:
        raise click.UsageError("give exactly one of QUERY_TEXT, --file or --name")
    if query_text == "-" or str(query_file) == "-":
        text = stdin_text("the query")
    else:
        text = read_text(query_file) if query_file else shipped(query_name) if query_name else query_text
    bindings = sparql.parse_binds(binds)
    with open_store_for(data_dir, endpoint, location, timeout=timeout, refuse_service=not allow_service) as store:
        result = store.query(text, bindings)
    click.echo(sparql.format_result(result, out_format), nl=False)
    if result.kind == "select":
        click.echo(f"{len(result.rows)} row(s)", err=True)
