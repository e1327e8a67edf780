# Shared set-up for Herald's benchmark scripts (sourced, not run): the corpus of ../shared/bench
# served by nginx on 127.0.0.1, a release build of herald, and a config polling every corpus feed.
# The sourcing script sets NAME, FEEDS, PORT and KEEP first.

BENCH=${BENCH:-$ROOT/../shared/bench}
[ -x "$BENCH/gen_corpus.py" ] || { echo "$NAME: no corpus generator at $BENCH (set BENCH=)" >&2; exit 1; }
BENCH=$(cd "$BENCH" && pwd)

need() { # need COMMAND DEBIAN_PACKAGE
    command -v "$1" >/dev/null 2>&1 && return 0
    [ "$(id -u)" = 0 ] || { echo "$NAME: $1 missing; install $2" >&2; exit 1; }
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$2" >&2
}
need nginx nginx-light
need xmllint libxml2-utils
need curl curl
[ -x /usr/bin/time ] || need time time

WORK=$(mktemp -d "${TMPDIR:-/tmp}/herald-$NAME.XXXXXX")
chmod 755 "$WORK" # nginx runs as nobody and must read the corpus
CORPUS=${CORPUS:-$WORK/corpus}
cleanup() {
    "$BENCH/serve.sh" stop "$PORT" >/dev/null 2>&1 || true
    [ "$KEEP" = 1 ] || rm -rf "$WORK"
}
trap cleanup EXIT

if [ -z "${HERALD:-}" ]; then
    echo "== building herald (release)" >&2
    scripts/build-release herald >&2
    HERALD=$(swift build -c release --show-bin-path)/herald
fi

if [ ! -s "$CORPUS/urls.txt" ]; then
    echo "== generating a $FEEDS-feed corpus in $CORPUS" >&2
    "$BENCH/gen_corpus.py" --feeds "$FEEDS" --port "$PORT" "$CORPUS" >&2
fi
"$BENCH/serve.sh" "$CORPUS" "$PORT" >&2

# write_config FILE ALERTS_FILE [INTERVAL] [FIRST_POLL_WINDOW]: every corpus feed, the running-example rule, a rule the
# corpus matches, and a file sink. Every corpus feed is on one host (127.0.0.1), where real feeds are
# spread over hundreds of publishers, so the per-host limit is raised to the global one (16), as a
# poller of 1,000 real feeds gets from their spread.
write_config() {
    python3 - "$CORPUS/urls.txt" "$1" "$2" "${3:-10m}" "${4:-all}" <<'EOF'
import sys
urls, config, alerts, interval, window = sys.argv[1:6]
with open(config, "w") as out:
    out.write("http:\n  max_transfers: 16\n  per_host: 16\n")
    out.write(f"defaults:\n  first_poll_window: {window}\n  max_body: 16MB\n  interval: {interval}\nfeeds:\n")
    for n, url in enumerate(u.strip() for u in open(urls) if u.strip()):
        out.write(f"  - name: f{n:04d}\n    url: {url}\n    allow_private_network: true\n")
    out.write(
        "rules:\n"
        "  - name: paris-talks\n"
        "    query: '(Syria OR Damascus OR Shaibani) (Israel OR Barrack) (Paris OR talks)'\n"
        "  - name: markets\n"
        "    query: '(\"central bank\" OR inflation) (euro OR yen OR dollar)'\n"
        f"sinks:\n  - name: archive\n    type: file\n    path: {alerts}\n")
EOF
    : >"$2"
}
