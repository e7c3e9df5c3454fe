#!/usr/bin/env bash
# HTTP load on loopback against the published handler: wrk posts varied FR/IT/EN message activities
# with deliveryMode expectReplies to /api/messages, 10 s at 1, 16 and 64 connections.
# Usage: bash scripts/load.sh [SECONDS] [aot]   (installs wrk, and clang for aot, if missing; loopback only)
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-10}
mode=${2:-jit}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
out=artifacts/load/$mode
if [ "$mode" = aot ]; then
  command -v clang >/dev/null || { apt-get update -qq && apt-get install -y -qq clang zlib1g-dev >/dev/null; }
  dotnet publish src/Chatbot.Functions -c Release -r linux-x64 -p:PublishAot=true -o "$out/app" -nologo -v quiet
else
  dotnet publish src/Chatbot.Functions -c Release -o "$out/app" -nologo -v quiet
fi
data=$(mktemp -d)
port=39780
ASPNETCORE_URLS=http://127.0.0.1:$port Storage__SqlitePath="$data/chatbot.db" Logging__LogLevel__Default=Warning "$out/app/Chatbot.Functions" &
pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/api/health" >/dev/null && break; sleep 0.1; done
wrk -t2 -c16 -d3s -s scripts/load/activity.lua "http://127.0.0.1:$port" >/dev/null   # warm-up, not reported
echo "build: $mode"
for conns in 1 16 64; do
  threads=$(( conns < 2 ? 1 : 2 ))
  result=$(wrk -t"$threads" -c"$conns" -d"${secs}s" --latency -s scripts/load/activity.lua "http://127.0.0.1:$port" | grep RESULT)
  echo "connections=$conns $result"
done
echo "peak RSS of the bot: $(grep VmHWM /proc/$pid/status | awk '{print $2/1024 " MB"}')"
