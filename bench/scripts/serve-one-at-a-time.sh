#!/bin/bash
# Files dropped one at a time into a job watched by `yomitori serve` (2 workers, the three sample
# templates): seconds from each drop to the file being routed, serve's CPU seconds, and how often
# the reading workers were started. Each file is its own pass, as when a clerk scans one form at
# a time into a watched share.
#
#   bench/scripts/serve-one-at-a-time.sh [BINARY] [FILES] [SCANS_DIR] [KEEP_ENGINES]
#
# BINARY defaults to .build/release/yomitori, FILES to 8, SCANS_DIR to samples/scans (PNG files),
# KEEP_ENGINES to serve's default (pass 0 to unload the engines after every pass, as before
# 2026-12-05). Needs bc.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BIN=${1:-$ROOT/.build/release/yomitori}
N=${2:-8}
SCANS=${3:-$ROOT/samples/scans}
KEEP=${4:-}
DIR=$(mktemp -d /tmp/yomitori-serve-bench.XXXXXX)
trap 'rm -rf "$DIR"' EXIT
mkdir -p "$DIR"/{inbox,work,out,done,review,error,jobs,locks}
cat > "$DIR/jobs/bench.yaml" <<YAML
job: bench
inbox: "$DIR/inbox"
work: "$DIR/work"
trigger:
  watch: {settle_seconds: 0.5}
templates: ["$ROOT/samples/templates/a_juminhyo.yaml", "$ROOT/samples/templates/b_jido_koza.yaml", "$ROOT/samples/templates/c_tennyu.yaml"]
workers: 2
steps:
  - read
  - validate
  - export: {mapping: "$ROOT/samples/mappings/juminhyo_csv.yaml", to: "$DIR/out", name: "{job}_{date}_{seq}.csv"}
  - route: {accepted: "$DIR/done", review: "$DIR/review", invalid: "$DIR/error", failed: "$DIR/error"}
YAML
ARGS=(serve "$DIR/jobs" --ledger "$DIR/ledger.sqlite" --lock-dir "$DIR/locks")
[ -n "$KEEP" ] && ARGS+=(--keep-engines "$KEEP")
OMP_THREAD_LIMIT=1 "$BIN" "${ARGS[@]}" 2> "$DIR/serve.log" &
PID=$!
sleep 1.5
routed() { find "$DIR/done" "$DIR/review" "$DIR/error" -type f ! -name '*.error.*' | wc -l; }
i=0; total=0
for f in $(ls "$SCANS"/*.png | head -"$N"); do
  i=$((i + 1))
  t0=$(date +%s.%N)
  cp "$f" "$DIR/inbox/.incoming" && mv "$DIR/inbox/.incoming" "$DIR/inbox/$(basename "$f")"
  while [ "$(routed)" -lt "$i" ]; do sleep 0.01; done
  s=$(echo "$(date +%s.%N) - $t0" | bc)
  total=$(echo "$total + $s" | bc)
  printf '%s\t%.2f s\n' "$(basename "$f")" "$s"
done
CPU=$(awk '{printf "%.2f", ($14 + $15) / 100}' "/proc/$PID/stat")
RSS=$(awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$PID/status")
PEAK=$(awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$PID/status")
kill -TERM $PID; wait $PID || true
printf 'files %d, mean drop-to-routed %.2f s (settle 0.5 s included), serve CPU %s s, RSS %s MB (peak %s MB), workers started %d\n' \
  "$N" "$(echo "$total / $N" | bc -l)" "$CPU" "$RSS" "$PEAK" "$(grep -c 'reading workers started' "$DIR/serve.log" || true)"
