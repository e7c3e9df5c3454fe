#!/usr/bin/env bash
# Lists, in each dialogs/language/{fr,it,en}.yaml, the everyday words that the typo corrector would
# turn into a red-flag term ("fewer" -> "fever"), so the bot leaves them as typed. Rerun after
# changing red-flag rules or examples, review the diff (`chatbot not-typos` shows each correction),
# and put a word patients type for a red-flag term ("feint" for "faint") under meant_as_red_flags.
# The block it writes is the last thing in each file (it is rewritten from its first comment line to
# the end); keep meant_as_red_flags on one line.
# Installs Debian's word lists if missing (they are only read here, never shipped).
set -euo pipefail
cd "$(dirname "$0")/.."
declare -A lists=([en]="american-english british-english" [fr]=french [it]=italian)
missing=()
[ -f /usr/share/dict/american-english ] || missing+=(wamerican)
[ -f /usr/share/dict/british-english ] || missing+=(wbritish)
[ -f /usr/share/dict/french ] || missing+=(wfrench)
[ -f /usr/share/dict/italian ] || missing+=(witalian)
if [ ${#missing[@]} -gt 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null; fi
dotnet build src/Chatbot.Cli -c Release -nologo -v quiet >/dev/null
marker="# Everyday words one edit from a red-flag term"
for lang in en fr it; do
  file=dialogs/language/$lang.yaml
  paths=(); for l in ${lists[$lang]}; do paths+=("/usr/share/dict/$l"); done
  # Found against the content without the current list (the command ignores it).
  words=$(dotnet src/Chatbot.Cli/bin/Release/net10.0/chatbot.dll not-typos --dialogs dialogs "$lang" "${paths[@]}" | cut -f1 | paste -sd, | sed 's/,/, /g')
  meant=$(grep -m1 '^meant_as_red_flags:' "$file" || echo 'meant_as_red_flags: []')
  if ! grep -q "^$marker" "$file" && grep -q '^\(not_typos\|meant_as_red_flags\):' "$file"; then
    echo "$file: not_typos or meant_as_red_flags outside the generated block; move them under \"$marker\"" >&2; exit 1
  fi
  sed -i "/^$marker/,\$d" "$file"
  [ -z "$(tail -c1 "$file")" ] || echo >>"$file"
  {
    echo "$marker, which the typo corrector leaves as typed:"
    echo "# \"fewer\" is not \"fever\". Written by scripts/not-typos.sh from Debian's word lists: rerun it rather than"
    echo "# editing not_typos; a word patients type for a red-flag term (\"feint\" for \"faint\") goes under meant_as_red_flags."
    echo "$meant"
    echo "not_typos: [$words]" | fold -s -w 110 | sed -e "s/ $//" -e "2,\$s/^/  /"
  } >>"$file"
  echo "$file: $(wc -w <<<"$words") words"
done
