"use strict";
// The network page of claimgraph. Data come as JSON from a non-executed script element; every
// string from the data is written as DOM text (textContent, or text drawn on the canvas), never
// as HTML. Views: network, provenance of one claim, timeline, estimates; selecting a claim in one
// shows it in the others.
(function () {
  const graph = JSON.parse(document.getElementById("graph-data").textContent);
  const $ = id => document.getElementById(id);
  const el = (tag, attrs, ...children) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "class") node.className = v; else if (k === "text") node.textContent = v; else node.setAttribute(k, v);
    }
    for (const child of children) if (child !== null && child !== undefined) node.append(child);
    return node;
  };
  const nodeById = new Map(graph.nodes.map(n => [n.id, n]));
  const nodes = new vis.DataSet(graph.nodes);
  const edges = new vis.DataSet(graph.edges);
  const state = { selected: null, timeline: null, highlighted: [] };
  const api = window.claimgraph = { nodes, edges, ready: false, nodeCount: graph.nodes.length, graph, state };

  // ------------------------------------------------------------------ network
  const options = {
    physics: false,
    layout: { improvedLayout: false },
    interaction: { hover: true, tooltipDelay: 120, keyboard: { enabled: true, bindToWindow: false }, multiselect: true },
    nodes: { shape: "box", scaling: { label: { drawThreshold: 12, maxVisible: 40 } } },
    edges: { smooth: false, arrows: { to: { enabled: true, scaleFactor: 0.55 } }, selectionWidth: 1.5,
             font: { size: 0 } },
  };
  const network = new vis.Network($("network"), { nodes, edges }, options);
  api.network = network;

  function fitText(ctx, text, width) {  // cut with "…" rather than squeeze the letters
    if (ctx.measureText(text).width <= width) return text;
    let cut = text;
    while (cut.length > 1 && ctx.measureText(cut + "…").width > width) cut = cut.slice(0, -1);
    return cut.trimEnd() + "…";
  }
  const bandFill = { source: "rgba(15,118,110,0.07)", story: "rgba(109,40,217,0.06)" };
  network.on("beforeDrawing", ctx => {
    for (const band of graph.bands) {
      ctx.fillStyle = bandFill[band.kind];
      ctx.strokeStyle = band.kind === "story" ? "rgba(109,40,217,0.35)" : "rgba(15,118,110,0.35)";
      ctx.lineWidth = 1;
      ctx.beginPath();
      ctx.rect(band.x0, band.y0, band.x1 - band.x0, band.y1 - band.y0);
      ctx.fill(); ctx.stroke();
      ctx.fillStyle = band.kind === "story" ? "#5b21b6" : "#115e59";
      ctx.font = "bold 13px Arial, 'Liberation Sans', sans-serif";
      ctx.textAlign = "left"; ctx.textBaseline = "top";
      ctx.fillText(fitText(ctx, band.label, band.x1 - band.x0 - 12), band.x0 + 6, band.y0 + 5);
    }
    ctx.fillStyle = "#374151";
    ctx.font = "bold 15px Arial, 'Liberation Sans', sans-serif";
    ctx.textBaseline = "middle";
    for (const h of graph.headers) {
      ctx.textAlign = h.align || "left";
      ctx.fillText(h.text, h.x, h.y);
    }
  });

  // the legend: node kinds and edge kinds, drawn as they are in the network
  const legend = $("legend");
  legend.append(el("span", { class: "group", text: "Claims:" }));
  for (const item of graph.legend.nodes) {
    const swatch = el("span", { class: "swatch", "aria-hidden": "true" });
    swatch.style.background = item.fill; swatch.style.borderColor = item.border;
    swatch.style.borderRadius = Math.min(item.radius, 7) + "px";
    legend.append(el("span", { class: "item" }, swatch, item.text));
    if (item.style === "statement") legend.append(el("span", { class: "group", text: "Others:" }));
  }
  legend.append(el("span", { class: "group", text: "Edges:" }));
  const SVGNS = "http://www.w3.org/2000/svg";
  for (const item of graph.legend.edges) {
    const svg = document.createElementNS(SVGNS, "svg");
    svg.setAttribute("width", "34"); svg.setAttribute("height", "10"); svg.setAttribute("aria-hidden", "true");
    const line = document.createElementNS(SVGNS, "line");
    for (const [k, v] of [["x1", 1], ["y1", 5], ["x2", 26], ["y2", 5], ["stroke", item.color], ["stroke-width", item.width + 0.5]])
      line.setAttribute(k, v);
    if (item.dashes.length) line.setAttribute("stroke-dasharray", item.dashes.join(" "));
    const head = document.createElementNS(SVGNS, "path");
    head.setAttribute("d", "M26 1 L33 5 L26 9 Z"); head.setAttribute("fill", item.color);
    svg.append(line, head);
    legend.append(el("span", { class: "item", "data-rel": item.rel, title: item.sentence }, svg, item.text,
                     el("span", { class: "visually-hidden", text: ` (${item.sentence})` })));
  }
  $("notes").textContent = graph.notes.join(" · ");

  // ------------------------------------------------------------------ selection and highlight
  const PROVENANCE = new Set(["said", "appears in", "taken from", "cites", "published by", "part of"]);
  function chainOf(id) {
    const keep = new Set([id]);
    const start = nodeById.get(id);
    if (!start || start.kind !== "claim") {
      network.getConnectedNodes(id).forEach(n => keep.add(n));
      return keep;
    }
    const queue = [id];
    while (queue.length) {
      const current = queue.shift();
      for (const e of edges.get({ filter: e => (e.from === current || e.to === current) && PROVENANCE.has(e.rel) })) {
        const other = e.from === current ? e.to : e.from;
        const node = nodeById.get(other);
        if (keep.has(other) || (node.kind === "claim" && e.rel !== "part of")) continue;
        if (node.kind !== "claim" && current !== id && nodeById.get(current).kind === "claim") continue;
        keep.add(other);
        if (node.kind === "source") queue.push(other);
      }
    }
    network.getConnectedNodes(id).forEach(n => keep.add(n));
    return keep;
  }

  const faded = { background: "rgba(229,231,235,0.35)", border: "rgba(156,163,175,0.35)" };
  function highlight(ids) {
    const keep = ids ? new Set(ids) : null;
    nodes.update(graph.nodes.map(n => ({
      id: n.id,
      color: !keep || keep.has(n.id) ? n.color : faded,
      font: Object.assign({}, n.font, { color: !keep || keep.has(n.id) ? n.font.color : "rgba(17,24,39,0.35)" }),
    })));
    edges.update(graph.edges.map(e => ({
      id: e.id, hidden: false,
      color: !keep || (keep.has(e.from) && keep.has(e.to)) ? e.color : { color: "rgba(156,163,175,0.18)" },
      font: { size: keep && keep.has(e.from) && keep.has(e.to) ? 12 : 0, strokeWidth: 4, align: "top" },
      label: keep && keep.has(e.from) && keep.has(e.to) ? e.rel : undefined,
    })));
    state.highlighted = api.highlighted = keep ? [...keep] : [];
  }

  function select(id, how) {
    if (!nodeById.has(id)) return;
    state.selected = id;
    network.selectNodes([id]);
    highlight(chainOf(id));
    showDetails(id);
    frame(state.highlighted.filter(n => n === id || !["place", "event"].includes(nodeById.get(n).kind)), id);
    if (state.timeline) syncTimeline(id);
  }
  api.select = select;
  // show the selection and its chain beside the details panel, zoomed in as far as they fit
  function frame(ids, id) {
    const at = Object.values(network.getPositions(ids));
    if (!at.length) return;
    const box = $("network").getBoundingClientRect();
    const panel = $("details").getBoundingClientRect().width + 24 || 384;
    const xs = at.map(p => p.x), ys = at.map(p => p.y);
    const w = Math.max(...xs) - Math.min(...xs) + 170, h = Math.max(...ys) - Math.min(...ys) + 60;
    const fits = Math.min(1.2, (box.width - panel) / w, box.height / h);
    const readable = 12 / 14;  // never zoom out so far that the labels go (they are drawn from 11 px)
    const scale = Math.max(fits, readable);
    const self = network.getPositions([id])[id];
    // centre on the chain along each axis where it fits at that scale, else on the node itself
    const centre = {
      x: w * scale <= box.width - panel ? (Math.max(...xs) + Math.min(...xs)) / 2 : self.x,
      y: h * scale <= box.height ? (Math.max(...ys) + Math.min(...ys)) / 2 : self.y,
    };
    network.moveTo({ position: centre, scale, offset: { x: -panel / 2, y: 0 }, animation: false });
  }
  function clearSelection() {
    state.selected = null;
    network.unselectAll();
    highlight(null);
    $("details").hidden = true;
  }

  network.on("selectNode", params => select(params.nodes[0]));
  network.on("deselectNode", params => { if (!params.nodes.length) clearSelection(); });
  $("close-details").addEventListener("click", () => { clearSelection(); $("network").focus(); });
  document.addEventListener("keydown", e => { if (e.key === "Escape" && !$("details").hidden) clearSelection(); });

  // ------------------------------------------------------------------ details panel
  function modeBadge(mode) { return el("span", { class: `mode ${mode}`, text: mode }); }
  function showDetails(id) {
    const n = nodeById.get(id);
    const body = $("details-body");
    body.replaceChildren();
    const tree = graph.provenance[id];
    if (tree) {
      body.append(el("div", { class: "kind", text: `${tree.kind} claim · ${tree.id}` }),
                  el("h2", { text: tree.label }), el("p", { text: tree.statement }));
      body.append(el("p", {}, el("b", { text: "Said by: " }), tree.speakers.map(s => s.label).join(", ") || "unattributed"));
      const list = el("ul");
      for (const a of tree.appearances) {
        list.append(el("li", {}, modeBadge(a.mode), el("b", { text: [a.source.outlet, a.source.date].filter(Boolean).join(", ") }),
                       el("br"), `“${a.words}”`));
      }
      body.append(el("p", {}, el("b", { text: `Appears in ${tree.appearances.length} place(s):` })), list);
      const actions = el("div", { class: "actions" });
      const button = (text, action) => { const b = el("button", { type: "button", text }); b.addEventListener("click", action); return b; };
      actions.append(button("Provenance tree", () => { showView("provenance"); }));
      if (graph.timeline.items.some(i => i.claim === id)) actions.append(button("On the timeline", () => { showView("timeline"); }));
      const q = graph.quantities.find(q => q.claims.includes(tree.id));
      if (q) actions.append(button("Estimates compared", () => { showView("estimates"); showQuantity(q.id); }));
      body.append(actions);
      if (tree.appearances.length) body.append(el("p", { class: "citation", text: tree.appearances[0].citation }));
    } else {
      body.append(el("div", { class: "kind", text: n.kind }), el("h2", { text: n.fullLabel }),
                  el("p", { text: n.title }));
      const claims = network.getConnectedNodes(id).filter(c => graph.provenance[c]);
      if (claims.length) {
        const list = el("ul");
        for (const c of claims.slice(0, 40)) {
          const b = el("button", { type: "button", class: "link", text: nodeById.get(c).label });
          b.addEventListener("click", () => select(c, { focus: true }));
          list.append(el("li", {}, b));
        }
        body.append(el("p", {}, el("b", { text: `${claims.length} claim(s):` })), list);
      }
    }
    $("details").hidden = state.view !== "network";
    renderProvenance();
  }

  // ------------------------------------------------------------------ search
  const haystack = new Map(graph.nodes.map(n => [n.id, (n.fullLabel + "\n" + n.title).toLowerCase()]));
  let hits = [];
  $("search").addEventListener("input", event => {
    const q = event.target.value.trim().toLowerCase();
    if (!q) { hits = []; highlight(state.selected ? chainOf(state.selected) : null); $("search-status").textContent = ""; return; }
    hits = graph.nodes.filter(n => haystack.get(n.id).includes(q)).map(n => n.id);
    highlight(hits);
    $("search-status").textContent = `${hits.length} match(es)`;
    if (hits.length) network.selectNodes(hits.slice(0, 50));
  });
  $("search").addEventListener("keydown", event => {
    if (event.key === "Enter" && hits.length) { showView("network"); select(hits[0], { focus: true }); }
  });

  // ------------------------------------------------------------------ views (tabs)
  const views = ["network", "provenance", "timeline", "estimates"];
  function showView(name) {
    state.view = name;
    for (const v of views) {
      $(`view-${v}`).hidden = v !== name;
      $(`tab-${v}`).setAttribute("aria-selected", String(v === name));
      $(`tab-${v}`).tabIndex = v === name ? 0 : -1;
    }
    if (name === "timeline") openTimeline();
    if (name === "provenance") renderProvenance();
    if (name === "network") network.redraw();
    $("details").hidden = name !== "network" || !state.selected;
  }
  api.showView = showView;
  views.forEach((v, i) => {
    const tab = $(`tab-${v}`);
    tab.addEventListener("click", () => showView(v));
    tab.addEventListener("keydown", e => {
      const step = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
      if (step) { const next = views[(i + step + views.length) % views.length]; showView(next); $(`tab-${next}`).focus(); }
    });
  });

  // ------------------------------------------------------------------ provenance
  function card(cls, kind, title, ...lines) {
    const c = el("div", { class: `card ${cls}` }, el("div", { class: "kind", text: kind }), el("div", {}, el("b", { text: title })));
    for (const line of lines) if (line) c.append(el("div", {}, line));
    return c;
  }
  const arrow = (label) => el("div", { class: "arrow", "aria-hidden": "true" }, "→", label ? el("small", { text: label }) : null);
  function renderProvenance() {
    const box = $("provenance");
    box.replaceChildren();
    const tree = state.selected && graph.provenance[state.selected];
    if (!tree) {
      box.append(el("p", { class: "empty", text: "Select a claim (click it in the network, on the timeline or in a chart, or find it with the search box) to see where it comes from." }));
      return;
    }
    const wrap = el("div", { class: "prov", role: "tree", "aria-label": `Provenance of claim ${tree.id}` });
    wrap.append(el("h2", { text: `Provenance of ${tree.label}` }));
    const grid = el("div", { class: "tree" });
    const speakers = el("div", {});
    for (const s of tree.speakers) speakers.append(card("speaker", s.kind, s.label));
    const figure = tree.figure ? `${tree.figure} ${tree.unit || ""} (${tree.bound || "exact"})` : null;
    grid.append(speakers, arrow("said"),
                card(`claim ${tree.kind}`, `${tree.kind} claim · ${tree.id}`, tree.label, tree.statement, figure,
                     tree.time ? `time covered: ${tree.time}` : null),
                arrow("appears in"));
    const rows = el("ol", { class: "rows", "aria-label": `${tree.appearances.length} appearance(s)` });
    for (const a of tree.appearances) {
      const row = el("li", { role: "treeitem" });
      const words = el("div", {}, `“${a.words}”`);
      const app = el("div", { class: "card appearance" }, el("div", {}, modeBadge(a.mode), el("span", { class: "kind", text: a.mode_text })), words);
      if (a.printed) app.append(el("div", { text: `figure as printed: ${a.printed}` }));
      const src = card("source", "source", [a.source.outlet, a.source.date].filter(Boolean).join(", ") || "source", a.source.title);
      if (a.source.url) src.append(el("div", { text: a.source.url }));
      row.append(app, arrow("in"), src);
      for (const chain of tree.upstream) {
        chain.forEach((doc, k) => {
          row.append(arrow(k === 0 ? "taken from" : "cites"));
          row.append(card(`doc${doc.origin ? " origin" : ""}`, doc.origin ? "origin" : "upstream document", doc.label,
                          doc.outlet ? `published by ${doc.outlet}` : null));
        });
      }
      if (!tree.upstream.length) row.append(arrow(""), el("div", { class: "empty", text: "no upstream document: the source is the origin" }));
      rows.append(row);
    }
    grid.append(rows);
    wrap.append(grid);
    box.append(wrap);
  }

  // ------------------------------------------------------------------ timeline
  function openTimeline() {
    if (state.timeline) { state.timeline.redraw(); if (state.selected) syncTimeline(state.selected); return; }
    const t = graph.timeline;
    $("timeline-notes").textContent = t.undated ? `${t.undated} appearance(s) in undated sources are not on the timeline.` : "";
    const items = new vis.DataSet(t.items.map(i => Object.assign(i.end ? { end: i.end } : {}, {
      id: i.id, group: i.group, start: i.start, type: i.kind === "span" ? "range" : "box",
      className: i.kind === "span" ? `span${i.open ? " open" : ""}` : `appearance ${i.mode}`,
      content: el("span", { text: i.text }), title: el("div", { text: i.title }),
      kind: i.kind, claim: i.claim, claims: i.claims, pos: i.pos,
    })));
    const groups = new vis.DataSet(t.groups.map(g => ({ id: g.id, order: g.order, content: el("span", { text: g.text, title: g.title }) })));
    const timeline = new vis.Timeline($("timeline"), items, groups, {
      stack: true, verticalScroll: true, showCurrentTime: false, order: (a, b) => a.pos - b.pos, zoomKey: "ctrlKey", orientation: { axis: "top", item: "top" }, groupOrder: "order",
      margin: { item: { horizontal: 4, vertical: 4 } }, xss: { disabled: false }, selectable: true,
      height: Math.max(240, $("timeline").clientHeight) + "px",
      tooltip: { followMouse: true },
    });
    state.timeline = api.timeline = timeline;
    timeline.fit({ animation: false });
    timeline.on("select", props => {
      const item = props.items.length ? items.get(props.items[0]) : null;
      if (!item) return;
      const claims = item.claim ? [item.claim] : item.claims;
      showView("network");
      select(claims[0], { focus: true });
      if (claims.length > 1) { network.selectNodes(claims); highlight(claims); }
    });
    if (state.selected) syncTimeline(state.selected);
  }
  function syncTimeline(id) {
    const ids = graph.timeline.items.filter(i => i.claim === id || (i.claims || []).includes(id)).map(i => i.id);
    state.timeline.setSelection(ids);
    if (ids.length && state.view === "timeline") state.timeline.focus(ids, { animation: false });
  }

  // ------------------------------------------------------------------ estimates
  function showQuantity(id) {
    for (const f of document.querySelectorAll("figure.chart")) f.hidden = f.id !== id;
    if ($("quantity")) $("quantity").value = id;
  }
  if ($("quantity")) $("quantity").addEventListener("change", e => showQuantity(e.target.value));
  const claimByShortId = new Map(Object.values(graph.provenance).map(t => [t.id, t.node]));
  for (const mark of document.querySelectorAll("figure.chart [data-claim]")) {
    mark.addEventListener("click", () => {
      const node = claimByShortId.get(mark.getAttribute("data-claim"));
      if (node) { showView("network"); select(node, { focus: true }); }
    });
  }

  // ------------------------------------------------------------------ ready
  // fit the nodes, the bands and the column headers (vis-network's fit knows only the nodes)
  function fitAll() {
    const ids = nodes.getIds();
    if (!ids.length) return;
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const id of ids) {
      const b = network.getBoundingBox(id);
      x0 = Math.min(x0, b.left); y0 = Math.min(y0, b.top); x1 = Math.max(x1, b.right); y1 = Math.max(y1, b.bottom);
    }
    for (const b of graph.bands) { x0 = Math.min(x0, b.x0); y0 = Math.min(y0, b.y0); x1 = Math.max(x1, b.x1); y1 = Math.max(y1, b.y1); }
    for (const h of graph.headers) y0 = Math.min(y0, h.y - 12);
    const box = $("network").getBoundingClientRect();
    const scale = Math.min(1, 0.98 * box.width / (x1 - x0), 0.98 * box.height / (y1 - y0));
    network.moveTo({ position: { x: (x0 + x1) / 2, y: (y0 + y1) / 2 }, scale, animation: false });
  }
  api.fit = fitAll;

  network.once("afterDrawing", () => {
    fitAll();
    api.drawnMs = Math.round(performance.now());  // from navigation start to the first fitted frame
    api.ready = true;
    if (graph.open && nodeById.has(graph.open)) { select(graph.open); showView("provenance"); }
  });
  showView("network");
})();
