"""claimgraph at 10k, 100k and 1M claims: each step of issue 15's table beside its peer or floor
measured in the same run, medians and spread of repeated runs, and the targets met or not.

    python bench/scale.py                     # 10k and 100k
    python bench/scale.py --sizes 10k 100k 1m # and a million (~5.5 GB of N-Triples, tens of minutes)

Corpora are generated under bench/out/ (bench/generate.py) on first use. Every step runs as a new
process under /usr/bin/time (wall time, peak resident memory), with this checkout's src/ first on
PYTHONPATH, so the ``claimgraph`` script runs this code. Python keeps the bytecode it compiles
(PYTHONDONTWRITEBYTECODE is dropped), as an installed package has it; each look-up runs once
before it is timed, and look-ups and their floors are timed interleaved, so load on the machine
hits them alike.

Steps and their peers:
- ``claimgraph load`` (store, texts, compaction and the sidecar index) beside ``oxigraph load``
  (the CLI of the same Oxigraph, files in parallel, no compaction) on the same N-Triples;
- cold look-ups by figure, speaker and place beside ``claimgraph --version`` (a cold start that
  does nothing), by a word and by a phrase beside the cold look-up by figure;
- importing a sheet of 1,000 claims (validation and checks included), then of 10,000 (beside 12x
  the 1,000);
- ``check`` of the whole graph;
- ``lookup 650000`` on the shipped data beside ``python -c "import rdflib"``.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
SRC = BENCH.parent / "src"
OUT = BENCH / "out"
SIZES = {"10k": 10_000, "100k": 100_000, "1m": 1_000_000}
BIN = Path(sys.executable).parent
ENV = {**{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
       "PYTHONPATH": os.pathsep.join([str(SRC), *filter(None, [os.environ.get("PYTHONPATH")])]),
       "CLAIMGRAPH_CACHE": str(OUT / "cache")}
CLI = [str(BIN / "claimgraph")]


def timed(command, timeout=7200, tree=False) -> dict:
    """wall s, peak MB, stdout and stderr of ``command`` run under /usr/bin/time (its largest
    process's peak); with ``tree``, the peak of the sum over it and every process it starts,
    sampled every 0.2 s (``claimgraph load`` reads the index in a process of its own)."""
    started = time.perf_counter()
    proc = subprocess.Popen(["/usr/bin/time", "-f", "%M", *command], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=ENV)
    summed = 0.0
    if tree:
        while proc.poll() is None:
            summed = max(summed, _tree_rss(proc.pid))
            time.sleep(0.2)
    out, err = proc.communicate(timeout=timeout)
    wall = time.perf_counter() - started
    *lines, peak = err.strip().splitlines() or ["0"]
    if proc.returncode not in (0, 1) or "Traceback" in err:
        raise RuntimeError(f"{' '.join(command)} failed ({proc.returncode}): {err.strip()[-600:]}")
    return {"wall": wall, "peak": max(int(peak) / 1024, summed), "out": out, "err": "\n".join(lines)}


def _tree_rss(pid: int) -> float:
    """MB resident in ``pid`` and its descendants (Linux /proc)."""
    parents, rss = {}, {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        parents[int(entry)], rss[int(entry)] = int(stat[1]), int(stat[21]) * os.sysconf("SC_PAGE_SIZE")
    total, frontier = 0, [pid]
    while frontier:
        p = frontier.pop()
        total += rss.get(p, 0)
        frontier += [c for c, parent in parents.items() if parent == p]
    return total / 2**20


def interleaved(commands: dict, runs: int) -> dict:
    """name -> list of runs of each command, run in turn (after one run of each, not counted)."""
    for command in commands.values():
        timed(command)
    results = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            results[name].append(timed(command))
    return results


def summary(runs: list[dict]) -> dict:
    walls = [r["wall"] for r in runs]
    return {"wall": statistics.median(walls), "min": min(walls), "max": max(walls), "n": len(walls),
            "peak": max(r["peak"] for r in runs)}


def corpus(size: str) -> Path:
    folder = OUT / size
    if not (folder / "world.json").exists():
        print(f"generating {size} …", flush=True)
        subprocess.run([sys.executable, str(BENCH / "generate.py"), "--claims", str(SIZES[size]), "--out", str(folder)],
                       check=True, env=ENV)
    return folder


def probes(data: Path) -> dict:
    """A figure value, a speaker, a place, and a word and a phrase of a quotation the corpus has
    (the generator's quotations are made of a few common words: a word matches tens of thousands
    of claims at 1M, a phrase of two thousands)."""
    import pyoxigraph as ox

    sys.path.insert(0, str(BENCH))
    from generate import WORDS

    lines = next(p for p in sorted(data.glob("sources-*.nt"))).read_text(encoding="utf-8").splitlines()
    triples = list(ox.parse("\n".join(lines[:5000]).encode(), format=ox.RdfFormat.N_TRIPLES))
    quote = next(t.object.value.split() for t in triples if t.predicate.value.endswith("#exact")
                 and all(w.lower() in WORDS for w in t.object.value.split()[:3]))
    figure = next(t.object.value for t in triples if t.predicate.value.endswith("22-rdf-syntax-ns#object")
                  and t.object.datatype is not None and t.object.datatype.value.endswith("integer"))
    entities = (data / "entities.nt").read_text(encoding="utf-8")
    speaker = next(ox.parse(next(line for line in entities.splitlines() if "schema.org/name" in line and "person/"
                                 in line).encode(), format=ox.RdfFormat.N_TRIPLES)).object.value
    return {"figure": figure, "speaker": speaker, "place": "GE", "word": quote[1].lower(),
            "phrase": " ".join(quote[1:3]).lower()}


def run_size(size: str, rows: list, repeat: int, runs: int, skip_10k_import: bool):
    data = corpus(size)
    for extra in data.glob("new-source-*"):
        extra.unlink()
    nt = sorted(str(p) for p in data.glob("*.nt"))

    def add(step, result, peer=None, peer_name="", target=None):
        row = {"size": size, "step": step, **result, "peer": peer, "peer_name": peer_name, "target": target}
        rows.append(row)
        line = f"  {size:>5} {step:40} {fmt(result)}"
        if peer:
            line += f"   {peer_name}: {fmt(peer)} ({result['wall'] / peer['wall']:.2f}x)"
        print(line, flush=True)

    print(f"{size}: {data}", flush=True)
    loads, floors = [], []
    for i in range(repeat):  # alternated, so neither always reads the files first
        order = ("ours", "floor") if i % 2 == 0 else ("floor", "ours")
        for which in order:
            if which == "ours":
                loads.append(timed([*CLI, "load", "--data", str(data)], tree=True))
            else:
                target = OUT / f"oxigraph-load-{size}"
                shutil.rmtree(target, ignore_errors=True)
                floors.append(timed([str(BIN / "oxigraph"), "load", "--lenient", "--location", str(target), "--file",
                                     *nt]))
                shutil.rmtree(target, ignore_errors=True)
    add("load", summary(loads), summary(floors), "oxigraph load", ("ratio", 1.2, "peak", 3072))

    p = probes(data)
    lookups = {
        "floor": [*CLI, "--version"],
        "figure": [*CLI, "lookup", p["figure"], "--data", str(data), "--limit", "20"],
        "speaker": [*CLI, "lookup", "--speaker", p["speaker"], "--data", str(data), "--limit", "20"],
        "place": [*CLI, "lookup", "--place", p["place"], "--data", str(data), "--limit", "20"],
        "word": [*CLI, "lookup", p["word"], "--data", str(data), "--limit", "20"],
        "phrase": [*CLI, "lookup", p["phrase"], "--data", str(data), "--limit", "20"],
    }
    cold = {k: summary(v) for k, v in interleaved(lookups, runs).items()}
    for kind in ("figure", "speaker", "place"):
        add(f"lookup by {kind} (cold)", cold[kind], cold["floor"], "claimgraph --version", ("abs", 0.150))
    for kind in ("word", "phrase"):
        add(f"lookup by a {kind} (cold): {p[kind]!r}", cold[kind], cold["figure"], "lookup by figure (cold)",
            ("abs+ratio", 0.200, 2.0))

    for n in (1000, 10000):
        if n == 10000 and skip_10k_import:
            continue
        sheet_dir = OUT / f"sheet-{size}"
        subprocess.run([sys.executable, str(BENCH / "generate.py"), "--sheet", str(n), "--into", str(data), "--out",
                        str(sheet_dir)], check=True, capture_output=True, env=ENV)
        result = timed([sys.executable, "-c", _IMPORT % (str(sheet_dir / f"new-source-{n}.csv"), str(data))])
        phases = json.loads(result["out"])
        step = f"import {n:,} claims ({phases['added']:,} new), validation and checks"
        if n == 1000:
            add(step, result, target=("abs", 6.0))
            one_k = result
        else:
            add(step, result, one_k, "the 1,000-claim import", ("ratio", 12.0))
        print(f"        phases: " + ", ".join(f"{k} {v:.2f} s" for k, v in phases.items() if k != "added"), flush=True)

    checks = [timed([*CLI, "check", "--data", str(data)]) for _ in range(max(1, repeat - 1))]
    add("check (whole graph)", summary(checks), target=("abs", 60.0, "peak", 2048))


#: One import in a process, with the time of its phases (as import_sheet runs them).
_IMPORT = """
import json, time
import claimgraph.importer as imp, claimgraph.validate as v, claimgraph.checks as c, claimgraph.store.persistent as p
spent = {}
def timing(name, f):
    def run(*a, **k):
        t = time.perf_counter(); r = f(*a, **k); spent[name] = spent.get(name, 0) + time.perf_counter() - t; return r
    return run
v.validate_store = timing("validation", v.validate_store)
c.run_checks = timing("checks", c.run_checks)
imp.update_persistent = timing("store and index update", imp.update_persistent)
imp.build_sheet = timing("reading the sheet", imp.build_sheet)
t = time.perf_counter()
r = imp.import_sheet(%r, %r)
spent["all"] = time.perf_counter() - t
spent["added"] = r.added
print(json.dumps(spent))
"""


def seed_lookup(rows: list, runs: int):
    """Cold ``lookup 650000`` on the shipped data (read into memory: no store is built for it)."""
    global ENV
    cache = OUT / "seed-cache"
    shutil.rmtree(cache, ignore_errors=True)
    saved, ENV = ENV, dict(ENV, CLAIMGRAPH_CACHE=str(cache))
    commands = {"floor": [sys.executable, "-c", "import rdflib"], "lookup": [*CLI, "lookup", "650000"]}
    try:
        result = {k: summary(v) for k, v in interleaved(commands, runs).items()}
    finally:
        ENV = saved
    rows.append({"size": "seed", "step": "lookup 650000 (cold)", **result["lookup"], "peer": result["floor"],
                 "peer_name": "python -c 'import rdflib'", "target": ("ratio", 0.75)})
    print(f"   seed lookup 650000 (cold) {fmt(result['lookup'])}   import rdflib: {fmt(result['floor'])} "
          f"({result['lookup']['wall'] / result['floor']['wall']:.2f}x)", flush=True)


def fmt(r: dict) -> str:
    spread = f" [{r['min']:.3f}-{r['max']:.3f}, n={r['n']}]" if r.get("n", 1) > 1 else ""
    return f"{r['wall']:.3f} s{spread}, {r['peak']:.0f} MB"


def verdict(r: dict) -> str:
    target = r["target"]
    if not target:
        return ""
    kind = target[0]
    ok, text = True, []
    if kind in ("abs", "abs+ratio"):
        ok &= r["wall"] <= target[1]
        text.append(f"<= {target[1] * 1000:.0f} ms" if target[1] < 1 else f"<= {target[1]:.0f} s")
    if kind == "abs+ratio":
        ok &= r["wall"] <= target[2] * r["peer"]["wall"]
        text.append(f"<= {target[2]:g}x peer")
    if kind == "ratio":
        ok &= r["wall"] <= target[1] * r["peer"]["wall"]
        text.append(f"<= {target[1]:g}x peer")
    if "peak" in target:
        limit = target[target.index("peak") + 1]
        ok &= r["peak"] <= limit
        text.append(f"<= {limit / 1024:.0f} GB")
    return f"{', '.join(text)}: {'met' if ok else 'NOT met'}"


def report(rows: list):
    print("\n| size | step | wall (median [min-max], n) and peak | peer or floor, same run | target |")
    print("|---|---|---|---|---|")
    for r in rows:
        peer = f"{r['peer_name']} {fmt(r['peer'])} → {r['wall'] / r['peer']['wall']:.2f}x" if r["peer"] else ""
        print(f"| {r['size']} | {r['step']} | {fmt(r)} | {peer} | {verdict(r) if r['size'] in ('1m', 'seed') else ''} |")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", default=["10k", "100k"], choices=list(SIZES))
    parser.add_argument("--repeat", type=int, default=2, help="Runs of each load and check (default 2).")
    parser.add_argument("--runs", type=int, default=7, help="Timed runs of each cold look-up (default 7).")
    parser.add_argument("--no-10k-import", action="store_true", help="Skip the 10,000-claim import.")
    args = parser.parse_args()
    rows = []
    for size in args.sizes:
        run_size(size, rows, args.repeat, args.runs, args.no_10k_import)
    seed_lookup(rows, max(args.runs, 15))
    report(rows)


if __name__ == "__main__":
    main()
