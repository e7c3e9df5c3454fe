#!/usr/bin/env bash
# Telemetry's cost under load (issue 23): the Native AOT bot twice on loopback, telemetry off and on
# (OpenTelemetry exporting traces, metrics and logs by OTLP/HTTP to a loopback sink), taking turns
# at 64 connections with scripts/load/activity.lua, ROUNDS times; medians and on/off ratios. Then
# BenchmarkDotNet's one turn through the host, off and on. Writes artifacts/bench-telemetry/.
# Usage: bash scripts/benchmark-telemetry.sh [SECONDS per round, default 10] [ROUNDS, default 5]
# Loopback only; needs wrk and clang (as scripts/benchmark.sh installs them).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
secs=${1:-10}
rounds=${2:-5}
out=artifacts/bench-telemetry
mkdir -p "$out"
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }

echo "== build: benchmarks, and the bot published Native AOT"
dotnet build tests/Chatbot.Benchmarks -c Release -nologo -v quiet
[ -x "$out/aot/Chatbot.Functions" ] && [ -z "${REBUILD:-}" ] ||
  dotnet publish src/Chatbot.Functions -c Release -r linux-x64 -p:PublishAot=true -o "$out/aot" -nologo -v quiet >"$out/publish.log" 2>&1
off_data=$(mktemp -d) on_data=$(mktemp -d)
trap 'rm -rf "$off_data" "$on_data"; kill $(jobs -p) 2>/dev/null || true' EXIT
question='{"type":"message","id":"q","channelId":"emulator","serviceUrl":"http://127.0.0.1:9/","from":{"id":"u"},"recipient":{"id":"b"},"conversation":{"id":"idle"},"locale":"fr-FR","text":"faut il etre a jeun ?","deliveryMode":"expectReplies"}'
declare -A pid port
start() {
  local name=$1 data=$2
  port[$name]=$3
  shift 3
  env "$@" Storage__SqlitePath="$data/chatbot.db" Logging__LogLevel__Default=Warning \
    ASPNETCORE_URLS="http://127.0.0.1:${port[$name]}" "$out/aot/Chatbot.Functions" >/dev/null 2>&1 &
  pid[$name]=$!
  for _ in $(seq 300); do
    curl -sf -H 'Content-Type: application/json' -d "$question" "http://127.0.0.1:${port[$name]}/api/messages" >/dev/null && break
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
    result=$(wrk -t2 -c64 -d"${secs}s" --latency -s scripts/load/activity.lua "http://127.0.0.1:${port[$name]}" | grep RESULT)
    echo "$name round=$round $result" | tee -a "$out/load.txt"
  done
done
for name in off on; do kill "${pid[$name]}"; wait "${pid[$name]}" 2>/dev/null || true; done
kill "$sink"; wait "$sink" 2>/dev/null || true
cat "$out/sink.txt"
median() { grep "^$1 " "$out/load.txt" | sed -n "s/.* $2=\([0-9.]*\).*/\1/p" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
{
  echo "64 connections, $rounds rounds of $secs s, medians: off / on / on÷off"
  for measure in rps p50_ms p90_ms p99_ms; do
    off=$(median off $measure) on=$(median on $measure)
    echo "$measure $off / $on / $(awk -v a="$on" -v b="$off" 'BEGIN { printf "%.3f", a / b }')"
  done
  # The machine speeds up and slows down within minutes: the ratio of each round's pair, then their median.
  echo "rps on÷off per round: $(paste -d' ' <(grep '^off ' "$out/load.txt" | sort -t= -k2 -n | sed -n 's/.*rps=\([0-9.]*\).*/\1/p') \
    <(grep '^on ' "$out/load.txt" | sort -t= -k2 -n | sed -n 's/.*rps=\([0-9.]*\).*/\1/p') | awk '{ printf "%.3f ", $2 / $1 }'), \
median $(paste -d' ' <(grep '^off ' "$out/load.txt" | sort -t= -k2 -n | sed -n 's/.*rps=\([0-9.]*\).*/\1/p') \
    <(grep '^on ' "$out/load.txt" | sort -t= -k2 -n | sed -n 's/.*rps=\([0-9.]*\).*/\1/p') | awk '{ print $2 / $1 }' | sort -g \
    | awk '{ v[NR] = $1 } END { printf "%.3f", (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }')"
  echo "errors off $(grep '^off ' "$out/load.txt" | sed -n 's/.*non2xx_or_errors=\([0-9]*\).*/\1/p' | paste -sd+ | bc), on $(grep '^on ' "$out/load.txt" | sed -n 's/.*non2xx_or_errors=\([0-9]*\).*/\1/p' | paste -sd+ | bc)"
} | tee "$out/summary.txt"

echo "== one turn through the host, BenchmarkDotNet (off, on)"
dotnet run --project tests/Chatbot.Benchmarks -c Release --no-build -- --filter '*TelemetryBenchmarks*' \
  --inProcess --warmupCount 5 --iterationCount 30 --iterationTime 250 --exporters github --artifacts "$out/bdn" >"$out/bdn.log" 2>&1
grep -h "one turn through the host" "$out"/bdn/results/*TelemetryBenchmarks-report-github.md | tee -a "$out/summary.txt"
