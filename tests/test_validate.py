"""`claimgraph validate`: the shipped data conforms; broken copies fail with the right message."""
import pytest
from rdflib import RDF, XSD, Graph, Literal, URIRef
from rdflib.namespace import PROV

from claimgraph.namespaces import OA, SCHEMA

from conftest import ARTICLE


def test_shipped_data_conforms(run):
    result = run("validate")
    assert result.exit_code == 0, result.output
    assert "conforms" in result.output


CLAIM = "https://w3id.org/claimgraph/id/claim/"
ISW_QUOTE, SOVIET_FIGURE, LEAD_TOTAL = (URIRef(CLAIM + c) for c in ("377d4e6b0df875ae", "07ee21b932cc4884", "3209cb1a251b2eb1"))
UNDER_45, FOUR_COUNTRIES = URIRef(CLAIM + "3e379a6ca8a24d63"), URIRef(CLAIM + "1292238df30d8aa0")
ARTICLE_IRI = URIRef(f"https://w3id.org/claimgraph/id/source/{ARTICLE}")


def edit(data_copy, change):
    """Apply ``change`` to the article's graph and write it back."""
    path = data_copy / f"{ARTICLE}.ttl"
    graph = Graph().parse(path)
    change(graph)
    graph.serialize(path, format="turtle")


# (what is broken, the change to the shipped graph, the message expected)
BROKEN = [
    ("claim without attribution", lambda g: g.remove((ISW_QUOTE, PROV.wasAttributedTo, None)),
     "Claim has no attribution"),
    ("claim without source", lambda g: g.remove((SOVIET_FIGURE, SCHEMA.appearance, None)),
     "Claim has no source"),
    ("quote not at its offsets", lambda g: g.set((URIRef(f"{LEAD_TOTAL}#position"), OA.start, Literal(321))),
     "is not found verbatim at offsets 321-432"),
    ("quote without offsets", lambda g: g.remove((URIRef(f"{LEAD_TOTAL}#position"), OA.start, None)),
     "needs one start offset"),
    ("percentage over 100", lambda g: g.set((UNDER_45, RDF.object, Literal(140))),
     "Share of 140 per cent is outside 0-100"),
    ("negative count", lambda g: g.set((SOVIET_FIGURE, RDF.object, Literal(-1600000))),
     "Count of people is negative (-1600000)"),
    ("date that is not a date",
     lambda g: g.set((ARTICLE_IRI, SCHEMA.datePublished, Literal("18/07/2024", datatype=XSD.dateTime))),
     "publication date is missing or not a date"),
    ("part larger than its whole", lambda g: g.set((FOUR_COUNTRIES, RDF.object, Literal(700000))),
     "Part (700000) is larger than its whole"),
    ("attributed to an unknown agent",
     lambda g: g.set((ISW_QUOTE, PROV.wasAttributedTo, URIRef("https://w3id.org/claimgraph/id/org/nobody"))),
     "not a known person or organisation"),
]


@pytest.mark.parametrize("case, change, message", BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_copy_fails_with_message(data_copy, run, case, change, message):
    edit(data_copy, change)
    result = run("validate", "--data", data_copy)
    assert result.exit_code == 1, result.output
    lines = [line for line in result.stdout.splitlines() if message in line]
    assert lines, result.output
    assert lines[0].startswith(("claim/", "source/")), lines[0]


def test_violation_line_names_the_claim(data_copy, run):
    edit(data_copy, lambda g: g.set((UNDER_45, RDF.object, Literal(140))))
    result = run("validate", "--data", data_copy)
    assert "claim/3e379a6ca8a24d63: Share of 140 per cent is outside 0-100." in result.stdout


def test_malformed_turtle_names_file_and_line(data_copy, run):
    path = data_copy / "entities.ttl"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[20] = lines[20] + ' "unterminated'
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("validate", "--data", data_copy)
    assert result.exit_code == 2
    assert f"{path}:21: malformed RDF" in result.stderr


def test_missing_archived_text_is_unreadable_input(data_copy, run):
    (data_copy / f"{ARTICLE}.txt").unlink()
    result = run("validate", "--data", data_copy)
    assert result.exit_code == 2
    assert f"{ARTICLE}.txt" in result.stderr and "cannot be read" in result.stderr
