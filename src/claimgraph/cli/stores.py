"""Stores and servers: the persistent store, a read-only SPARQL server, pushes to a triplestore."""
from pathlib import Path

import click

from .base import data_folder, data_option, main, progress_bar


@main.command()
@data_option
@click.option("--store", "location", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where to build the store (default: the cache folder later commands look in).")
def load(data_dir, location):
    """Build the persistent on-disk store that later commands reuse (rebuilt when data change)."""
    import time
    from ..store import build_persistent, graph_files

    started = time.perf_counter()
    total = sum(p.stat().st_size for p in graph_files(data_folder(data_dir)))
    with progress_bar("loading", total) as step:
        where = build_persistent(data_folder(data_dir), location, progress=step)
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
    from ..store.server import serve_forever

    serve_forever(data_folder(data_dir), host, port, echo=click.echo, timeout=timeout, allow_service=allow_service,
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
    from ..index.endpoint import push as push_data
    from ..store.push import store_url_for
    from ..store import graph_files

    total = sum(p.stat().st_size for p in graph_files(data_folder(data_dir)))
    with progress_bar("pushing", total) as step:
        counts = push_data(data_folder(data_dir), store_url_for(endpoint), batch, update_url, progress=step)
    click.echo(f"pushed {counts['triples']} triples from {counts['files']} file(s) in {counts['requests']} request(s)")
