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


# MedQuAD topic_group -> how to tell that a note is on that topic: a set of regions the
# note must cover, a set of note ids, or a kind of note. pain_general matches anything and
# is left out of the figure.
TOPIC_RULES = {
    "back": {"regions": {"back", "low_back", "upper_back"}},
    "neck": {"regions": {"neck"}},
    "shoulder": {"regions": {"shoulder"}},
    "hip": {"regions": {"hip", "buttock", "groin"}},
    "knee": {"regions": {"knee"}},
    "foot": {"regions": {"foot", "ankle"}},
    "leg": {"regions": {"leg", "calf", "thigh", "shin", "knee"}},
    "arm": {"regions": {"arm", "elbow", "forearm", "wrist", "hand"}},
    "head": {"regions": {"head", "jaw"}},
    "sciatica": {"ids": {"sciatica", "piriformis-syndrome", "piriformis", "disc-herniation", "gluteus-minimus", "spinal-stenosis"}},
    "piriformis": {"ids": {"piriformis", "piriformis-syndrome", "sciatica"}},
    "nerve_entrapment": {"ids": {"sciatica", "scalenes", "forearm-extensors", "disc-herniation", "spinal-stenosis", "piriformis-syndrome",
                                 "wrist-and-thumb-pain"}},
    # Notes explaining muscles, the notes on conditions of the muscle itself, and the sprain
    # note (MedQuAD files sprains and strains under muscles).
    "muscle": {"kinds": {"explanation"}, "ids": {"muscle-cramps", "delayed-onset-muscle-soreness", "ankle-sprain"}},
    "tendon_bursa": {"ids": {"greater-trochanteric-pain-syndrome", "frozen-shoulder-and-rotator-cuff", "forearm-extensors",
                              "deltoid-and-biceps", "knee-pain-common-causes", "calf-gastrocnemius-soleus", "infraspinatus"}},
    "joint": {"kinds": {"condition"}},
    "inflammatory": {"kinds": {"condition", "safety"}},
    "self_care": {"kinds": {"self-care"}},
    "activity": {"kinds": {"self-care"}},
}


def read_notes(corpus_dir):
    """note id -> (kind, regions) from each note's front matter."""
    notes = {}
    for name in sorted(os.listdir(corpus_dir)):
        if not name.endswith(".md"):
            continue
        text = open(os.path.join(corpus_dir, name), encoding="utf-8").read()
        front = text.split("---")[1] if text.startswith("---") else ""
        kind = re.search(r"^kind:\s*(\S+)", front, re.M)
        regions = re.search(r"^regions:\s*\[([^\]]*)\]", front, re.M)
        notes[name[:-3]] = (kind.group(1) if kind else "", {r.strip() for r in regions.group(1).split(",")} if regions else set())
    return notes


def on_topic(group, note_id, notes):
    rule = TOPIC_RULES.get(group)
    if rule is None or note_id not in notes:
        return None
    kind, regions = notes[note_id]
    if "regions" in rule:
        return bool(rule["regions"] & regions)
    return note_id in rule.get("ids", set()) or kind in rule.get("kinds", set())


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
        # Top passage per question, from the same search an answer uses.
        groups = []
        for name in ("qa.tsv", "questions_only.tsv"):
            path = os.path.join(args.external, "medquad_msk", name)
            if os.path.exists(path):
                with open(path, newline="") as f:
                    groups += [r["topic_group"] for r in csv.DictReader(f, delimiter="\t")]
        text = "\n".join(q for _, q in medquad) + "\n"
        out = subprocess.run([args.painchat, "search", "--json", "-k", "1"], input=text, capture_output=True, text=True,
                             check=True, cwd=ROOT)
        tops = [json.loads(l) for l in out.stdout.splitlines() if l.strip()]
        notes = read_notes(os.path.join(ROOT, "Corpus"))
        judged = [on_topic(g, t[0]["passage"].split("#")[0] if t else "", notes) for g, t in zip(groups, tops)]
        scored = [j for j in judged if j is not None]
        print(f"MedQuAD top passage on the question's topic: {sum(scored)}/{len(scored)} = {sum(scored) / max(1, len(scored)):.3f}"
              f" (pain_general and unmapped groups left out)")
        if args.show:
            for (qtype, q), g, t, j in zip(medquad, groups, tops, judged):
                if j is False:
                    print(f"    OFF-TOPIC [{g}] {q!r} -> {t[0]['passage'] if t else None}")
        qresults = classify(args.painchat, [q for _, q in medquad])
        counts = collections.Counter(r["intent"] for r in qresults)
        fallback = sum(1 for r in qresults if r.get("fallback"))
        asks = sum(n for i, n in counts.items() if i.startswith("ask_"))
        print(f"MedQuAD questions: {len(medquad)}; on ask_* intents {asks / len(medquad):.3f}; fallback {fallback / len(medquad):.3f}")
        print("  " + ", ".join(f"{i} {n}" for i, n in counts.most_common()))


if __name__ == "__main__":
    main()
