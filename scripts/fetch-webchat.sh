#!/usr/bin/env bash
# Puts Microsoft's Bot Framework Web Chat bundle (from the npm registry, pinned and checked against
# its published SHA-512) into wwwroot/lib, so the page needs no CDN at runtime. Idempotent.
set -euo pipefail
version=4.18.1
integrity="sha512-7jpEUJ7olT62Xm+8eh7BhhIcXVfU2xD4pZDaeBt8K4XcNy6K/83UGIxE9BFkXmHMZ4hDEVOzs5cre07GWuaXzg=="
target="$(cd "$(dirname "$0")/.." && pwd)/src/Chatbot.Functions/wwwroot/lib"
if [ -f "$target/webchat.js" ] && [ "$(cat "$target/webchat.version" 2>/dev/null)" = "$version" ]; then exit 0; fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack "botframework-webchat@$version" --silent >/dev/null 2>&1)
actual="sha512-$(openssl dgst -sha512 -binary "$work/botframework-webchat-$version.tgz" | base64 -w0)"
[ "$actual" = "$integrity" ] || { echo "botframework-webchat $version: integrity mismatch" >&2; exit 1; }
tar -xzf "$work/botframework-webchat-$version.tgz" -C "$work" package/dist/webchat.js package/LICENSE 2>/dev/null || tar -xzf "$work/botframework-webchat-$version.tgz" -C "$work" package/dist/webchat.js
mkdir -p "$target"
cp "$work/package/dist/webchat.js" "$target/webchat.js"
[ -f "$work/package/LICENSE" ] && cp "$work/package/LICENSE" "$target/webchat.LICENSE.txt"
echo "$version" > "$target/webchat.version"
echo "Web Chat $version -> $target/webchat.js"
