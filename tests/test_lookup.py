"""`claimgraph lookup`: every figure and quotation of the article, with the right speaker."""
import json
import pytest

from claimgraph.audit import gaps
from claimgraph.lookup import parse_figure
from claimgraph.resources import default_data_dir
from claimgraph.store import open_store

from conftest import ARTICLE

# (what a user types, who must have said it, words that must be in the quote)
ARTICLE_FIGURES = [
    ("650,000", "The Bell", "Over 650,000 people have fled Russia"),
    ("650000", "The Bell", "More than 650,000 Russians have fled homeland"),
    ("15,000", "The Bell", "The UK has taken some 15,000 defectors"),
    ("344,000", "The Bell", "some 344,000 Russians emigrating to the four countries"),
    ("more than half", "The Bell", "more than half have made cross-border trips"),
    ("top 10", "The Bell", "all of which rank in the top 10"),
    ("tens of thousands", "The Bell", "tens of thousands of leavers each"),
    ("1.6 million", "GB News", "when 1.6 million Russians fled"),
    ("1600000", "GB News", "when 1.6 million Russians fled"),
    ("80 per cent", "GB News", "more than 80 per cent of the exiles"),
    ("85%", "GB News", "over 85 per cent are younger than 45"),
    ("younger than 45", "GB News", "over 85 per cent are younger than 45"),
    ("the reported 650,000", "GB News", "the total could be even higher"),
    ("Hundreds of thousands", "GB News", "Hundreds of thousands of Russian exiles"),
    ("returned to Russia", "GB News", "hundreds of thousands of Russian citizens have returned"),
]
ARTICLE_QUOTES = [
    ("necessary cleansing of society", "Vladimir Putin", "necessary cleansing of society"),
    ("disgust", "Vladimir Putin", "disgust"),
    ("good trend", "Vladimir Putin", "good trend"),
    ("permanent loss", "Institute for the Study of War", "permanent loss of this population will continue"),
    ("democratic passports", "Dr Stephen Hall", "democratic passports"),
    ("Putinist system", "Dr Stephen Hall", "Leaving Russians to deal with the Putinist system"),
    ("here to stay", "Dr Stephen Hall", "Whether we like it or not Russia is here to stay"),
    ("nerve-racking", "Pavel", "It's nerve-racking every time I go back"),
    ("brain drain", "GB News", "biggest 'brain drain' since Soviet collapse"),
    ("database of defectors", "GB News", "thought to have established a large-scale database"),
    ("Pavel", "GB News", "one exile, Pavel, who lives in Georgia"),
]


@pytest.mark.parametrize("term, speaker, words", ARTICLE_FIGURES + ARTICLE_QUOTES,
                         ids=[t for t, _, _ in ARTICLE_FIGURES + ARTICLE_QUOTES])
def test_every_figure_and_quote_is_found_with_its_speaker(run_json, term, speaker, words):
    claims = run_json("lookup", term)
    match = [c for c in claims if any(words in a["quote"] for a in c["appearances"])]
    assert match, [c["quote"] for c in claims]
    assert speaker in match[0]["attributed_to"]
    assert match[0]["source"]["publisher"] == "GB News"
    assert match[0]["citation"]


def test_nothing_in_the_article_is_left_uncovered():
    """Every figure and quotation of the archived text lies in some claim's quote anchor."""
    with open_store() as store:
        rows = store.select("PREFIX oa: <http://www.w3.org/ns/oa#> "
                            "SELECT ?s ?e WHERE { ?p a oa:TextPositionSelector ; oa:start ?s ; oa:end ?e }")
    text = (default_data_dir() / f"{ARTICLE}.txt").read_text(encoding="utf-8")
    assert gaps(text, [(r["s"], r["e"]) for r in rows]) == []


def test_json_has_the_documented_fields(run_json):
    claim = next(c for c in run_json("lookup", "344,000") if c["value"] == 344000)
    assert claim["id"].startswith("claim/")
    assert claim["as_printed"] == "some 344,000"
    assert claim["bound"] == "approximate"
    assert claim["unit"] == "people"
    assert claim["to"] == ["Armenia", "Georgia", "Israel", "Kazakhstan"]
    assert claim["part_of"] is not None
    assert claim["statement"].startswith("About 344,000 Russians")
    assert claim["source"] == {
        "id": f"source/{ARTICLE}", "publisher": "GB News", "author": "James Saunders",
        "title": "More than 650,000 Russians have fled homeland since Ukraine invasion in biggest "
                 "'brain drain' since Soviet collapse",
        "published": "2024-07-18T08:38:00+01:00",
        "url": "https://gbnews.com/news/world/putin-defections-russians-flee-russia-ukraine-war", "retrieved": None}
    assert claim["chain"] == "GB News, 18 Jul 2024, citing The Bell"
    assert claim["min"] is None and claim["max"] is None
    [appearance] = claim["appearances"]
    assert set(appearance) >= {"id", "mode", "quote", "as_printed", "hedge", "start", "end", "source"}
    assert appearance["mode"] == "reported" and appearance["as_printed"] == "some 344,000"
    assert appearance["id"].startswith("appearance/") and appearance["source"] == claim["source"]


def test_isw_citation_follows_the_attribution_chain(run_json):
    [claim] = run_json("lookup", "permanent loss")
    assert claim["chain"] == "GB News, 18 Jul 2024, citing Institute for the Study of War, citing The Bell"


def test_lookup_by_person_place_and_organisation(run_json):
    assert {c["attributed_to"][0] for c in run_json("lookup", "--speaker", "Putin")} == {"Vladimir Putin"}
    assert len(run_json("lookup", "--speaker", "Putin")) == 3  # "necessary cleansing of society" is one claim
    georgia = run_json("lookup", "--place", "GE")
    assert georgia and all("Georgia" in c["to"] + c["from"] + c["about"] for c in georgia)
    assert {c["attributed_to"][0] for c in run_json("lookup", "ISW")} == {"Institute for the Study of War"}


def test_range_filters(run_json):
    values = [c["value"] for c in run_json("lookup", "--min", "100000", "--max", "400000")]
    assert sorted(values) == [100000, 100000, 344000]


def test_no_match_is_a_clear_error(run):
    result = run("lookup", "zebra crossing")
    assert result.exit_code == 1
    assert "no claim matches 'zebra crossing'" in result.stderr


def test_plain_output_reads_like_the_readme(run):
    result = run("lookup", "15,000")
    assert result.exit_code == 0
    assert "The Bell, as reported by GB News, 18 Jul 2024: The UK has taken about 15,000" in result.stdout
    assert "[figure]  some 15,000 people  (value 15000, approximate)" in result.stdout
    assert "2 appearances: GB News 18 Jul 2024 (reported) ×2" in result.stdout


@pytest.mark.parametrize("fmt, expected", [
    ("markdown", "> permanent loss of this population"),
    ("bibtex", "@article{gbnews-2024-07-18-russian-exodus,"),
    ("csl-json", '"type": "article-newspaper"'),
    ("apa", "Saunders, J. (2024, July 18)."),
    ("chicago", "Saunders, James. 2024."),  # citeproc-py gave initials
])
def test_citation_formats(run, fmt, expected):
    result = run("lookup", "permanent loss", "--cite", fmt)
    assert result.exit_code == 0, result.output
    assert expected in result.stdout


@pytest.mark.parametrize("written, value", [
    ("650,000", 650000), ("650000", 650000), ("1.6 million", 1600000), ("15k", 15000),
    ("80 per cent", 80), ("85%", 85), ("brain drain", None), ("2,5", None),
])
def test_parse_figure(written, value):
    assert parse_figure(written) == value


INJECTIONS = ['") } UNION { ?s ?p ?o', "' } UNION { ?s ?p ?o } #", 'a"\nb', "# comment", "\\", '"""']


@pytest.mark.parametrize("text", INJECTIONS)
def test_injection_strings_are_treated_as_text(run, text):
    result = run("lookup", text)
    assert result.exit_code == 1
    assert "no claim matches" in result.stderr


@pytest.mark.parametrize("text", INJECTIONS[:-1])
def test_injection_strings_bound_in_query_match_nothing(run, text):
    query = ("PREFIX schema: <https://schema.org/> SELECT ?claim ?text WHERE "
             "{ ?claim schema:text ?t FILTER (CONTAINS(?t, ?text)) }")
    result = run("query", query, "--bind", f"text={text}", "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "claim,text"


def test_ids_are_stable_across_runs(run_json):
    first = sorted(c["id"] for c in run_json("lookup", "--min", "0"))
    second = sorted(c["id"] for c in run_json("lookup", "--min", "0"))
    assert first == second
    assert "claim/8c1b60b6d70cf5a0" in first  # The Bell's 650,000, as the README shows it


def test_show_prints_claim_every_appearance_and_rdf(run):
    result = run("show", "claim/8c1b60b6d70cf5a0")
    assert result.exit_code == 0
    assert "appearance 1 (first): appearance/1850669616d46312, reported" in result.stdout
    assert "appearance 2: appearance/00e4a6a2e7de8fe5, reported, printed “Over 650,000”" in result.stdout
    assert "oa:start 320" in result.stdout and "cg:asPrinted \"Over 650,000\"" in result.stdout


def test_show_unknown_claim(run):
    result = run("show", "claim/0000000000000000")
    assert result.exit_code == 1
    assert "no claim claim/0000000000000000" in result.stderr


def test_lookup_imports_no_heavy_library():
    """A look-up must stay fast: no rdflib, pyshacl, pyvis, networkx or matplotlib (measured in bench/)."""
    import subprocess
    import sys

    code = ("import sys; from claimgraph.cli import main\n"
            "try:\n    main(['lookup', '650000', '--json'])\nexcept SystemExit:\n    pass\n"
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'rdflib', 'pyshacl', 'pyvis', 'networkx', 'matplotlib'}), file=sys.stderr)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stderr.strip().splitlines()[-1] == "[]"


@pytest.mark.parametrize("option, name", [("--place", "turkiye"), ("--place", "TÜRKIYE"), ("--speaker", "putin"),
                                          ("--speaker", "VLADIMIR PUTIN"), ("--speaker", "Hall"),
                                          ("--source", "gb news")])
def test_names_match_case_and_accents_aside_and_by_surname(run_json, option, name):
    """Issue 12: any alternative name, case and accents aside, and a surname alone when only one
    person has it (Dr Stephen Hall)."""
    assert run_json("lookup", option, name)


def test_words_that_name_a_code_only_case_aside_are_also_looked_up_as_words(run, data_copy, tmp_path):
    """A quotation cut after two letters ("Ve", News Of The Area) was not found: read as a name,
    case aside, it was a country's code, and the words were never searched. A name matched
    exactly stays a name only."""
    (tmp_path / "cut.txt").write_text("Coach Pavel said \u201cGe\u201d as the line went dead.\n", encoding="utf-8")
    (tmp_path / "cut.csv").write_text(
        "kind,statement,quote,speaker,source_title,source_publisher,source_text\n"
        "quotation,Pavel began to speak.,Ge,Pavel,A call cut short,GB News,cut.txt\n", encoding="utf-8")
    assert run("import", tmp_path / "cut.csv", "--data", data_copy).exit_code == 0
    found = run("lookup", "Ge", "--data", data_copy, "--json")
    assert any(a["quote"] == "Ge" for c in json.loads(found.stdout) for a in c["appearances"]), found.output
    exact = json.loads(run("lookup", "GE", "--data", data_copy, "--json").stdout)
    assert exact and not any(a["quote"] == "Ge" for c in exact for a in c["appearances"])
