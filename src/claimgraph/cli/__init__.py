"""The ``claimgraph`` command: parses arguments, calls one library function, prints.

Exit codes: 0 success; 1 the answer is no (violations, no match, conflicts, uncovered words,
rejected sheet rows, changed IDs); 2 usage error; 3 input that cannot be read or output that
cannot be written; 4 a store, endpoint, server or lock that cannot do the work.
"""
from . import ask, data, pictures, stores  # noqa: F401  (each registers its commands on main)
from .base import EXIT_NO, EXIT_SERVICE, EXIT_UNREADABLE, EXIT_USAGE, main

__all__ = ["main", "EXIT_NO", "EXIT_USAGE", "EXIT_UNREADABLE", "EXIT_SERVICE"]
