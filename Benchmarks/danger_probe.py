#!/usr/bin/env python3
"""Scores the danger-sign rules alone on a labelled set of sentences (`category<TAB>text`,
category `none` for a sentence that must not raise an alarm), one conversation turn each.
`painchat eval --danger FILE` gives the fuller report: rules, the safety net's check
questions and the screening question, per category.

    python3 Benchmarks/danger_probe.py [FILE] [--show]

Prints, per category, how many sentences were caught (any urgent reply) and how many got
the labelled category; then the false alarms among the `none` sentences. --show lists the
misses and false alarms. Uses ./.build/release/painchat (build it first)."""
import json
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BINARY = ROOT / ".build" / "release" / "painchat"


def read_set(path):
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#") or line.startswith("category\t"):
            continue
        if "\t" not in line:
            sys.exit(f"{path}:{number}: expected 'category<TAB>text'")
        category, text = line.split("\t", 1)
        rows.append((category.strip(), text.strip()))
    return rows


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    show = "--show" in sys.argv
    path = Path(args[0]) if args else ROOT / "Tests" / "HeldOut" / "danger-signs.tsv"
    if not BINARY.exists():
        sys.exit(f"{BINARY} is missing: run 'swift build -c release --product painchat' first")
    rows = read_set(path)
    result = subprocess.run([str(BINARY), "classify", "--json"], input="\n".join(t for _, t in rows) + "\n",
                            capture_output=True, text=True, check=True)
    replies = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(replies) == len(rows), "one reply per sentence"
    caught, exact, total = Counter(), Counter(), Counter()
    misses, alarms = [], []
    for (category, text), reply in zip(rows, replies):
        urgent = reply["urgent"]
        total[category] += 1
        if category == "none":
            if urgent:
                alarms.append((urgent["category"], text))
            continue
        if urgent:
            caught[category] += 1
            exact[category] += urgent["category"] == category
        else:
            misses.append((category, text))
    print(f"{path.name}: {len(rows)} sentences")
    for category in sorted(c for c in total if c != "none"):
        print(f"  {category:16} caught {caught[category]:3}/{total[category]:<3}  as {category} {exact[category]}")
    danger = sum(v for c, v in total.items() if c != "none")
    print(f"  all signs        caught {sum(caught.values())}/{danger}  with the labelled category {sum(exact.values())}")
    print(f"  false alarms     {len(alarms)}/{total['none']}")
    if show:
        for category, text in misses:
            print(f"  missed {category}: {text}")
        for category, text in alarms:
            print(f"  false alarm {category}: {text}")


if __name__ == "__main__":
    main()
