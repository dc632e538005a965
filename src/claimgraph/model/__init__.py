"""The claim model: what a claim is, where it appears, and how a claim sheet says both.

- :mod:`.vocab` — the words of a sheet (kinds, modes, bounds, hedges, units, types) and the RDF
  terms they stand for;
- :mod:`.figures` — figures as printed ("more than 650,000", "2 in 5", "£2.5bn") read as numbers,
  and the intervals a bound allows;
- :mod:`.words` — quoted words compared up to typography;
- :mod:`.ids` — content-hash IDs of claims and appearances;
- :mod:`.entities` — people, organisations, places, events and documents by name;
- :mod:`.sheet` — claim sheets as CSV files; :mod:`.build` — a sheet's rows as RDF (its cells read
  by :mod:`.cells`, its sources by :mod:`.sources`, the triples written by :mod:`.emit`);
  :mod:`.to_sheet` — the graph as a sheet again;
- :mod:`.records` — claims and appearances read from a store, as features use them.

The stores (:mod:`claimgraph.store`) are below the model; look-ups, citations, checks, pictures
and exports are above it; the CLI on top.
"""
