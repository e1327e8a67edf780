#!/usr/bin/env bash
# Herald's daemon soak: `herald run` polling the 1,000-feed corpus of ../shared/bench (nginx on
# 127.0.0.1) again and again, in compressed time — every feed every 30 s instead of every 5 min — while
# a few percent of the feeds change between cycles. Samples the daemon's RSS and CPU from /proc and
# prints, per poll cycle, the RSS and the CPU spent, then whether RSS stayed flat.
#
#   Benchmarks/soak.sh [--feeds N] [--cycles N] [--interval 30s] [--change K] [--window W] [--port P] [--keep]
#
#   --cycles N     poll cycles to run (default 6: "every 5 minutes for 30 minutes")
#   --interval D   the feeds' poll interval (default 30s, Herald's minimum)
#   --change K     percent of feeds rewritten before each cycle (default 5)
#   --window W     the feeds' first_poll_window (default 24h, Herald's default; `all` judges every
#                  item of the cold cycle, and the stories of all of them stay in the daemon's window)
#
# Environment: HERALD=BINARY (skip the release build), BENCH=DIR, CORPUS=DIR, as for poll.sh.
# Bars: RSS flat within 10 % over the cycles after the first (cold) one, at most 50 MB, no errors
# logged. The cold cycle's figures are printed too.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

FEEDS=1000
CYCLES=6
INTERVAL=30s
CHANGE=5
WINDOW=24h
PORT=8089
KEEP=0
while [ $# -gt 0 ]; do
    case "$1" in
    --feeds) FEEDS=$2; shift 2 ;;
    --cycles) CYCLES=$2; shift 2 ;;
    --interval) INTERVAL=$2; shift 2 ;;
    --change) CHANGE=$2; shift 2 ;;
    --window) WINDOW=$2; shift 2 ;;
    --port) PORT=$2; shift 2 ;;
    --keep) KEEP=1; shift ;;
    -h | --help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "soak.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done

NAME=soak
# shellcheck source=Benchmarks/lib.sh
. Benchmarks/lib.sh
CONFIG=$WORK/herald.yaml
write_config "$CONFIG" "$WORK/alerts.jsonl" "$INTERVAL" "$WINDOW"
seconds=${INTERVAL%s}
case "$seconds" in '' | *[!0-9]*) echo "soak.sh: --interval takes seconds, e.g. 30s" >&2; exit 2 ;; esac

echo "== herald run: $FEEDS feeds every $INTERVAL, $CYCLES cycles, $CHANGE % changed per cycle, first poll window $WINDOW" >&2
"$HERALD" run --config "$CONFIG" --state "$WORK/state.sqlite" --log-level info --log-format json \
    2>"$WORK/daemon.log" &
DAEMON=$!
trap 'kill $DAEMON 2>/dev/null || true; cleanup' EXIT

sample() { # prints "rss_kb cpu_ticks" of the daemon
    local rss ticks
    rss=$(awk '/^VmRSS:/ { print $2 }' "/proc/$DAEMON/status")
    ticks=$(awk '{ print $14 + $15 }' "/proc/$DAEMON/stat")
    echo "$rss $ticks"
}

: >"$WORK/cycles"
for cycle in $(seq 1 "$CYCLES"); do
    # Wait out one interval (the first cycle starts at once), sampling RSS; then record the cycle.
    peak=0
    for _ in $(seq 1 "$((seconds * 2))"); do
        sleep 0.5
        kill -0 "$DAEMON" 2>/dev/null || { echo "soak.sh: the daemon died; its log:" >&2; tail -20 "$WORK/daemon.log" >&2; exit 1; }
        read -r rss ticks < <(sample)
        [ "$rss" -gt "$peak" ] && peak=$rss
    done
    echo "$cycle $peak $ticks" >>"$WORK/cycles"
    echo "   cycle $cycle: peak RSS $((peak / 1024)) MB" >&2
    [ "$cycle" -lt "$CYCLES" ] && "$BENCH/gen_corpus.py" "$CORPUS" --mutate "$CHANGE" >/dev/null
done
kill -TERM "$DAEMON"
wait "$DAEMON" || true
trap cleanup EXIT

python3 - "$WORK/cycles" "$WORK/daemon.log" "$(getconf CLK_TCK)" "$FEEDS" "$WORK/alerts.jsonl" <<'EOF'
import json, sys
cycles_file, log_file, tck, feeds, alerts_file = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
rows = [tuple(int(v) for v in line.split()) for line in open(cycles_file) if line.strip()]
levels, polled, new = {}, 0, 0
for line in open(log_file):
    try:
        entry = json.loads(line)
    except ValueError:
        continue
    levels[entry.get("level", "?")] = levels.get(entry.get("level", "?"), 0) + 1
    if entry.get("message") == "polled":
        meta = entry.get("metadata", entry)
        polled += int(meta.get("feeds", 0))
        new += int(meta.get("new", 0))
alerts = sum(1 for _ in open(alerts_file))
print(f"{'cycle':>5}{'peak RSS MB':>13}{'CPU s':>8}")
previous = 0
for cycle, peak, ticks in rows:
    print(f"{cycle:>5}{peak / 1024:>13.1f}{(ticks - previous) / tck:>8.2f}")
    previous = ticks
first, last, top = rows[0][1] / 1024, rows[-1][1] / 1024, max(r[1] for r in rows) / 1024
cpu = [(rows[i][2] - (rows[i - 1][2] if i else 0)) / tck for i in range(len(rows))]
steady = cpu[1:] or cpu
print()
print(f"feed polls {polled} ({feeds} feeds), new items {new}, alerts {alerts}")
# The first cycle is the cold poll (every item new); the daemon's steady state is the cycles after
# it, where growth would show a leak. Both are printed.
steady_rss = [r[1] / 1024 for r in rows[1:]] or [first]
low, high = min(steady_rss), max(steady_rss)
print(f"RSS first (cold) cycle {first:.1f} MB, last {last:.1f} MB, change {100 * (last - first) / first:+.1f} %")
print(f"RSS after the cold cycle: {steady_rss[0]:.1f} → {steady_rss[-1]:.1f} MB, "
      f"change {100 * (steady_rss[-1] - steady_rss[0]) / steady_rss[0]:+.1f} %, "
      f"spread {100 * (high - low) / low:.1f} %   (bar: within 10 %)")
print(f"peak RSS {top:.1f} MB (cold cycle included), {high:.1f} MB after it   (bar <= 50 MB)")
print(f"CPU per poll cycle after the first: {sum(steady) / len(steady):.2f} s (first cycle {cpu[0]:.2f} s)")
errors = levels.get("error", 0) + levels.get("critical", 0)
print(f"log lines by level: {dict(sorted(levels.items()))}; errors {errors}   (bar: 0)")
EOF
