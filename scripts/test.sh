#!/usr/bin/env bash
# Sets up and runs every test: library unit tests and end-to-end tests of the real CLI.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
swift build --build-tests
swift test --skip-build
