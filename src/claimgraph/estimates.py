"""Estimates compared: every figure given for one quantity, by every speaker and in every source,
as a point or an interval, drawn with matplotlib as SVG (a citation on hover of each mark), PNG
(for an article or a slide) or a self-contained HTML page.

A quantity is what ``claimgraph check`` compares: subject, predicate, unit, measure, time span and
places ("emigration from Russia since the invasion of Ukraine, people, since Feb 2022, from
Russia"). One mark per figure: a claim's value, range and bound, and apart from it any
appearance that prints the figure with another value or bound (figure drift). Exact values are
filled dots, approximations hollow dots marked "≈", bounds open-ended arrows ("more than" to the
right, "up to" to the left), ranges bars.
"""
import io
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from . import cite
from .errors import ClaimgraphError, NotFound
from .model.figures import plain
from .model.ids import short_id
from .model.records import details

SVG_NS = "http://www.w3.org/2000/svg"
BOUND_OF_LABEL = {"exact": "exact", "approximate": "approximate", "lower bound": "lower", "upper bound": "upper"}
BOUND_WORDS = {"exact": "exact", "approximate": "approximate (≈)", "lower": "lower bound (more than)",
               "upper": "upper bound (up to)", "range": "range"}
FORMATS = (".svg", ".png", ".html")


@dataclass
class Mark:
    """One figure: who gave it, where it was printed, its value or range and bound."""
    claim: str
    speaker: str
    printed: str
    value: float | None
    minimum: float | None
    maximum: float | None
    bound: str
    where: list[str]
    citation: str

    @property
    def kind(self) -> str:
        return "range" if self.minimum is not None and self.maximum is not None else self.bound


@dataclass
class Quantity:
    """A quantity and every mark given for it."""
    key: tuple
    name: str
    unit: str
    detail: str = ""
    marks: list[Mark] = field(default_factory=list)

    @property
    def title(self) -> str:
        return f"{self.name} ({self.detail})" if self.detail else self.name

    @property
    def id(self) -> str:
        return "q-" + re.sub(r"[^a-z0-9]+", "-", self.title.lower()).strip("-")[:60]


def _num(x):
    return float(x) if isinstance(x, Decimal) else x


def _describe(key: tuple, names: dict) -> tuple[str, str, str]:
    subject, _, unit, time, measure, _, from_places, to_places = key
    parts = [names.get(subject, short_id(subject))]
    if measure:
        parts.append(str(measure))
    extra = []
    if time:
        start = str(time).split("/")[0]
        extra.append(f"since {cite.short_date(start + '-01' if len(start) == 7 else start).removeprefix('1 ')}"
                     if str(time).endswith("/..") else str(time))
    if from_places:
        extra.append("from " + ", ".join(sorted(names.get(p, short_id(p)) for p in from_places)))
    if to_places:
        extra.append("to " + ", ".join(sorted(names.get(p, short_id(p)) for p in to_places)))
    return " — ".join(parts), "; ".join(extra), str(unit)


def quantities(store, claim_iris, minimum: int = 1) -> list[Quantity]:
    """The quantities the figure claims ``claim_iris`` give, each with every figure of it in the
    graph; those with at least ``minimum`` marks, most marks first."""
    from .checks import figures
    from .index import of
    from .resources import query_text
    from .store import iri

    figs = figures(of(store), set(claim_iris))
    wanted = {figs[c].key for c in claim_iris if c in figs}
    groups: dict[tuple, list] = {}
    for f in figs.values():
        if f.key in wanted:
            groups.setdefault(f.key, []).append(f)
    records = {c.iri: c for c in details(store, sorted({f.claim for fs in groups.values() for f in fs}))}
    nodes = sorted({k[0] for k in groups} | {p for k in groups for p in k[6] | k[7]})
    names = {}
    if nodes:
        for r in store.select_each(query_text("lib/node_labels"), [{"node": iri(n)} for n in nodes]):
            if r["name"] is not None:
                names.setdefault(r["node"], r["name"])
    out = []
    for key, group in groups.items():
        name, detail, unit = _describe(key, names)
        q = Quantity(key, name, unit, detail)
        for f in sorted(group, key=lambda f: (f.claim not in claim_iris, f.claim)):
            record = records.get(f.claim)
            if record is not None:
                q.marks += _marks(record, f)
        if len(q.marks) >= minimum:
            out.append(q)
    order = {k: i for i, k in enumerate(dict.fromkeys(figs[c].key for c in claim_iris if c in figs))}
    return sorted(out, key=lambda q: (order.get(q.key, len(order)), -len(q.marks)))


def _marks(c, f) -> list[Mark]:
    """The claim's own figure, and one more for each different printing of it."""
    speaker = " and ".join(c.attributed_to) or "unattributed"
    agreeing, drifting = [], {}
    for a in c.appearances:
        bound = BOUND_OF_LABEL.get(a.bound or "", f.bound)
        value = _num(a.value) if a.value is not None else _num(f.value)
        if (bound, value) == (f.bound, _num(f.value)) or f.minimum is not None:
            agreeing.append(a)
        else:
            drifting.setdefault((bound, value), []).append(a)
    first = agreeing[0] if agreeing else c.first
    marks = [Mark(c.id, speaker, c.as_printed if first is None else (first.as_printed or c.as_printed or ""),
                  _num(f.value), _num(f.minimum), _num(f.maximum), f.bound,
                  list(dict.fromkeys(cite.chain_of(a, ()) for a in agreeing)), cite.plain(c, first))]
    for (bound, value), apps in drifting.items():
        a = apps[0]
        marks.append(Mark(c.id, speaker, a.as_printed or "", value, None, None, bound,
                          ["as printed in " + w for w in dict.fromkeys(cite.chain_of(x, ()) for x in apps)],
                          cite.plain(c, a)))
    return marks


def for_term(store, term: str) -> Quantity:
    """The quantity a look-up of ``term`` (a figure, phrase or name, as ``lookup`` takes it)
    finds first, with every figure of it. Raises NotFound when no figure matches."""
    from .lookup import find

    figures = [c.iri for c in find(store, term) if c.kind == "figure"]
    if not figures:
        raise NotFound(f"no figure matches {term!r}: a chart compares figures")
    return quantities(store, figures)[0]


# ---------------------------------------------------------------------------- drawing

def _fmt(x, unit) -> str:
    if x is None:
        return ""
    text = f"{plain(Decimal(str(x))):,}" if abs(x) >= 1000 else str(plain(Decimal(str(x))))
    return text + ("%" if unit == "per cent" else "")


def figure(q: Quantity):
    """A matplotlib Figure of ``q``: one row per mark, each artist's gid ``mark-N`` (and
    ``mark-N-…`` for its arrow and label)."""
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    marks = sorted(q.marks, key=lambda m: (m.minimum if m.minimum is not None else m.value or 0))
    q.marks = marks
    highest = max((m.maximum if m.maximum is not None else m.value or 0) for m in marks) or 1
    right = 100 if q.unit == "per cent" and highest <= 100 else highest * 1.35
    rows = len(marks)
    top, bottom, row = 0.95, 1.0, 0.62  # inches: title and subtitle; axis and legend; one mark
    height = top + bottom + row * rows
    fig = Figure(figsize=(10, height), dpi=100)
    ax = fig.add_axes((0.22, bottom / height, 0.74, row * rows / height))
    blue, grey = "#1d4e89", "#555555"
    for i, m in enumerate(marks):
        y = rows - 1 - i
        gid = f"mark-{i}"
        if m.kind == "range":
            ax.plot([m.minimum, m.maximum], [y, y], color=blue, linewidth=7, solid_capstyle="butt", gid=gid)
            at = m.maximum
        else:
            filled = m.bound != "approximate"
            ax.plot([m.value], [y], marker="o", markersize=10, color=blue, markerfacecolor=blue if filled else "white",
                    markeredgewidth=2, linestyle="none", gid=gid)
            at = m.value
            if m.bound in ("lower", "upper"):
                end = right if m.bound == "lower" else 0
                ax.annotate("", xy=(end, y), xytext=(m.value, y), gid=f"{gid}-arrow",
                            arrowprops={"arrowstyle": "-|>", "color": blue, "linewidth": 2, "shrinkA": 6,
                                        "shrinkB": 0, "linestyle": (0, (4, 2))})
                at = m.value if m.bound == "upper" else m.value
        sign = "≈ " if m.bound == "approximate" else ""
        text = f"{sign}“{m.printed}”" if m.printed else sign + _fmt(m.value, q.unit)
        if m.where:
            text += "  ·  " + "; ".join(m.where)
        left = m.minimum if m.kind == "range" else at
        ax.annotate(text, xy=(left if (left or 0) < right * 0.55 else at, y), xytext=(0, 10), textcoords="offset points",
                    fontsize=9, color=grey, ha="left" if (left or 0) < right * 0.55 else "right", va="bottom",
                    gid=f"{gid}-label")
    ax.set_yticks(range(rows), [_ellipsis(m.speaker, 34) for m in reversed(marks)], fontsize=10)
    ax.set_ylim(-0.7, rows - 0.3)
    ax.set_xlim(0, right)
    ax.xaxis.set_major_formatter(lambda x, _: _fmt(x, q.unit))
    ax.grid(axis="x", color="#dddddd", linewidth=0.8)
    ax.set_axisbelow(True)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.tick_params(axis="y", length=0)
    ax.set_xlabel(q.unit, fontsize=9, color=grey)
    fig.suptitle(_ellipsis(q.name, 100), x=0.02, ha="left", fontsize=12, fontweight="bold")
    speakers = len({m.speaker for m in marks})
    sources = len({w.removeprefix("as printed in ") for m in marks for w in m.where})
    fig.text(0.02, 1 - 0.62 / height, (f"{q.unit}, {q.detail}: " if q.detail else "") + f"{len(marks)} figure(s) from {speakers} speaker(s) in {sources} source(s); "
             "hover a mark for its citation", fontsize=9, color=grey)
    kinds = [k for k in ("exact", "approximate", "lower", "upper", "range") if any(m.kind == k for m in marks)]
    handles = {"exact": Line2D([], [], marker="o", color=blue, linestyle="none", markersize=8),
               "approximate": Line2D([], [], marker="o", color=blue, markerfacecolor="white", linestyle="none",
                                     markersize=8, markeredgewidth=2),
               "lower": Line2D([], [], marker=">", color=blue, linestyle=(0, (4, 2)), markersize=6),
               "upper": Line2D([], [], marker="<", color=blue, linestyle=(0, (4, 2)), markersize=6),
               "range": Line2D([], [], color=blue, linewidth=6)}
    fig.legend([handles[k] for k in kinds], [BOUND_WORDS[k] for k in kinds], loc="lower left", ncols=len(kinds),
               fontsize=9, frameon=False, bbox_to_anchor=(0.2, 0.0))
    return fig


def _ellipsis(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def svg(q: Quantity) -> str:
    """The chart as SVG: text kept as text, every mark with its citation as a ``<title>`` (shown
    on hover) and ``data-claim``; styles written as presentation attributes, so the SVG also
    draws inside a page whose Content-Security-Policy forbids inline styles."""
    import matplotlib

    fig = figure(q)
    buf = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "claimgraph"}):
        fig.savefig(buf, format="svg", metadata={"Date": None})
    ET.register_namespace("", SVG_NS)
    ET.register_namespace("xlink", "http://www.w3.org/1999/xlink")
    root = ET.fromstring(buf.getvalue())
    for parent in root.iter():
        for child in list(parent):
            if child.tag == f"{{{SVG_NS}}}style" or child.tag == f"{{{SVG_NS}}}metadata":
                parent.remove(child)
    root.set("stroke-linejoin", "round")
    root.set("stroke-linecap", "butt")
    root.set("role", "img")
    root.set("aria-label", f"{q.title}: {len(q.marks)} figures compared")
    title = ET.Element(f"{{{SVG_NS}}}title")
    title.text = q.title
    root.insert(0, title)
    for el in root.iter():
        style = el.attrib.pop("style", None)
        if style:
            for name, value in _declarations(style):
                el.set(name, value)
        gid = el.get("id") or ""
        m = re.fullmatch(r"mark-(\d+)(-\w+)?", gid)
        if m:
            mark = q.marks[int(m.group(1))]
            tip = ET.Element(f"{{{SVG_NS}}}title")
            tip.text = f"{mark.speaker}: {mark.printed or _fmt(mark.value, q.unit)} ({BOUND_WORDS[mark.kind]})\n{mark.citation}"
            el.insert(0, tip)
            el.set("data-claim", mark.claim)
            el.set("class", "mark" if not m.group(2) else "mark-part")
    return ET.tostring(root, encoding="unicode")


def _declarations(style: str):
    """``fill: #fff; font: 10px 'DejaVu Sans'`` as attribute pairs (the font shorthand split)."""
    for part in style.split(";"):
        if ":" not in part:
            continue
        name, value = (s.strip() for s in part.split(":", 1))
        if name == "font":
            m = re.match(r"(?:(italic|oblique)\s+)?(?:(bold|normal|\d00)\s+)?([\d.]+px)\s+(.+)", value)
            if m:
                if m.group(1):
                    yield "font-style", m.group(1)
                if m.group(2):
                    yield "font-weight", m.group(2)
                yield "font-size", m.group(3)
                yield "font-family", m.group(4).replace("'", "") + ", sans-serif"
            continue
        yield name, value


def png(q: Quantity) -> bytes:
    fig = figure(q)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=150, metadata={"Software": None})
    return buf.getvalue()


def captions(q: Quantity) -> list[tuple[str, str, str]]:
    """(speaker, figure and bound, citation) of each mark, in the chart's order: the chart in words."""
    return [(m.speaker, f"{m.printed or _fmt(m.value, q.unit)} ({BOUND_WORDS[m.kind]})", m.citation) for m in q.marks]


def html(q: Quantity) -> str:
    """A self-contained page: the SVG and the list of citations, no script, no outside load."""
    import hashlib
    import base64
    from html import escape

    style = ("body{font:14px/1.45 Arial,'Liberation Sans',sans-serif;color:#1a1a1a;margin:16px;max-width:1000px}"
             "svg{max-width:100%;height:auto}ol{font-size:13px}.mark{cursor:help}")
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    chart = svg(q)
    items = "".join(f"<li><b>{escape(who)}</b>: {escape(what)}. {escape(citation)}</li>"
                    for who, what, citation in captions(q))
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'sha256-{digest}'\">"
            f"<title>{escape(q.title)}</title><style>{style}</style></head><body>"
            f"<figure>{chart}<figcaption><ol>{items}</ol></figcaption></figure></body></html>\n")


def write(q: Quantity, path) -> Path:
    """Write the chart to ``path``: SVG, PNG or HTML by its suffix."""
    from .data import replace_files

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise ClaimgraphError(f"{path}: write the chart as {', '.join(FORMATS)}")
    data = png(q) if suffix == ".png" else (svg(q) if suffix == ".svg" else html(q)).encode("utf-8")
    try:
        replace_files({path: data})
    except OSError as exc:
        raise ClaimgraphError(f"cannot write {path}: {exc.strerror or exc}") from None
    return path
