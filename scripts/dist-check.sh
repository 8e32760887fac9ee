#!/usr/bin/env bash
# dist-check.sh — check what scripts/dist.sh put in dist/, without installing
# anything: unpack the .deb into a temporary root and run the binary from it,
# list its files, check its dependencies cover what the binary links against,
# validate the desktop entry, MIME type and AppStream metainfo (and that the
# tarball's Makefile installs it); check the Windows binary is a
# 64-bit GUI PE with a version resource and the installer is there; untar the
# tarball and run its binary. Exits non-zero on the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/deps.sh dist

fail() { echo "dist-check: FAIL: $*" >&2; exit 1; }
ok() { echo "ok: $*"; }

version=$(scripts/version.sh)
deb=dist/quoteline_${version}_amd64.deb
tarball=dist/quoteline-$version-linux-amd64.tar.xz
exe=dist/quoteline.exe
setup=dist/Quoteline-$version-setup.exe
for f in "$deb" "$tarball" "$exe" "$setup" dist/SHA256SUMS; do
  [ -s "$f" ] || fail "$f is missing or empty (run make dist)"
done

tmp=$(mktemp -d -t quoteline-dist-check.XXXXXX)
trap 'rm -rf "$tmp"' EXIT

echo "== checksums"
(cd dist && sha256sum --check --strict SHA256SUMS) || fail "SHA256SUMS does not match dist/"
for f in "$deb" "$tarball" "$exe" "$setup"; do
  grep -q " ${f#dist/}\$" dist/SHA256SUMS || fail "SHA256SUMS has no line for $f"
done

# run_version BINARY: its --version must print this version.
run_version() {
  local got
  got=$("$1" --version) || fail "$1 --version exited with $?"
  [ "$got" = "quoteline $version" ] || fail "$1 --version printed '$got', want 'quoteline $version'"
  ok "$got"
}

# check_metainfo FILE: the AppStream metadata software centres read is valid,
# names the desktop entry and MIME type we ship, and its newest release is
# this version.
check_metainfo() {
  local m=$1
  [ -f "$m" ] || fail "no AppStream metainfo at ${m#"$tmp"/}"
  if command -v appstreamcli >/dev/null; then
    appstreamcli validate --no-net --no-color "$m" || fail "appstreamcli rejects ${m#"$tmp"/}"
  else
    echo "appstreamcli not installed: schema validation skipped" >&2
    xmllint --noout "$m" 2>/dev/null || python3 -c 'import sys, xml.dom.minidom as d; d.parse(sys.argv[1])' "$m" ||
      fail "${m#"$tmp"/} is not well-formed XML"
  fi
  grep -q '<launchable type="desktop-id">app.quoteline.desktop.desktop</launchable>' "$m" ||
    fail "metainfo does not launch app.quoteline.desktop.desktop"
  grep -q '<mediatype>application/x-quoteline</mediatype>' "$m" || fail "metainfo does not provide application/x-quoteline"
  local newest
  newest=$(grep -o '<release version="[^"]*"' "$m" | head -n1 | cut -d'"' -f2)
  [ "$newest" = "$version" ] || fail "metainfo's newest release is '$newest', not $version (add a <release> for it)"
  ok "AppStream metainfo valid, release $version"
}

echo "== $deb"
dpkg-deb --info "$deb"
dpkg-deb --contents "$deb"
[ "$(dpkg-deb --field "$deb" Version)" = "$version-1" ] || fail "package version is not $version-1"
root=$tmp/deb
dpkg-deb --extract "$deb" "$root"
bin=$root/usr/bin/quoteline
[ -x "$bin" ] || fail "no executable usr/bin/quoteline in $deb"
run_version "$bin"
file "$bin" | grep -q 'ELF 64-bit.*x86-64.*stripped' || fail "usr/bin/quoteline is not a stripped x86-64 ELF: $(file -b "$bin")"
if file "$bin" | grep -q 'not stripped'; then fail "usr/bin/quoteline is not stripped"; fi
ok "binary is a stripped x86-64 ELF"

# Every library the binary links against, and every X11 library GLFW opens
# with dlopen, must come from a package the .deb depends on.
depends=$(dpkg-deb --field "$deb" Depends)
libs=$({ objdump -p "$bin" | awk '/NEEDED/ {print $2}'
  strings "$bin" | grep -E '^libX[a-zA-Z0-9]*\.so\.[0-9]+$'; } | sort -u)
for lib in $libs; do
  pkg=$(dpkg -S "*/x86_64-linux-gnu/$lib" 2>/dev/null | head -n1 | cut -d: -f1) || true
  [ -n "$pkg" ] || fail "cannot tell which package provides $lib"
  [[ ", $depends," == *", $pkg"[\ ,]* ]] || fail "$lib comes from $pkg, which Depends ($depends) lacks"
  ok "$lib from $pkg (in Depends)"
done

desktop=$root/usr/share/applications/app.quoteline.desktop.desktop
[ -f "$desktop" ] || fail "no desktop entry in $deb"
desktop-file-validate "$desktop" || fail "desktop-file-validate rejects $desktop"
grep -qx 'Exec=quoteline %f' "$desktop" || fail "desktop entry does not pass the file to open (Exec=quoteline %f)"
grep -qx 'MimeType=application/x-quoteline;' "$desktop" || fail "desktop entry lacks MimeType=application/x-quoteline;"
ok "desktop entry valid, opens application/x-quoteline with %f"
for s in 16 22 24 32 48 64 128 256 512; do
  icon=$root/usr/share/icons/hicolor/${s}x$s/apps/app.quoteline.desktop.png
  file "$icon" | grep -q "PNG image data, $s x $s" || fail "icon $icon is not a ${s}x$s PNG"
done
ok "icons 16 to 512 px"
# Build a MIME database from the packaged type alone: update-mime-database
# rejects a malformed file, and the glob must land in the result.
mkdir -p "$tmp/mime/packages"
cp "$root/usr/share/mime/packages/quoteline.xml" "$tmp/mime/packages/"
XDG_DATA_DIRS=$tmp update-mime-database "$tmp/mime"
grep -qx '60:application/x-quoteline:\*\.quoteline' "$tmp/mime/globs2" || fail "MIME database has no *.quoteline glob"
ok "MIME type application/x-quoteline for *.quoteline"
check_metainfo "$root/usr/share/metainfo/app.quoteline.desktop.metainfo.xml"

echo "== $exe"
desc=$(file -b "$exe")
echo "$desc"
[[ $desc == "PE32+ executable (GUI) x86-64"* ]] || fail "$exe is not a PE32+ x86-64 GUI executable"
# The strings are read whole first: grep -q stopping early would make
# strings fail with SIGPIPE under pipefail.
strings -el "$exe" > "$tmp/exe-strings"
grep -qx "ProductVersion" "$tmp/exe-strings" || fail "$exe has no version resource"
build=$(sed -n 's/^[[:space:]]*Build[[:space:]]*=[[:space:]]*\([0-9]*\).*/\1/p' FyneApp.toml)
grep -A1 -x ProductVersion "$tmp/exe-strings" | grep -qx "$version.$build" ||
  fail "$exe's version resource does not say $version.$build (FyneApp.toml Version.Build)"
x86_64-w64-mingw32-objdump -h "$exe" | grep -q ' \.rsrc ' || fail "$exe has no resource section (icon)"
ok "PE32+ GUI executable with version resource $version"
# Only DLLs that come with Windows: no mingw runtime (libssp-0, libgcc_s, libwinpthread) to ship.
dlls=$(x86_64-w64-mingw32-objdump -p "$exe" | awk '/DLL Name:/ {print $3}')
echo "imports:" $dlls
for d in $dlls; do
  if [[ ${d,,} == lib*.dll ]]; then fail "$exe needs $d, which Windows does not have"; fi
done
ok "imports only Windows system DLLs"

echo "== $setup"
desc=$(file -b "$setup")
echo "$desc, $(stat -c %s "$setup") bytes"
[[ $desc == *"Nullsoft Installer"* ]] || fail "$setup is not an NSIS installer"
ok "NSIS installer"

echo "== $tarball"
mkdir "$tmp/tar"
tar -C "$tmp/tar" -xJf "$tarball"
(cd "$tmp/tar" && find . -type f | sort)
tbin=$(find "$tmp/tar" -path '*/bin/quoteline' -type f)
[ -n "$tbin" ] || fail "no bin/quoteline in $tarball"
run_version "$tbin"
tdesktop=$(find "$tmp/tar" -name '*.desktop')
[ -n "$tdesktop" ] || fail "no desktop entry in $tarball"
desktop-file-validate "$tdesktop" || fail "tarball's desktop entry is invalid"
ok "tarball's desktop entry valid"
check_metainfo "$(find "$tmp/tar" -name app.quoteline.desktop.metainfo.xml)"
# The tarball's own Makefile must install the metainfo with the rest.
tdir=$(dirname "$(find "$tmp/tar" -name Makefile | head -n1)")
make -s -C "$tdir" install DESTDIR="$tmp/inst" PREFIX=/usr >/dev/null
[ -f "$tmp/inst/usr/share/metainfo/app.quoteline.desktop.metainfo.xml" ] ||
  fail "the tarball's 'make install' does not install the AppStream metainfo"
ok "tarball's make install puts the metainfo in share/metainfo"
echo "dist-check: all checks passed"
