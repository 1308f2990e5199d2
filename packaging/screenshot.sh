#!/usr/bin/env bash
# Screenshot the editor with the bundled sample, offscreen, in a given interface language:
#   packaging/screenshot.sh [LOCALE] [OUT.png]     defaults: zh_CN, docs/screenshots/editor-<LOCALE>.png
# Needs a CJK font for Chinese (Debian: apt-get install fonts-noto-cjk). Uses packaging/smoke_hook.py: the
# picture is taken half a second after the sample's alignment has arrived, so it shows the links.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LOCALE="${1:-zh_CN}"
OUT="$(realpath -m "${2:-$REPO/docs/screenshots/editor-$LOCALE.png}")"
HOME_DIR="$(mktemp -d "${TMPDIR:-/tmp}/duiqi-shot.XXXXXX")"
trap 'rm -rf "$HOME_DIR"' EXIT
mkdir -p "$(dirname "$OUT")" "$HOME_DIR/config"
echo "{\"ui_language\": \"$LOCALE\"}" > "$HOME_DIR/config/settings.json"
cd "$REPO"
DUIQI_HOME="$HOME_DIR" LANG="$LOCALE.UTF-8" QT_QPA_PLATFORM=offscreen DUIQI_SMOKE_QUIT_MS=500 DUIQI_SMOKE_ALIGN=1 \
  DUIQI_SMOKE_SIZE=1280x800 DUIQI_SMOKE_SCREENSHOT="$OUT" \
  timeout 180 "${PYTHON:-$REPO/.venv/bin/python}" -c \
  "import sys; sys.path.insert(0, 'packaging'); import smoke_hook; from editor.app import main; sys.exit(main(['--sample']))" \
  2> >(grep -v "propagateSizeHints" >&2)
echo "wrote $OUT"
