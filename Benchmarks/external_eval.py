#!/usr/bin/env python3
"""Measures painchat on text written by people outside the project (../shared/external).

Reports, from `painchat classify --json` over every phrase and question:
  - medical_speech: location recall on phrases written under a body-part prompt that
    name that body part, and the false-alarm rate of danger signs on prompts that are
    not emergencies, with every miss and false alarm listed (--show);
  - medical_speech and MedQuAD: the intent distribution (real consumer questions
    should land on ask_* intents, skin and cough complaints on out_of_scope).

Usage: python3 Benchmarks/external_eval.py [--painchat PATH] [--external DIR] [--show]
"""
import argparse
import collections
import csv
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# prompt -> (location values that count as a hit, words that show the phrase names that part).
# The word lists are this script's own, independent of painchat's lexicons.
BODY_PROMPTS = {
    "Shoulder pain": ({"shoulder"}, r"shoulder"),
    "Knee pain": ({"knee"}, r"knee"),
    "Back pain": ({"back", "low_back", "upper_back"}, r"\bback\b|spine|lumbar"),
    "Neck pain": ({"neck"}, r"\bneck"),
    "Foot ache": ({"foot", "ankle"}, r"\bfoot\b|\bfeet\b|heel|\btoes?\b|\bsole|\barch"),
    "Head ache": ({"head"}, r"\bhead|temple|forehead|migraine"),
}
# Prompts whose phrases may describe real emergencies; the rest should raise no alarm.
POSSIBLY_URGENT = {"Heart hurts", "Hard to breath", "Emotional pain", "Infected wound", "Open wound", "Injury from sports"}


def classify(binary, lines):
    """One JSON object per input line, in order."""
    text = "\n".join(line.replace("\n", " ") for line in lines) + "\n"
    out = subprocess.run([binary, "classify", "--json"], input=text, capture_output=True, text=True, check=True, cwd=ROOT)
    results = [json.loads(l) for l in out.stdout.splitlines() if l.strip()]
    if len(results) != len(lines):
        sys.exit(f"painchat classify returned {len(results)} results for {len(lines)} lines")
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--painchat", default=os.path.join(ROOT, ".build/release/painchat"))
    parser.add_argument("--external", default=os.path.join(ROOT, "..", "shared", "external"))
    parser.add_argument("--show", action="store_true", help="list every miss and false alarm")
    args = parser.parse_args()
    if not os.path.exists(args.painchat):
        alt = os.path.join(ROOT, ".build/debug/painchat")
        if not os.path.exists(alt):
            sys.exit(f"{args.painchat}: not found; build painchat first (make release) or pass --painchat PATH")
        args.painchat = alt
    speech = os.path.join(args.external, "medical_speech", "utterances.tsv")
    if not os.path.exists(speech):
        sys.exit(f"{speech}: not found; pass --external DIR pointing at shared/external")

    with open(speech, newline="") as f:
        rows = [(r["prompt"], r["phrase"]) for r in csv.DictReader(f, delimiter="\t")]
    results = classify(args.painchat, [p for _, p in rows])

    hits = total = 0
    misses = []
    alarms = []
    checked = 0
    intents_by_prompt = collections.defaultdict(collections.Counter)
    for (prompt, phrase), r in zip(rows, results):
        intents_by_prompt[prompt][r["intent"]] += 1
        if prompt in BODY_PROMPTS:
            wanted, pattern = BODY_PROMPTS[prompt]
            if re.search(pattern, phrase, re.I):
                total += 1
                if wanted & set(r["slots"]["location"]):
                    hits += 1
                else:
                    misses.append((prompt, phrase, r["slots"]["location"]))
        if prompt not in POSSIBLY_URGENT:
            checked += 1
            if r["urgent"]:
                alarms.append((prompt, phrase, r["urgent"]["category"]))

    print(f"medical_speech: {len(rows)} phrases, {len(intents_by_prompt)} prompts")
    print(f"  location recall on body-part phrases: {hits}/{total} = {hits / max(1, total):.3f}")
    print(f"  danger-sign false alarms on non-emergency prompts: {len(alarms)}/{checked} = {len(alarms) / max(1, checked):.3%}")
    if args.show:
        for prompt, phrase, got in misses:
            print(f"    MISS [{prompt}] {phrase!r} -> {got}")
        for prompt, phrase, category in alarms:
            print(f"    ALARM [{prompt}] {phrase!r} -> {category}")

    print("  intents by prompt (top 3):")
    for prompt in sorted(intents_by_prompt):
        top = ", ".join(f"{i} {n}" for i, n in intents_by_prompt[prompt].most_common(3))
        print(f"    {prompt:<22} {top}")

    medquad = []
    for name in ("qa.tsv", "questions_only.tsv"):
        path = os.path.join(args.external, "medquad_msk", name)
        if os.path.exists(path):
            with open(path, newline="") as f:
                medquad += [(r["qtype"], r["question"]) for r in csv.DictReader(f, delimiter="\t")]
    if medquad:
        qresults = classify(args.painchat, [q for _, q in medquad])
        counts = collections.Counter(r["intent"] for r in qresults)
        fallback = sum(1 for r in qresults if r.get("fallback"))
        asks = sum(n for i, n in counts.items() if i.startswith("ask_"))
        print(f"MedQuAD questions: {len(medquad)}; on ask_* intents {asks / len(medquad):.3f}; fallback {fallback / len(medquad):.3f}")
        print("  " + ", ".join(f"{i} {n}" for i, n in counts.most_common()))


if __name__ == "__main__":
    main()
