#!/usr/bin/env bash
# Builds release and runs the benchmark (README "Benchmark"): generates a deterministic synthetic
# Arabic corpus in .build/bench (cached), times `claims ingest`, database size, search latency and
# start-up, and the sqlite-utils and sqlite3 CLI baselines on the same file.
#
#   scripts/bench.sh                          # 10,000 articles
#   BENCH_ARTICLES=100000 scripts/bench.sh    # the full run
#   BENCH_STATIC=0 scripts/bench.sh           # claims linked dynamically to the Swift runtime (slower start-up)
#   scripts/bench.sh --no-baselines --keep    # extra arguments go to `claims-bench run`
#   (first, `claims-bench large` times the ingest of one article of 0.25, 1, 2 and 4 MiB, then
#   `long-lines` the reading of very long lines and `web-speed` web pages against JSON Lines)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
articles="${BENCH_ARTICLES:-10000}"
seed="${BENCH_SEED:-42}"
# sqlite-utils is a baseline only: install it when missing, and go on without it if that fails.
if ! command -v sqlite-utils >/dev/null 2>&1; then
    python3 -m pip install --quiet sqlite-utils >/dev/null 2>&1 \
        || echo "bench: sqlite-utils could not be installed (pip install sqlite-utils); its baseline is skipped" >&2
fi
# The same build as scripts/demo.sh (Swift runtime linked in); BENCH_STATIC=0 measures the
# dynamically linked binary, built apart so the two never rebuild each other.
if [ "${BENCH_STATIC:-1}" = 1 ]; then
    swift build -c release --static-swift-stdlib --product claims
    swift build -c release --static-swift-stdlib --product claims-bench
    bin=.build/release
else
    swift build -c release --scratch-path .build-dynamic --product claims
    swift build -c release --scratch-path .build-dynamic --product claims-bench
    bin=.build-dynamic/release
fi
# One large article of 0.25, 1, 2 and 4 MiB: ingest time must grow linearly with its length.
"$bin/claims-bench" large --seed "$seed" --claims "$bin/claims"
# Reading very long lines (linear), and web pages against the same articles as JSON Lines (within 2×):
# figures that unit tests no longer time.
"$bin/claims-bench" long-lines --claims "$bin/claims"
"$bin/claims-bench" web-speed --claims "$bin/claims"
exec "$bin/claims-bench" run --articles "$articles" --seed "$seed" --claims "$bin/claims" "$@"
