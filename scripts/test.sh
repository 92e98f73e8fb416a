#!/usr/bin/env bash
# Every check and test painchat has, in order. Installs what it needs first when missing
# (libreadline-dev, libstemmer-dev, pkg-config, strace).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/opt/swift/usr/bin"
set -x
bash scripts/install-deps.sh --test
swift build --build-tests
./.build/debug/painchat lint
./.build/debug/painchat eval --min-accuracy 0.85
./.build/debug/painchat eval --test-set Tests/HeldOut/intents.tsv --min-accuracy 0.90
./.build/debug/painchat eval --retrieval --min-hit3 0.90
./.build/debug/painchat test
bash scripts/check-no-network.sh ./.build/debug/painchat
swift build -c release --product painchat-bench
./.build/release/painchat-bench fuzz --n 100000 --seed 1
./.build/release/painchat-bench soak --turns 10000
swift test
