#!/usr/bin/env bash
# The whole test suite, on a fresh machine with only the .NET SDK. Idempotent.
# Prints a final "N passed, N failed" line; exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

echo "== prerequisites (idempotent): Debian's chromium for the browser tests, clang for Native AOT"
if [ ! -x /usr/bin/chromium ] || ! command -v clang >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium clang zlib1g-dev >/dev/null
fi

echo "== prerequisites: Microsoft's Direct Line client for the protocol test (npm, from the lock file)"
if [ ! -d tests/directlinejs/node_modules/botframework-directlinejs ]; then
  (cd tests/directlinejs && npm ci --no-audit --no-fund --silent)
fi

echo "== restore and build (warnings are errors; the build fetches Web Chat's bundle from npm)"
dotnet build Chatbot.sln -c Release -nologo -v quiet

echo "== content: chatbot validate"
dotnet run --project src/Chatbot.Cli -c Release --no-build -- validate

echo "== tests"
results="artifacts/test-results"
rm -rf "$results"
set +e
dotnet test Chatbot.sln -c Release --no-build -nologo --logger "trx" --results-directory "$results" -- RunConfiguration.TreatNoTestsAsError=true
status=$?
set -e

echo "== Native AOT publish of the deployable (any trimming or AOT warning fails it)"
if ! dotnet publish src/Chatbot.Functions -c Release -r linux-x64 -p:PublishAot=true -o artifacts/aot -nologo -v quiet; then
  echo "Native AOT publish failed" >&2
  status=1
fi

passed=0
failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done
if [ "$passed" -eq 0 ] && [ "$status" -eq 0 ]; then
  echo "no test ran" >&2
  status=1
fi
echo "$passed passed, $failed failed"
exit "$status"
