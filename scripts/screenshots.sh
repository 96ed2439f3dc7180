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

# a LibreOffice profile that recalculates every formula on load (the workbook stores formulas, not their values)
mkdir -p "$out/lo/user"
cat > "$out/lo/user/registrymodifications.xcu" <<'XCU'
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
XCU
(cd "$out" && soffice -env:UserInstallation="file://$out/lo" --headless --convert-to pdf --outdir "$out" \
  "$out/report/report.xlsx" >/dev/null 2>&1)
pdftoppm -png -r 80 -f 1 -l 1 "$out/report.pdf" "$out/sheet"
cp "$(ls "$out"/sheet*.png | head -n 1)" "$root/docs/report-xlsx.png"
echo "wrote $root/docs/report-html.png and $root/docs/report-xlsx.png"
