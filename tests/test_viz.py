"""`claimgraph viz` in a real headless Chromium (network, provenance, timeline, estimates), and
`claimgraph network`."""
import json
import re
from pathlib import Path

import pytest

from browser import hover_node, open_page, wait_until

from conftest import ARTICLE

ARTIFACTS = Path(__file__).parent / "artifacts"
ECHO = Path(__file__).parent / "corpus" / "echo-2024-07-20-exodus.csv"
OUTSIDE_REFERENCE = re.compile(
    r"<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=\s*[\"']?(?:https?:)?//"
    r"|@import\s+(?:url\()?[\"']?(?:https?:)?//|url\(\s*[\"']?(?:https?:)?//", re.IGNORECASE)
SEED_APPEARANCES = 28


@pytest.fixture(scope="module")
def artifacts():
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="module")
def seed_page(tmp_path_factory):
    """The seed's page, written once for the browser tests that only read it."""
    from click.testing import CliRunner

    from claimgraph.cli import main

    page = tmp_path_factory.mktemp("viz") / "seed.html"
    result = CliRunner().invoke(main, ["viz", "-o", str(page), "--title", "GB News: Russian exodus"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return page


def test_page_is_self_contained(seed_page):
    html = seed_page.read_text(encoding="utf-8")
    assert not OUTSIDE_REFERENCE.search(html)
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
    assert csp.startswith("default-src 'none'; script-src 'sha256-") and "unsafe" not in csp
    assert "@version 10.1.5" in html and "@version 8.5.4" in html  # vis-network and vis-timeline, vendored


def test_page_draws_every_node_offline_and_shows_tooltips(seed_page, artifacts):
    requests, errors = [], []
    with open_page(seed_page.as_uri(), requests, errors) as page:
        expected = page.evaluate("window.claimgraph.graph.nodes.length")
        assert page.evaluate("window.claimgraph.network.body.nodeIndices.length") == expected == 56
        claim = page.evaluate("window.claimgraph.nodes.get().find(n => n.title.includes('permanent loss')).id")
        tooltip = hover_node(page, claim)
        page.screenshot(path=str(artifacts / "network-tooltip.png"))
        assert "permanent loss of this population will continue to impact Russia's economy" in tooltip
        assert "GB News, 18 Jul 2024, citing Institute for the Study of War, citing The Bell" in tooltip
        # selecting the claim highlights its provenance chain: speaker, article, upstream reports
        page.evaluate(f"window.claimgraph.network.body.emitter.emit('selectNode', {{nodes: [{json.dumps(claim)}]}})")
        chain = page.evaluate("window.claimgraph.highlighted.map(id => window.claimgraph.nodes.get(id).fullLabel)")
        assert {"Institute for the Study of War", "Institute for the Study of War report on The Bell's figures",
                "The Bell's report on emigration from Russia since February 2022"} <= set(chain)
        page.fill("#search", "Pavel")
        assert "Pavel" in page.evaluate("window.claimgraph.highlighted.map(id => window.claimgraph.nodes.get(id).fullLabel)")
    assert errors == []
    assert requests == [seed_page.as_uri()]


LEGIBLE = """() => {
    const n = window.claimgraph.network;
    window.claimgraph.fit();  // vis-network's fit, with the bands and column headers in view too
    const scale = n.getScale();
    const rect = document.getElementById('network').getBoundingClientRect();
    return window.claimgraph.nodes.getIds().map(id => {
        // the box as drawn (getBoundingBox adds the corner radius as a margin) and the label's text
        const body = n.body.nodes[id], at = n.getPositions([id])[id], s = body.shape, t = body.labelModule.size;
        const tl = n.canvasToDOM({x: at.x - s.width / 2, y: at.y - s.height / 2});
        const br = n.canvasToDOM({x: at.x + s.width / 2, y: at.y + s.height / 2});
        const lt = n.canvasToDOM({x: t.left, y: t.top}), lb = n.canvasToDOM({x: t.left + t.width, y: t.top + t.height});
        return {id, label: body.options.label, px: body.options.font.size * scale, visible: body.labelModule.visible(),
                left: tl.x, top: tl.y, right: br.x, bottom: br.y, width: rect.width, height: rect.height,
                text: {left: lt.x, top: lt.y, right: lb.x, bottom: lb.y}};
    });
}"""


def test_overview_is_legible_at_fit(seed_page, artifacts):
    """At 1400 x 900 after fit: every label drawn, at 11 px or more, no two overlapping, all on screen."""
    requests, errors = [], []
    with open_page(seed_page.as_uri(), requests, errors) as page:
        boxes = page.evaluate(LEGIBLE)
        page.screenshot(path=str(artifacts / "overview.png"))
        assert len(boxes) == 56
        assert min(b["px"] for b in boxes) >= 11, min(boxes, key=lambda b: b["px"])
        assert all(b["visible"] for b in boxes)
        assert all(0 <= b["left"] and b["right"] <= b["width"] and 0 <= b["top"] and b["bottom"] <= b["height"]
                   for b in boxes)
        def overlap(a, b):
            return a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]

        assert [(a["label"], b["label"]) for i, a in enumerate(boxes) for b in boxes[i + 1:] if overlap(a, b)] == []
        assert not [1 for i, a in enumerate(boxes) for b in boxes[i + 1:] if overlap(a["text"], b["text"])]
        longest = max(boxes, key=lambda b: len(b["label"]))["label"]
        assert len(longest) <= 36  # the 110-character headline is shortened; its full text is on hover
        legend = page.inner_text("#legend")
        for rel in ("said", "appears in", "taken from", "cites", "published by", "about"):
            assert rel in legend
        assert "speaker —said→ claim" in page.evaluate(
            "document.querySelector('#legend [data-rel=\"said\"]').getAttribute('title')")
    assert errors == []


def test_edges_read_the_right_way(seed_page):
    """speaker —said→ claim —appears in→ source —published by→ outlet; source —cites→ document;
    no "about" edge from a quotation to its own speaker."""
    with open_page(seed_page.as_uri(), [], []) as page:
        edges = page.evaluate("window.claimgraph.graph.edges.map(e => [e.from, e.rel, e.to])")
        kinds = page.evaluate("Object.fromEntries(window.claimgraph.graph.nodes.map(n => [n.id, [n.kind, n.claimKind]]))")
    expected = {"said": ({"person", "organisation"}, {"claim"}), "appears in": ({"claim"}, {"source"}),
                "published by": ({"source"}, {"organisation"}), "cites": ({"source"}, {"source"}),
                "taken from": ({"claim"}, {"source"})}
    for a, rel, b in edges:
        if rel in expected:
            assert kinds[a][0] in expected[rel][0] and kinds[b][0] in expected[rel][1], (a, rel, b)
    speakers = {}
    for a, rel, b in edges:
        if rel == "said":
            speakers.setdefault(b, set()).add(a)
    quotations = [a for a, k in kinds.items() if k[1] == "quotation"]
    assert len(quotations) == 8
    assert not [(a, rel, b) for a, rel, b in edges if a in quotations and rel in ("about", "from", "to")
                and b in speakers.get(a, set())]


def test_details_panel_is_inside_the_viewport(seed_page, artifacts):
    with open_page(seed_page.as_uri(), [], []) as page:
        claim = page.evaluate("window.claimgraph.nodes.get().find(n => n.title.includes('permanent loss')).id")
        page.evaluate(f"window.claimgraph.select({json.dumps(claim)})")
        page.screenshot(path=str(artifacts / "focus.png"))
        box = page.evaluate("(() => { const r = document.getElementById('details').getBoundingClientRect();"
                            " return {l: r.left, t: r.top, r: r.right, b: r.bottom, w: innerWidth, h: innerHeight}; })()")
        assert 0 <= box["l"] < box["r"] <= box["w"] and 0 <= box["t"] < box["b"] <= box["h"]
        text = page.inner_text("#details")
        assert "Said by: Institute for the Study of War" in text and "quotation" in text
        page.keyboard.press("Escape")
        assert page.evaluate("document.getElementById('details').hidden")


def test_keyboard_reaches_search_tabs_and_selection(seed_page):
    with open_page(seed_page.as_uri(), [], []) as page:
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.id") == "search"
        page.keyboard.type("disgust")
        page.keyboard.press("Enter")
        assert page.evaluate("window.claimgraph.network.getSelectedNodes().map(id => window.claimgraph.nodes.get(id).label)") \
            == ["“disgust”"]
        page.focus("#tab-network")
        page.keyboard.press("ArrowRight")
        assert page.evaluate("document.activeElement.id") == "tab-provenance"
        assert "Vladimir Putin" in page.inner_text("#provenance")
        assert page.get_attribute("#network", "aria-label").startswith("Network of claims")


def test_timeline_has_one_item_per_appearance_and_selects_in_the_network(seed_page, artifacts):
    requests, errors = [], []
    with open_page(seed_page.as_uri(), requests, errors) as page:
        page.click("#tab-timeline")
        wait_until(page, "document.querySelectorAll('#timeline .vis-item.vis-box.appearance').length > 0", 20)
        page.screenshot(path=str(artifacts / "timeline.png"))
        assert page.evaluate("document.querySelectorAll('#timeline .vis-item.vis-box.appearance').length") == SEED_APPEARANCES
        assert page.evaluate("window.claimgraph.graph.timeline.items.filter(i => i.kind === 'appearance').length") \
            == SEED_APPEARANCES
        item = page.evaluate("window.claimgraph.graph.timeline.items.find(i => i.text.includes('disgust')).id")
        page.evaluate(f"window.claimgraph.timeline.focus({json.dumps(item)}, {{animation: false}})")  # scrolls to it
        page.wait_for_timeout(300)
        page.locator("#timeline .vis-item.vis-box.appearance").filter(has_text="disgust").first.click()
        wait_until(page, "window.claimgraph.state.view === 'network'", 10)
        selected = page.evaluate("window.claimgraph.network.getSelectedNodes().map(id => window.claimgraph.nodes.get(id).label)")
        assert selected == ["“disgust”"]
        # and back: the claim's appearance is selected on the timeline
        page.click("#tab-timeline")
        ids = page.evaluate("window.claimgraph.timeline.getSelection()")
        assert len(ids) == 1
    assert errors == [] and requests == [seed_page.as_uri()]


def test_provenance_of_one_claim_from_the_command_line(run, tmp_path, artifacts):
    found = run("lookup", "permanent loss")
    claim = found.stdout.split()[0]
    out = tmp_path / "claim.html"
    result = run("viz", "--claim", claim, "-o", out)
    assert result.exit_code == 0, result.output
    with open_page(out.as_uri(), [], []) as page:
        wait_until(page, "window.claimgraph.state.view === 'provenance'", 10)
        page.screenshot(path=str(artifacts / "provenance.png"))
        text = page.evaluate("document.querySelector('#provenance .tree').textContent")
        # speaker, claim, the appearance with its mode and outlet, the chain down to the origin, left to right
        order = ["Institute for the Study of War", "permanent loss", "quotation: the speaker's own words", "GB News, 18 Jul 2024",
                 "taken from", "Institute for the Study of War report on The Bell's figures", "cites", "origin",
                 "The Bell's report on emigration from Russia since February 2022"]
        at = [text.index(part) for part in order]
        assert at == sorted(at), list(zip(order, at))
        xs = page.evaluate("[...document.querySelectorAll('#provenance .card')].map(c => c.getBoundingClientRect().left)")
        assert xs == sorted(xs)  # read left to right
    assert run("viz", "--claim", "claim/0000000000000000", "-o", out).exit_code == 1


def test_estimates_in_the_page(seed_page, artifacts):
    with open_page(seed_page.as_uri(), [], []) as page:
        page.click("#tab-estimates")
        page.screenshot(path=str(artifacts / "estimates.png"))
        marks = page.evaluate("[...document.querySelectorAll('figure.chart:not([hidden]) svg [id^=mark-]')]"
                              ".filter(m => /^mark-\\d+$/.test(m.id)).map(m => m.querySelector('title').textContent)")
        assert len(marks) == 2
        assert any("The Bell, as reported by GB News, 18 Jul 2024" in m for m in marks)
        page.evaluate("document.querySelector('figure.chart:not([hidden]) svg #mark-0')"
                      ".dispatchEvent(new MouseEvent('click', {bubbles: true}))")
        assert page.evaluate("window.claimgraph.state.view") == "network"
        assert len(page.evaluate("window.claimgraph.network.getSelectedNodes()")) == 1


HOSTILE = '<img src=x onerror="window.__xss=1;alert(1)"><script>window.__xss=2</script> href'


def test_hostile_strings_in_the_data_are_shown_as_text_in_every_view(run, data_copy, tmp_path, artifacts):
    ttl = data_copy / f"{ARTICLE}.ttl"
    text = ttl.read_text(encoding="utf-8")
    hostile = HOSTILE.replace('"', '\\"')
    text = text.replace('schema:text "Pavel, an exile in Georgia', f'schema:text "{hostile} Pavel, an exile in Georgia', 1)
    ttl.write_text(text, encoding="utf-8")
    entities = data_copy / "entities.ttl"
    entities.write_text(entities.read_text(encoding="utf-8").replace('schema:name "Pavel"', f'schema:name "Pavel {hostile}"')
                        .replace('schema:name "The Bell"', f'schema:name "The Bell {hostile}"'), encoding="utf-8")
    page_file = tmp_path / "hostile.html"
    result = run("viz", "-o", page_file, "--data", data_copy, "--title", HOSTILE)
    assert result.exit_code == 0, result.output
    html = page_file.read_text(encoding="utf-8")
    assert "<img src=x" not in html and "<script>window.__xss" not in html
    requests, errors = [], []
    with open_page(page_file.as_uri(), requests, errors) as page:
        pavel = page.evaluate("window.claimgraph.nodes.get().find(n => n.kind === 'person' && n.fullLabel.startsWith('Pavel')).id")
        tooltip = hover_node(page, pavel)
        assert "<img src=x onerror=" in tooltip  # shown as the text it is
        claim = page.evaluate("window.claimgraph.nodes.get().find(n => n.title.includes('Pavel, an exile')).id")
        page.evaluate(f"window.claimgraph.select({json.dumps(claim)})")
        assert "<img src=x onerror=" in page.inner_text("#details")
        page.screenshot(path=str(artifacts / "network-hostile.png"))
        for view in ("provenance", "timeline", "estimates"):
            page.click(f"#tab-{view}")
            page.wait_for_timeout(200)
            assert HOSTILE in page.inner_text(f"#view-{view}") or view == "timeline"
            page.screenshot(path=str(artifacts / f"{view}-hostile.png"))
        assert "<img src=x" in page.evaluate("[...document.querySelectorAll('#timeline .vis-item')].map(i => i.textContent).join(' ')"
                                             " + window.claimgraph.graph.timeline.items.map(i => i.title).join(' ')")
        assert page.evaluate("window.__xss") is None
        assert page.evaluate("document.querySelectorAll('img').length") == 0
        assert HOSTILE in page.inner_text("h1")
    assert not [e for e in errors if "dialog" in e] and errors == []
    assert requests == [page_file.as_uri()]


def test_focus_and_filters(run, tmp_path):
    out = tmp_path / "putin.html"
    result = run("viz", "-o", out, "--focus", "Putin", "--hops", "1")
    assert result.exit_code == 0
    assert result.stdout.startswith(f"wrote {out}: 4 nodes")  # Putin and his three quotations
    result = run("viz", "-o", out, "--max-nodes", "20")
    assert "note: " in result.stdout and "left out to stay under 20 nodes" in result.stdout
    assert run("viz", "-o", out, "--focus", "nobody at all").exit_code == 1


def test_bad_input_is_one_line_not_a_traceback(run, tmp_path):
    whole = run("lookup", "tens of thousands").stdout.split()[0]  # part of The Bell's 650,000
    for args, code, message in ((("--max-nodes", "-5"), 2, "-5 is not in the range x>=1"),
                                (("-o", "/nonexistent/x.html"), 3, "/nonexistent/x.html: cannot write"),
                                (("--claim", "not an id"), 1, "is not an id")):
        result = run("viz", *(args if "-o" in args else ("-o", tmp_path / "x.html", *args)))
        assert result.exit_code == code, result.output
        assert message in result.output and "Traceback" not in result.output
    # a focus on a claim that is part of another claim draws both (it was KeyError: 'claim_kind')
    result = run("viz", "-o", tmp_path / "part.html", "--focus", whole, "--hops", "1")
    assert result.exit_code == 0, result.output


def test_a_claim_in_several_sources_is_one_node_with_an_edge_to_each(data_copy, run):
    assert run("import", ECHO, "--data", data_copy).exit_code == 0
    from claimgraph.network import project
    from claimgraph.store import open_store

    with open_store(data_copy, None, None) as store:
        g = project(store).graph
    bell = [n for n, d in g.nodes(data=True) if d["kind"] == "claim" and d.get("statement", "").startswith(
        "More than 650,000 Russians have left Russia")]
    assert len(bell) == 1
    sources = {g.nodes[b]["label"][:20] for _, b, d in g.out_edges(bell[0], data=True) if d["rel"] == "appears in"}
    assert sources == {"More than 650,000 Ru", "Russia's exodus: how"}


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
    assert any(step["rel"].endswith("cites") or step["rel"].endswith("taken from") for step in steps)
