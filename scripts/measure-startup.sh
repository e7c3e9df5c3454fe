#!/usr/bin/env bash
# Start-up of the engine as a cold instance sees it: process start -> dialogs/ validated and the
# classifier trained. Publishes the CLI Native AOT (installs clang when missing) and ReadyToRun,
# starts each 7 times, prints the medians.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v clang >/dev/null || { apt-get update -qq && apt-get install -y -qq clang zlib1g-dev >/dev/null; }
median() { sed -n 's/.*since process start: \([0-9]*\) ms.*/\1/p' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
measure() {
  local label=$1 exe=$2
  local ms
  ms=$(for _ in 1 2 3 4 5 6 7; do "$exe" bench --dialogs dialogs --startup-only; done | median)
  echo "$label: median of 7 starts: $ms ms from process start to classifier ready"
}
dotnet publish src/Chatbot.Cli -c Release -r linux-x64 -p:PublishAot=true -o artifacts/startup/aot -nologo -v quiet
dotnet publish src/Chatbot.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o artifacts/startup/r2r -nologo -v quiet
measure "Native AOT" artifacts/startup/aot/chatbot
measure "ReadyToRun" artifacts/startup/r2r/chatbot
