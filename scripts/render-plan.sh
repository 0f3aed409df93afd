#!/bin/sh
# Renders an exported plan page as a phone would show it, to check it by eye.
#
#   prepcoach export-plan "Dana Lee" --html -o plan.html
#   scripts/render-plan.sh plan.html            # writes plan.png (375x812, an iPhone-sized screen)
#   scripts/render-plan.sh plan.html out.png 390,844
#
# Needs Chromium (Debian/Ubuntu: apt-get install -y chromium). Also refuses a page
# that would fetch anything (src/href to another place, @import, url(http…)): the
# page must be self-contained to work offline on a phone.
# Exit status: 0 rendered, 1 not self-contained or rendering failed, 2 usage or no Chromium.
set -eu

page=${1:-}
if [ -z "$page" ] || [ ! -f "$page" ]; then
    echo "usage: scripts/render-plan.sh PAGE.html [OUT.png] [WIDTH,HEIGHT]" >&2
    exit 2
fi
out=${2:-${page%.*}.png}
size=${3:-375,812}

if grep -Eiq '(src|href)[[:space:]]*=[[:space:]]*["'\'']?[a-z]*:?//|@import|url\([[:space:]]*["'\'']?[a-z]*:?//' "$page"; then
    echo "error: $page refers to something outside itself; an exported plan must be self-contained" >&2
    exit 1
fi

browser=""
for candidate in chromium chromium-browser google-chrome google-chrome-stable; do
    if command -v "$candidate" >/dev/null 2>&1; then browser=$candidate; break; fi
done
if [ -z "$browser" ]; then
    echo "error: no Chromium found; install it (apt-get install -y chromium) or set PATH" >&2
    exit 2
fi

# A private profile folder, so a running browser or a read-only HOME does not interfere.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
absolute=$(cd "$(dirname "$page")" && pwd)/$(basename "$page")
rm -f "$out"
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$profile" \
    --screenshot="$out" --window-size="$size" "file://$absolute" >/dev/null 2>&1 || true
if [ ! -s "$out" ]; then
    echo "error: $browser did not render $page" >&2
    exit 1
fi
echo "$out"
