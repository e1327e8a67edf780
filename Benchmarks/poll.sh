#!/usr/bin/env bash
# Herald's poll benchmark: `herald poll` cold, warm and with 10 % of feeds changed, against the
# 1,000-feed corpus of ../shared/bench served by nginx on 127.0.0.1, side by side with the fetch floor
# (curl --parallel) and the parse floor (xmllint --stream) from the same run, and optionally the peer
# pollers (newsboat, rss2email, feed2exec).
#
#   Benchmarks/poll.sh [--feeds N] [--peers LIST] [--port P] [--keep]
#
#   --feeds N     corpus size (default 1000 feeds x 50 items, ~149 MB)
#   --peers LIST  peers for ../shared/bench/peers.sh besides the floors, comma separated, e.g.
#                 newsboat,rss2email,feed2exec (slow: minutes each); default none
#   --port P      nginx port on 127.0.0.1 (default 8089)
#   --keep        keep the corpus and state folders
#
# Environment: HERALD=BINARY (skip the release build), BENCH=DIR (default ../shared/bench next to
# the repository), CORPUS=DIR (reuse a corpus folder; generated when missing). Prints one table and
# the ratios the issue asks for: cold wall / (fetch floor + parse floor), warm and changed wall, peak
# RSS.
#
# The cold poll runs twice on empty state: as Herald is configured by default (on a feed's first poll
# only items of the last 24 h may alert, so the corpus's older items are recorded without running the
# rules), and with `first_poll_window: all`, where every one of the ~50,000 items goes through the
# rules too ("cold, judge all"). The warm and changed runs continue from the default cold state.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

FEEDS=1000
PEERS=""
PORT=8089
KEEP=0
while [ $# -gt 0 ]; do
    case "$1" in
    --feeds) FEEDS=$2; shift 2 ;;
    --peers) PEERS=$2; shift 2 ;;
    --port) PORT=$2; shift 2 ;;
    --keep) KEEP=1; shift ;;
    -h | --help) sed -n '2,19p' "$0"; exit 0 ;;
    *) echo "poll.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done

NAME=poll-bench
# shellcheck source=Benchmarks/lib.sh
. Benchmarks/lib.sh
MB=$(du -sm "$CORPUS/feeds" | cut -f1)
ITEMS=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['total_items'])" "$CORPUS/manifest.json")

CONFIG=$WORK/herald.yaml
write_config "$CONFIG" "$WORK/alerts.jsonl" 10m 24h
write_config "$WORK/judge-all.yaml" "$WORK/alerts-all.jsonl" 10m all

run() { # run LABEL COMMAND... → appends "label wall cpu rss" to $WORK/results
    local label=$1; shift
    /usr/bin/time -v -o "$WORK/time.$label" "$@" >"$WORK/out.$label" 2>"$WORK/err.$label" || {
        echo "poll.sh: $label exited $? (see below)" >&2; tail -5 "$WORK/err.$label" >&2; }
    python3 - "$WORK/time.$label" "$label" >>"$WORK/results" <<'EOF'
import sys, re
text = open(sys.argv[1]).read()
def field(name):
    return re.search(re.escape(name) + r":\s*(.+)", text).group(1).strip()
wall = field("Elapsed (wall clock) time (h:mm:ss or m:ss)")
parts = [float(p) for p in wall.split(":")]
seconds = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
rss = int(field("Maximum resident set size (kbytes)")) / 1024
print(f"{sys.argv[2]} {seconds:.3f} {cpu:.2f} {rss:.1f}")
EOF
}

: >"$WORK/results"
STATE=$WORK/state.sqlite
echo "== herald cold / warm" >&2
run herald-cold-judge-all "$HERALD" poll --config "$WORK/judge-all.yaml" --state "$WORK/judge-all.sqlite" --quiet
run herald-cold "$HERALD" poll --config "$CONFIG" --state "$STATE" --quiet
run herald-warm "$HERALD" poll --config "$CONFIG" --state "$STATE" --quiet
ALERTS=$(wc -l <"$WORK/alerts-all.jsonl")
COLD_ALERTS=$(wc -l <"$WORK/alerts.jsonl")
SEEN=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from item').fetchone()[0])" "$STATE")

echo "== herald with 10 % of feeds changed" >&2
"$BENCH/gen_corpus.py" "$CORPUS" --mutate 10 >&2
run herald-changed "$HERALD" poll --config "$CONFIG" --state "$STATE" --quiet
CHANGED_ALERTS=$(($(wc -l <"$WORK/alerts.jsonl") - COLD_ALERTS))
# Put the corpus back as generated (byte- and mtime-identical), for the floors and peers.
"$BENCH/gen_corpus.py" --feeds "$FEEDS" --port "$PORT" "$CORPUS" >&2

echo "== floors (curl --parallel, xmllint --stream) and peers" >&2
PEER_LIST=curl,curl-gz,curl-cond,xmllint${PEERS:+,$PEERS}
"$BENCH/peers.sh" --no-install --corpus "$CORPUS" --peers "$PEER_LIST" --out "$WORK/peers" "$CORPUS/urls.txt" \
    >"$WORK/peers.txt" 2>"$WORK/peers.err" || { cat "$WORK/peers.err" >&2; exit 1; }

python3 - "$WORK/results" "$WORK/peers/results.tsv" "$MB" "$ITEMS" "$SEEN" "$ALERTS" "$CHANGED_ALERTS" <<'EOF'
import csv, sys
results, peers, mb, items, seen, alerts, changed_alerts = sys.argv[1:8]
rows = {}
for line in open(results):
    label, wall, cpu, rss = line.split()
    rows[label] = (float(wall), float(cpu), float(rss))
peer = {}
with open(peers) as f:
    for r in csv.DictReader(f, delimiter="\t"):
        peer[(r["peer"], r["run"])] = r
def pwall(name, run="cold"):
    r = peer.get((name, run))
    try:
        return float(r["wall_s"]) if r else None
    except ValueError:
        return None

print(f"corpus: {mb} MB of feeds, {items} items; herald stored {seen} items; {alerts} alerts when judging all "
      f"on the cold poll, {changed_alerts} after the change")
print(f"{'run':<22}{'wall s':>9}{'cpu s':>9}{'peak RSS MB':>13}")
for label, (wall, cpu, rss) in rows.items():
    print(f"{label:<22}{wall:>9.3f}{cpu:>9.2f}{rss:>13.1f}")
def num(value):
    try:
        return float(value)
    except (TypeError, ValueError):
        return 0.0
for (name, run), r in sorted(peer.items()):
    if pwall(name, run) is None:
        continue
    print(f"{name + ' ' + run:<22}{num(r['wall_s']):>9.3f}{num(r.get('cpu_s')):>9.2f}"
          f"{num(r.get('maxrss_mb')):>13.1f}")
fetch, parse = pwall("curl-gz") or pwall("curl"), pwall("xmllint")
cold, warm, changed = rows["herald-cold"][0], rows["herald-warm"][0], rows["herald-changed"][0]
rss = max(r[2] for r in rows.values())
print()
print(f"cold poll            {cold:.3f} s   (bar <= 3 s); judging all items: {rows['herald-cold-judge-all'][0]:.3f} s")
if fetch and parse:
    print(f"fetch + parse floor  {fetch:.3f} + {parse:.3f} s; ratio {cold / (fetch + parse):.2f}   (bar <= 2.3)")
print(f"warm poll            {warm:.3f} s   (bar <= 0.4 s)")
print(f"10 % changed         {changed:.3f} s   (bar <= 0.6 s)")
print(f"peak RSS             {rss:.1f} MB   (bar <= 80 MB)")
for name in ("newsboat", "rss2email", "feed2exec", "feed2exec-par"):
    w = pwall(name)
    if w:
        print(f"{name:<20} cold {w:.1f} s = {w / cold:.1f} x herald")
EOF
