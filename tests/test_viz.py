"""`claimgraph viz` in a real headless Chromium, and `claimgraph network`."""
import json
import re
from pathlib import Path

import pytest

from browser import hover_node, open_page

from conftest import ARTICLE

ARTIFACTS = Path(__file__).parent / "artifacts"
OUTSIDE_REFERENCE = re.compile(
    r"<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=\s*[\"']?(?:https?:)?//"
    r"|@import\s+(?:url\()?[\"']?(?:https?:)?//|url\(\s*[\"']?(?:https?:)?//", re.IGNORECASE)


@pytest.fixture(scope="module")
def artifacts():
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


def test_page_is_self_contained(run, tmp_path):
    page = tmp_path / "net.html"
    assert run("viz", "-o", page).exit_code == 0
    html = page.read_text(encoding="utf-8")
    assert not OUTSIDE_REFERENCE.search(html)
    assert "default-src 'none'" in html  # the page's CSP forbids any outside load as well


def test_page_draws_every_node_offline_and_shows_tooltips(run, tmp_path, artifacts):
    page_file = tmp_path / "net.html"
    result = run("viz", "-o", page_file, "--title", "GB News: Russian exodus")
    assert result.exit_code == 0, result.output
    expected = int(re.search(r"(\d+) nodes", result.stdout).group(1))
    requests, errors = [], []
    with open_page(page_file.as_uri(), requests, errors) as page:
        assert page.evaluate("window.claimgraph.network.body.nodeIndices.length") == expected
        page.evaluate("window.claimgraph.network.fit({animation: false})")
        page.screenshot(path=str(artifacts / "network.png"))
        claim = page.evaluate("window.claimgraph.nodes.get().find(n => n.title.includes('permanent loss')).id")
        tooltip = hover_node(page, claim)
        page.screenshot(path=str(artifacts / "network-tooltip.png"))
        assert "permanent loss of this population will continue to impact Russia's economy" in tooltip
        assert "GB News, 18 Jul 2024, citing Institute for the Study of War, citing The Bell" in tooltip
        # selecting the claim highlights its provenance chain: speaker, article, upstream reports
        page.evaluate(f"window.claimgraph.network.selectNodes([{json.dumps(claim)}])")
        page.evaluate(f"window.claimgraph.network.body.emitter.emit('selectNode', {{nodes: [{json.dumps(claim)}]}})")
        chain = page.evaluate("window.claimgraph.highlighted.map(id => window.claimgraph.nodes.get(id).label)")
        assert {"Institute for the Study of War", "Institute for the Study of War report on The Bell's figures",
                "The Bell's report on emigration from Russia since February 2022"} <= set(chain)
        page.fill("#search", "Pavel")
        assert "Pavel" in page.evaluate("window.claimgraph.highlighted.map(id => window.claimgraph.nodes.get(id).label)")
    assert errors == []
    assert requests == [page_file.as_uri()]


HOSTILE = '<img src=x onerror="window.__xss=1;alert(1)"><script>window.__xss=2</script> href'


def test_hostile_strings_in_the_data_are_shown_as_text(run, data_copy, tmp_path, artifacts):
    ttl = data_copy / f"{ARTICLE}.ttl"
    text = ttl.read_text(encoding="utf-8")
    hostile = HOSTILE.replace('"', '\\"')
    text = text.replace('schema:text "Pavel, an exile in Georgia', f'schema:text "{hostile} Pavel, an exile in Georgia', 1)
    ttl.write_text(text, encoding="utf-8")
    entities = data_copy / "entities.ttl"
    entities.write_text(entities.read_text(encoding="utf-8").replace(
        'schema:name "Pavel"', f'schema:name "Pavel {hostile}"'), encoding="utf-8")
    page_file = tmp_path / "hostile.html"
    result = run("viz", "-o", page_file, "--data", data_copy, "--title", HOSTILE, "--focus", "person/pavel")
    assert result.exit_code == 0, result.output
    html = page_file.read_text(encoding="utf-8")
    assert "<img src=x" not in html and "<script>window.__xss" not in html
    requests, errors = [], []
    with open_page(page_file.as_uri(), requests, errors) as page:
        for node in page.evaluate("window.claimgraph.nodes.getIds()"):
            hover_node(page, node)
        page.evaluate("window.claimgraph.network.fit({animation: false})")
        pavel = page.evaluate("window.claimgraph.nodes.get().find(n => n.kind === 'person').id")
        tooltip = hover_node(page, pavel)
        page.screenshot(path=str(artifacts / "network-hostile.png"))
        assert page.evaluate("window.__xss") is None
        assert page.evaluate("document.querySelectorAll('img').length") == 0
        assert "<img src=x onerror=" in tooltip  # shown as the text it is
        assert HOSTILE in page.inner_text("h1")
    assert not [e for e in errors if "dialog" in e]
    assert requests == [page_file.as_uri()]


def test_focus_and_filters(run, tmp_path):
    out = tmp_path / "putin.html"
    result = run("viz", "-o", out, "--focus", "Putin", "--hops", "1")
    assert result.exit_code == 0
    assert result.stdout.startswith(f"wrote {out}: 4 nodes")  # Putin and his three quotations
    result = run("viz", "-o", out, "--max-nodes", "20")
    assert "note: " in result.stdout and "left out to stay under 20 nodes" in result.stdout
    assert run("viz", "-o", out, "--focus", "nobody at all").exit_code == 1


def test_network_figures(run):
    result = run("network", "--json")
    figures = json.loads(result.stdout)
    assert figures["most_quoted"][:2] == [["Dr Stephen Hall", 3], ["Vladimir Putin", 3]]
    assert figures["most_cited_sources"][0][1] == 23
    assert figures["components"]["count"] == 1


def test_network_attribution_path(run):
    result = run("network", "--path", "Institute for the Study of War", "The Bell", "--json")
    steps = json.loads(result.stdout)
    assert steps[0]["from"] == "Institute for the Study of War"
    assert steps[-1]["to"] == "The Bell"
    assert any(step["rel"].endswith("cites") for step in steps)
