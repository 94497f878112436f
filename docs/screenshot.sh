#!/usr/bin/env bash
# Reproduces docs/playground.png: serve the app, type a short conversation through the playground
# API, and take a headless Chromium screenshot of "/". Needs Debian's chromium
# (apt-get install -y chromium); the machine may be offline, the page loads nothing external.
set -euo pipefail

cd "$(dirname "$0")/.."
# PORT lets the script run while another copy of the app holds the default port.
base=http://localhost:${PORT:-3978}
out=${1:-docs/playground.png}
log=$(mktemp)
profile=$(mktemp -d)

# setsid gives the app its own process group, so stopping it also stops the child dotnet process.
setsid dotnet run --project src/KlassenouderBot -- --urls "$base" >"$log" 2>&1 &
app=$!
trap 'kill -- -"$app" 2>/dev/null || true; rm -rf "$profile"' EXIT

for _ in $(seq 1 120); do
  curl -sf "$base/healthz" >/dev/null && break
  sleep 1
done
curl -sf "$base/healthz" >/dev/null || { echo "app did not start; log: $log" >&2; exit 1; }

say() { # author, text, optional ISO time
  local time=${3:+\"$3\"}
  curl -sf -X POST "$base/playground/api/messages" -H 'Content-Type: application/json' \
    -d "{\"room\":\"groep-5\",\"author\":\"$1\",\"text\":\"$2\",\"time\":${time:-null}}" >/dev/null
}

curl -sf -X POST "$base/playground/api/rooms/groep-5/reset" >/dev/null
# Times start now and run forward: the bot's replies then carry the time of the message they answer
# (a reply is never dated before "now"), and the page reads the level at the last message, while it is hot.
at() { date -d "+$1 min" +%FT%T%:z; }
say "Sanne" "Goedemorgen! Weet iemand of de gymtas morgen mee moet?" "$(at 0)"
say "Mark" "Ja, donderdag is gym. Lange haren graag in een staart." "$(at 4)"
say "Jeroen" "Ik vind het eerlijk gezegd raar dat er deze week alweer geen gym was. Weet iemand waarom?" "$(at 31)"
say "Mark" "Die juf is een kankerjuf, ze kan er gewoon helemaal niks van" "$(at 35)"
say "Ilse" "Precies, wat een trut is het, wie doet er mee met een brief dat ze weg moet?" "$(at 38)"
say "Peter" "Ik doe mee, die moet gewoon weg" "$(at 40)"

# The page shows times in the browser's zone and the alert text in the school's: make them the same.
TZ=Europe/Amsterdam chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$profile" --window-size=1400,900 --virtual-time-budget=4000 \
  --screenshot="$out" "$base/" 2>/dev/null
echo "wrote $out"
