#!/usr/bin/env python3
"""Score scikit-learn baselines on painchat's own intent folds.

painchat's intent classifier is a hand-written TF-IDF model. To know whether it is
any good, this script trains three standard scikit-learn pipelines on exactly the
same examples and the same cross-validation folds (exported by `painchat eval
--export-folds`) and prints their figures next to painchat's.

    python3 Benchmarks/intent_baseline.py                 # everything automatic
    python3 Benchmarks/intent_baseline.py --folds f.tsv --painchat-json pc.json --json out.json

On first run it creates Benchmarks/.venv and installs scikit-learn into it, then
re-runs itself inside that venv; the system Python is never modified.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NoReturn

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
VENV = HERE / ".venv"
REQUIREMENT = "scikit-learn>=1.3,<2"
# Set on the re-executed process so a venv that somehow fails the prefix check
# cannot send us into an exec loop.
IN_VENV_FLAG = "PAINCHAT_BASELINE_IN_VENV"

OUT_OF_SCOPE = "out_of_scope"
TIMED_UTTERANCES = 500
SEED = 0

EXIT_MISSING_INPUT = 2


class UsageError(Exception):
    """A missing input the user can fix; reported in one line with exit code 2."""


def fail(message: str, code: int) -> NoReturn:
    print(f"intent_baseline: {message}", file=sys.stderr)
    sys.exit(code)


# --------------------------------------------------------------------------- arguments


def parse_args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(
        description="Compare painchat's intent classifier with scikit-learn baselines on the same folds.")
    p.add_argument("--folds", metavar="FILE",
                   help="TSV of fold assignments (header fold<TAB>intent<TAB>text). "
                        "Default: exported by `painchat eval --export-folds`.")
    p.add_argument("--painchat", metavar="PATH",
                   help="painchat binary (default: .build/release/painchat, else .build/debug/painchat).")
    p.add_argument("--painchat-json", metavar="FILE",
                   help="Output of `painchat eval --json` to compare against. "
                        "Default: produced by running the painchat binary, if there is one.")
    p.add_argument("--json", metavar="OUT", help="Also write all figures to this JSON file.")
    return p.parse_args(argv)


def find_painchat(explicit: str | None) -> Path | None:
    """The painchat binary to use, or None when there is none (only an error if one is needed)."""
    if explicit:
        path = Path(explicit)
        if not (path.is_file() and os.access(path, os.X_OK)):
            raise UsageError(f"{explicit}: painchat binary not found or not executable; "
                             "build it with `swift build` or pass the right --painchat PATH")
        return path
    for config in ("release", "debug"):
        path = ROOT / ".build" / config / "painchat"
        if path.is_file() and os.access(path, os.X_OK):
            return path
    return None


def check_inputs(args: argparse.Namespace) -> Path | None:
    """Fail fast on missing inputs, before any (slow) venv setup. Returns the binary, if any."""
    for flag, value in (("--folds", args.folds), ("--painchat-json", args.painchat_json)):
        if value and not Path(value).is_file():
            raise UsageError(f"{value}: file not found; pass an existing file to {flag} "
                             f"(or omit {flag} to let painchat produce it)")
    binary = find_painchat(args.painchat)
    if binary is None and not args.folds:
        raise UsageError(f"{ROOT / '.build/debug/painchat'}: painchat binary not found; "
                         "run `swift build` (or `swift build -c release`), "
                         "or pass --painchat PATH or --folds FILE")
    return binary


# --------------------------------------------------------------------------- venv bootstrap


def running_in_our_venv() -> bool:
    return os.environ.get(IN_VENV_FLAG) == "1" or Path(sys.prefix).resolve() == VENV.resolve()


def ensure_venv_and_reexec() -> None:
    """Create Benchmarks/.venv with scikit-learn if needed, then exec this script inside it."""
    python = VENV / "bin" / "python"
    has_sklearn = python.exists() and subprocess.run(
        [str(python), "-c", "import sklearn"], capture_output=True).returncode == 0
    if not has_sklearn:
        print(f"intent_baseline: setting up {VENV.relative_to(ROOT)} with {REQUIREMENT} (first run only)…",
              file=sys.stderr, flush=True)
        try:
            # --clear repairs a half-made venv (e.g. an earlier interrupted install).
            subprocess.run([sys.executable, "-m", "venv", "--clear", str(VENV)],
                           check=True, capture_output=True, text=True)
            subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                            REQUIREMENT], check=True, capture_output=True, text=True)
        except subprocess.CalledProcessError as e:
            last = (e.stderr or e.stdout or "").strip().splitlines()
            detail = last[-1] if last else f"exit code {e.returncode}"
            fail(f"could not set up {VENV}: {detail}; check that python3-venv is installed "
                 "and PyPI is reachable, or delete the folder and retry", 1)
    env = dict(os.environ, **{IN_VENV_FLAG: "1"})
    os.execve(str(python), [str(python), str(Path(__file__).resolve()), *sys.argv[1:]], env)


# --------------------------------------------------------------------------- data


def read_folds(path: Path) -> tuple[list[int], list[str], list[str]]:
    """Parse the fold TSV written by `painchat eval --export-folds`."""
    folds, intents, texts = [], [], []
    with path.open(encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        if header != ["fold", "intent", "text"]:
            raise UsageError(f"{path}: expected header 'fold<TAB>intent<TAB>text', got {header!r}; "
                             "re-export it with `painchat eval --export-folds FILE`")
        for number, line in enumerate(f, start=2):
            line = line.rstrip("\n")
            if not line:
                continue
            # Only the first two tabs separate columns; painchat already replaced tabs in text.
            parts = line.split("\t", 2)
            if len(parts) != 3 or not parts[0].isdigit():
                raise UsageError(f"{path}:{number}: malformed row {line!r}; "
                                 "re-export it with `painchat eval --export-folds FILE`")
            folds.append(int(parts[0]))
            intents.append(parts[1])
            texts.append(parts[2])
    if len(set(folds)) < 2:
        raise UsageError(f"{path}: needs at least 2 folds and some examples; "
                         "re-export it with `painchat eval --export-folds FILE --folds 5`")
    return folds, intents, texts


def run_painchat(binary: Path, fold_count: int, export_to: Path | None) -> dict:
    """Run `painchat eval --json`, optionally exporting its folds in the same run."""
    cmd = [str(binary), "eval", "--json", "--folds", str(fold_count)]
    if export_to is not None:
        cmd += ["--export-folds", str(export_to)]
    print(f"intent_baseline: running {' '.join(cmd[1:])} …", file=sys.stderr, flush=True)
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        last = done.stderr.strip().splitlines()
        fail(f"{binary} eval failed: {last[-1] if last else f'exit code {done.returncode}'}", 1)
    return json.loads(done.stdout)


def load_painchat_json(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        raise UsageError(f"{path}: not valid JSON ({e}); regenerate it with `painchat eval --json > {path}`")
    missing = [k for k in ("accuracy", "macro_f1", "out_of_scope_recall", "median_classify_us") if k not in data]
    if missing:
        raise UsageError(f"{path}: missing {', '.join(missing)}; regenerate it with `painchat eval --json`")
    return data


# --------------------------------------------------------------------------- baselines


def make_models() -> dict:
    # Imported here: these modules exist only inside the venv.
    from sklearn.pipeline import FeatureUnion, make_pipeline
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.svm import LinearSVC

    def word():
        return TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True)

    def char():
        return TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True)

    # Factories, so every fold gets fresh, unfitted estimators.
    return {
        "word 1-2 + LinearSVC": lambda: make_pipeline(word(), LinearSVC(random_state=SEED)),
        "char_wb 2-5 + LinearSVC": lambda: make_pipeline(char(), LinearSVC(random_state=SEED)),
        "word+char + LinearSVC": lambda: make_pipeline(
            FeatureUnion([("word", word()), ("char", char())]), LinearSVC(random_state=SEED)),
    }


def cross_validate(factory, folds: list[int], intents: list[str], texts: list[str]) -> dict:
    """Train on k-1 folds, predict the held-out one, pool all held-out predictions."""
    import numpy as np
    from sklearn.metrics import accuracy_score, f1_score, recall_score

    fold_ids = sorted(set(folds))
    fold_arr = np.asarray(folds)
    y = np.asarray(intents, dtype=object)
    X = np.asarray(texts, dtype=object)
    predicted = np.empty_like(y)
    fit_ms, latencies_us = [], []
    rng = np.random.default_rng(SEED)
    per_fold_timed = -(-TIMED_UTTERANCES // len(fold_ids))  # ceil: 100 per fold with 5 folds

    for fold in fold_ids:
        train, held = fold_arr != fold, np.flatnonzero(fold_arr == fold)
        model = factory()
        start = time.perf_counter_ns()
        model.fit(X[train], y[train])
        fit_ms.append((time.perf_counter_ns() - start) / 1e6)
        predicted[held] = model.predict(X[held])

        # Latency: one utterance per call, as the chat loop would classify it.
        # The first call pays one-off costs (lazy imports, caches), so it is not timed.
        model.predict(X[held[:1]])
        for i in rng.choice(held, size=min(per_fold_timed, len(held)), replace=False):
            start = time.perf_counter_ns()
            model.predict(X[i:i + 1])
            latencies_us.append((time.perf_counter_ns() - start) / 1e3)

    # Macro-F1 over the intents that occur (as painchat does), counting 0 for an
    # intent that is never predicted instead of warning.
    labels = sorted(set(intents))
    oos = (recall_score(y, predicted, labels=[OUT_OF_SCOPE], average="macro", zero_division=0)
           if OUT_OF_SCOPE in labels else None)
    return {
        "accuracy": float(accuracy_score(y, predicted)),
        "macro_f1": float(f1_score(y, predicted, labels=labels, average="macro", zero_division=0)),
        "out_of_scope_recall": None if oos is None else float(oos),
        "median_classify_us": statistics.median(latencies_us[:TIMED_UTTERANCES]),
        "timed_utterances": len(latencies_us[:TIMED_UTTERANCES]),
        "train_ms_mean_per_fold": statistics.fmean(fit_ms),
        "train_ms_total": sum(fit_ms),
    }


# --------------------------------------------------------------------------- report

METRICS = [("accuracy", "accuracy", "{:.3f}"), ("macro_f1", "macro-F1", "{:.3f}"),
           ("out_of_scope_recall", "OOS recall", "{:.3f}"), ("median_classify_us", "µs/utt", "{:.1f}"),
           ("train_ms_mean_per_fold", "train ms/fold", "{:.0f}")]


def fmt(value, pattern: str) -> str:
    return "—" if value is None else pattern.format(value)


def ratio(a, b) -> float | None:
    return None if a is None or not b else a / b


def print_report(results: dict, painchat: dict | None, examples: int, fold_count: int, source: str) -> dict:
    import sklearn

    print(f"\nIntents: {examples} examples, {fold_count} folds from {source}  (scikit-learn {sklearn.__version__})\n")
    rows = dict(results)
    if painchat is not None:
        rows = {"painchat": painchat, **rows}
    name_width = max(len(n) for n in rows) + 2
    widths = [max(len(label), 8) + 2 for _, label, _ in METRICS]
    print("model".ljust(name_width) + "".join(label.rjust(w) for (_, label, _), w in zip(METRICS, widths)))
    for name, figures in rows.items():
        print(name.ljust(name_width)
              + "".join(fmt(figures.get(key), pattern).rjust(w) for (key, _, pattern), w in zip(METRICS, widths)))

    ratios = {}
    if painchat is None:
        print("\n(no painchat figures: build painchat, or pass --painchat-json FILE from `painchat eval --json`)")
        return ratios
    print("\nbaseline ÷ painchat (quality >1 = baseline better; µs/utt >1 = baseline slower)")
    compared = METRICS[:4]
    print("model".ljust(name_width) + "".join(label.rjust(w) for (_, label, _), w in zip(compared, widths)))
    for name, figures in results.items():
        ratios[name] = {key: ratio(figures[key], painchat.get(key)) for key, _, _ in compared}
        print(name.ljust(name_width)
              + "".join(fmt(ratios[name][key], "{:.2f}x").rjust(w) for (key, _, _), w in zip(compared, widths)))
    print("\nNote: painchat's µs/utt excludes tokenising; the baselines' includes vectorising "
          "(and scikit-learn's per-call overhead).")
    return ratios


# --------------------------------------------------------------------------- main


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    try:
        binary = check_inputs(args)
        if not running_in_our_venv():
            ensure_venv_and_reexec()  # does not return

        painchat = load_painchat_json(Path(args.painchat_json)) if args.painchat_json else None
        with tempfile.TemporaryDirectory(prefix="painchat-folds-") as tmp:
            if args.folds:
                folds_path, source = Path(args.folds), args.folds
            else:
                # One painchat run both exports the folds and scores painchat on them.
                folds_path, source = Path(tmp) / "folds.tsv", f"{binary.name} eval --export-folds"
                exported = run_painchat(binary, 5, folds_path)
                painchat = painchat or exported
            folds, intents, texts = read_folds(folds_path)
    except UsageError as e:
        fail(str(e), EXIT_MISSING_INPUT)

    fold_count = len(set(folds))
    if painchat is None and binary is not None:
        # painchat deals its folds with a fixed seed, so the same count gives the same folds.
        painchat = run_painchat(binary, fold_count, None)
    if painchat is not None and painchat.get("examples") not in (None, len(texts)):
        print(f"intent_baseline: warning: painchat scored {painchat['examples']} examples, "
              f"the folds file has {len(texts)}; the comparison is not like for like", file=sys.stderr)

    results = {}
    for name, factory in make_models().items():
        print(f"intent_baseline: scoring {name} …", file=sys.stderr, flush=True)
        results[name] = cross_validate(factory, folds, intents, texts)

    ratios = print_report(results, painchat, len(texts), fold_count, source)

    if args.json:
        import sklearn
        report = {
            "examples": len(texts), "folds": fold_count, "folds_source": source,
            "python": platform.python_version(), "scikit_learn": sklearn.__version__,
            "baselines": results,
            "painchat": None if painchat is None else {
                k: painchat.get(k) for k in ("accuracy", "macro_f1", "out_of_scope_recall",
                                             "median_classify_us", "fallback_rate", "accepted_accuracy")},
            "ratios_vs_painchat": ratios,
        }
        Path(args.json).write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
        print(f"\nwrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
