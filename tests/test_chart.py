"""`claimgraph chart`: every figure of one quantity, one mark each, with its citation."""
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ARTIFACTS = Path(__file__).parent / "artifacts"
ECHO = Path(__file__).parent / "corpus" / "echo-2024-07-20-exodus.csv"
SVG = "{http://www.w3.org/2000/svg}"


def marks(svg_text: str) -> list:
    """(claim id, tooltip) of each mark: the main artist of each figure, id ``mark-N``."""
    root = ET.fromstring(svg_text)
    return [(el.get("data-claim"), el.find(f"{SVG}title").text) for el in root.iter()
            if re.fullmatch(r"mark-\d+", el.get("id") or "")]


@pytest.fixture(scope="module")
def echo_data(tmp_path_factory):
    """The seed and the made-up second source (a range, a reprint, competing shares)."""
    from click.testing import CliRunner

    from claimgraph.cli import main
    from claimgraph.resources import default_data_dir

    data = tmp_path_factory.mktemp("echo") / "data"
    shutil.copytree(default_data_dir(), data)
    for p in data.iterdir():
        p.chmod(0o644)
    result = CliRunner().invoke(main, ["import", str(ECHO), "--data", str(data)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return data


def test_chart_svg_has_one_mark_per_figure_with_its_citation(run, tmp_path):
    out = tmp_path / "out.svg"
    result = run("chart", "650,000", "-o", out)
    assert result.exit_code == 0, result.output
    assert "2 figure(s) of Emigration from Russia since the invasion of Ukraine" in result.stdout
    found = marks(out.read_text(encoding="utf-8"))
    assert len(found) == 2  # The Bell's "more than 650,000" and GB News's "the reported 650,000"
    tips = "\n".join(tip for _, tip in found)
    assert "The Bell, as reported by GB News, 18 Jul 2024" in tips
    assert "GB News, 18 Jul 2024: “the total could be even higher than the reported 650,000" in tips
    assert "lower bound" in tips
    assert "<text" in out.read_text(encoding="utf-8")  # text stays text: searchable, selectable


def test_chart_png_is_written(run, tmp_path):
    out = ARTIFACTS / "estimates-seed.png" if ARTIFACTS.exists() else tmp_path / "out.png"
    ARTIFACTS.mkdir(exist_ok=True)
    result = run("chart", "650,000", "-o", out)
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 10_000


def test_chart_compares_a_range_a_reprint_and_competing_shares(run, echo_data, tmp_path):
    out = tmp_path / "out.html"
    assert run("chart", "650,000", "-o", out, "--data", echo_data).exit_code == 0
    html = out.read_text(encoding="utf-8")
    found = marks(html[html.index("<svg"):html.index("</svg>") + 6])
    # The Bell's claim, its reprint as an exact "650,000" by The Riga Echo, GB News's, Kalnina's range
    assert len(found) == 4
    assert "default-src 'none'" in html and "<script" not in html
    assert "Dr Marta Kalnina: between 174,000 and 334,000 (range)" in html
    assert "as reported by The Riga Echo, 20 Jul 2024" in html
    ARTIFACTS.mkdir(exist_ok=True)
    assert run("chart", "26%", "-o", ARTIFACTS / "estimates-returned.png", "--data", echo_data).exit_code == 0
    shares = tmp_path / "shares.svg"
    assert run("chart", "two in five", "-o", shares, "--data", echo_data).exit_code == 0
    assert sorted(tip.split(":")[0] for _, tip in marks(shares.read_text(encoding="utf-8"))) == [
        "Dr Marta Kalnina", "Emigration Research Group", "Russian authorities"]


def test_chart_bad_input_is_one_line(run, tmp_path):
    for args, code, message in ((("650,000", "-o", tmp_path / "x.txt"), 1, "write the chart as .svg, .png, .html"),
                                (("650,000", "-o", "/nonexistent/x.svg"), 3, "/nonexistent/x.svg: cannot write"),
                                (("Pavel", "-o", tmp_path / "x.svg"), 1, "a chart compares figures")):
        result = run("chart", *args)
        assert result.exit_code == code and message in result.output and "Traceback" not in result.output
