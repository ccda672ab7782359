#!/bin/sh
# Redraw the README's three chart pictures from the bundled data (needs: pip install '.[charts]').
set -e
cd "$(dirname "$0")/.."
hechi chart mulberry --png -o docs/charts/mulberry.png --force
hechi chart cocoon-output --png -o docs/charts/cocoon-output.png --force
hechi chart silkworm-first-china --lang zh --png -o docs/charts/silkworm-first-china-zh.png --force
