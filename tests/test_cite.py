"""Citations as reference processors give them, from the shipped CSL files and the same data.

PANDOC holds what pandoc's citeproc (pandoc 3.9, the ``pypandoc_binary`` wheel) printed for the
seed article with ``pandoc --citeproc --csl STYLE.csl --bibliography items.json -t plain``;
CITEPROC_JS what citeproc-js 2.4 (Zotero's processor) printed for the same files
(``bench/cite_reference.py``). The two differ only in title case: citeproc-js keeps "than" and
"since" lower case and leaves "‘brain Drain’"; pandoc follows the CSL specification's stop words.
"""
import json
import shutil
import subprocess

import pytest

from claimgraph.cite import bibtex, csl

URL = "https://gbnews.com/news/world/putin-defections-russians-flee-russia-ukraine-war"
TITLE_SENTENCE = ("More than 650,000 Russians have fled homeland since Ukraine invasion in biggest “brain drain” "
                  "since Soviet collapse")
TITLE_CASE_PANDOC = ("More Than 650,000 Russians Have Fled Homeland Since Ukraine Invasion in Biggest ‘Brain Drain’ "
                     "Since Soviet Collapse")
TITLE_CASE_JS = ("More than 650,000 Russians Have Fled Homeland since Ukraine Invasion in Biggest ‘brain Drain’ "
                 "since Soviet Collapse")
PANDOC = {
    "apa": f"Saunders, J. (2024, July 18). {TITLE_SENTENCE}. GB News. {URL}",
    "chicago": f"Saunders, James. 2024. “{TITLE_CASE_PANDOC}.” GB News, July 18. {URL}.",
    "chicago-notes": f"James Saunders, “{TITLE_CASE_PANDOC},” GB News, July 18, 2024, {URL}.",
    "mla": f"Saunders, James. “{TITLE_CASE_PANDOC}.” GB News, 18 July 2024, {URL}.",
    "harvard": f"Saunders, J. (2024) ‘{TITLE_SENTENCE}’, GB News, 18 July. "
               f"Available at: {URL}.",
}
CITEPROC_JS = {
    "apa": PANDOC["apa"],
    "chicago": f"Saunders, James. 2024. “{TITLE_CASE_JS}.” GB News, July 18. {URL}.",
    "chicago-notes": f"James Saunders, “{TITLE_CASE_JS},” GB News, July 18, 2024, {URL}.",
    "mla": f"Saunders, James. “{TITLE_CASE_JS}.” GB News, 18 July 2024, {URL}.",
    "harvard": PANDOC["harvard"],
}
ISW = ("Institute for the Study of War: “permanent loss of this population will continue to impact Russia's economy” "
       "(GB News, 18 Jul 2024, citing Institute for the Study of War, citing The Bell). In: ")
RETRIEVED = {"id": "source/ledger", "title": "Georgia and Armenia absorb most Russian arrivals, observatory says",
             "publisher": "The Tbilisi Ledger", "author": "Nino Beridze", "published": "2024-08-02",
             "url": "https://example.org/ledger", "retrieved": "2024-08-03T10:00:00Z"}


@pytest.mark.parametrize("style", sorted(PANDOC))
def test_style_is_pandocs_reference_and_citeproc_js_but_for_title_case(run, style):
    result = run("lookup", "permanent loss", "--cite", style)
    assert result.exit_code == 0, result.output
    line = result.stdout.splitlines()[2].strip()
    assert line == ISW + PANDOC[style]
    assert PANDOC[style].lower() == CITEPROC_JS[style].lower()


def test_harvard_dates_are_british_and_accessed_is_given():
    [ref] = csl.references([RETRIEVED], "harvard").values()
    assert ref == ("Beridze, N. (2024) ‘Georgia and Armenia absorb most Russian arrivals, observatory says’, "
                   "The Tbilisi Ledger, 2 August. Available at: https://example.org/ledger (Accessed: 3 August 2024).")


def test_references_of_many_documents_in_one_run_keep_their_order():
    seed = {"id": "source/seed", "title": "A title", "publisher": "GB News", "author": "James Saunders",
            "published": "2024-07-18"}
    refs = csl.references([RETRIEVED, seed], "apa")
    assert list(refs) == ["source/ledger", "source/seed"]
    assert refs["source/seed"] == "Saunders, J. (2024, July 18). A title. GB News."


def test_unknown_style_is_a_one_line_error(run):
    from claimgraph.errors import ClaimgraphError

    with pytest.raises(ClaimgraphError, match="unknown citation style 'nature'"):
        csl.references([RETRIEVED], "nature")


def test_csl_json_is_one_array_of_documents_on_stdout(run):
    result = run("lookup", "650,000", "--cite", "csl-json")
    assert result.exit_code == 0
    items = json.loads(result.stdout)  # nothing else on stdout
    assert [i["id"] for i in items] == ["source/gbnews-2024-07-18-russian-exodus"]  # two claims, one document
    assert items[0]["URL"] == URL and items[0]["issued"] == {"date-parts": [[2024, 7, 18]]}
    assert items[0]["author"] == [{"family": "Saunders", "given": "James"}]
    assert "claim/8c1b60b6d70cf5a0" in result.stderr and "2 claim(s)" in result.stderr


def test_bibtex_is_one_entry_per_document_read_by_bibtexparser(run):
    import bibtexparser

    result = run("lookup", "--min", "0", "--cite", "bibtex")
    assert result.exit_code == 0
    library = bibtexparser.parse_string(result.stdout)
    assert library.failed_blocks == [] and len(library.entries) == 1
    [entry] = library.entries
    assert entry.key == "gbnews-2024-07-18-russian-exodus" and entry.entry_type == "article"
    fields = {f.key: f.value for f in entry.fields}
    assert fields["month"] == "jul"  # the macro, unbraced
    assert "  month = jul,\n" in result.stdout
    assert fields["title"] == ("More than 650,000 {Russians} have fled homeland since {Ukraine} invasion in biggest "
                               "'brain drain' since {Soviet} collapse")
    assert fields["author"] == "Saunders, James" and fields["journal"] == "{GB News}" and fields["url"] == URL
    assert "claim(s)" in result.stderr and "claim(s)" not in result.stdout


def test_bibtex_urldate_acronyms_and_special_characters():
    entry = bibtex.entry(dict(RETRIEVED, title="UNHCR says 50% of R&D_funds {go} to NGOs", author="Dr Anna Petrova"))
    assert "  urldate = {2024-08-03}" in entry and "  month = aug," in entry
    assert r"title = {{UNHCR} says 50\% of {R}\&{D}\_funds \{go\} to {NGOs}}" in entry
    assert "author = {Petrova, Anna}" in entry


@pytest.mark.skipif(shutil.which("biber") is None, reason="biber is not installed (Debian: apt-get install biber)")
def test_biber_validates_the_bibtex(tmp_path):
    from claimgraph.cite import document
    from claimgraph.lookup import find
    from claimgraph.store import open_store

    with open_store() as store:
        claims = find(store, minimum=-1e18)
    bib = tmp_path / "claims.bib"
    bib.write_text(document(claims, "bibtex") + "\n" + bibtex.entry(RETRIEVED), encoding="utf-8")
    done = subprocess.run(["biber", "--tool", "--validate-datamodel", str(bib)], cwd=tmp_path,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "WARN" not in done.stdout and "ERROR" not in done.stdout, done.stdout


def test_without_pandoc_a_style_is_a_one_line_error_with_exit_4(run, monkeypatch):
    import importlib.util

    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None)
    monkeypatch.setenv("PATH", "/nonexistent")
    result = run("lookup", "permanent loss", "--cite", "apa")
    assert result.exit_code == 4
    assert result.stderr.strip().splitlines()[-1] == "Error: formatting a CSL style needs pandoc: pip install pypandoc_binary"
