"""Where the shipped files are: ontology, shapes, default data and SPARQL queries.

An installed wheel carries ontology/ and graph_data/ inside the package; a source checkout
keeps them at the top of the repository. Both are found here and nowhere else.
"""
from functools import lru_cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _shipped(name: str) -> Path:
    inside = _PACKAGE / name
    if inside.is_dir():
        return inside
    return _PACKAGE.parent.parent / name  # source checkout: src/claimgraph/ -> repo root


def default_data_dir() -> Path:
    """The shipped graph_data/ folder (the embedded default corpus)."""
    return _shipped("graph_data")


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
