#!/usr/bin/env bash
# Installs what a fresh machine lacks to build and test claims: the SQLite development files
# (headers + pkg-config entry, for the CSQLite module), libxml2, zlib and libcurl (CLibXML2, CZlib, CCurl),
# the sqlite3 shell (used by tests and the README examples), tmux and fribidi (terminal tests). Puts Swift on
# PATH when it lives in /opt/swift. Safe to run repeatedly.
set -euo pipefail
if ! command -v swift >/dev/null 2>&1 && [ -x /opt/swift/usr/bin/swift ]; then
    export PATH="/opt/swift/usr/bin:$PATH"
fi
missing=()
pkg-config --exists sqlite3 2>/dev/null || missing+=(libsqlite3-dev)
pkg-config --exists libxml-2.0 2>/dev/null || missing+=(libxml2-dev)   # CLibXML2: HTML pages, feeds
pkg-config --exists zlib 2>/dev/null || missing+=(zlib1g-dev)          # CZlib: .warc.gz
pkg-config --exists libcurl 2>/dev/null || missing+=(libcurl4-openssl-dev)  # CCurl: claims ingest URL
command -v sqlite3 >/dev/null 2>&1 || missing+=(sqlite3)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
# The terminal tests render tables through tmux (80 columns) and GNU FriBidi's bidi reordering.
command -v tmux >/dev/null 2>&1 || missing+=(tmux)
command -v fribidi >/dev/null 2>&1 || missing+=(libfribidi-bin)
if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing ${missing[*]}" >&2
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
command -v swift >/dev/null 2>&1 || { echo "setup: swift not found (install Swift 6.x or put it on PATH)" >&2; exit 1; }
