#!/usr/bin/env bash
# Reproduces docs/playground.png: serve the app, type a short conversation through the playground
# API, and take a headless Chromium screenshot of "/". Needs Debian's chromium
# (apt-get install -y chromium); the machine may be offline, the page loads nothing external.
set -euo pipefail

cd "$(dirname "$0")/.."
base=http://localhost:3978
out=${1:-docs/playground.png}
log=$(mktemp)
profile=$(mktemp -d)

# setsid gives the app its own process group, so stopping it also stops the child dotnet process.
setsid dotnet run --project src/KlassenouderBot >"$log" 2>&1 &
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
today=$(date +%F)
offset=$(date +%:z)
say "Sanne" "Goedemorgen! Weet iemand of de gymtas morgen mee moet?" "${today}T08:12:00${offset}"
say "Mark" "Ja, donderdag is gym. Lange haren graag in een staart." "${today}T08:20:00${offset}"
say "Ilse" "Dank je! En de luizencontrole is volgende week woensdag toch?" "${today}T08:31:00${offset}"
say "Aylin" "Klopt, na de herfstvakantie. Ik help mee met controleren." "${today}T09:05:00${offset}"
say "Jeroen" "Ik vind het eerlijk gezegd raar dat er deze week alweer geen gym was." "${today}T21:47:00${offset}"
say "Peter" "Ik snap het, maar misschien even rustig navragen bij meester Tom?" "${today}T23:30:00${offset}"

chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$profile" --window-size=1400,900 --virtual-time-budget=4000 \
  --screenshot="$out" "$base/" 2>/dev/null
echo "wrote $out"
