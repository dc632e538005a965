"""The library's exceptions. The CLI turns each into a one-line message and an exit code."""


class ClaimgraphError(Exception):
    """Base class: a problem the user can fix, described in one line."""


class DataError(ClaimgraphError):
    """An input file cannot be read (malformed RDF, missing archived text). Exit code 2."""


class SheetError(ClaimgraphError):
    """One or more rows of a claim sheet are wrong. ``problems`` holds one line per fault."""

    def __init__(self, path, problems):
        self.path = path
        self.problems = list(problems)
        super().__init__(f"{path}: {len(self.problems)} problem(s)\n" + "\n".join(self.problems))


class NotFound(ClaimgraphError):
    """A look-up found nothing."""


class QueryError(ClaimgraphError):
    """A SPARQL query is malformed or a store refused it."""
