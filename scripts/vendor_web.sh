#!/usr/bin/env bash
# Refresh the web app's vendored front-end files from the npm registry (run by hand, not in CI):
# Leaflet for the map, topojson-client and world-atlas for offline country outlines.
set -euo pipefail
cd "$(dirname "$0")/.."
target=src/unmist/web/static/vendor
work=$(mktemp -d)
(cd "$work" && npm pack --silent leaflet@1.9.4 topojson-client@3.1.0 world-atlas@2.0.2 >/dev/null)
for tarball in "$work"/*.tgz; do tar -xzf "$tarball" -C "$work" && mv "$work/package" "$work/$(basename "$tarball" .tgz)"; done
mkdir -p "$target/images"
cp "$work"/leaflet-1.9.4/dist/leaflet.js "$work"/leaflet-1.9.4/dist/leaflet.css "$work"/leaflet-1.9.4/LICENSE "$target/"
mv "$target/LICENSE" "$target/LEAFLET-LICENSE"
cp "$work"/leaflet-1.9.4/dist/images/* "$target/images/"
cp "$work"/topojson-client-3.1.0/dist/topojson-client.min.js "$target/"
cp "$work"/world-atlas-2.0.2/countries-110m.json "$target/"
rm -rf "$work"
ls -la "$target"
