#!/usr/bin/env bash
# Telemetry's cost under load (issue 23): the Native AOT bot twice on loopback, telemetry off and on
# (OpenTelemetry exporting traces, metrics and logs by OTLP/HTTP to a loopback sink), taking turns
# at 64 connections with scripts/load/activity.lua, ROUNDS times, then side by side (both loaded at once);
# medians and on/off ratios of turns/s and of each bot's own CPU per turn; the share of each bot's CPU
# samples owned by telemetry code (perf, scripts/load/telemetry-share.awk). Then BenchmarkDotNet's one
# turn through the host, off and on. Writes artifacts/bench-telemetry/.
# Usage: bash scripts/benchmark-telemetry.sh [SECONDS per round, default 10] [ROUNDS, default 5]
# Loopback only; installs wrk and perf (linux-perf) when missing; needs clang for the publish.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
secs=${1:-10}
rounds=${2:-5}
out=artifacts/bench-telemetry
mkdir -p "$out"
missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v perf >/dev/null || missing+=(linux-perf)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

echo "== build: benchmarks, and the bot published Native AOT"
dotnet build tests/Chatbot.Benchmarks -c Release -nologo -v quiet
[ -x "$out/aot/Chatbot.Functions" ] && [ -z "${REBUILD:-}" ] ||
  dotnet publish src/Chatbot.Functions -c Release -r linux-x64 -p:PublishAot=true -o "$out/aot" -nologo -v quiet \
    >"$out/publish.log" 2>&1
off_data=$(mktemp -d) on_data=$(mktemp -d)
trap 'rm -rf "$off_data" "$on_data"; kill $(jobs -p) 2>/dev/null || true' EXIT
question='{"type":"message","id":"q","channelId":"emulator","serviceUrl":"http://127.0.0.1:9/",'\
'"from":{"id":"u"},"recipient":{"id":"b"},"conversation":{"id":"idle"},"locale":"fr-FR",'\
'"text":"faut il etre a jeun ?","deliveryMode":"expectReplies"}'
declare -A pid port
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
start() {
  local name=$1 data=$2
  port[$name]=$3
  shift 3
  env "$@" Storage__SqlitePath="$data/chatbot.db" Logging__LogLevel__Default=Warning \
    ASPNETCORE_URLS="http://127.0.0.1:${port[$name]}" "$out/aot/Chatbot.Functions" >/dev/null 2>&1 &
  pid[$name]=$!
  for _ in $(seq 300); do
    curl -sf -H 'Content-Type: application/json' -d "$question" "http://127.0.0.1:${port[$name]}/api/messages" \
      >/dev/null && break
    sleep 0.05
  done
}
dotnet tests/Chatbot.Benchmarks/bin/Release/net10.0/Chatbot.Benchmarks.dll otlp-sink 39795 >"$out/sink.txt" 2>&1 &
sink=$!
sleep 2
start off "$off_data" 39793
start on "$on_data" 39794 OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:39795 OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf
for name in off on; do wrk -t2 -c16 -d3s -s scripts/load/activity.lua "http://127.0.0.1:${port[$name]}" >/dev/null; done
: >"$out/load.txt"
# Taking turns round by round, so both meet the same (shared, drifting) machine, and swapping who
# goes first each round: two identical bots measured in a fixed order differed by 3-15 %.
for round in $(seq "$rounds"); do
  order="off on"; [ $((round % 2)) -eq 0 ] && order="on off"
  for name in $order; do
    before=$(cpu_ticks "${pid[$name]}")
    result=$(wrk -t2 -c64 -d"${secs}s" --latency -s scripts/load/activity.lua "http://127.0.0.1:${port[$name]}" \
      | grep RESULT)
    # The bot's own CPU (user + system) per turn: the cost of telemetry itself, whatever the machine's
    # speed does meanwhile (it moved between two levels within seconds on 2026-12-07).
    used=$(( $(cpu_ticks "${pid[$name]}") - before ))
    turns=$(sed -n 's/.*requests=\([0-9]*\).*/\1/p' <<<"$result")
    result="$result cpu_us_per_turn=$(awk -v t="$used" -v n="$turns" -v hz="$(getconf CLK_TCK)" \
      'BEGIN { printf "%.1f", t / hz * 1e6 / n }')"
    echo "$name round=$round $result" | tee -a "$out/load.txt"
  done
done
# Side by side: both bots loaded at once (32 connections each), so both meet the same machine at the
# same moment; the ratio of their turns/s and of their CPU per turn is then read round by round.
: >"$out/side.txt"
for round in $(seq "$rounds"); do
  declare -A before
  for name in off on; do before[$name]=$(cpu_ticks "${pid[$name]}"); done
  loads=()
  for name in off on; do
    wrk -t1 -c32 -d"${secs}s" --latency -s scripts/load/activity.lua "http://127.0.0.1:${port[$name]}" \
      | grep RESULT >"$out/side-$name.txt" &
    loads+=($!)
  done
  wait "${loads[@]}"
  for name in off on; do
    turns=$(sed -n 's/.*requests=\([0-9]*\).*/\1/p' "$out/side-$name.txt")
    cpu=$(awk -v t="$(( $(cpu_ticks "${pid[$name]}") - before[$name] ))" -v n="$turns" -v hz="$(getconf CLK_TCK)" \
      'BEGIN { printf "%.1f", t / hz * 1e6 / n }')
    echo "$name round=$round $(cat "$out/side-$name.txt") cpu_us_per_turn=$cpu" | tee -a "$out/side.txt"
  done
done
# Where each bot's CPU goes under the same load (perf's call-stack samples at 499 Hz): the share owned by
# telemetry code, the "off" bot being the control. A proportion within one process over the same
# seconds: the machine's drifting speed, which moves every timing above, moves it far less.
: >"$out/profile.txt"
for name in off on; do
  wrk -t2 -c64 -d"$((secs + 2))s" -s scripts/load/activity.lua "http://127.0.0.1:${port[$name]}" >/dev/null &
  sleep 1
  perf record -q -F 499 -g -p "${pid[$name]}" -o "$out/perf-$name.data" -- sleep "$secs" >/dev/null 2>&1
  wait $!
  echo "$name $(perf script -i "$out/perf-$name.data" 2>/dev/null | awk -f scripts/load/telemetry-share.awk)" \
    | tee -a "$out/profile.txt"
done
for name in off on; do kill "${pid[$name]}"; wait "${pid[$name]}" 2>/dev/null || true; done
kill "$sink"; wait "$sink" 2>/dev/null || true
cat "$out/sink.txt"
# value NAME MEASURE FILE: that measure of each of NAME's rounds, in round order.
value() { grep "^$1 " "$3" | sort -t= -k2 -n | sed -n "s/.* $2=\([0-9.]*\).*/\1/p"; }
middle() {
  sort -g | awk '{ v[NR] = $1 } END { printf "%.3f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
# ratios MEASURE FILE: on ÷ off, round by round.
ratios() { paste -d' ' <(value off "$1" "$2") <(value on "$1" "$2") | awk '{ printf "%.3f\n", $2 / $1 }'; }
{
  echo "64 connections, $rounds rounds of $secs s, medians: off / on / on÷off"
  for measure in rps p50_ms p90_ms p99_ms cpu_us_per_turn; do
    off=$(value off $measure "$out/load.txt" | middle) on=$(value on $measure "$out/load.txt" | middle)
    echo "$measure $off / $on / $(awk -v a="$on" -v b="$off" 'BEGIN { printf "%.3f", a / b }')"
  done
  # The machine speeds up and slows down within minutes: the ratio of each round's pair, then their median.
  echo "rps on÷off per round: $(ratios rps "$out/load.txt" | paste -sd' ')," \
    "median $(ratios rps "$out/load.txt" | middle)"
  for name in off on; do
    echo "errors $name $(value "$name" non2xx_or_errors "$out/load.txt" | paste -sd+ | bc)"
  done
  echo "side by side, $rounds rounds of $secs s, 32 connections each, on÷off per round:"
  for measure in rps cpu_us_per_turn; do
    echo "  $measure $(ratios $measure "$out/side.txt" | paste -sd' ')," \
      "median $(ratios $measure "$out/side.txt" | middle)"
  done
  echo "CPU samples owned by telemetry (perf, $secs s at 64 connections):" \
    "off $(value off telemetry_pct "$out/profile.txt") %, on $(value on telemetry_pct "$out/profile.txt") %"
} | tee "$out/summary.txt"

echo "== one turn through the host, BenchmarkDotNet (off, on)"
dotnet run --project tests/Chatbot.Benchmarks -c Release --no-build -- --filter '*TelemetryBenchmarks*' \
  --inProcess --warmupCount 5 --iterationCount 30 --iterationTime 250 --exporters github --artifacts "$out/bdn" \
  >"$out/bdn.log" 2>&1
grep -h "one turn through the host" "$out"/bdn/results/*TelemetryBenchmarks-report-github.md | tee -a "$out/summary.txt"
