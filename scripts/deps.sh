#!/usr/bin/env bash
# deps.sh — install the system packages Quoteline needs to build, test or run,
# on Debian or Ubuntu. Usage: scripts/deps.sh build|test|dist
#
#   build: make, a C compiler and the X11/OpenGL headers Fyne compiles against.
#   test:  the above, plus Xvfb, xdotool and ImageMagick for the end-to-end tests,
#          and poppler-utils (pdftotext) to read exported PDFs back.
#   dist:  build's, plus the mingw-w64 cross compiler, NSIS, ImageMagick (icons),
#          desktop-file-utils, shared-mime-info, appstream, file and xz for `make dist`.
#
# Packages already installed are left alone; nothing is installed when all are
# present. Elsewhere than Debian/Ubuntu it checks what it can and says what is missing.
set -euo pipefail

want=(make ca-certificates gcc pkg-config libgl1-mesa-dev xorg-dev)
tools=(make gcc pkg-config)
case "${1:-build}" in
  build) ;;
  test)
    want+=(xvfb xdotool imagemagick poppler-utils strace)
    tools+=(Xvfb xdotool import pdftotext strace)
    ;;
  dist)
    want+=(gcc-mingw-w64-x86-64 nsis imagemagick desktop-file-utils shared-mime-info file xz-utils appstream)
    tools+=(x86_64-w64-mingw32-gcc makensis convert desktop-file-validate update-mime-database file xz appstreamcli)
    ;;
  *) echo "deps.sh: unknown target '$1' (want build, test or dist)" >&2; exit 2 ;;
esac

# Everything already here, whatever installed it? Then there is nothing to do.
have_all() {
  for t in "${tools[@]}"; do command -v "$t" >/dev/null || return 1; done
  pkg-config --exists gl x11 xrandr xcursor xinerama xi xxf86vm xfixes 2>/dev/null
}
have_all && exit 0

if ! command -v dpkg-query >/dev/null || ! command -v apt-get >/dev/null; then
  echo "Quoteline needs: ${tools[*]}, and the OpenGL and X11 development headers" >&2
  echo "(gl x11 xrandr xcursor xinerama xi xxf86vm xfixes for pkg-config)." >&2
  echo "This is not a Debian/Ubuntu system: install their equivalents by hand." >&2
  exit 1
fi

missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  sudo=(sudo -n)
elif command -v sudo >/dev/null && [ -t 0 ]; then
  echo "Installing system packages needs root: sudo will ask for your password." >&2
  sudo=(sudo)
else
  echo "Quoteline needs these system packages: ${missing[*]}" >&2
  echo "Installing them needs root. Run: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "Installing system packages: ${missing[*]}" >&2
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
