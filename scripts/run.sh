#!/usr/bin/env bash
# Builds painchat (release) and starts a conversation. Installs the two system libraries
# it needs first when they are missing. Arguments are passed on: scripts/run.sh --help
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/opt/swift/usr/bin"
bash scripts/install-deps.sh
swift build -c release --product painchat --quiet 2>&1 | grep -v "prohibited flag" >&2 || true
[ -x .build/release/painchat ] || { echo "run.sh: the build failed; run 'swift build -c release' to see why" >&2; exit 1; }
exec ./.build/release/painchat "$@"
