"""A real headless Chromium (Debian's /usr/bin/chromium) driven by Playwright, for the viz tests."""
import json
import shutil
import time
from contextlib import contextmanager

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


@contextmanager
def open_page(url, requests, console_errors):
    """A page of a fresh browser at ``url``; every request made goes to ``requests`` and every
    console error or page error to ``console_errors``."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.on("request", lambda r: requests.append(r.url))
            page.on("console", lambda m: m.type == "error" and console_errors.append(m.text))
            page.on("pageerror", lambda e: console_errors.append(str(e)))
            page.on("dialog", lambda d: (console_errors.append(f"dialog: {d.message}"), d.dismiss()))
            page.goto(url)
            wait_until(page, "window.claimgraph && window.claimgraph.ready === true", 60)
            yield page
        finally:
            browser.close()


def hover_node(page, node_id):
    """Move the mouse onto a node and return the tooltip's text. Deterministic: the mouse first
    leaves the network and any tooltip is gone, the node is centred, and the wait is for the
    tooltip of this node (its title), not for any tooltip."""
    corner = page.evaluate("(() => { const r = document.getElementById('network').getBoundingClientRect();"
                           " return {x: r.left + 4, y: r.bottom - 4}; })()")
    page.mouse.move(corner["x"], corner["y"], steps=2)
    wait_until(page, "![...document.querySelectorAll('div.vis-tooltip')].some(t => t.style.visibility === 'visible')", 10)
    box = page.evaluate("""id => {
        const n = window.claimgraph.network;
        n.focus(id, {scale: 1.5, animation: false});
        const pos = n.canvasToDOM(n.getPositions([id])[id]);
        const rect = document.getElementById('network').getBoundingClientRect();
        return {x: rect.left + pos.x, y: rect.top + pos.y};
    }""", node_id)
    page.mouse.move(box["x"] + 3, box["y"] + 3)
    page.mouse.move(box["x"], box["y"], steps=3)
    wait_until(page, """[...document.querySelectorAll('div.vis-tooltip')].some(t => t.style.visibility === 'visible'
                         && t.innerText.split('\\n')[0] === window.claimgraph.nodes.get(%s).title.split('\\n')[0])"""
               % json.dumps(node_id), 10)
    return page.evaluate("[...document.querySelectorAll('div.vis-tooltip')].find(t => t.style.visibility === 'visible').innerText")


def wait_until(page, expression, seconds):
    """Poll ``expression`` in the page (page.evaluate is not bound by the page's CSP, which
    forbids the eval that Playwright's wait_for_function needs)."""
    deadline = time.monotonic() + seconds
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise TimeoutError(f"{expression!r} still false after {seconds} s")
        time.sleep(0.05)
