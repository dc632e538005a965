"""Reference-manager forms of a cited document: CSL-JSON items, and references formatted in a CSL
style by pandoc's citeproc.

Pandoc is the engine because it gives, from the same CSL file and data, what a reference
processor gives: its output is pinned in ``tests/test_cite.py``, and there measured against
citeproc-js (Zotero's processor). citeproc-py, used before, differed from both in Chicago and MLA.
The pandoc binary comes from the ``pypandoc_binary`` wheel (else ``pandoc`` on PATH) and runs once
for all the documents of a look-up. The CSL styles ship in ``styles/`` (official CSL styles,
CC BY-SA 3.0, see ``styles/README.md``).
"""
import json
import os
import re
import shutil
import subprocess
import tempfile
from html.parser import HTMLParser
from pathlib import Path

from ..errors import ClaimgraphError, ServiceError
from .dates import parse_date
from .formats import STYLES

STYLES_DIR = Path(__file__).with_name("styles")

_TITLES = re.compile(r"^(?:Dr|Prof|Professor|Mr|Mrs|Ms|Sir|Dame)\.?\s+")


def person(name: str) -> dict:
    """A CSL name: family and given for "Dr Stephen Hall" (titles dropped), literal for one word."""
    parts = _TITLES.sub("", name.strip()).split()
    return {"family": parts[-1], "given": " ".join(parts[:-1])} if len(parts) > 1 else {"literal": name.strip()}


def _date_parts(value) -> dict | None:
    d = parse_date(value)
    return {"date-parts": [[d.year, d.month, d.day]]} if d else None


def item(source: dict) -> dict:
    """A document (a source record: id, title, publisher, author "; "-joined, published, url,
    retrieved) as a CSL-JSON item (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html)."""
    out = {
        "id": source.get("id"),
        "type": "article-newspaper",
        "title": source.get("title"),
        "container-title": source.get("publisher"),
        "publisher": source.get("publisher"),
        "author": [person(a) for a in (source.get("author") or "").split("; ") if a.strip()],
        "issued": _date_parts(source.get("published")),
        "URL": source.get("url"),
        "accessed": _date_parts(source.get("retrieved")),
    }
    return {k: v for k, v in out.items() if v}


def documents(claims) -> list[dict]:
    """The documents ``claims`` cite (each claim's first appearance's), once each, in order."""
    seen = {}
    for claim in claims:
        seen.setdefault(claim.source.get("id"), claim.source)
    return list(seen.values())


def items(claims) -> list[dict]:
    """One CSL-JSON item per document that ``claims`` cite."""
    return [item(source) for source in documents(claims)]


def pandoc_path() -> str:
    """The pandoc binary: the ``pypandoc_binary`` wheel's, else ``pandoc`` on PATH."""
    import importlib.util

    spec = importlib.util.find_spec("pypandoc")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        binary = Path(folder) / "files" / "pandoc"
        if binary.is_file() and os.access(binary, os.X_OK):
            return str(binary)
    found = shutil.which("pandoc")
    if not found:
        raise ServiceError("formatting a CSL style needs pandoc: pip install pypandoc_binary")
    return found


def references(sources: list[dict], style: str) -> dict[str, str]:
    """Each source's reference in ``style`` (a key of :data:`STYLES` or a path to a .csl file) as
    plain text, by source id: the bibliography entry, or the first note for a note style."""
    if not sources:
        return {}
    name, lang, form = STYLES.get(style, (None, "en-US", "bibliography"))
    csl = STYLES_DIR / f"{name}.csl" if name else Path(style)
    if not csl.is_file():
        raise ClaimgraphError(f"unknown citation style {style!r}: one of {', '.join(STYLES)} or a .csl file")
    keys = {f"item{i}": s.get("id") for i, s in enumerate(sources)}
    data = [dict(item(s), id=key) for key, s in zip(keys, sources)]
    if form == "note":
        body = "\n\n".join(f"[@{key}]" for key in keys) + "\n"
        meta = ["-M", "suppress-bibliography=true"]
    else:
        body, meta = "---\nnocite: '@*'\n---\n", []
    with tempfile.TemporaryDirectory(prefix="claimgraph-cite-") as tmp:
        bib = Path(tmp) / "items.json"
        bib.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        cmd = [pandoc_path(), "--citeproc", "--csl", str(csl), "--bibliography", str(bib), "-M", f"lang={lang}",
               *meta, "-f", "markdown", "-t", "html", "--wrap=none"]
        try:
            done = subprocess.run(cmd, input=body, capture_output=True, text=True, encoding="utf-8", timeout=60)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise ServiceError(f"pandoc could not run: {exc}") from exc
    if done.returncode != 0:
        why = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else f"exit {done.returncode}"
        raise ServiceError(f"pandoc failed: {why}")
    parsed = _Entries()
    parsed.feed(done.stdout)
    if form == "note":  # footnote n holds the n-th citation
        return {keys[f"item{i}"]: parsed.entries.get(f"fn{i + 1}", "") for i in range(len(keys))}
    return {source_id: parsed.entries.get(f"ref-{key}", "") for key, source_id in keys.items()}


class _Entries(HTMLParser):
    """Text of pandoc's ``div#ref-…`` (bibliography) and ``li#fnN`` (notes) elements, as plain
    text: tags dropped, entities read, the footnote back-link left out."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.entries, self.stack, self.current, self.skip = {}, [], None, 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        ident = attrs.get("id") or ""
        if self.current is None and (ident.startswith("ref-") or re.fullmatch(r"fn\d+", ident)):
            self.current, self.depth, self.text = ident, 0, []
        if self.current is not None:
            self.depth += 1
            if "footnote-back" in (attrs.get("class") or ""):
                self.skip += 1

    def handle_endtag(self, tag):
        if self.current is None:
            return
        if self.skip and tag == "a":
            self.skip -= 1
        self.depth -= 1
        if self.depth == 0:
            self.entries[self.current] = " ".join("".join(self.text).split())
            self.current = None

    def handle_data(self, data):
        if self.current is not None and not self.skip:
            self.text.append(data)
