"""The library's exceptions. The CLI turns each into a one-line message and an exit code:
1 for an answer that is no (SheetError, NotFound, QueryError and other ClaimgraphErrors),
3 for input that cannot be read or output that cannot be written (DataError), 4 for a store,
endpoint, server or lock that cannot do the work (ServiceError). Click's usage errors are 2."""


class ClaimgraphError(Exception):
    """Base class: a problem the user can fix, described in one line."""


class DataError(ClaimgraphError):
    """An input file cannot be read (malformed RDF, missing archived text) or an output file
    cannot be written. Exit code 3."""


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


class ServiceError(ClaimgraphError):
    """A store, endpoint, server or lock cannot do the work (unreachable, busy, damaged). Exit
    code 4."""
