"""The source a sheet's rows belong to: its document, publisher, date and URL, and the archived
text its quotes are found in, read as the stores read archived texts."""
import re
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, Graph, Literal, URIRef

from ..namespaces import CG, ID, PROV, SCHEMA
from .cells import Cells
from .vocab import SOURCE_TYPES

_STEM = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,120}$")


@dataclass
class SourceInfo:
    """A source document of a sheet, with the archived text its quotes are found in."""
    iri: str
    stem: str
    row: int
    text_path: Path | None = None
    text: str | None = None
    publishers: list = field(default_factory=list)
    authors: list = field(default_factory=list)
    graph: Graph = field(default_factory=Graph)


class Sources(Cells):
    """Reads the ``source_*`` cells of the row that starts a source."""

    def source_row(self, row) -> SourceInfo | None:
        text_path, text = self.archived_text(row)
        stem = (text_path.stem if text_path is not None else Path(row.get("source_text", "") or "x").stem)
        if not _STEM.match(stem):
            self.fault(row, "source_text", f"{stem!r} cannot name a source: use letters, digits, '-', '_' and '.'")
        iri = str(ID[f"source/{stem}"])
        info = SourceInfo(iri=iri, stem=stem, row=row["_row"], text_path=text_path, text=text)
        g, s = info.graph, URIRef(iri)
        type_text = row.get("source_type", "") or "NewsArticle"
        kind = SOURCE_TYPES.get(type_text.casefold().replace(" ", ""))
        if kind is None:
            self.fault(row, "source_type", f"{type_text!r} is not a source type: write one of NewsArticle, Article, "
                                           "Report, BlogPosting, PressRelease, Transcript")
            kind = "CreativeWork"
        archive = URIRef(f"{iri}#text")
        g.add((s, RDF.type, SCHEMA[kind]))
        g.add((s, RDF.type, PROV.Entity))
        g.add((s, SCHEMA.headline, Literal(row["source_title"])))
        info.publishers = self.entities(row, "source_publisher")
        if not info.publishers and not row.get("source_publisher"):
            self.fault(row, "source_publisher", "missing: name the outlet, such as 'GB News' or 'The Moscow Times "
                                                "[organisation]'")
        info.authors = self.entities(row, "source_author")
        for pred, agents in ((SCHEMA.publisher, info.publishers), (SCHEMA.author, info.authors)):
            for agent in agents:
                g.add((s, pred, URIRef(agent)))
        if row.get("source_published"):  # a page may show no date: then none is written, never a guess
            published = self.when(row, "source_published", row["source_published"], partial=True)
            if published is not None:
                g.add((s, SCHEMA.datePublished, published))
        url = self.url(row, "source_url")
        if url is not None:
            g.add((s, SCHEMA.url, url))
        g.add((s, SCHEMA.archivedAt, archive))
        g.add((archive, RDF.type, CG.ArchivedText))
        g.add((archive, CG.textFile, Literal(f"{stem}.txt")))
        g.add((archive, SCHEMA.encodingFormat, Literal("text/plain; charset=utf-8")))
        if row.get("source_retrieved"):
            retrieved = self.when(row, "source_retrieved", row["source_retrieved"])
            if retrieved is not None:
                g.add((archive, PROV.generatedAtTime, retrieved))
        for upstream in self.entities(row, "source_derived_from"):
            g.add((s, PROV.wasDerivedFrom, URIRef(upstream)))
        return info

    def archived_text(self, row):
        """(path, text) of the source's archived text: ``--text``, else ``source_text`` beside
        the sheet or in the data folder, read as the stores read archived texts (inside that
        folder, a regular UTF-8 file of at most 16 MB)."""
        from ..errors import DataError
        from ..store.texts import decode_text, read_text_bytes, safe_text_path

        name = row.get("source_text", "")
        try:
            if self.text_path is not None:
                path = self.text_path
            else:
                if not name:
                    self.fault(row, "source_text", "missing: name the file of the article's plain text, beside "
                                                   "the sheet or in the data folder (such as gbnews-2024-07-18.txt)")
                    return None, None
                folders = [f for f in (self.sheet_dir, self.data_dir) if f is not None]
                paths = [safe_text_path(folder, name) for folder in folders]
                path = next((p for p in paths if p.exists()), None)
                if path is None:
                    where = " or ".join(str(f) for f in folders)
                    self.fault(row, "source_text", f"cannot find the archived text {name!r} in {where}: put the "
                                                   "file beside the sheet or in the data folder, or give --text FILE")
                    return None, None
            return path, decode_text(path, read_text_bytes(path))
        except DataError as exc:
            self.fault(row, "source_text", str(exc))
            return None, None
