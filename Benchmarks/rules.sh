#!/usr/bin/env bash
# Rule matching benchmark: a release build of herald-bench, then `herald-bench rules`.
#
#   Benchmarks/rules.sh [items] [rule counts...]     (default: 20000 items, 1000 and 10000 rules)
#
# Prints, for each rule count: compile time per rule, items/s with the presearch index (the full
# text analysis of each item included), the presearch hit rate, and the brute-force figure
# (every rule evaluated on every item) from the same run. Single-threaded: one core.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build-release herald-bench >&2
exec .build/release/herald-bench rules "$@"
