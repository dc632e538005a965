"""claimgraph at 10k, 100k and 1M claims: wall time and peak memory of each step, beside its peer
(rdflib in memory, pySHACL), and the targets met or not.

    python bench/scale.py                     # 10k and 100k
    python bench/scale.py --sizes 10k 100k 1m # and a million (about 4 GB of N-Triples, minutes)
    python bench/scale.py --sizes 1m --peers  # also rdflib at 1M (~7 min, ~18 GB)

Corpora are generated under bench/out/ (bench/generate.py) on first use. Every step runs as a new
process under /usr/bin/time, so each figure is a cold start unless it says warm. Python may keep
the bytecode it compiles (PYTHONDONTWRITEBYTECODE is dropped), as an installed package has it;
each look-up runs once before it is timed.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox

BENCH = Path(__file__).resolve().parent
OUT = BENCH / "out"
SIZES = {"10k": 10_000, "100k": 100_000, "1m": 1_000_000}
CLI = str(Path(sys.executable).with_name("claimgraph"))
TARGETS = {  # (size, step) -> (limit, unit, text)
    ("1m", "load"): (90, "s", "1M claims loaded in <= 90 s"),
    ("1m", "load peak"): (3072, "MB", "and <= 3 GB peak"),
    ("1m", "lookup by figure (cold)"): (0.150, "s", "cold lookup on the 1M store <= 150 ms"),
    ("1m", "lookup by speaker (cold)"): (0.150, "s", "cold lookup on the 1M store <= 150 ms"),
    ("1m", "lookup by place (cold)"): (0.150, "s", "cold lookup on the 1M store <= 150 ms"),
    ("1m", "validate 1,000-claim import"): (5, "s", "validating a 1,000-claim import <= 5 s"),
    ("1m", "viz --focus"): (5, "s", "viz --focus on the 1M graph <= 5 s"),
}


def timed(command, env=None, timeout=3600) -> tuple[float, float, str]:
    """(wall seconds, peak MB, stdout) of a command run under /usr/bin/time."""
    started = time.perf_counter()
    proc = subprocess.run(["/usr/bin/time", "-f", "%M", *command], capture_output=True, text=True,
                          env=env, timeout=timeout)
    wall = time.perf_counter() - started
    if proc.returncode not in (0, 1) or (proc.returncode == 1 and "Traceback" in proc.stderr):
        raise RuntimeError(f"{' '.join(command)} failed: {proc.stderr.strip()[-400:]}")
    peak_kb = int(proc.stderr.strip().splitlines()[-1])
    return wall, peak_kb / 1024, proc.stdout


def median_of(command, env, runs=5):
    timed(command, env)  # not counted: fills the OS file cache and the bytecode cache
    results = [timed(command, env) for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def corpus(size: str) -> Path:
    folder = OUT / size
    if not (folder / "world.json").exists():
        print(f"generating {size} …", flush=True)
        subprocess.run([sys.executable, str(BENCH / "generate.py"), "--claims", str(SIZES[size]), "--out", str(folder)], check=True)
    return folder


def probes(store_path: Path) -> dict:
    """A figure value, a speaker name and a country code that the corpus has."""
    store = ox.Store.read_only(str(store_path))
    q = lambda text: next(iter(store.query(text, use_default_graph_as_union=True)))
    figure = q("SELECT ?v WHERE { ?c <http://www.w3.org/1999/02/22-rdf-syntax-ns#object> ?v ; "
               "<https://w3id.org/claimgraph/ns#asPrinted> ?p } LIMIT 1")["v"].value
    speaker = q("SELECT ?n WHERE { ?c <http://www.w3.org/ns/prov#wasAttributedTo> ?a . ?a <https://schema.org/name> ?n } LIMIT 1")["n"].value
    quote = q("SELECT ?w WHERE { ?s <http://www.w3.org/ns/oa#exact> ?w } LIMIT 1")["w"].value
    return {"figure": figure, "speaker": speaker, "place": "GE", "phrase": " ".join(quote.split()[1:3])}


def run_size(size: str, peers: bool, rows: list):
    data = corpus(size)
    cache = OUT / "cache"
    env = {**{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}, "CLAIMGRAPH_CACHE": str(cache)}
    from claimgraph.store import cache_dir  # noqa: E402  (the bench runs beside an installed claimgraph)

    os.environ["CLAIMGRAPH_CACHE"] = str(cache)
    for extra in data.glob("new-source-*"):
        extra.unlink()

    def add(step, wall, peak, peer=None, peer_name=""):
        rows.append({"size": size, "step": step, "wall": wall, "peak": peak, "peer": peer, "peer_name": peer_name})
        print(f"  {size:>5} {step:32} {wall:9.3f} s {peak:9.0f} MB" + (f"   peer {peer_name}: {peer:.3f} s ({wall / peer:.2f}x)" if peer else ""), flush=True)

    print(f"{size}: {data}")
    wall, peak, _ = timed([CLI, "load", "--data", str(data)], env)
    add("load", wall, peak)
    rows.append({"size": size, "step": "load peak", "wall": peak, "peak": peak, "peer": None, "peer_name": ""})
    store_path = cache_dir(data) / "oxigraph"
    code = ("import time, pyoxigraph as ox; t=time.perf_counter(); s=ox.Store.read_only(%r); "
            "bool(s.query('ASK { ?s ?p ?o }')); print(time.perf_counter()-t)" % str(store_path))
    wall, peak, out = timed([sys.executable, "-c", code], env)
    add("reopen store (in process)", float(out), peak)
    p = probes(store_path)
    for step, args in (("lookup by figure (cold)", [str(p["figure"])]), ("lookup by speaker (cold)", ["--speaker", p["speaker"]]),
                       ("lookup by place (cold)", ["--place", p["place"]])):
        wall, peak = median_of([CLI, "lookup", *args, "--data", str(data), "--limit", "20"], env)
        add(step, wall, peak)
    code = ("import time, statistics; from claimgraph.store import open_store; from claimgraph.lookup import find; "
            "s=open_store(%r); ts=[]\n"
            "for _ in range(20):\n t=time.perf_counter(); find(s, %r, limit=20); ts.append(time.perf_counter()-t)\n"
            "print(statistics.median(ts))" % (str(data), str(p["figure"])))
    wall, peak = median_of([CLI, "lookup", p["phrase"], "--data", str(data), "--limit", "20"], env, runs=3)
    add("lookup by phrase (cold, a scan)", wall, peak)
    wall, peak, out = timed([sys.executable, "-c", code], env)
    add("lookup by figure (warm)", float(out), peak)
    wall, peak, _ = timed([CLI, "query", "--name", "figures_about_country", "--bind", "code=GE", "--data", str(data),
                           "--format", "csv"], env)
    add("named query figures_about_country", wall, peak)

    sheet_dir = OUT / f"sheet-{size}"
    subprocess.run([sys.executable, str(BENCH / "generate.py"), "--sheet", "1000", "--into", str(data), "--out", str(sheet_dir)],
                   check=True, capture_output=True)
    code = ("import time, claimgraph.validate as v, claimgraph.importer as imp\n"
            "spent=[]\norig=v.validate_graph\n"
            "def timed_validate(*a, **k):\n t=time.perf_counter(); r=orig(*a, **k); spent.append(time.perf_counter()-t); return r\n"
            "v.validate_graph=timed_validate\nt=time.perf_counter(); r=imp.import_sheet(%r, %r)\n"
            "print(sum(spent), time.perf_counter()-t, r.added)" % (str(sheet_dir / "new-source-1000.csv"), str(data)))
    wall, peak, out = timed([sys.executable, "-c", code], env)
    validation, total, added = out.split()
    add("validate 1,000-claim import", float(validation), peak)
    add("import 1,000 claims (all of it)", float(total), peak)

    try:
        wall, peak, _ = timed([CLI, "check", "--data", str(data)], env, timeout=900)
        add("check", wall, peak)
    except subprocess.TimeoutExpired:
        rows.append({"size": size, "step": "check", "wall": float("inf"), "peak": 0, "peer": None, "peer_name": ""})
        print(f"  {size:>5} check: over 900 s, stopped")
    wall, peak, _ = timed([CLI, "viz", "--data", str(data), "--focus", p["speaker"], "-o", str(OUT / f"focus-{size}.html")], env)
    add("viz --focus", wall, peak)

    if peers and (size != "1m" or peers == "all"):
        code = ("import time, rdflib, pathlib; t=time.perf_counter(); g=rdflib.Graph()\n"
                "for f in sorted(pathlib.Path(%r).glob('*.nt')): g.parse(f, format='nt')\n"
                "p=time.perf_counter()-t; t=time.perf_counter()\n"
                "n=len(list(g.query('SELECT ?c WHERE { ?c <http://www.w3.org/ns/prov#wasAttributedTo> ?a . ?a <https://schema.org/name> ?n FILTER(?n = %s) }')))\n"
                "print(p, time.perf_counter()-t)" % (str(data), json.dumps(p["speaker"])))
        wall, peak, out = timed([sys.executable, "-c", code], env, timeout=3600)
        parse, query = map(float, out.split())
        load_row = next(r for r in rows if r["size"] == size and r["step"] == "load")
        add("peer: rdflib parse (in memory)", parse, peak, load_row["wall"], "claimgraph load")
        warm = next(r for r in rows if r["size"] == size and r["step"] == "lookup by speaker (cold)")
        add("peer: rdflib query by speaker", query, peak, warm["wall"], "claimgraph lookup --speaker (cold)")
    if peers and size == "10k":
        wall, peak, _ = timed([CLI, "validate", "--data", str(data)], env)
        add("validate whole graph", wall, peak)
        code = ("import time, pyshacl, rdflib; from claimgraph.data import load_graph; from claimgraph.validate import shapes_graph\n"
                "g=load_graph(%r); t=time.perf_counter(); pyshacl.validate(g, shacl_graph=shapes_graph(), inference='none')\n"
                "print(time.perf_counter()-t)" % str(data))
        wall, peak, out = timed([sys.executable, "-c", code], env, timeout=3600)
        own = next(r for r in rows if r["size"] == size and r["step"] == "validate whole graph")
        add("peer: pySHACL alone, whole graph", float(out), peak, own["wall"], "claimgraph validate")


def report(rows):
    print("\n| size | step | wall | peak MB | peer | target |")
    print("|---|---|---|---|---|---|")
    for r in rows:
        if r["step"] == "load peak":
            continue
        target = TARGETS.get((r["size"], r["step"]))
        verdict = ""
        if target:
            verdict = f"{target[2]}: {'met' if r['wall'] <= target[0] else 'NOT met'}"
        if (r["size"], r["step"]) == ("1m", "load"):
            peak_target = TARGETS[("1m", "load peak")]
            verdict += f"; {peak_target[2]}: {'met' if r['peak'] <= peak_target[0] else 'NOT met'}"
        peer = f"{r['peer_name']} {r['peer']:.3f} s ({r['wall'] / r['peer']:.1f}x)" if r["peer"] else ""
        wall = "over 900 s" if r["wall"] == float("inf") else f"{r['wall']:.3f} s"
        print(f"| {r['size']} | {r['step']} | {wall} | {r['peak']:.0f} | {peer} | {verdict} |")
    lookups = [r for r in rows if r["step"] == "lookup by figure (cold)"]
    if len(lookups) > 1:
        print("\nmemory of a cold lookup by corpus size: " + ", ".join(f"{r['size']} {r['peak']:.0f} MB" for r in lookups))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", default=["10k", "100k"], choices=list(SIZES))
    parser.add_argument("--peers", action="store_const", const=True, default=False,
                        help="Also run the peers: rdflib in memory (not at 1M), pySHACL on the whole 10k graph.")
    parser.add_argument("--all-peers", dest="peers", action="store_const", const="all",
                        help="Peers at every size, rdflib at 1M included (~7 min, ~18 GB).")
    args = parser.parse_args()
    rows = []
    for size in args.sizes:
        run_size(size, args.peers, rows)
    report(rows)


if __name__ == "__main__":
    main()
