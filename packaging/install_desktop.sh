#!/usr/bin/env bash
# Register Duiqi with a Linux desktop for the current user: launcher (.desktop), the application/x-duiqi
# file type for *.duiqi, icons, and AppStream metadata, all under ${XDG_DATA_HOME:-~/.local/share}.
#
#   packaging/install_desktop.sh                       launcher runs `duiqi-gui` from PATH (pip/pipx install)
#   packaging/install_desktop.sh dist/duiqi/duiqi-gui  launcher runs the frozen app built by packaging/build.sh
#   packaging/install_desktop.sh --uninstall           remove what this script installed
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
APP_ID=io.github.duiqi.Duiqi
DATA="${XDG_DATA_HOME:-$HOME/.local/share}"
FILES=("applications/$APP_ID.desktop" "mime/packages/$APP_ID.xml" "metainfo/$APP_ID.metainfo.xml"
       "icons/hicolor/scalable/apps/$APP_ID.svg")
for size in 16 24 32 48 64 128 256; do FILES+=("icons/hicolor/${size}x${size}/apps/$APP_ID.png"); done

refresh() {   # the caches are optional: a desktop without these tools rescans on its own
  command -v update-mime-database >/dev/null && update-mime-database "$DATA/mime" || true
  command -v update-desktop-database >/dev/null && update-desktop-database "$DATA/applications" || true
  command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$DATA/icons/hicolor" || true
}

if [[ "${1:-}" == "--uninstall" ]]; then
  for f in "${FILES[@]}"; do rm -f "$DATA/$f"; done
  refresh
  echo "removed Duiqi's desktop integration from $DATA"
  exit 0
fi

EXEC="${1:-duiqi-gui}"
if [[ "$EXEC" == */* ]]; then EXEC="$(cd "$(dirname "$EXEC")" && pwd)/$(basename "$EXEC")"; fi
[[ "$EXEC" == */* && ! -x "$EXEC" ]] && { echo "install_desktop: $EXEC is not an executable" >&2; exit 2; }
quoted="$EXEC"; [[ "$EXEC" == *" "* ]] && quoted="\"$EXEC\""

mkdir -p "$DATA/applications" "$DATA/mime/packages" "$DATA/metainfo" "$DATA/icons"
sed -e "s|^Exec=duiqi-gui |Exec=$quoted |" -e "s|^TryExec=duiqi-gui$|TryExec=$EXEC|" \
  "$REPO/resources/linux/$APP_ID.desktop" > "$DATA/applications/$APP_ID.desktop"
cp "$REPO/resources/linux/$APP_ID.mime.xml" "$DATA/mime/packages/$APP_ID.xml"
cp "$REPO/resources/linux/$APP_ID.metainfo.xml" "$DATA/metainfo/"
(cd "$REPO/resources/icons" && find hicolor -name "$APP_ID.*" -exec cp --parents -t "$DATA/icons" {} +)
refresh
echo "installed Duiqi's launcher, file type and icons under $DATA (launcher runs: $EXEC)"
