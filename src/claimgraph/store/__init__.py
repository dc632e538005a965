"""Stores behind one small interface: embedded (in memory), persistent (on disk) and remote.

All three answer SPARQL 1.1 SELECT/ASK/CONSTRUCT through :meth:`Store.query`. The package:

- ``terms``: Python values <-> Oxigraph terms, user values bound into a query (``bind_values``);
- ``base``: ``Store`` and its ``Result``;
- ``files``: a data folder's RDF files and their named graphs;
- ``texts``: archived texts, read only from inside the data folder;
- ``stream``: the N-Triples files read as one stream for the bulk load;
- ``locks``: locks on data folders and stores between claimgraph processes;
- ``persistent``: the on-disk store: where, when fresh, built and replaced (only its own folders);
- ``embedded``: Oxigraph embedded (in memory or on disk) behind the ``Store`` interface;
- ``loading``: a new persistent store filled in a thread (bulk load, texts, compaction);
- ``local``: which store a command reads (``open_store``): remote, persistent or in memory;
- ``guard``: refusing SPARQL SERVICE (a tokenizer);
- ``remote``: a SPARQL 1.1 endpoint, and ``push`` over the Graph Store Protocol;
- ``server``: ``claimgraph serve``, the Oxigraph server.

Nothing here imports rdflib at module level (look-ups never load it) or the claim model.
"""
from .base import Result, Store
from .files import CG_TEXT_FILE, FORMATS, SCHEMA_TEXT, data_files, graph_files, graph_name, load_file, parse_error_reason
from .embedded import OxigraphStore
from .local import open_store
from .locks import data_lock, store_lock
from .persistent import build_persistent, cache_dir, persistent_is_fresh, update_persistent
from .terms import bind_values, iri, py, term, to_rdflib
from .texts import MAX_TEXT_BYTES, read_archived_text, safe_text_path

__all__ = ["Store", "OxigraphStore", "Result", "open_store", "term", "iri", "py", "to_rdflib", "bind_values",
           "data_files", "graph_files", "graph_name", "build_persistent", "update_persistent",
           "persistent_is_fresh", "cache_dir", "read_archived_text", "load_file", "parse_error_reason",
           "CG_TEXT_FILE", "SCHEMA_TEXT", "FORMATS", "data_lock", "store_lock", "safe_text_path", "MAX_TEXT_BYTES"]
