#!/usr/bin/env bash
# deps.sh — install the system packages Quoteline needs to build, test or run,
# on Debian or Ubuntu. Usage: scripts/deps.sh build|test
#
#   build: a C compiler and the X11/OpenGL headers Fyne compiles against.
#   test:  the above, plus Xvfb, xdotool and ImageMagick for the end-to-end tests.
#
# Packages already installed are left alone; nothing is installed when all are present.
set -euo pipefail

want=(gcc pkg-config libgl1-mesa-dev xorg-dev)
case "${1:-build}" in
  build) ;;
  test) want+=(xvfb xdotool imagemagick) ;;
  *) echo "deps.sh: unknown target '$1' (want build or test)" >&2; exit 2 ;;
esac

missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null; then
  echo "Quoteline needs these system packages: ${missing[*]}" >&2
  echo "This is not a Debian/Ubuntu system (no apt-get): install their equivalents by hand." >&2
  exit 1
fi
if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  sudo=(sudo -n)
else
  echo "Quoteline needs these system packages: ${missing[*]}" >&2
  echo "Installing them needs root. Run: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "Installing system packages: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
