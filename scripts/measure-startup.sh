#!/usr/bin/env bash
# Start-up of the engine, as a cold instance sees it: publish the CLI ReadyToRun, then start it
# 7 times and report the median of "process start -> content validated and classifier ready".
set -euo pipefail
cd "$(dirname "$0")/.."
out=artifacts/startup
dotnet publish src/Chatbot.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$out" -nologo -v quiet
for _ in 1 2 3 4 5 6 7; do
  "$out/chatbot" bench --dialogs dialogs --startup-only
done | tee /dev/stderr | sed -n 's/.*since process start: \([0-9]*\) ms.*/\1/p' | sort -n | awk '{a[NR]=$1} END {print "median of " NR " starts: " a[int((NR+1)/2)] " ms from process start to classifier ready"}'
