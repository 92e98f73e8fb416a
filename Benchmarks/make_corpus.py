#!/usr/bin/env python3
"""Turn the MTSamples medical transcriptions into a painchat `--corpus` folder for benchmarks.

    python3 Benchmarks/make_corpus.py --passages 1000 --out Benchmarks/out/corpus-1k
    painchat search --corpus Benchmarks/out/corpus-1k "knee pain going downstairs"

Input: ../shared/external/mtsamples/mtsamples.csv (CC0; see the README.md beside it).
Output, in --out:
  mts-000001.md …   notes in the Corpus format of SPEC §6, about 10 passages each, exactly
                    --passages passages in all (the last note may be shorter);
  queries.txt       --queries search queries, one a line: short pain questions written for
                    this script mixed with phrases from the transcriptions' keywords column.
                    The queries do not depend on --passages, so 1k/10k/100k runs share them.

How passages are made: each transcription's line breaks (lost in the CSV, where they became
commas) and its ALL-CAPS section headings are recovered, the text is cut into sentences, and
the sentences are packed into passages of 40–150 words, preferring to break at a section
heading. Duplicate passages (MTSamples lists many transcriptions under two specialties) are
dropped. When the real text is too small for --passages, it is used again in rounds: round r
rotates each passage's sentences by r (or its words, when that would change nothing) and adds
"variant r" to the note titles, so no two passages in the output are identical.

Same arguments, same bytes: there is no randomness beyond a seeded generator and files are
written in a fixed order. Files this script did not write (other than old mts-*.md and
queries.txt) are left alone.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_CSV = HERE.parent.parent / "shared" / "external" / "mtsamples" / "mtsamples.csv"

MIN_WORDS, MAX_WORDS = 40, 150
# Stop adding sentences to a passage once it has this many words: keeps passages
# paragraph-sized (typically 60–120 words) instead of always running up to the maximum.
TARGET_WORDS = 100
# Longer "sentences" (run-on lists, tables flattened into one line) are cut into word chunks
# of at most this size, so one sentence plus a short passage can never pass MAX_WORDS.
MAX_SENTENCE_WORDS = 110
PASSAGES_PER_NOTE = 10

# --------------------------------------------------------------------------- text clean-up

# In the CSV every line break became a comma. Such a comma follows sentence or heading
# punctuation (".,", ":,") or another comma (", ," for an empty line), or comes right before
# an ALL-CAPS heading ("INJECTION,PROCEDURE:"). Ordinary commas inside sentences are followed
# by lower-case text or numbers and are left alone.
LINE_BREAK = re.compile(
    r"(?<=[.:;?!])\s*,"                              # "word.," / "HEADING:,"
    r"|,\s*(?=,)"                                    # ", ," = an empty line
    r"|,\s*(?=[A-Z][A-Z0-9 /&()'\-]{2,}:)"            # ",HEADING:"
)
# A line that opens with an ALL-CAPS heading and a colon; group 2 is any text after it.
HEADING_LINE = re.compile(r"^([A-Z][A-Z0-9 ,/&()'\-]*[A-Z)])\s*:\s*(.*)$")
# Sentence ends: ., ! or ? then space then something that can start a sentence.
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])")
# Pieces after which a split was wrong: list numbers ("1.") and common abbreviations.
FALSE_END = re.compile(r"(?:^\d{1,2}[.)]|\b(?:Dr|Mr|Mrs|Ms|St|vs|No|Fig|approx|e\.g|i\.e|[A-Z])\.)$")
# C0/C1 control characters and other invisible format characters: never wanted in a note.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff]")
LETTER = re.compile(r"[A-Za-z]")


def clean(text: str) -> str:
    """One line of text: control characters gone, whitespace runs collapsed."""
    return " ".join(CONTROL.sub(" ", text).split())


def is_caps_title(line: str) -> bool:
    """A short line in capitals without a colon, e.g. 'CAUDAL EPIDURAL STEROID INJECTION'."""
    return (bool(LETTER.search(line)) and line == line.upper()
            and len(line.split()) <= 12 and not line.endswith("."))


def split_sentences(text: str) -> list[str]:
    pieces = [p.strip(" ,") for p in SENTENCE_END.split(text)]
    sentences: list[str] = []
    carry = ""
    for piece in pieces:
        if not piece:
            continue
        piece = f"{carry} {piece}" if carry else piece
        if FALSE_END.search(piece):
            carry = piece  # "1." or "Dr." belongs with what follows
        else:
            sentences.append(piece)
            carry = ""
    if carry:
        sentences.append(carry)
    return sentences


@dataclass
class Sentence:
    text: str
    words: int
    starts_section: bool


def transcription_sentences(raw: str) -> list[Sentence]:
    """Sentences of one transcription, each section's first one prefixed with its heading."""
    out: list[Sentence] = []
    heading_parts: list[str] = []  # headings waiting for their first sentence
    for line in LINE_BREAK.sub("\n", raw).split("\n"):
        line = clean(line).strip(" ,")
        if not LETTER.search(line) and not any(ch.isdigit() for ch in line):
            continue  # stray ":" or "," left by the CSV conversion
        rest = line
        match = HEADING_LINE.match(line)
        if match and match.group(1) == match.group(1).upper() and LETTER.search(match.group(1)):
            heading_parts.append(match.group(1).strip(" ,"))
            rest = match.group(2).strip(" ,")
        elif is_caps_title(line):
            heading_parts.append(line)
            rest = ""
        if not rest:
            continue
        for sentence in split_sentences(rest):
            starts = bool(heading_parts)
            if heading_parts:
                sentence = ": ".join(heading_parts) + ": " + sentence
                heading_parts = []
            words = sentence.split()
            # A run-on "sentence" is cut into chunks so packing can keep to MAX_WORDS.
            chunks = -(-len(words) // MAX_SENTENCE_WORDS)
            size = -(-len(words) // chunks) if chunks else 0
            for c in range(max(chunks, 1)):
                part = words[c * size:(c + 1) * size]
                if part:
                    out.append(Sentence(" ".join(part), len(part), starts and c == 0))
    return out


def pack(sentences: list[Sentence]) -> list[list[Sentence]]:
    """Group sentences into passages of MIN_WORDS..MAX_WORDS words, breaking at sections
    when the passage is already long enough. A transcription under MIN_WORDS gives none."""
    passages: list[list[Sentence]] = []
    current: list[Sentence] = []
    count = 0
    for s in sentences:
        if current and count >= MIN_WORDS and (s.starts_section or count + s.words > MAX_WORDS):
            passages.append(current)
            current, count = [], 0
        current.append(s)
        count += s.words
        if count >= TARGET_WORDS:
            passages.append(current)
            current, count = [], 0
    if current:
        if count >= MIN_WORDS:
            passages.append(current)
        elif passages:
            passages.extend(rebalance(passages.pop() + current))
    return passages


def rebalance(sentences: list[Sentence]) -> list[list[Sentence]]:
    """A short tail merged into the passage before it: one passage if it fits in
    MAX_WORDS, else two, cut where both are in range."""
    total = sum(s.words for s in sentences)
    if total <= MAX_WORDS:
        return [sentences]
    # total is at most MAX_WORDS + MIN_WORDS, so a cut near the middle leaves both halves
    # inside the range; prefer a sentence boundary, else cut the words themselves.
    best, best_gap, running = None, None, 0
    for i, s in enumerate(sentences[:-1]):
        running += s.words
        if MIN_WORDS <= running <= MAX_WORDS and MIN_WORDS <= total - running <= MAX_WORDS:
            gap = abs(total - 2 * running)
            if best_gap is None or gap < best_gap:
                best, best_gap = i + 1, gap
    if best is not None:
        return [sentences[:best], sentences[best:]]
    words = " ".join(s.text for s in sentences).split()
    half = len(words) // 2
    return [[Sentence(" ".join(words[:half]), half, True)],
            [Sentence(" ".join(words[half:]), len(words) - half, False)]]


# --------------------------------------------------------------------------- regions

LOCATIONS = ("head jaw neck shoulder upper_back back low_back chest abdomen arm elbow forearm wrist "
             "hand hip groin buttock thigh knee leg shin calf ankle foot").split()  # SPEC §3 order

# Words in a sample's name or description that point at a SPEC §3 location.
REGION_WORDS = {
    "head": "head headache headaches migraine brain cranial craniotomy skull scalp facial face",
    "jaw": "jaw tmj mandible mandibular temporomandibular",
    "neck": "neck cervical thyroid",
    "shoulder": "shoulder rotator acromioclavicular clavicle",
    "upper_back": "thoracic",
    "back": "back spine spinal",
    "low_back": "lumbar lumbosacral sacral sciatica",
    "chest": "chest cardiac heart coronary thoracotomy sternal pulmonary lung breast",
    "abdomen": "abdomen abdominal bowel colon gallbladder hernia appendectomy gastric stomach "
               "cholecystectomy colonoscopy",
    "arm": "arm humerus humeral biceps triceps",
    "elbow": "elbow epicondylitis olecranon",
    "forearm": "forearm radius ulna radial ulnar",
    "wrist": "wrist carpal",
    "hand": "hand finger fingers thumb",
    "hip": "hip hips acetabular trochanteric",
    "groin": "groin inguinal",
    "buttock": "buttock buttocks gluteal coccyx",
    "thigh": "thigh femur femoral",
    "knee": "knee knees patella patellar meniscus meniscal acl",
    "leg": "leg legs",
    "shin": "shin tibia tibial",
    "calf": "calf achilles",
    "ankle": "ankle ankles",
    "foot": "foot feet toe toes heel bunion plantar hallux metatarsal podiatry",
}
WORD_TO_REGION = {w: region for region, words in REGION_WORDS.items() for w in words.split()}
WORD = re.compile(r"[a-z]+")

# When the name and description say nothing, the specialty decides; anything else is `back`.
SPECIALTY_REGION = {
    "Cardiovascular / Pulmonary": "chest", "Gastroenterology": "abdomen", "Neurology": "head",
    "Neurosurgery": "back", "ENT - Otolaryngology": "head", "Ophthalmology": "head",
    "Dentistry": "jaw", "Podiatry": "foot", "Urology": "abdomen", "Obstetrics / Gynecology": "abdomen",
    "Nephrology": "abdomen", "Bariatrics": "abdomen", "Chiropractic": "back", "Pain Management": "low_back",
    "Physical Medicine - Rehab": "back", "Sleep Medicine": "head", "Psychiatry / Psychology": "head",
    "Speech - Language": "head", "Orthopedic": "back",
}


def guess_regions(row: dict) -> list[str]:
    words = WORD.findall(f"{row['sample_name']} {row['description']}".lower())
    found = {WORD_TO_REGION[w] for w in words if w in WORD_TO_REGION}
    if not found:
        found = {SPECIALTY_REGION.get(row["medical_specialty"], "back")}
    return [loc for loc in LOCATIONS if loc in found]


# --------------------------------------------------------------------------- passages and notes


@dataclass
class BasePassage:
    sentences: list[str]
    row_id: str
    sample_name: str
    regions: list[str]


def read_base_passages(csv_path: Path) -> list[BasePassage]:
    """All distinct passages of the real text, in CSV order."""
    seen: set[str] = set()
    out: list[BasePassage] = []
    with csv_path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            row_id = row[""]
            regions = guess_regions(row)
            name = clean(row["sample_name"]) or f"Transcription {row_id}"
            for group in pack(transcription_sentences(row["transcription"])):
                sentences = [s.text for s in group]
                key = " ".join(sentences).lower()
                if key in seen:
                    continue  # the same transcription filed under a second specialty
                seen.add(key)
                out.append(BasePassage(sentences, row_id, name, regions))
    return out


def variant_text(p: BasePassage, round_no: int, seen: set[str]) -> str:
    """The passage's text in round `round_no`, different from every text in `seen`.

    Round 0 is the real text. Later rounds rotate the sentences; when that gives a text
    already used (one sentence, or the rotation wrapped around) the words are rotated
    instead, stepping on until the text is new. Deterministic: depends only on the inputs.
    """
    n = len(p.sentences)
    text = " ".join(p.sentences[round_no % n:] + p.sentences[:round_no % n])
    if text.lower() not in seen:
        return text
    words = text.split()
    for step in range(1, len(words)):
        shift = (round_no * 7 + step) % len(words)
        candidate = " ".join(words[shift:] + words[:shift])
        if candidate.lower() not in seen:
            return candidate
    # Only reachable for absurd repetition counts; a visible suffix keeps texts distinct.
    k = 2
    while f"{text} (variant {round_no}.{k})".lower() in seen:
        k += 1
    return f"{text} (variant {round_no}.{k})"


def body_line(text: str) -> str:
    # painchat reads a line starting with "#" as a heading, not a passage.
    return "No. " + text.lstrip("#").lstrip() if text.startswith("#") else text


def yaml_str(value: str) -> str:
    # A JSON string is a valid YAML double-quoted scalar (the text is already free of
    # control characters, and ensure_ascii=False avoids \ud83d-style surrogate escapes).
    return json.dumps(value, ensure_ascii=False)


def render_note(title: str, regions: list[str], row_ids: list[str], texts: list[str]) -> str:
    sources = "".join(f"\n  - {yaml_str(f'MTSamples transcription {r} (CC0), via shared/external/mtsamples')}"
                      for r in row_ids)
    front = (f"---\ntitle: {yaml_str(title)}\nkind: explanation\n"
             f"regions: [{', '.join(regions)}]\nsources:{sources}\n---\n")
    return front + "\n\n".join(body_line(t) for t in texts) + "\n"


def write_corpus(base: list[BasePassage], total: int, out: Path) -> int:
    """Write notes until `total` passages; returns the number of notes written."""
    seen: set[str] = set()
    note_no = 0
    written = 0
    round_no = 0
    while written < total:
        for start in range(0, len(base), PASSAGES_PER_NOTE):
            if written >= total:
                break
            group = base[start:start + PASSAGES_PER_NOTE][:total - written]
            texts = []
            for p in group:
                text = variant_text(p, round_no, seen)
                seen.add(text.lower())
                texts.append(text)
            note_no += 1
            row_ids = list(dict.fromkeys(p.row_id for p in group))
            regions = [loc for loc in LOCATIONS if any(loc in p.regions for p in group)]
            title = f"MTSamples {note_no:06d}: {group[0].sample_name}"
            if round_no:
                title += f" (variant {round_no})"
            (out / f"mts-{note_no:06d}.md").write_text(
                render_note(title, regions, row_ids, texts), encoding="utf-8")
            written += len(group)
        round_no += 1
    return note_no


# --------------------------------------------------------------------------- queries

# Short questions of the kind people type; {loc} and friends are filled in below.
QUESTIONS = [
    "why does my lower back hurt when I bend", "knee pain going downstairs",
    "sharp pain in my shoulder when I reach overhead", "my neck is stiff every morning",
    "hip pain at night lying on my side", "pain in my buttock that goes down my leg",
    "what helps a knot in my upper back", "heel pain first steps in the morning",
    "tingling in my fingers at night", "calf cramps when I walk", "jaw aches after chewing",
    "could this be sciatica", "do I need an x-ray for back pain", "is heat or ice better for a sore neck",
    "stretches for tight hamstrings", "pain between my shoulder blades at my desk",
    "my wrist hurts when I type", "elbow pain when I grip things", "groin pain after running",
    "ache in the side of my hip when I walk", "lower back pain after sitting all day",
    "numbness in my foot", "shooting pain down the back of my thigh", "headache from tight neck muscles",
    "my knee swells after exercise", "ankle still sore weeks after a sprain",
    "burning pain in my shoulder at night", "what is a trigger point", "what causes muscle knots",
    "is it a disc problem", "when should I see a doctor about back pain",
    "pain in my chest wall when I twist", "stiff lower back when I get up",
    "can a tennis ball help a sore back", "pain under my kneecap on stairs",
    "why does my back hurt more in cold weather", "sore shin after running",
    "my hip clicks and hurts", "tight piriformis muscle", "arthritis in my hip",
]
TEMPLATES = [
    "why does my {loc} hurt when I {act}", "{loc} pain when {acting}", "{quality} pain in my {loc}",
    "what helps {loc} pain", "how long does {loc} pain last", "{loc} pain after {acting}",
    "my {loc} aches when I {act}", "is {quality} {loc} pain serious", "stretches for {loc} pain",
    "{side} {loc} pain for {weeks} weeks", "could my {loc} pain be {condition}",
    "does massage help {loc} pain", "{loc} hurts worse in the morning",
]
FILL = {
    "loc": "lower back|back|neck|shoulder|hip|knee|ankle|foot|heel|wrist|elbow|jaw|calf|thigh|buttock|"
           "groin|upper back|hamstring|shin|hand".split("|"),
    "act": "bend|walk|sit|stand up|run|lift things|climb stairs|sleep|drive|twist|reach up|cough".split("|"),
    "acting": "bending|walking|sitting|standing|running|lifting|climbing stairs|sleeping|driving|"
              "gardening|typing|cycling".split("|"),
    "quality": "sharp|dull|burning|throbbing|shooting|aching|stabbing|tingling".split("|"),
    "side": "left|right".split("|"),
    "weeks": "two|three|six|eight".split("|"),
    "condition": "sciatica|arthritis|a trigger point|a pinched nerve|tendinitis|bursitis|a disc".split("|"),
}
FIELD = re.compile(r"\{(\w+)\}")


def make_queries(csv_path: Path, count: int, seed: int) -> list[str]:
    """`count` distinct queries: about 60% written questions, 40% keyword phrases."""
    rng = random.Random(seed)
    with csv_path.open(encoding="utf-8", newline="") as f:
        keyword_lists = []
        for row in csv.DictReader(f):
            words = [clean(k).lower() for k in row["keywords"].split(",")]
            # The first keyword usually repeats the specialty ("orthopedic, ..."): skip it.
            words = [k for k in words[1:] if k and LETTER.search(k)]
            if words:
                keyword_lists.append(words)
    queries: list[str] = []
    seen: set[str] = set()

    def add(q: str) -> None:
        q = clean(q)
        if q and q.lower() not in seen:
            seen.add(q.lower())
            queries.append(q)

    for q in QUESTIONS:
        add(q)
    written_target = int(count * 0.6)
    attempts = 0
    while len(queries) < written_target and attempts < 100 * count:
        attempts += 1
        template = rng.choice(TEMPLATES)
        add(FIELD.sub(lambda m: rng.choice(FILL[m.group(1)]), template))
    while len(queries) < count and attempts < 200 * count:
        attempts += 1
        words = rng.choice(keyword_lists)
        add(" ".join(rng.sample(words, min(len(words), rng.choice((1, 2, 2, 3))))))
    queries = queries[:count]
    rng.shuffle(queries)
    return queries


# --------------------------------------------------------------------------- main


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(description="Make a painchat --corpus folder from MTSamples transcriptions.")
    p.add_argument("--passages", type=int, required=True, metavar="N", help="number of passages to write")
    p.add_argument("--out", required=True, metavar="DIR", help="output folder (created if missing)")
    p.add_argument("--queries", type=int, default=1000, metavar="N", help="queries in queries.txt (default 1000)")
    p.add_argument("--seed", type=int, default=7, help="seed for the query mix (default 7)")
    p.add_argument("--csv", default=str(DEFAULT_CSV), metavar="FILE", help=f"MTSamples CSV (default {DEFAULT_CSV})")
    args = p.parse_args(argv)
    if args.passages < 1 or args.queries < 1:
        p.error("--passages and --queries must be at least 1")
    csv_path = Path(args.csv)
    if not csv_path.is_file():
        print(f"make_corpus: {csv_path}: file not found; pass the MTSamples CSV with --csv", file=sys.stderr)
        return 2

    start = time.perf_counter()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    # A smaller run into a folder used before must not leave old notes behind.
    for old in out.glob("mts-*.md"):
        old.unlink()

    base = read_base_passages(csv_path)
    notes = write_corpus(base, args.passages, out)
    queries = make_queries(csv_path, args.queries, args.seed)
    (out / "queries.txt").write_text("\n".join(queries) + "\n", encoding="utf-8")
    rounds = -(-args.passages // len(base))
    print(f"make_corpus: {args.passages} passages in {notes} notes ({len(base)} distinct real passages, "
          f"{rounds} round{'s' if rounds > 1 else ''}), {len(queries)} queries -> {out} "
          f"in {time.perf_counter() - start:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
