#!/usr/bin/env bash
# Builds release and runs the benchmark (README "Benchmark"): generates a deterministic synthetic
# Arabic corpus in .build/bench (cached), times `claims ingest`, database size, search latency and
# start-up, and the sqlite-utils and sqlite3 CLI baselines on the same file.
#
#   scripts/bench.sh                          # 10,000 articles
#   BENCH_ARTICLES=100000 scripts/bench.sh    # the full run
#   BENCH_STATIC=1 scripts/bench.sh           # claims linked with --static-swift-stdlib (faster start-up)
#   scripts/bench.sh --no-baselines --keep    # extra arguments go to `claims-bench run`
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
if [ "${BENCH_STATIC:-0}" = 1 ]; then
    swift build -c release --static-swift-stdlib --scratch-path .build-static --product claims
    swift build -c release --scratch-path .build-static --product claims-bench
    bin=.build-static/release
else
    swift build -c release --product claims
    swift build -c release --product claims-bench
    bin=.build/release
fi
exec "$bin/claims-bench" run --articles "$articles" --seed "$seed" --claims "$bin/claims" "$@"
