"""What every command shares: the group that turns library errors into one-line messages with
the documented exit codes, the options for data, stores and networks, progress bars, reading
stdin and text files."""
import sys
from pathlib import Path

import click

from ..errors import ClaimgraphError, DataError, ServiceError, SheetError

EXIT_NO, EXIT_USAGE, EXIT_UNREADABLE, EXIT_SERVICE = 1, 2, 3, 4
CONTEXT = {"help_option_names": ["-h", "--help"]}

DATA_HELP = ("Data folder of RDF files and archived texts (default: $CLAIMGRAPH_DATA, else the folder "
             "`claimgraph init` recorded, else the shipped example).")


def fail(message: str, code: int = 1):
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
            fail(str(exc), EXIT_UNREADABLE)
        except ServiceError as exc:
            fail(str(exc), EXIT_SERVICE)
        except SheetError as exc:
            for line in exc.problems:
                click.echo(line, err=True)
            sys.exit(EXIT_NO)
        except ClaimgraphError as exc:
            fail(str(exc), EXIT_NO)


class progress_bar:
    """A progress bar on stderr while a long command runs; nothing when stderr is not a terminal.
    Used as ``with progress_bar("loading", total) as step: library_call(progress=step)``."""

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


def stdin_text(what: str) -> str:
    data = sys.stdin.buffer.read()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DataError(f"<stdin>: byte {exc.start} of {what} is not UTF-8") from None


def read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise DataError(f"{path}: byte {exc.start} is not UTF-8: save it as UTF-8") from None
    except OSError as exc:
        raise DataError(f"{path}: cannot read: {exc.strerror}") from None


def data_folder(data_dir):
    from ..resources import default_data_dir
    return data_dir or default_data_dir()


def open_store_for(data_dir, endpoint, location, **options):
    """The store the --data, --endpoint and --store options name (``options``: timeout, refuse_service)."""
    from ..store import open_store
    return open_store(data_folder(data_dir), endpoint, location, **options)


@click.group(cls=_Group, context_settings=CONTEXT)
@click.version_option(package_name="claimgraph")
def main():
    """claimgraph: claims and their sources as an RDF knowledge graph.

    Every figure and quotation of a story, with who said it, where it was published and the
    exact words at their place in the archived text; checked by SHACL; asked by SPARQL, look-ups
    with citations, and an interactive network view.
    """


def network_options(f):
    f = click.option("--max-nodes", default=500, show_default=True, type=click.IntRange(min=1),
                     help="Leave out the least connected nodes past this many.")(f)
    f = click.option("--kind", type=click.Choice(["figure", "quotation", "statement"]), help="Only claims of this kind.")(f)
    f = click.option("--speaker", help="Only claims attributed to this person or organisation.")(f)
    f = click.option("--source", help="Only claims that appear in or derive from this source or publisher.")(f)
    f = click.option("--hops", default=2, show_default=True, help="How far from the focus to draw.")(f)
    f = click.option("--focus", multiple=True, metavar="NAME", help="Draw only what lies around this entity or claim id.")(f)
    return store_options(f)
