"""What telling a stale store costs per command: claimgraph's stat fingerprint (name, size,
mtime, ctime, inode of each file) against hashing every file's content.

Run by hand:  python bench/fingerprint.py bench/out/100k
(make the corpus first: python bench/generate.py --claims 100000 --out bench/out/100k).
Each is timed warm (the page cache filled by a first run), best of 3.
"""
import argparse
import hashlib
import time
from pathlib import Path

from claimgraph.store.persistent import fingerprint


def content_hash(folder: Path, algorithm: str) -> str:
    h = hashlib.new(algorithm)
    for path in sorted(folder.iterdir()):
        if path.is_file():
            with path.open("rb") as handle:
                while chunk := handle.read(1 << 20):
                    h.update(chunk)
    return h.hexdigest()


def best(work, runs: int = 3) -> float:
    work()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    folder = parser.parse_args().folder
    files = [p for p in folder.iterdir() if p.is_file()]
    print(f"{folder}: {len(files)} files, {sum(p.stat().st_size for p in files) / 1e6:.0f} MB")
    for name, work in (("stat fingerprint", lambda: fingerprint(folder)),
                       ("content sha256", lambda: content_hash(folder, "sha256")),
                       ("content blake2b", lambda: content_hash(folder, "blake2b"))):
        print(f"{name:18} {best(work) * 1000:9.1f} ms")


if __name__ == "__main__":
    main()
