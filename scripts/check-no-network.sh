#!/usr/bin/env bash
# Fails if painchat opens any network socket during a conversation, a classification or
# a search. Runs the binary under strace and looks for sockets of any family but AF_UNIX
# (the C library's local name-service lookup, nscd, uses AF_UNIX; it never leaves the
# machine).
set -euo pipefail
binary="${1:-./.build/debug/painchat}"
command -v strace >/dev/null || { echo "check-no-network: strace is not installed (apt-get install strace)" >&2; exit 2; }
log=$(mktemp)
trap 'rm -f "$log"' EXIT
export PAINCHAT_HOME=$(mktemp -d) XDG_CACHE_HOME=$(mktemp -d)
printf 'why does my hip knot come back when I walk\nsitting helps\nno\ntell me more\n' |
    strace -f -qq -e trace=socket,connect -o "$log" "$binary" > /dev/null
echo "my calf is swollen and red" | strace -f -qq -e trace=socket,connect -o "$log.2" "$binary" classify --json > /dev/null
strace -f -qq -e trace=socket,connect -o "$log.3" "$binary" search -k 3 "knee pain on stairs" > /dev/null
cat "$log.2" "$log.3" >> "$log"; rm -f "$log.2" "$log.3"
if grep -E 'socket\(' "$log" | grep -v 'AF_UNIX' | grep -q .; then
    echo "check-no-network: FAILED, painchat opened a network socket:" >&2
    grep -E 'socket\(' "$log" | grep -v AF_UNIX >&2
    exit 1
fi
echo "check-no-network: no network sockets opened ($(grep -c 'socket(' "$log" || true) local AF_UNIX lookups)"
