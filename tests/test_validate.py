"""`claimgraph validate`: the shipped data conforms; broken copies fail with the right message."""
import pytest

from conftest import ARTICLE


def test_shipped_data_conforms(run):
    result = run("validate")
    assert result.exit_code == 0, result.output
    assert "conforms" in result.output


def _break(data_copy, old, new, count=1):
    path = data_copy / f"{ARTICLE}.ttl"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= count, f"test set-up: {old!r} not in the data"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


# (what is broken, text in the shipped Turtle, its replacement, the message expected)
BROKEN = [
    ("claim without attribution", "prov:wasAttributedTo org:isw ;\n", "",
     "Claim has no attribution"),
    ("claim without source", "    schema:appearance source:gbnews-2024-07-18-russian-exodus ;\n    schema:fromLocation place:RU ;\n    schema:temporalCoverage \"1991-12/..\" ;",
     "    schema:fromLocation place:RU ;\n    schema:temporalCoverage \"1991-12/..\" ;",
     "Claim has no source"),
    ("quote not at its offsets", "oa:start 320 .", "oa:start 321 .",
     "is not found verbatim at offsets 321-432"),
    ("quote without offsets", "    oa:end 432 ;\n    oa:start 320 .", "    oa:end 432 .",
     "needs one start offset"),
    ("percentage over 100", "rdf:object 85 ;", "rdf:object 140 ;",
     "Share of 140 per cent is outside 0-100"),
    ("negative count", "rdf:object 1600000 ;", "rdf:object -1600000 ;",
     "Count of people is negative (-1600000)"),
    ("date that is not a date", '"2024-07-18T08:38:00+01:00"^^xsd:dateTime', '"18/07/2024"^^xsd:dateTime',
     "publication date is missing or not a date"),
    ("part larger than its whole", "rdf:object 344000 ;", "rdf:object 700000 ;",
     "Part (700000) is larger than its whole"),
    ("attributed to an unknown agent", "prov:wasAttributedTo org:isw ;", "prov:wasAttributedTo org:nobody ;",
     "not a known person or organisation"),
]


@pytest.mark.parametrize("case, old, new, message", BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_copy_fails_with_message(data_copy, run, case, old, new, message):
    _break(data_copy, old, new)
    result = run("validate", "--data", data_copy)
    assert result.exit_code == 1, result.output
    lines = [line for line in result.stdout.splitlines() if message in line]
    assert lines, result.output
    assert lines[0].startswith(("claim/", "source/")), lines[0]


def test_violation_line_names_the_claim(data_copy, run):
    _break(data_copy, "rdf:object 85 ;", "rdf:object 140 ;")
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
