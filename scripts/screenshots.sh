#!/usr/bin/env bash
# Renders the README's screenshots of the bundled examples' report:
#   docs/report-html.png  — report.html in headless Chromium
#   docs/report-xlsx.png  — the workbook's Summary and Workflows sheets, via LibreOffice → PDF → PNG
# Needs: chromium, libreoffice (calc) and pdftoppm (poppler-utils), e.g. on Debian:
#   apt-get install -y chromium libreoffice-calc-nogui poppler-utils
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
mkdir -p "$root/docs"

"$root/flowcost" report "$root/examples" --workload "$root/examples/workload.yaml" --out "$out/report" >/dev/null

chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$out/chrome" --hide-scrollbars \
  --window-size=1280,2200 --screenshot="$root/docs/report-html.png" "file://$out/report/report.html" 2>/dev/null

(cd "$out" && soffice --headless --convert-to pdf --outdir "$out" "$out/report/report.xlsx" >/dev/null 2>&1)
pdftoppm -png -r 80 -f 1 -l 1 "$out/report.pdf" "$out/sheet"
cp "$(ls "$out"/sheet*.png | head -n 1)" "$root/docs/report-xlsx.png"
echo "wrote $root/docs/report-html.png and $root/docs/report-xlsx.png"
