#!/bin/sh
# Install an unpacked Policy Reader build for the current user (no root needed):
# the folder to ~/.local/opt/policy-reader, the command ~/.local/bin/policy-reader,
# a menu entry ("open with" for .txt, .md, .html, .pdf, .docx) and the icon.
#   ./install.sh               install or update
#   ./install.sh --uninstall   remove all of it (your library and settings stay)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
dest=$HOME/.local/opt/policy-reader
bindir=$HOME/.local/bin
apps=$data/applications
icons=$data/icons/hicolor

if [ "${1:-}" = "--uninstall" ]; then
    rm -rf "$dest"
    rm -f "$bindir/policy-reader" "$apps/policy-reader.desktop" \
        "$icons/256x256/apps/policy-reader.png" "$icons/scalable/apps/policy-reader.svg"
    echo "Policy Reader removed."
    exit 0
fi

[ -x "$here/policy-reader" ] || { echo "install.sh: no policy-reader beside me" >&2; exit 1; }
if [ "$here" != "$dest" ]; then
    rm -rf "$dest"
    mkdir -p "$dest"
    cp -a "$here/." "$dest/"
fi
mkdir -p "$bindir" "$apps" "$icons/256x256/apps" "$icons/scalable/apps"
ln -sf "$dest/policy-reader" "$bindir/policy-reader"
res="$dest/_internal/resources/icons"
cp "$res/policy-reader.png" "$icons/256x256/apps/policy-reader.png"
cp "$res/policy-reader.svg" "$icons/scalable/apps/policy-reader.svg"
# Exec by absolute path: ~/.local/bin is not on every desktop session's PATH.
sed "s|^Exec=policy-reader|Exec=$dest/policy-reader|" "$dest/policy-reader.desktop" \
    > "$apps/policy-reader.desktop"
command -v update-desktop-database >/dev/null && update-desktop-database -q "$apps" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$icons" || true
echo "Policy Reader installed: $bindir/policy-reader and the applications menu."
