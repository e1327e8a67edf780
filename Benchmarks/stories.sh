#!/usr/bin/env bash
# Story grouping benchmark: a release build of herald-bench, then `herald-bench stories`.
#
#   Benchmarks/stories.sh [window items] [measured items]     (default: 100000 and 20000)
#
# Fills a 72-hour window with `window items` generated items (twice, so eviction runs), then
# prints story assignments per CPU-second with the full window, the near-duplicate check rate,
# and the resident memory after each phase (flat once the window is full). Single-threaded.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build-release herald-bench >&2
exec .build/release/herald-bench stories "$@"
