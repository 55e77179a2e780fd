#!/usr/bin/env bash
# The system parts the app and its test suites drive for real: Debian's chromium (Playwright),
# tesseract with Swedish data (scanned PDFs), cairo (SVG to PNG/PDF), node (ical.js, node-ical),
# libical with gcc and pkg-config (tests/libical/occurrences.c, Evolution's reader, built by the tests).
# Installs what is missing when run as root on Debian; otherwise says what is missing.
set -euo pipefail
# `sysdeps.sh run`: only what the app itself needs (OCR, SVG export); no argument: the test suites too.
packages=(tesseract-ocr tesseract-ocr-swe libcairo2 fonts-dejavu-core fonts-liberation)
if [ "${1:-test}" != run ]; then
  packages+=(chromium poppler-utils gcc pkg-config libical-dev)
  command -v node >/dev/null 2>&1 || packages+=(nodejs)
  command -v npm >/dev/null 2>&1 || packages+=(npm)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing system packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "missing system packages: ${missing[*]}" >&2
  echo "install them with: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
