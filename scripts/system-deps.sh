#!/usr/bin/env bash
# Debian packages the tests need: Chromium (the add-in pages are tested in a real
# headless browser), xmllint (the manifest is validated against Microsoft's XSDs)
# and a CJK font for the screenshots.
# Installs only what is missing; uses sudo when not run as root.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || need+=(chromium)
command -v xmllint >/dev/null 2>&1 || need+=(libxml2-utils)
# a CJK font, so that the browser tests' screenshots show the Chinese UI
fc-list 2>/dev/null | grep -qi 'wqy\|noto.*cjk' || need+=(fonts-wqy-microhei)
[ ${#need[@]} -eq 0 ] && exit 0
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${need[@]}"
