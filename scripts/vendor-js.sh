#!/usr/bin/env bash
# Re-vendor the browser libraries from the npm registry (run by a developer, never at run time).
# The workbench serves these files from the package: no CDN. Versions are pinned here and listed in
# src/torkham/web/static/vendor/README.md with their licences.
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm init -y >/dev/null && npm install --no-audit --no-fund leaflet@1.9.4 cytoscape@3.35.0 axe-core@4.14.1 >/dev/null)
n="$work/node_modules"
v=src/torkham/web/static/vendor
mkdir -p "$v/leaflet" "$v/cytoscape" tests/web/vendor/axe-core
cp "$n/leaflet/dist/leaflet.js" "$n/leaflet/dist/leaflet.css" "$n/leaflet/LICENSE" "$v/leaflet/"
cp -r "$n/leaflet/dist/images" "$v/leaflet/"
cp "$n/cytoscape/dist/cytoscape.min.js" "$n/cytoscape/LICENSE" "$v/cytoscape/"
cp "$n/axe-core/axe.min.js" "$n/axe-core/LICENSE" "$n/axe-core/LICENSE-3RD-PARTY.txt" tests/web/vendor/axe-core/
