#!/usr/bin/env bash
# The escalation-heavy load of issue 22 (item 9): wrk with scripts/load/escalations.lua (half the messages
# emergencies, crises or requests for a person; a new conversation every four messages, so thousands of
# escalations open) at CONNECTIONS for SECONDS, ROUNDS times, each round on a fresh process and SQLite file.
# Prints one line per round: RESULT (wrk) plus RSS at rest, peak RSS (VmHWM), the open escalations, the
# load average. Used by scripts/benchmark.sh; alone:
#   bash scripts/load-escalations.sh COMMAND...   (env: SECONDS_PER_ROUND=60 ROUNDS=3 CONNECTIONS=32)
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${SECONDS_PER_ROUND:-60}
rounds=${ROUNDS:-3}
conns=${CONNECTIONS:-32}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
command -v sqlite3 >/dev/null || { apt-get update -qq && apt-get install -y -qq sqlite3 >/dev/null; }
question='{"type":"message","id":"q","channelId":"emulator","serviceUrl":"http://127.0.0.1:9/","from":{"id":"u"},"recipient":{"id":"b"},"conversation":{"id":"idle"},"locale":"fr-FR","text":"faut il etre a jeun ?","deliveryMode":"expectReplies"}'
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
rss() { awk -v k="$2:" '$1 == k {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }
for round in $(seq "$rounds"); do
  data=$(mktemp -d)
  port=$(free_port)
  Storage__SqlitePath="$data/chatbot.db" Logging__LogLevel__Default=Warning ASPNETCORE_URLS="http://127.0.0.1:$port" "$@" >/dev/null 2>&1 &
  pid=$!
  for _ in $(seq 300); do
    curl -sf -H 'Content-Type: application/json' -d "$question" "http://127.0.0.1:$port/api/messages" >/dev/null && break
    sleep 0.05
  done
  sleep 3   # at rest: one question answered, nothing since
  idle=$(rss "$pid" VmRSS)
  result=$(wrk -t2 -c"$conns" -d"${secs}s" --latency -s scripts/load/escalations.lua "http://127.0.0.1:$port" | grep RESULT)
  peak=$(rss "$pid" VmHWM)
  kill "$pid" && wait "$pid" 2>/dev/null || true
  open=$(sqlite3 "$data/chatbot.db" "SELECT count(*) FROM escalation WHERE status = 'open'")
  echo "round=$round $result idle_rss_mb=$idle peak_rss_mb=$peak open_escalations=$open load=$(cut -d' ' -f1 /proc/loadavg)"
  rm -rf "$data"
done
