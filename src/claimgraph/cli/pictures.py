"""Pictures and figures of the network: the HTML page, charts of estimates, network measures."""
import json
from pathlib import Path

import click

from .base import main, network_options, open_store_for, store_options


@main.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The HTML file to write.")
@click.option("--title", default="claimgraph", show_default=True, help="Heading of the page.")
@click.option("--claim", "claim_id", metavar="ID", help="Draw what lies around this claim and open its provenance.")
@network_options
def viz(output, title, claim_id, focus, hops, source, speaker, kind, max_nodes, data_dir, location, endpoint):
    """Write the claim network, provenance, timeline and estimates as one self-contained, offline HTML page."""
    from ..viz import build, write

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
    from ..estimates import for_term, write

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
    from ..network import figures, path, project

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
