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

echo "== prerequisites: axe-core, the accessibility engine the browser tests run in both pages (npm, from the lock file)"
if [ ! -f tests/axe/node_modules/axe-core/axe.min.js ]; then
  (cd tests/axe && npm ci --no-audit --no-fund --silent)
fi

echo "== prerequisites: Azurite, Microsoft's Azure Storage emulator, for the Azure Storage tests (npm, from the lock file)"
if [ ! -x tests/azurite/node_modules/.bin/azurite ]; then
  (cd tests/azurite && npm ci --no-audit --no-fund --silent)
fi

echo "== infrastructure: bicep build and lint of infra/ (any error or warning fails)"
if ! bash scripts/bicep-build.sh; then
  status_infra=1
fi

echo "== restore and build (warnings are errors; the build fetches Web Chat's bundle from npm)"
dotnet build Chatbot.sln -c Release -nologo -v quiet

echo "== content: chatbot validate"
dotnet run --project src/Chatbot.Cli -c Release --no-build -- validate

echo "== Native AOT publish of the deployable (any trimming or AOT warning fails it, but Azure.Data.Tables' two: docs/decisions/005)"
mkdir -p artifacts
aot_log="artifacts/aot-publish.log"
if ! dotnet publish src/Chatbot.Functions -c Release -r linux-x64 -p:PublishAot=true -o artifacts/aot -nologo -v quiet >"$aot_log" 2>&1; then
  cat "$aot_log"
  echo "Native AOT publish failed" >&2
  aot_status=1
fi
if grep -E "warning (IL|SYSLIB)" "$aot_log" | grep -v "Assembly 'Azure.Data.Tables' produced" | grep -q .; then
  grep -E "warning (IL|SYSLIB)" "$aot_log" | sort -u >&2
  echo "Native AOT publish has warnings" >&2
  aot_status=1
fi

# The Azure Storage tests run this executable against Azurite (Azure.Data.Tables under AOT).
export CHATBOT_AOT_EXECUTABLE="$PWD/artifacts/aot/Chatbot.Functions"

echo "== tests"
results="artifacts/test-results"
rm -rf "$results"
set +e
dotnet test Chatbot.sln -c Release --no-build -nologo --logger "trx" --results-directory "$results" -- RunConfiguration.TreatNoTestsAsError=true
status=$?
set -e

[ "${status_infra:-0}" -eq 0 ] || status=1
[ "${aot_status:-0}" -eq 0 ] || status=1

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
