"""Cold `claimgraph lookup 650000` on the shipped data against the floor `python -c "import rdflib"`.

Run by hand:  python bench/lookup_cold.py [--runs 15]
Prints the median and best wall time of each, their ratio, and whether the target (lookup at most
1.5x the floor) is met. Each run is a new process, so every import is paid again; Python may
keep the bytecode it compiles (PYTHONDONTWRITEBYTECODE is dropped), as an installed package has it.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path


ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def wall(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
    return time.perf_counter() - started


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    cli = shutil.which("claimgraph") or str(Path(sys.executable).with_name("claimgraph"))
    commands = {
        "floor: python -c 'import rdflib'": [sys.executable, "-c", "import rdflib"],
        "claimgraph lookup 650000": [cli, "lookup", "650000"],
        "claimgraph lookup Putin --cite apa": [cli, "lookup", "Putin", "--cite", "apa"],
    }
    for command in commands.values():  # warm the OS file cache and the bytecode cache once
        wall(command)
    times = {name: [] for name in commands}
    for _ in range(args.runs):  # interleaved, so load on the machine hits all alike
        for name, command in commands.items():
            times[name].append(wall(command))
    floor = statistics.median(times["floor: python -c 'import rdflib'"])
    print(f"{'command':40} {'median s':>9} {'best s':>8} {'x floor':>8}")
    for name, values in times.items():
        median = statistics.median(values)
        print(f"{name:40} {median:9.3f} {min(values):8.3f} {median / floor:8.2f}")
    ratio = statistics.median(times["claimgraph lookup 650000"]) / floor
    print(f"target: cold lookup <= 1.5 x floor: {'met' if ratio <= 1.5 else 'NOT met'} ({ratio:.2f} x)")


if __name__ == "__main__":
    main()
