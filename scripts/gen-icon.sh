#!/usr/bin/env bash
# Renders the marketplace icon (media/icon.png, 128x128) from media/icon.svg.
# Needs rsvg-convert (Debian: apt-get install librsvg2-bin). The PNG is committed.
set -euo pipefail
cd "$(dirname "$0")/.."
rsvg-convert --width 128 --height 128 media/icon.svg --output media/icon.png
