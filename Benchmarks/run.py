#!/usr/bin/env python3
"""painchat's performance benchmark, side by side with the Python baselines, in one run.

    python3 Benchmarks/run.py [--sizes 1k 10k 100k] [--json Benchmarks/out/results.json]

Builds the release binaries, makes the --corpus folders from the MTSamples transcriptions
(Benchmarks/make_corpus.py) if they are missing, then measures:
  - cold start: process start to the first reply on stdout, one utterance through a pipe,
    bundled data (the engine cache warm, as on any start after the first);
  - a whole conversation turn (painchat-bench turns) and one intent classification
    (painchat-bench classify), p50 and p99;
  - throughput of `painchat classify --json` over stdin: every example of Intents/, three
    times over, through one process (its start included), in utterances per second;
  - retrieval at each size: index build, query p50/p99, peak memory (painchat-bench
    retrieval, one process per size);
and the baselines of Benchmarks/retrieval_baselines.py on the same passages, queries and
utterances. Prints a table with painchat/baseline ratios and writes all figures as JSON.
"""
import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Benchmarks", "out")
SIZES = {"1k": 1000, "10k": 10000, "100k": 100000}


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, capture_output=True, text=True, cwd=ROOT, **kw).stdout


def bench(*args):
    return json.loads(run([os.path.join(ROOT, ".build/release/painchat-bench"), *args]).strip().splitlines()[-1])


def cold_start(runs=7):
    """Milliseconds from spawning painchat to the first byte of its reply."""
    binary = os.path.join(ROOT, ".build/release/painchat")
    times = []
    for i in range(runs + 1):
        start = time.perf_counter()
        p = subprocess.Popen([binary], stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=ROOT)
        p.stdin.write(b"why does my hip knot come back when I walk\n")
        p.stdin.close()
        p.stdout.read(1)
        elapsed = (time.perf_counter() - start) * 1000
        p.stdout.read()
        p.wait()
        if i > 0:  # the first run may build the engine cache
            times.append(elapsed)
    return statistics.median(times)


def classify_throughput(rounds=3):
    """Utterances per second through `painchat classify --json`, one process, from stdin."""
    lines = []
    intents = os.path.join(ROOT, "Intents")
    for name in sorted(os.listdir(intents)):
        if name.endswith(".txt"):
            for line in open(os.path.join(intents, name), encoding="utf-8"):
                line = line.strip()
                if line and not line.startswith("#"):
                    lines.append(line)
    text = ("\n".join(lines) + "\n") * rounds
    binary = os.path.join(ROOT, ".build/release/painchat")
    start = time.perf_counter()
    out = subprocess.run([binary, "classify", "--json"], input=text, capture_output=True, text=True, cwd=ROOT, check=True).stdout
    seconds = time.perf_counter() - start
    count = out.count("\n")
    return {"utterances": count, "seconds": seconds, "per_second": count / seconds}


def main():
    parser = argparse.ArgumentParser(description="painchat benchmark")
    parser.add_argument("--sizes", nargs="+", default=["1k", "10k", "100k"], choices=list(SIZES))
    parser.add_argument("--json", default=os.path.join(OUT, "results.json"))
    args = parser.parse_args()
    os.makedirs(OUT, exist_ok=True)

    print("building release binaries...", flush=True)
    run(["swift", "build", "-c", "release"])
    results = {"machine": {"cpus": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version()}}

    results["cold_start_ms"] = cold_start()
    results["turn"] = bench("turns", "--turns", "5000")
    results["classify"] = bench("classify", "--n", "5000")
    results["classify_throughput"] = classify_throughput()
    print("running the Python baselines for cold start and intents...", flush=True)
    base_json = os.path.join(OUT, "baselines-common.json")
    run([sys.executable, "Benchmarks/retrieval_baselines.py", "--only", "cold", "intents", "--json", base_json])
    results["baselines_common"] = json.load(open(base_json))

    results["retrieval"] = {}
    for size in args.sizes:
        corpus = os.path.join(OUT, f"corpus-{size}")
        if not os.path.isdir(corpus):
            print(f"making the {size} corpus...", flush=True)
            run([sys.executable, "Benchmarks/make_corpus.py", "--passages", str(SIZES[size]), "--out", corpus])
        queries = os.path.join(corpus, "queries.txt")
        print(f"retrieval at {size}...", flush=True)
        mine = bench("retrieval", "--corpus", corpus, "--queries", queries)
        base_file = os.path.join(OUT, f"baselines-{size}.json")
        run([sys.executable, "Benchmarks/retrieval_baselines.py", "--corpus", corpus, "--queries", queries,
             "--only", "bm25s", "sklearn_tfidf", "sqlite_fts5", "--json", base_file])
        results["retrieval"][size] = {"painchat": mine, "baselines": json.load(open(base_file))["retrieval"]}

    def ratio(a, b):
        return f"{a / b:.2f}x" if a and b else "n/a"

    print()
    print(f"machine: {results['machine']['cpus']} cores, {results['machine']['platform']}")
    common = results["baselines_common"]
    sk_cold = common.get("cold_start", {}).get("sklearn_tfidf", {}).get("median_ms")
    svc = common.get("intents", {}).get("sklearn_tfidf_linearsvc", {})
    print(f"{'figure':<44}{'painchat':>12}{'baseline':>12}{'ratio':>9}")
    print(f"{'cold start to first reply (ms)':<44}{results['cold_start_ms']:>12.1f}{sk_cold or 0:>12.1f}{ratio(results['cold_start_ms'], sk_cold):>9}")
    svc_cold = svc.get("cold_start", {}).get("median_ms")
    print(f"{'  vs TF-IDF+LinearSVC cold start (ms)':<44}{results['cold_start_ms']:>12.1f}{svc_cold or 0:>12.1f}{ratio(results['cold_start_ms'], svc_cold):>9}")
    print(f"{'whole turn p50 / p99 (µs)':<44}{results['turn']['p50_us']:>6.0f} /{results['turn']['p99_us']:>5.0f}{'':>12}")
    print(f"{'classify one utterance p50 (µs)':<44}{results['classify']['p50_us']:>12.1f}{svc.get('predict_p50_us', 0):>12.1f}{ratio(results['classify']['p50_us'], svc.get('predict_p50_us')):>9}")
    print(f"{'classify one utterance p99 (µs)':<44}{results['classify']['p99_us']:>12.1f}{svc.get('predict_p99_us', 0):>12.1f}{ratio(results['classify']['p99_us'], svc.get('predict_p99_us')):>9}")
    # The baseline's rate is one prediction at a time without its start-up: kinder to it.
    svc_rate = 1e6 / svc["predict_mean_us"] if svc.get("predict_mean_us") else None
    mine_rate = results["classify_throughput"]["per_second"]
    print(f"{'classify --json over stdin (utterances/s)':<44}{mine_rate:>12.0f}{svc_rate or 0:>12.0f}{ratio(mine_rate, svc_rate):>9}")
    for size, r in results["retrieval"].items():
        mine = r["painchat"]
        print(f"retrieval at {size} ({mine['passages']} passages):")
        for name, b in r["baselines"].items():
            if not b.get("available", True):
                print(f"  {name}: not available ({b.get('reason')})")
                continue
            print(f"  {'build (s) vs ' + name:<42}{mine['build_s']:>12.3f}{b['build_s']:>12.3f}{ratio(mine['build_s'], b['build_s']):>9}")
            print(f"  {'query p50 (µs) vs ' + name:<42}{mine['p50_us']:>12.1f}{b['query_p50_us']:>12.1f}{ratio(mine['p50_us'], b['query_p50_us']):>9}")
            print(f"  {'query p99 (µs) vs ' + name:<42}{mine['p99_us']:>12.1f}{b['query_p99_us']:>12.1f}{ratio(mine['p99_us'], b['query_p99_us']):>9}")
            print(f"  {'peak memory (MiB) vs ' + name:<42}{mine['peak_mib']:>12.1f}{b['peak_rss_kb'] / 1024:>12.1f}{ratio(mine['peak_mib'], b['peak_rss_kb'] / 1024):>9}")
    with open(args.json, "w") as f:
        json.dump(results, f, indent=2)
    print(f"\nall figures: {os.path.relpath(args.json, ROOT)}")


if __name__ == "__main__":
    main()
