#!/usr/bin/env bash
# Puts Microsoft's Bot Framework Web Chat bundle, and the React 16.8.6 it is built with, into
# wwwroot/lib (from the npm registry, pinned and checked against their published SHA-512), so the
# page needs no CDN at runtime. React is loaded before Web Chat, as Microsoft's customisation samples
# do: Web Chat then uses that React, and the page can render the care team's and emergency messages
# in their own way (activityMiddleware). Idempotent.
set -euo pipefail
stamp="webchat-4.18.1 react-16.8.6"
target="$(cd "$(dirname "$0")/.." && pwd)/src/Chatbot.Functions/wwwroot/lib"
if [ -f "$target/webchat.js" ] && [ "$(cat "$target/webchat.version" 2>/dev/null)" = "$stamp" ]; then exit 0; fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$target"

# fetch NAME VERSION INTEGRITY FILE-IN-PACKAGE TARGET-NAME
fetch() {
  local name=$1 version=$2 integrity=$3 file=$4 into=$5
  (cd "$work" && npm pack "$name@$version" --silent >/dev/null 2>&1)
  local tgz="$work/$name-$version.tgz"
  local actual
  actual="sha512-$(openssl dgst -sha512 -binary "$tgz" | base64 -w0)"
  [ "$actual" = "$integrity" ] || { echo "$name $version: integrity mismatch" >&2; exit 1; }
  rm -rf "$work/package"
  tar -xzf "$tgz" -C "$work" "package/$file"
  tar -xzf "$tgz" -C "$work" package/LICENSE 2>/dev/null || true
  cp "$work/package/$file" "$target/$into"
  [ -f "$work/package/LICENSE" ] && cp "$work/package/LICENSE" "$target/$name.LICENSE.txt"
  echo "$name $version -> $target/$into"
}

fetch botframework-webchat 4.18.1 \
  "sha512-7jpEUJ7olT62Xm+8eh7BhhIcXVfU2xD4pZDaeBt8K4XcNy6K/83UGIxE9BFkXmHMZ4hDEVOzs5cre07GWuaXzg==" \
  dist/webchat.js webchat.js
fetch react 16.8.6 \
  "sha512-pC0uMkhLaHm11ZSJULfOBqV4tIZkx87ZLvbbQYunNixAAvjnC+snJCg0XQXn9VIsttVsbZP/H/ewzgsd5fxKXw==" \
  umd/react.production.min.js react.js
fetch react-dom 16.8.6 \
  "sha512-1nL7PIq9LTL3fthPqwkvr2zY7phIPjYrT0jp4HjyEQrEROnw4dG41VVwi/wfoCneoleqrNX7iAD+pXebJZwrwA==" \
  umd/react-dom.production.min.js react-dom.js
echo "$stamp" > "$target/webchat.version"
