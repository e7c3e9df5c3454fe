#!/usr/bin/env bash
# Cold start of each way the one project is built (docs/decisions/015), in one run: spawn -> first
# answered question, median of 7 (tests/Chatbot.Benchmarks coldstart), against the reference echo bot.
#   aot: the plain server, Native AOT (containers);   r2r / jit: the worker's publish, ReadyToRun
#   and not, framework-dependent, started alone as the plain server, then started as a worker through
#   the tests' gRPC stand-in of the Functions host (coldstart-worker: spawn -> functions loaded -> first
#   question answered over a gRPC invocation and its forwarded request).
# Not run by CI. Prints the load average before and after: read the ratios on a busy machine.
# Usage: bash scripts/coldstart-hosts.sh   (installs clang and Node.js if missing; loopback only)
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
out=artifacts/coldstart
mkdir -p "$out"
command -v clang >/dev/null || { apt-get update -qq && apt-get install -y -qq clang zlib1g-dev >/dev/null; }
command -v node >/dev/null || { apt-get update -qq && apt-get install -y -qq nodejs npm >/dev/null; }
[ -d benchmarks/reference-echo/node_modules/botbuilder ] || (cd benchmarks/reference-echo && npm ci --no-audit --no-fund --silent)
dotnet build tests/Chatbot.Benchmarks -c Release -nologo -v quiet
dotnet publish src/Chatbot.Functions -c Release -r linux-x64 -p:PublishAot=true -o "$out/aot" -nologo -v quiet >"$out/aot.log" 2>&1
dotnet publish src/Chatbot.Functions -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  -o "$out/r2r" -nologo -v quiet >"$out/r2r.log" 2>&1
dotnet publish src/Chatbot.Functions -c Release -r linux-x64 --self-contained false -o "$out/jit" -nologo -v quiet >"$out/jit.log" 2>&1
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
export Storage__SqlitePath="$data/chatbot.db" Logging__LogLevel__Default=Warning
bench=tests/Chatbot.Benchmarks/bin/Release/net10.0/Chatbot.Benchmarks.dll
coldstart() { dotnet "$bench" coldstart -n 7 -- "$@" | tail -1; }
worker() { dotnet "$bench" coldstart-worker -n 7 -- "$1" | tail -1; }
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "aot (plain server, Native AOT): $(coldstart "$out/aot/Chatbot.Functions")"
echo "r2r (worker build, alone, ReadyToRun): $(coldstart "$out/r2r/Chatbot.Functions")"
echo "jit (worker build, alone, JIT): $(coldstart "$out/jit/Chatbot.Functions")"
echo "r2r (worker through the gRPC stand-in, ReadyToRun): $(worker "$out/r2r")"
echo "jit (worker through the gRPC stand-in, JIT): $(worker "$out/jit")"
echo "reference (botbuilder echo): $(coldstart node benchmarks/reference-echo/index.js)"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
