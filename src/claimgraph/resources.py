"""Where the files are: the shipped ontology, shapes, example data and SPARQL queries, and the
user's own data folder.

An installed wheel carries ontology/ and graph_data/ inside the package; a source checkout
keeps them at the top of the repository. Both are found here and nowhere else.

Commands read the data folder given with ``--data``; else ``$CLAIMGRAPH_DATA``; else the one
``claimgraph init DIR`` recorded in ``$XDG_CONFIG_HOME/claimgraph/config.json`` (by default
``~/.config/claimgraph/config.json``); else the shipped example (read-only).
"""
import json
import os
from functools import lru_cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _shipped(name: str) -> Path:
    inside = _PACKAGE / name
    if inside.is_dir():
        return inside
    return _PACKAGE.parent.parent / name  # source checkout: src/claimgraph/ -> repo root


def example_data_dir() -> Path:
    """The shipped graph_data/ folder: the example article."""
    return _shipped("graph_data")


def config_file() -> Path:
    """Where ``claimgraph init`` records the user's data folder."""
    root = os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config"
    return Path(root) / "claimgraph" / "config.json"


def configured_data_dir() -> Path | None:
    """The user's own data folder: ``$CLAIMGRAPH_DATA``, else the one ``init`` recorded."""
    if os.environ.get("CLAIMGRAPH_DATA"):
        return Path(os.environ["CLAIMGRAPH_DATA"])
    try:
        recorded = json.loads(config_file().read_text(encoding="utf-8")).get("data")
    except (OSError, ValueError, AttributeError):
        return None
    return Path(recorded) if isinstance(recorded, str) and recorded else None


def default_data_dir() -> Path:
    """The folder commands read when no ``--data`` is given: the user's own, else the example."""
    return configured_data_dir() or example_data_dir()


def ontology_file(name: str) -> Path:
    """A file of the shipped ontology/ folder, e.g. ``shapes.ttl``."""
    return _shipped("ontology") / name


@lru_cache(maxsize=None)
def query_text(name: str) -> str:
    """The text of the packaged SPARQL query ``queries/<name>.rq`` (``lib/…`` for internal ones)."""
    path = _PACKAGE / "queries" / f"{name}.rq"
    try:
        if ".." in Path(name).parts:
            raise FileNotFoundError(name)
        return path.read_text("utf-8")
    except FileNotFoundError:
        from .errors import QueryError
        raise QueryError(f"no shipped query named {name!r} (see `claimgraph query --list`)") from None


def query_names(folder_name: str | None = None) -> list[str]:
    """Names of the packaged user-facing queries (or those of ``queries/<folder_name>``),
    without the ``.rq`` suffix."""
    folder = _PACKAGE / "queries"
    if folder_name:
        folder = folder / folder_name
    return sorted(p.name[:-3] for p in folder.iterdir() if p.name.endswith(".rq"))
