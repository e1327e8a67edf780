#!/usr/bin/env bash
# Parse benchmark: Herald's feed parser against `xmllint --stream --noout` on the same corpus.
#
# Generates the shared benchmark corpus (1,000 feeds, ~46,000 items, ~149 MB) into a temporary folder
# with ../shared/bench/gen_corpus.py, builds herald-bench in release mode, then measures in one run:
#   - Herald: `herald-bench parse` (documents read into memory first; best of 3 passes);
#   - xmllint: `xmllint --stream --noout` over the same XML files (best of 3 runs).
# Prints MB/s and items/s for both, in wall-clock and CPU time, and Herald's ratio to xmllint
# (bar: >= 0.6), single-threaded. JSON feeds, which xmllint cannot read, count in Herald's "all"
# line only. A last line parses the XML feeds on every core at once, as the daemon does with the
# feeds it polls (wall-clock only; not part of the ratio).
#
# Usage: Benchmarks/parse.sh [--keep DIR]   (--keep: generate into DIR and leave it there)
# Env:   HERALD_SHARED (default: ../shared beside the repository)
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${HERALD_SHARED:-../shared}"
generator="$shared/bench/gen_corpus.py"
if [[ ! -f "$generator" ]]; then
    echo "parse.sh: $generator not found (set HERALD_SHARED)" >&2
    exit 66
fi

if ! command -v xmllint >/dev/null; then
    echo "parse.sh: installing xmllint (Debian libxml2-utils)" >&2
    apt-get install -y -qq libxml2-utils >/dev/null
fi

if [[ "${1:-}" == "--keep" && -n "${2:-}" ]]; then
    corpus="$2"
    mkdir -p "$corpus"
else
    corpus="$(mktemp -d "${TMPDIR:-/tmp}/herald-parse-bench.XXXXXX")"
    trap 'rm -rf "$corpus"' EXIT
fi

if [[ ! -d "$corpus/feeds" ]]; then
    echo "parse.sh: generating the corpus in $corpus" >&2
    python3 "$generator" "$corpus" >/dev/null
fi

echo "parse.sh: building herald-bench (release)" >&2
scripts/build-release herald-bench >/dev/null
bench="$(swift build -c release --show-bin-path)/herald-bench"

herald_out="$("$bench" parse "$corpus" --jobs "$(nproc)")"
echo "$herald_out"

# xmllint over the XML files, best of 3, wall and CPU (user + sys) from bash's `time`.
shopt -s nullglob
xml_files=("$corpus"/feeds/*.xml)
xml_bytes=$(cat "${xml_files[@]}" | wc -c)
best_wall=""
best_cpu=""
TIMEFORMAT='%R %U %S'
for _ in 1 2 3; do
    times=$({ time xmllint --stream --noout "${xml_files[@]}" >/dev/null 2>&1; } 2>&1 | tail -1)
    read -r wall user sys <<<"$times"
    cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')
    best_wall=$(awk -v a="$wall" -v b="${best_wall:-1e9}" 'BEGIN { print (a < b) ? a : b }')
    best_cpu=$(awk -v a="$cpu" -v b="${best_cpu:-1e9}" 'BEGIN { print (a < b) ? a : b }')
done

xml_items=$(sed -n 's/^parse xml: .*MB, \([0-9]*\) items$/\1/p' <<<"$herald_out")
herald_wall=$(sed -n 's/^parse xml: wall .*s, \([0-9.]*\) MB\/s.*/\1/p' <<<"$herald_out")
herald_cpu=$(sed -n 's/^parse xml: cpu .*s, \([0-9.]*\) MB\/s.*/\1/p' <<<"$herald_out")

awk -v bytes="$xml_bytes" -v items="$xml_items" -v wall="$best_wall" -v cpu="$best_cpu" \
    -v hwall="$herald_wall" -v hcpu="$herald_cpu" -v files="${#xml_files[@]}" 'BEGIN {
    mb = bytes / 1e6
    printf "xmllint xml: %d files, %.1f MB, %d items\n", files, mb, items
    printf "xmllint xml: wall %.3f s, %.1f MB/s, %.0f items/s\n", wall, mb / wall, items / wall
    printf "xmllint xml: cpu  %.3f s, %.1f MB/s, %.0f items/s\n", cpu, mb / cpu, items / cpu
    rw = hwall / (mb / wall); rc = hcpu / (mb / cpu)
    printf "ratio herald/xmllint (one thread): wall %.2f, cpu %.2f (bar 0.60 on cpu: %s)\n", rw, rc, (rc >= 0.6) ? "met" : "NOT met"
}'
