#!/usr/bin/env bash
# dist.sh — build Quoteline's release artifacts into dist/:
#
#   quoteline-<version>-linux-amd64.tar.xz  `fyne package -os linux` (binary, desktop entry, icon, install Makefile)
#   quoteline_<version>_amd64.deb           Debian package (nfpm)
#   quoteline.exe                           Windows GUI binary (mingw-w64 cgo cross build, icon and version resource)
#   Quoteline-<version>-setup.exe           Windows installer (NSIS)
#   SHA256SUMS                              checksums of all of the above
#
# The version comes from FyneApp.toml alone. The fyne and nfpm command-line
# tools are installed at pinned versions into a cache folder (never into
# go.mod). `fyne package` rewrites FyneApp.toml and writes temporary files
# into the source folder, so it runs on a copy of the source tree.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

FYNE_TOOLS_VERSION=v1.7.2
# nfpm v2.46 and later need modules from go.digitalxero.dev, which the Go
# module proxy may refuse; v2.45.2 is the newest release without them.
NFPM_VERSION=${NFPM_VERSION:-v2.45.2}
TAGS=sqlite_omit_load_extension # migrated_fynedo comes from FyneApp.toml's [Migrations]
ICON_SIZES=(16 22 24 32 48 64 128 256 512)
metainfo=app.quoteline.desktop.metainfo.xml # AppStream, for software centres

export CGO_ENABLED=1 LANG=${LANG:-C.UTF-8}
export CGO_CFLAGS=${CGO_CFLAGS:--O2 -DSQLITE_DEFAULT_DEFENSIVE=1}

step() { printf '\n== %s (%ds)\n' "$*" "$SECONDS" >&2; }

step "system packages"
scripts/deps.sh dist

# tool NAME MODULE/CMD VERSION: install a pinned Go tool once, print its path.
tool() {
  local name=$1 pkg=$2 ver=$3
  local dir=${XDG_CACHE_HOME:-$HOME/.cache}/quoteline-tools/$name-$ver
  if [ ! -x "$dir/$name" ]; then
    echo "installing $pkg@$ver" >&2
    GOBIN=$dir GOFLAGS=-mod=mod go install "$pkg@$ver" >&2
  fi
  echo "$dir/$name"
}
step "tools"
fyne=$(tool fyne fyne.io/tools/cmd/fyne "$FYNE_TOOLS_VERSION")
nfpm=$(tool nfpm github.com/goreleaser/nfpm/v2/cmd/nfpm "$NFPM_VERSION")

version=$(scripts/version.sh)
echo "version $version" >&2

work=$(mktemp -d -t quoteline-dist.XXXXXX)
trap 'rm -rf "$work"' EXIT
src=$work/quoteline # the folder name is the executable's name
mkdir -p "$src"
# Tracked and new (not ignored) files, as they are in the working tree.
git ls-files -z --cached --others --exclude-standard | while IFS= read -r -d '' f; do
  [ -e "$f" ] && printf '%s\0' "$f"
done | tar -C "$root" --null -T - -cf - | tar -C "$src" -xf -

rm -rf dist
mkdir -p dist

step "linux: fyne package"
(cd "$src" && "$fyne" package -os linux --release --tags "$TAGS")
tarball=dist/quoteline-$version-linux-amd64.tar.xz
mkdir "$work/tar"
tar -C "$work/tar" -xJf "$src/Quoteline.tar.xz"
linux_bin=$(find "$work/tar" -path '*/bin/quoteline' -type f)
# fyne package knows nothing of AppStream: add the metainfo beside the
# desktop entry and teach the tarball's Makefile to install and remove it.
# Its Makefile also names the icon without the .png the file has, so that
# `make install` failed; name the file that is there.
tar_top=$(find "$work/tar" -mindepth 1 -maxdepth 1 -type d)
tar_share=$(dirname "$(find "$tar_top" -path '*/share/applications' -type d)")
install -D -m 0644 "packaging/linux/$metainfo" "$tar_share/metainfo/$metainfo"
rel_share=${tar_share#"$tar_top"/}
tar_icon=$(basename "$(find "$tar_share/pixmaps" -type f | head -n1)")
sed -i \
  -e "s/^Icon := .*/Icon := \"$tar_icon\"/" \
  -e "/^install:/a\\\tinstall -Dm00644 $rel_share/metainfo/$metainfo \$(DESTDIR)\$(PREFIX)/share/metainfo/$metainfo" \
  -e "/^uninstall:/a\\\t-rm \$(DESTDIR)\$(PREFIX)/share/metainfo/$metainfo" \
  -e "/^user-install:/a\\\tinstall -Dm00644 $rel_share/metainfo/$metainfo \$(DESTDIR)\$(HOME)/.local/share/metainfo/$metainfo" \
  -e "/^user-uninstall:/a\\\t-rm \$(DESTDIR)\$(HOME)/.local/share/metainfo/$metainfo" \
  "$tar_top/Makefile"
tar -C "$work/tar" -cJf "$tarball" "$(basename "$tar_top")"

step "windows: fyne package (mingw-w64)"
cp FyneApp.toml "$src/FyneApp.toml" # undo the Linux run's build-number bump
# fyne's release build compiles C with -fstack-protector-strong and
# _FORTIFY_SOURCE=3, whose helpers mingw-w64 keeps in libssp, and fyne passes
# no way to add a link flag that survives its second (resource) build. So the
# Windows build sees, first on PATH, a compiler of the same name that adds
# libssp statically when it links (no libssp-0.dll to ship) and otherwise is
# the real one: identical compile commands keep Go's build cache valid.
realcc=$(command -v x86_64-w64-mingw32-gcc)
mkdir -p "$work/mingw-bin"
cat > "$work/mingw-bin/x86_64-w64-mingw32-gcc" <<WRAP
#!/bin/sh
for a in "\$@"; do
  case "\$a" in -c|-E|-S|-M|-MM|-###) exec "$realcc" "\$@" ;; esac
done
exec "$realcc" "\$@" -l:libssp.a
WRAP
chmod +x "$work/mingw-bin/x86_64-w64-mingw32-gcc"
(cd "$src" && PATH="$work/mingw-bin:$PATH" CC=x86_64-w64-mingw32-gcc CXX=x86_64-w64-mingw32-g++ GOARCH=amd64 \
  "$fyne" package -os windows --release --tags "$TAGS")
mv "$src/Quoteline.exe" dist/quoteline.exe

step "icons"
pkg=$work/pkg # nfpm's staging folder: quoteline and share/, see packaging/linux/nfpm.yaml
share=$pkg/share
install -D -m 0755 "$linux_bin" "$pkg/quoteline"
install -D -m 0644 packaging/linux/app.quoteline.desktop.desktop "$share/applications/app.quoteline.desktop.desktop"
install -D -m 0644 packaging/linux/quoteline.xml "$share/mime/packages/quoteline.xml"
install -D -m 0644 "packaging/linux/$metainfo" "$share/metainfo/$metainfo"
for s in "${ICON_SIZES[@]}"; do
  for kind in apps/app.quoteline.desktop mimetypes/application-x-quoteline; do
    mkdir -p "$share/icons/hicolor/${s}x$s/$(dirname "$kind")"
    convert assets/icon.png -filter Lanczos -resize "${s}x$s" -strip \
      "PNG32:$share/icons/hicolor/${s}x$s/$kind.png"
  done
done
install -D -m 0644 README.md "$share/doc/quoteline/README.md"
convert assets/icon.png -strip -define icon:auto-resize=256,48,32,16 "$work/quoteline.ico"

step "debian: nfpm"
desktop-file-validate "$share/applications/app.quoteline.desktop.desktop"
(cd "$pkg" && QL_VERSION=$version "$nfpm" package --config "$root/packaging/linux/nfpm.yaml" \
  --packager deb --target "$root/dist/quoteline_${version}_amd64.deb" >&2)

step "windows: NSIS installer"
makensis -V2 -NOCD -DVERSION="$version" -DEXE="$root/dist/quoteline.exe" -DICON="$work/quoteline.ico" \
  -DOUTFILE="$root/dist/Quoteline-$version-setup.exe" packaging/windows/quoteline.nsi >&2

step "checksums"
(cd dist && sha256sum -- *.tar.xz *.deb *.exe > SHA256SUMS && cat SHA256SUMS)
step "done"
ls -l dist
