#!/usr/bin/env bash
# Validates infra/ with the Bicep compiler: build, build-params and lint must report zero errors
# AND zero warnings (linter warnings included). Installs the compiler on first use from NuGet
# (Azure.Bicep.CommandLine.linux-x64 through scripts/bicep/bicep.proj, kept apart from the
# solution's central package management); idempotent, a few seconds once cached.
# Usage: bash scripts/bicep-build.sh     Exit code: 0 clean, 1 any diagnostic or failure.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

version="0.49.2"
package_dir="${NUGET_PACKAGES:-$HOME/.nuget/packages}/azure.bicep.commandline.linux-x64/$version"

find_bicep() { [ -d "$package_dir" ] && find "$package_dir" -type f -name bicep | head -n 1 || true; }

bicep="$(find_bicep)"
if [ -z "$bicep" ]; then
  echo "== installing Bicep $version (NuGet package Azure.Bicep.CommandLine.linux-x64)"
  dotnet restore scripts/bicep/bicep.proj -nologo -v quiet
  bicep="$(find_bicep)"
  if [ -z "$bicep" ]; then
    echo "bicep-build: FAILED - no bicep executable under $package_dir" >&2
    exit 1
  fi
fi
[ -x "$bicep" ] || chmod +x "$bicep"

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0

# Runs one bicep command; its diagnostics (stderr) are kept, the compiled JSON (stdout) is not.
run() {
  echo "== bicep $*"
  if ! "$bicep" "$@" >/dev/null 2>>"$log"; then
    status=1
  fi
}

"$bicep" --version
run build infra/main.bicep --stdout
run build-params infra/main.bicepparam --stdout
run lint infra/main.bicep
# Modules are compiled and linted through main.bicep; lint each file too, in case one is orphaned.
for module in infra/modules/*.bicep; do
  run lint "$module"
done

# The same diagnostic is reported by several commands: show each once.
diagnostics="$(sort -u "$log")"
if [ -n "$diagnostics" ]; then
  echo "$diagnostics"
fi
errors="$(grep -c ' : Error ' <<<"$diagnostics" || true)"
warnings="$(grep -c ' : Warning ' <<<"$diagnostics" || true)"

if [ "$status" -ne 0 ] || [ -n "$diagnostics" ]; then
  echo "bicep-build: FAILED - $errors error(s), $warnings warning(s) in infra/ (bicep $version)"
  exit 1
fi
files="$(find infra -name '*.bicep' -o -name '*.bicepparam' | wc -l)"
echo "bicep-build: OK - infra/ builds and lints with 0 errors, 0 warnings ($files files, bicep $version)"
