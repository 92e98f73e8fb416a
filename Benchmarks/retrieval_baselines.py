#!/usr/bin/env python3
"""The Python baselines painchat's performance is compared with (issue 7).

    python3 Benchmarks/make_corpus.py --passages 10000 --out Benchmarks/out/corpus-10k
    python3 Benchmarks/retrieval_baselines.py --corpus Benchmarks/out/corpus-10k \
        --queries Benchmarks/out/corpus-10k/queries.txt --json Benchmarks/out/baselines-10k.json

On first run it creates Benchmarks/.venv (shared with intent_baseline.py) and installs
bm25s, PyStemmer, scikit-learn, numpy and scipy with pip, then re-runs itself inside it.

Passages are the paragraphs of the notes' bodies, split exactly as painchat splits them
(front matter skipped, blank lines and `#` headings end a paragraph, lines joined by a space).
Pass --corpus Corpus as well to index the bundled notes too, as `painchat --corpus DIR` does.

Retrieval baselines, each measured in a subprocess of its own so that its peak memory is its
own (the worker loads the passages, builds, queries, then reads VmHWM from /proc/self/status;
the figure is the whole Python process: interpreter, libraries, passage texts and index):
  bm25s         bm25s.tokenize (PyStemmer English stemmer if installed)
                + BM25.index; a query is tokenized the same way, then BM25.retrieve(k=10)
  sklearn_tfidf TfidfVectorizer(sublinear_tf) over the passages; the matrix is kept
                transposed (terms x passages, CSR) so a query vector picks only its own
                terms' rows; top 10 by argpartition over the nonzero scores
  sqlite_fts5   in-memory FTS5 table (porter stemmer), rows inserted in one transaction,
                then 'optimize'; a query is its words, each quoted, joined by OR
                (FTS5 would otherwise AND them), `ORDER BY bm25(t) LIMIT 10`
All three drop the same English stopwords (STOPWORDS below), as painchat drops its own.
Build time includes tokenizing the passages. Every query is timed alone with
time.perf_counter_ns (text in, top 10 passage numbers out); one untimed query first pays the
one-off lazy imports and caches.

Cold start (sklearn_tfidf on the bundled Corpus/): `python -c PROGRAM` is started and the
clock stops when its first ranked result line arrives on the pipe; PROGRAM imports
scikit-learn, reads the notes, fits the vectorizer and ranks one query. One untimed run warms
the file cache, then --cold-runs timed runs.

Intents (sklearn_tfidf_linearsvc): word 1-2 + char_wb 2-5 grams TF-IDF (sublinear) + LinearSVC,
the strongest pipeline of intent_baseline.py, trained on all of Intents/*.txt (one example a
line, blanks and `#` lines ignored, file name = intent). Single-utterance predict latency over
--utterances utterances (default: the examples, shuffled with a fixed seed and cycled to 1000;
or one per line from --utterances-file); cold start = process start to the first prediction.

JSON written by --json OUT (times in the unit named by the key's suffix; *_kb is kibibytes as
/proc reports them; a baseline that could not run has "available": false and "reason"):
  machine:   python, platform, cpus, versions {bm25s, PyStemmer, scikit-learn, numpy, scipy, sqlite}
  corpus:    dirs, passages, words;  queries: file, count;  k
  retrieval: {bm25s | sklearn_tfidf | sqlite_fts5}:
               available, build_s, query_p50_us, query_p99_us, query_mean_us, query_max_us,
               queries_timed, empty_results, peak_rss_kb, rss_after_load_kb, detail
  cold_start: {sklearn_tfidf}: corpus, passages, query, runs_ms, median_ms, min_ms, first_result
  intents:   {sklearn_tfidf_linearsvc}: available, examples, intents, train_s, predict_p50_us,
               predict_p99_us, predict_mean_us, utterances, peak_rss_kb, detail,
               cold_start {runs_ms, median_ms, min_ms, utterance, first_prediction}
"""

from __future__ import annotations

import argparse
import inspect
import json
import math
import os
import platform
import random
import statistics
import subprocess
import sys
import textwrap
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
VENV = HERE / ".venv"
# scikit-learn's range matches intent_baseline.py, which shares the venv.
REQUIREMENTS = {"bm25s": "bm25s", "sklearn": "scikit-learn>=1.3,<2", "numpy": "numpy", "scipy": "scipy"}
OPTIONAL = {"Stemmer": "PyStemmer"}  # bm25s runs without a stemmer, just less like painchat
IN_VENV_FLAG = "PAINCHAT_RETRIEVAL_BASELINES_IN_VENV"

K = 10
COLD_QUERY = "why does my lower back hurt when I bend"
COLD_UTTERANCE = "why does my hip knot come back when I walk"
RETRIEVAL = ("bm25s", "sklearn_tfidf", "sqlite_fts5")
SEED = 0

# Words all three retrieval baselines leave out (bm25s and scikit-learn as their stop_words;
# FTS5 has no list of its own, so they are dropped from its queries, where an OR over "my",
# "the", "when" would rank nearly every row). Not scikit-learn's built-in English list: that
# one drops "back", "side", "front", "up" and "down", which matter in questions about pain.
STOPWORDS = sorted("""
a about above after again against all am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have
having he her here hers him his how i if in into is it its itself just me more most my myself no nor
not now of off on once only or other our ours out over own same she should so some such than that
the their theirs them then there these they this those through to too under until up very was we
were what when where which while who whom why will with would you your yours get got im ive dont
""".split())


def fail(message: str, code: int = 2):
    print(f"retrieval_baselines: {message}", file=sys.stderr)
    sys.exit(code)


# --------------------------------------------------------------------------- loading
# These two functions are also pasted into the cold-start programs (inspect.getsource),
# so they import what they use themselves and use nothing else from this module.


def read_passages(directories):
    """(ids, texts) of every passage, split as painchat's NoteParser does it."""
    import os
    # Swift's CharacterSet.whitespaces: tab and the Unicode space separators (Zs).
    ws = "\t \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
    ids, texts = [], []
    for directory in directories:
        names = sorted(n for n in os.listdir(directory)
                       if n.endswith(".md") and not n.startswith(".") and n.lower() != "readme.md")
        for name in names:
            with open(os.path.join(directory, name), encoding="utf-8") as f:
                lines = f.read().replace("\r\n", "\n").split("\n")
            if lines[0].strip(ws) != "---":
                continue  # painchat rejects such a note; lint says why
            close = next((i for i in range(1, len(lines)) if lines[i].strip(ws) == "---"), None)
            if close is None:
                continue
            note_id, number, paragraph = name[:-3], 0, []
            for line in lines[close + 1:] + [""]:  # the sentinel flushes the last paragraph
                line = line.strip(ws)
                if line and not line.startswith("#"):
                    paragraph.append(line)
                elif paragraph:
                    number += 1
                    ids.append(f"{note_id}#{number}")
                    texts.append(" ".join(paragraph))
                    paragraph = []
    return ids, texts


def read_intents(directory):
    """(texts, labels) from Intents/*.txt: one example a line, blanks and # lines ignored."""
    import os
    texts, labels = [], []
    for name in sorted(os.listdir(directory)):
        if not name.endswith(".txt"):
            continue
        with open(os.path.join(directory, name), encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if line and not line.startswith("#"):
                    texts.append(line)
                    labels.append(name[:-4])
    return texts, labels


def read_lines(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


# --------------------------------------------------------------------------- measuring helpers


def proc_status_kb(field: str) -> int:
    """A kB field of /proc/self/status (VmHWM = peak resident set, VmRSS = current)."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return -1


def percentile(sorted_values: list[float], p: float) -> float:
    """Nearest-rank percentile (p in 0..100) of an ascending list."""
    rank = max(1, math.ceil(p / 100 * len(sorted_values)))
    return sorted_values[rank - 1]


def latency_summary(ns: list[int], prefix: str) -> dict:
    us = sorted(v / 1e3 for v in ns)
    return {f"{prefix}_p50_us": percentile(us, 50), f"{prefix}_p99_us": percentile(us, 99),
            f"{prefix}_mean_us": statistics.fmean(us), f"{prefix}_max_us": us[-1]}


def time_queries(search, queries: list[str]) -> tuple[list[int], int]:
    """Time each query alone; returns (latencies in ns, how many found nothing)."""
    search(queries[0])  # untimed: lazy imports, statement caches, first-touch page faults
    latencies, empty = [], 0
    clock = time.perf_counter_ns
    for q in queries:
        start = clock()
        top = search(q)
        latencies.append(clock() - start)
        empty += len(top) == 0
    return latencies, empty


# --------------------------------------------------------------------------- retrieval workers
# Each returns (build function, search function, detail). The build function returns the
# search function's state; the search function maps a query to at most K passage numbers.


def setup_bm25s():
    import bm25s
    try:
        import Stemmer
        stemmer = Stemmer.Stemmer("english")
        detail = "lucene BM25 (k1=1.5, b=0.75), PyStemmer English"
    except ImportError:
        stemmer = None
        detail = "lucene BM25 (k1=1.5, b=0.75), no stemmer (PyStemmer missing)"

    def build(texts):
        tokens = bm25s.tokenize(texts, stopwords=STOPWORDS, stemmer=stemmer, show_progress=False)
        retriever = bm25s.BM25()
        retriever.index(tokens, show_progress=False)
        return retriever

    def make_search(retriever):
        vocab = retriever.vocab_dict

        def search(q):
            # return_ids=False gives the stemmed words; retrieve maps them to its own vocabulary.
            words = bm25s.tokenize([q], stopwords=STOPWORDS, stemmer=stemmer, return_ids=False,
                                   show_progress=False)[0]
            if not any(w in vocab for w in words):
                return []  # bm25s raises on a query with no known word; painchat returns nothing
            docs, scores = retriever.retrieve([words], k=K, show_progress=False)
            return [int(d) for d, s in zip(docs[0], scores[0]) if s > 0]
        return search
    return build, make_search, detail


def setup_sklearn_tfidf():
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    def build(texts):
        vectorizer = TfidfVectorizer(sublinear_tf=True, stop_words=STOPWORDS, dtype=np.float32)
        matrix = vectorizer.fit_transform(texts)
        # Rows are L2-normalised, so a dot product is the cosine. Terms x passages in CSR
        # lets the product touch only the rows of the query's own terms.
        return vectorizer, matrix.T.tocsr()

    def make_search(state):
        vectorizer, by_term = state

        def search(q):
            scores = vectorizer.transform([q]) @ by_term  # 1 x passages, sparse
            values, passages = scores.data, scores.indices
            if len(values) > K:
                top = np.argpartition(-values, K - 1)[:K]
            else:
                top = np.arange(len(values))
            top = top[np.argsort(-values[top], kind="stable")]
            return passages[top].tolist()
        return search
    return build, make_search, "TfidfVectorizer(sublinear_tf=True, float32), cosine"


def setup_sqlite_fts5():
    import re
    import sqlite3
    word = re.compile(r"\w+")
    stopwords = frozenset(STOPWORDS)
    con = sqlite3.connect(":memory:")
    try:
        con.execute("CREATE VIRTUAL TABLE t USING fts5(body, tokenize='porter unicode61')")
    except sqlite3.OperationalError as e:
        raise Unavailable(f"SQLite {sqlite3.sqlite_version} has no FTS5 ({e})")

    def build(texts):
        with con:  # one transaction
            con.executemany("INSERT INTO t(rowid, body) VALUES (?, ?)", enumerate(texts))
        con.execute("INSERT INTO t(t) VALUES ('optimize')")  # merge segments, as a built index would be
        return con

    def make_search(con):
        sql = "SELECT rowid FROM t WHERE t MATCH ? ORDER BY bm25(t) LIMIT 10"

        def search(q):
            words = [w for w in word.findall(q.lower()) if w not in stopwords]
            if not words:
                return []
            # Quoted, a word can never be read as an operator (OR, NOT, NEAR, column:).
            match = " OR ".join(f'"{w}"' for w in words)
            return [row[0] for row in con.execute(sql, (match,))]
        return search
    return build, make_search, f"SQLite {sqlite3.sqlite_version} FTS5, porter unicode61, OR of query words"


class Unavailable(Exception):
    """The baseline cannot run here; reported, not fatal."""


SETUPS = {"bm25s": setup_bm25s, "sklearn_tfidf": setup_sklearn_tfidf, "sqlite_fts5": setup_sqlite_fts5}


def retrieval_worker(name: str, corpus_dirs: list[str], queries_file: str) -> dict:
    try:
        build, make_search, detail = SETUPS[name]()
    except Unavailable as e:
        return {"available": False, "reason": str(e)}
    _, texts = read_passages(corpus_dirs)
    queries = read_lines(Path(queries_file))
    rss_loaded = proc_status_kb("VmRSS")
    start = time.perf_counter_ns()
    state = build(texts)
    build_s = (time.perf_counter_ns() - start) / 1e9
    latencies, empty = time_queries(make_search(state), queries)
    return {"available": True, "build_s": build_s, **latency_summary(latencies, "query"),
            "queries_timed": len(latencies), "empty_results": empty,
            "peak_rss_kb": proc_status_kb("VmHWM"), "rss_after_load_kb": rss_loaded, "detail": detail}


# --------------------------------------------------------------------------- intents worker

INTENT_DETAIL = "word 1-2 + char_wb 2-5 TF-IDF (sublinear) + LinearSVC"


def make_intent_model():
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import FeatureUnion, make_pipeline
    from sklearn.svm import LinearSVC
    return make_pipeline(
        FeatureUnion([("word", TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True)),
                      ("char", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True))]),
        LinearSVC(random_state=SEED))


def intents_worker(intents_dir: str, utterances_file: str | None, count: int) -> dict:
    texts, labels = read_intents(intents_dir)
    if not texts:
        return {"available": False, "reason": f"{intents_dir}: no examples"}
    if utterances_file:
        utterances = read_lines(Path(utterances_file))
    else:
        pool = list(texts)
        random.Random(SEED).shuffle(pool)
        utterances = [pool[i % len(pool)] for i in range(count)]
    model = make_intent_model()
    start = time.perf_counter_ns()
    model.fit(texts, labels)
    train_s = (time.perf_counter_ns() - start) / 1e9
    latencies, _ = time_queries(lambda u: model.predict([u]), utterances)
    return {"available": True, "examples": len(texts), "intents": len(set(labels)), "train_s": train_s,
            **latency_summary(latencies, "predict"), "utterances": len(latencies),
            "peak_rss_kb": proc_status_kb("VmHWM"), "detail": INTENT_DETAIL}


# --------------------------------------------------------------------------- cold start


def cold_program_tfidf(corpus_dir: Path, query: str) -> str:
    return "\n".join([
        "from sklearn.feature_extraction.text import TfidfVectorizer",
        textwrap.dedent(inspect.getsource(read_passages)),
        f"ids, texts = read_passages([{str(corpus_dir)!r}])",
        f"vectorizer = TfidfVectorizer(sublinear_tf=True, stop_words={STOPWORDS!r})",
        "matrix = vectorizer.fit_transform(texts)",
        f"scores = (matrix @ vectorizer.transform([{query!r}]).T).toarray().ravel()",
        "print(ids[int(scores.argmax())], flush=True)",
    ])


def cold_program_intents(intents_dir: Path, utterance: str) -> str:
    return "\n".join([
        "from sklearn.feature_extraction.text import TfidfVectorizer",
        "from sklearn.pipeline import FeatureUnion, make_pipeline",
        "from sklearn.svm import LinearSVC",
        textwrap.dedent(inspect.getsource(read_intents)),
        f"texts, labels = read_intents({str(intents_dir)!r})",
        "model = make_pipeline(FeatureUnion([",
        "    ('word', TfidfVectorizer(analyzer='word', ngram_range=(1, 2), sublinear_tf=True)),",
        "    ('char', TfidfVectorizer(analyzer='char_wb', ngram_range=(2, 5), sublinear_tf=True))]),",
        f"    LinearSVC(random_state={SEED}))",
        "model.fit(texts, labels)",
        f"print(model.predict([{utterance!r}])[0], flush=True)",
    ])


def time_cold_start(program: str, runs: int) -> dict:
    """Start `python -c program` runs+1 times; ms from spawn to its first output line."""
    times, first = [], None
    for run in range(runs + 1):
        start = time.perf_counter_ns()
        proc = subprocess.Popen([sys.executable, "-c", program], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        line = proc.stdout.readline()
        elapsed = (time.perf_counter_ns() - start) / 1e6
        _, err = proc.communicate()
        if proc.returncode != 0 or not line.strip():
            last = err.strip().splitlines()
            return {"available": False, "reason": last[-1] if last else f"exit code {proc.returncode}"}
        if run:  # run 0 only warms the file cache
            times.append(elapsed)
        first = line.strip()
    return {"available": True, "runs_ms": times, "median_ms": statistics.median(times),
            "min_ms": min(times), "first_result": first}


# --------------------------------------------------------------------------- orchestration


def run_worker(args: list[str]) -> dict:
    proc = subprocess.run([sys.executable, str(Path(__file__).resolve()), *args],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        last = proc.stderr.strip().splitlines()
        return {"available": False, "reason": last[-1] if last else f"exit code {proc.returncode}"}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def versions() -> dict:
    import sqlite3
    from importlib.metadata import PackageNotFoundError, version
    out = {"sqlite": sqlite3.sqlite_version}
    for dist in ("bm25s", "PyStemmer", "scikit-learn", "numpy", "scipy"):
        try:
            out[dist] = version(dist)
        except PackageNotFoundError:
            out[dist] = None
    return out


def fmt(value, pattern: str) -> str:
    return "—" if value is None else pattern.format(value)


def print_report(report: dict) -> None:
    m, c = report["machine"], report["corpus"]
    print(f"\nPython {m['python']} on {m['platform']}, {m['cpus']} CPUs")
    if report["retrieval"]:
        print(f"\nRetrieval: {c['passages']} passages ({c['words']} words), "
              f"{report['queries']['count']} queries, top-{report['k']}")
        print(f"{'baseline':<16}{'build s':>9}{'p50 µs':>10}{'p99 µs':>10}{'mean µs':>10}{'peak RSS MB':>13}  detail")
    for name, r in report["retrieval"].items():
        if not r.get("available"):
            print(f"{name:<16}  not run: {r.get('reason')}")
            continue
        print(f"{name:<16}{r['build_s']:>9.3f}{r['query_p50_us']:>10.0f}{r['query_p99_us']:>10.0f}"
              f"{r['query_mean_us']:>10.0f}{r['peak_rss_kb'] / 1024:>13.1f}  {r['detail']}"
              + (f"; {r['empty_results']} queries found nothing" if r["empty_results"] else ""))
    for name, r in report["cold_start"].items():
        if r.get("available"):
            print(f"\nCold start {name} (process start -> first ranked result, {r['passages']} bundled passages): "
                  f"median {r['median_ms']:.0f} ms, min {r['min_ms']:.0f} ms over {len(r['runs_ms'])} runs")
        else:
            print(f"\nCold start {name}: not run: {r.get('reason')}")
    for name, r in report["intents"].items():
        if not r.get("available"):
            print(f"\nIntents {name}: not run: {r.get('reason')}")
            continue
        cold = r.get("cold_start") or {}
        print(f"\nIntents {name}: {r['examples']} examples, {r['intents']} intents; {r['detail']}")
        print(f"{'train ms':>10}{'p50 µs':>10}{'p99 µs':>10}{'peak RSS MB':>13}{'cold start ms':>15}")
        print(f"{r['train_s'] * 1e3:>10.0f}{r['predict_p50_us']:>10.0f}{r['predict_p99_us']:>10.0f}"
              f"{r['peak_rss_kb'] / 1024:>13.1f}"
              f"{fmt(cold.get('median_ms') if cold.get('available') else None, '{:.0f}'):>15}")


def parse_args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(description="Time Python retrieval and intent baselines for painchat's benchmark.")
    p.add_argument("--corpus", action="append", metavar="DIR",
                   help="folder of notes (e.g. made by make_corpus.py); repeatable")
    p.add_argument("--queries", metavar="FILE", help="one query per line")
    p.add_argument("--json", metavar="OUT", help="write all figures to this JSON file")
    p.add_argument("--only", nargs="+", choices=[*RETRIEVAL, "cold", "intents"],
                   help="run only these parts (default: all)")
    p.add_argument("--bundled-corpus", default=str(ROOT / "Corpus"), metavar="DIR",
                   help="notes for the cold-start run (default: the bundled Corpus/)")
    p.add_argument("--intents", default=str(ROOT / "Intents"), metavar="DIR", help="intent examples (default Intents/)")
    p.add_argument("--utterances", type=int, default=1000, metavar="N", help="utterances timed for intents")
    p.add_argument("--utterances-file", metavar="FILE", help="time these utterances (one a line) instead")
    p.add_argument("--cold-runs", type=int, default=5, metavar="N", help="timed cold-start runs (default 5)")
    p.add_argument("--worker", help=argparse.SUPPRESS)  # internal: run one baseline, print JSON
    args = p.parse_args(argv)
    parts = set(args.only or [*RETRIEVAL, "cold", "intents"])
    if not args.worker and parts & set(RETRIEVAL) and not (args.corpus and args.queries):
        p.error("--corpus DIR and --queries FILE are needed for the retrieval baselines "
                "(make them with Benchmarks/make_corpus.py), or pick others with --only")
    args.parts = parts
    return args


def check_inputs(args: argparse.Namespace) -> None:
    """Fail fast, before any (slow) venv setup, on inputs the user can fix."""
    for d in args.corpus or []:
        if not Path(d).is_dir():
            fail(f"{d}: corpus folder not found; make one with "
                 "`python3 Benchmarks/make_corpus.py --passages 1000 --out DIR`")
    if args.queries and not Path(args.queries).is_file():
        fail(f"{args.queries}: queries file not found; make_corpus.py writes DIR/queries.txt")
    if "cold" in args.parts and not Path(args.bundled_corpus).is_dir():
        fail(f"{args.bundled_corpus}: folder not found; pass --bundled-corpus DIR")
    if "intents" in args.parts and not Path(args.intents).is_dir():
        fail(f"{args.intents}: folder not found; pass --intents DIR")
    if args.utterances_file and not Path(args.utterances_file).is_file():
        fail(f"{args.utterances_file}: file not found")


# --------------------------------------------------------------------------- venv bootstrap


def ensure_venv_and_reexec(argv: list[str]) -> None:
    """Create Benchmarks/.venv and install what is missing, then exec this script inside it."""
    python = VENV / "bin" / "python"

    def missing(modules):
        if not python.exists():
            return list(modules)
        return [m for m in modules if subprocess.run([str(python), "-c", f"import {m}"],
                                                     capture_output=True).returncode != 0]

    def pip_install(packages):
        return subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                               *packages], capture_output=True, text=True)

    try:
        if not python.exists():
            print(f"retrieval_baselines: creating {VENV} (first run only)…", file=sys.stderr, flush=True)
            subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True, capture_output=True, text=True)
        needed = [REQUIREMENTS[m] for m in missing(REQUIREMENTS)]
        if needed:
            print(f"retrieval_baselines: installing {' '.join(needed)} into {VENV}…", file=sys.stderr, flush=True)
            done = pip_install(needed)
            if done.returncode != 0:
                last = (done.stderr or done.stdout).strip().splitlines()
                fail(f"pip could not install {' '.join(needed)}: {last[-1] if last else done.returncode}; "
                     f"check that PyPI is reachable, or delete {VENV} and retry", 1)
        optional = [OPTIONAL[m] for m in missing(OPTIONAL)]
        if optional and pip_install(optional).returncode != 0:
            print(f"retrieval_baselines: could not install {' '.join(optional)}; bm25s runs without a stemmer",
                  file=sys.stderr)
    except subprocess.CalledProcessError as e:
        last = (e.stderr or "").strip().splitlines()
        fail(f"could not create {VENV}: {last[-1] if last else e.returncode}; is python3-venv installed?", 1)
    env = dict(os.environ, **{IN_VENV_FLAG: "1"})
    os.execve(str(python), [str(python), str(Path(__file__).resolve()), *argv], env)


def in_our_venv() -> bool:
    return os.environ.get(IN_VENV_FLAG) == "1" or Path(sys.prefix).resolve() == VENV.resolve()


# --------------------------------------------------------------------------- main


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    if args.worker:  # a child of the run below: one baseline, one JSON line on stdout
        if args.worker == "intents":
            result = intents_worker(args.intents, args.utterances_file, args.utterances)
        else:
            result = retrieval_worker(args.worker, args.corpus, args.queries)
        print(json.dumps(result))
        return 0

    check_inputs(args)
    if not in_our_venv():
        ensure_venv_and_reexec(argv)  # does not return

    report = {"machine": {"python": platform.python_version(), "platform": platform.platform(),
                          "cpus": os.cpu_count(), "versions": versions()},
              "corpus": None, "queries": None, "k": K, "retrieval": {}, "cold_start": {}, "intents": {}}
    common = []
    if args.corpus:
        _, texts = read_passages(args.corpus)
        report["corpus"] = {"dirs": args.corpus, "passages": len(texts),
                            "words": sum(len(t.split()) for t in texts)}
        report["queries"] = {"file": args.queries, "count": len(read_lines(Path(args.queries)))}
        del texts
        common = [arg for d in args.corpus for arg in ("--corpus", d)] + ["--queries", args.queries]

    for name in RETRIEVAL:
        if name in args.parts:
            print(f"retrieval_baselines: {name} …", file=sys.stderr, flush=True)
            report["retrieval"][name] = run_worker(["--worker", name, *common])

    if "cold" in args.parts:
        print("retrieval_baselines: cold start …", file=sys.stderr, flush=True)
        ids, _ = read_passages([args.bundled_corpus])
        cold = time_cold_start(cold_program_tfidf(Path(args.bundled_corpus).resolve(), COLD_QUERY), args.cold_runs)
        report["cold_start"]["sklearn_tfidf"] = {"corpus": args.bundled_corpus, "passages": len(ids),
                                                 "query": COLD_QUERY, **cold}

    if "intents" in args.parts:
        print("retrieval_baselines: intents …", file=sys.stderr, flush=True)
        worker_args = ["--worker", "intents", "--intents", args.intents, "--utterances", str(args.utterances)]
        if args.utterances_file:
            worker_args += ["--utterances-file", args.utterances_file]
        result = run_worker(worker_args)
        if result.get("available"):
            cold = time_cold_start(cold_program_intents(Path(args.intents).resolve(), COLD_UTTERANCE),
                                   args.cold_runs)
            if cold.get("available"):
                cold["first_prediction"] = cold.pop("first_result")
            result["cold_start"] = {"utterance": COLD_UTTERANCE, **cold}
        report["intents"]["sklearn_tfidf_linearsvc"] = result

    if report["corpus"] is None:
        report["corpus"], report["queries"] = {"dirs": [], "passages": 0, "words": 0}, {"file": None, "count": 0}
    print_report(report)
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"\nwrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
