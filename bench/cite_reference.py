"""Our CSL references (pandoc's citeproc) against citeproc-js, Zotero's processor, on the same CSL
files and data: the documents the shipped claims cite, and a retrieved one (accessed date).

    npm install --prefix /tmp/ref citeproc
    python bench/cite_reference.py --node-modules /tmp/ref/node_modules --locales DIR

DIR holds the CSL locale files (``locales-en-US.xml``, ``locales-en-GB.xml``; citeproc-py ships
them in ``citeproc/data/locales``). Prints, per style, whether the two agree exactly, whether they
differ only in letter case, and both strings where they differ.
"""
import argparse
import json
import os
import subprocess
import tempfile
from pathlib import Path

from claimgraph.cite.csl import STYLES, STYLES_DIR, documents, item, references
from claimgraph.lookup import find
from claimgraph.store import open_store

RETRIEVED = {"id": "source/ledger-2024-08-02-caucasus", "title": "Georgia and Armenia absorb most Russian arrivals, observatory says",
             "publisher": "The Tbilisi Ledger", "author": "Nino Beridze", "published": "2024-08-02",
             "url": "https://example.org/ledger", "retrieved": "2024-08-03"}


def citeproc_js(sources, style, node_modules, locales) -> dict:
    name, lang, form = STYLES[style]
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "items.json"
        data.write_text(json.dumps([item(s) for s in sources]), encoding="utf-8")
        out = subprocess.run(["node", str(Path(__file__).with_name("citeproc_js.js")), str(STYLES_DIR / f"{name}.csl"),
                              str(data), str(locales), "note" if form == "note" else "bib"],
                             env=dict(os.environ, NODE_PATH=str(node_modules), CSL_LANG=lang),
                             capture_output=True, text=True, check=True).stdout
    return dict(zip((s["id"] for s in sources), json.loads(out)))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--node-modules", type=Path, required=True)
    parser.add_argument("--locales", type=Path, required=True)
    args = parser.parse_args()
    with open_store() as store:
        sources = documents(find(store, minimum=-1e18)) + [RETRIEVED]
    print(f"{'style':15} {'documents':>9} {'identical':>9} {'same but case':>13}")
    for style in STYLES:
        ours, ref = references(sources, style), citeproc_js(sources, style, args.node_modules, args.locales)
        same = sum(ours[s["id"]] == ref[s["id"]] for s in sources)
        case = sum(ours[s["id"]].lower() == ref[s["id"]].lower() for s in sources)
        print(f"{style:15} {len(sources):>9} {same:>9} {case:>13}")
        for s in sources:
            if ours[s["id"]] != ref[s["id"]]:
                print(f"    pandoc:      {ours[s['id']]}\n    citeproc-js: {ref[s['id']]}")


if __name__ == "__main__":
    main()
