#!/usr/bin/env bash
# Screenshot check of the HTML report (not part of npm test): generates a small synthetic
# dataset, runs `acs-insights report` on it and renders the HTML in headless Chromium, with
# everything that could reach the network switched off. Look at the PNG it prints.
#
#   scripts/check-report-html.sh [calls=300]
set -euo pipefail

calls="${1:-300}"
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d /tmp/acs-report-check.XXXXXX)"
profile="$(mktemp -d /tmp/acs-report-chromium.XXXXXX)"
trap 'rm -rf "$work/logs" "$profile"' EXIT

if [[ ! -x /usr/bin/chromium ]]; then
  echo "installing Debian chromium (apt-get)…" >&2
  if [[ $(id -u) -eq 0 ]]; then apt=(apt-get); else apt=(sudo apt-get); fi
  "${apt[@]}" update -qq >&2
  DEBIAN_FRONTEND=noninteractive "${apt[@]}" install -y -qq chromium >&2
fi

cli=(node "$repo/bin/acs-insights.cjs")
"${cli[@]}" generate --out "$work/logs" --calls "$calls" >&2
"${cli[@]}" report --logs "$work/logs/archive" --html "$work/report.html" --no-progress > "$work/report.txt"

png="$work/report.png"
/usr/bin/chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$profile" --window-size=1280,2400 --screenshot="$png" "file://$work/report.html" \
  > "$work/chromium.log" 2>&1 || true

if [[ ! -s "$png" ]]; then
  echo "no screenshot was written; chromium said:" >&2
  cat "$work/chromium.log" >&2
  exit 1
fi
echo "terminal report: $work/report.txt" >&2
echo "html report:     $work/report.html" >&2
echo "$png"
