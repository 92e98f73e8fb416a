#!/usr/bin/env bash
# Installs the two system libraries painchat links against (GNU readline and the
# Snowball stemmer), pkg-config and the English word list (wamerican), when they are
# missing. Debian/Ubuntu only.
set -euo pipefail

missing=()
[ -f /usr/include/readline/readline.h ] || missing+=(libreadline-dev)
[ -f /usr/include/libstemmer.h ] || missing+=(libstemmer-dev)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
# The English word list keeps the typo correctors off real words ("smiling" is not "soiling").
[ -f /usr/share/dict/words ] || missing+=(wamerican)
# The tests also check under strace that painchat opens no network socket.
if [ "${1:-}" = "--test" ]; then command -v strace >/dev/null 2>&1 || missing+=(strace); fi

if [ ${#missing[@]} -gt 0 ]; then
    echo "installing: ${missing[*]}"
    if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! command -v swift >/dev/null 2>&1; then
    if [ -x /opt/swift/usr/bin/swift ]; then
        echo "swift is at /opt/swift/usr/bin: add it to PATH (export PATH=/opt/swift/usr/bin:\$PATH)" >&2
    else
        echo "swift 6 is not installed: get a Swift 6 toolchain from swift.org and put it on PATH" >&2
    fi
    exit 1
fi
