#!/usr/bin/env bash
# Build Duiqi as a one-folder desktop app with PyInstaller (packaging/duiqi.spec) and smoke-test the result.
#
#   packaging/build.sh              build dist/duiqi/ (duiqi = console entry, duiqi-gui = launcher entry)
#   PYTHON=/path/to/python packaging/build.sh     use another environment (default: .venv/bin/python)
#
# Needs the project installed in that environment (pip install -e .) and PyInstaller, which this script
# installs there if it is missing (it is a build tool, listed in the `packaging` extra, not a runtime dependency).
# The smoke test runs the frozen binary headlessly (QT_QPA_PLATFORM=offscreen) with a private DUIQI_HOME:
# --help, --version, `align` of the bundled sample to TMX (parsed again with lxml) and to JSON (compared with
# the same alignment from the source tree), and, if the GUI exists, a start of duiqi-gui.
# Then `packaging/install_desktop.sh dist/duiqi/duiqi-gui` adds it to the desktop menu.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PY="${PYTHON:-$REPO/.venv/bin/python}"
DIST="$REPO/dist"
APP="$DIST/duiqi"
SMOKE="$(mktemp -d "${TMPDIR:-/tmp}/duiqi-smoke.XXXXXX")"
trap 'rm -rf "$SMOKE"' EXIT
step() { printf '\n== %s\n' "$*"; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f s", b - a }'; }

step "PyInstaller"
"$PY" -m PyInstaller --version 2>/dev/null || "$PY" -m pip install --quiet "pyinstaller>=6.10"

step "compiling translations"
PYTHON="$PY" "$REPO/packaging/i18n.sh" compile

step "freezing (packaging/duiqi.spec)"
started="$(now)"
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN --distpath "$DIST" --workpath "$REPO/build/pyinstaller" \
  "$REPO/packaging/duiqi.spec" 2>&1 | grep -v -E "required via ctypes not found|could not resolve 'lib(gtk|gdk)-3" || true
[[ -x "$APP/duiqi" && -x "$APP/duiqi-gui" ]] || { echo "build.sh: PyInstaller did not produce $APP" >&2; exit 1; }
echo "built $APP in $(elapsed "$started")"

step "smoke test of the frozen app (offscreen, private DUIQI_HOME, run from outside the repo)"
export QT_QPA_PLATFORM=offscreen DUIQI_HOME="$SMOKE/home"
cd "$SMOKE"
SAMPLE="$(find "$APP" -path '*editor/assets/samples/sample-mixed.txt' | head -n 1)"
[[ -f "$SAMPLE" ]] || { echo "build.sh: the sample is not in the frozen app" >&2; exit 1; }

started="$(now)"; "$APP/duiqi" --version; echo "  start-up (--version): $(elapsed "$started")"
started="$(now)"; "$APP/duiqi" --help > help.txt; echo "  --help: $(head -n 1 help.txt) ($(elapsed "$started"))"

started="$(now)"
"$APP/duiqi" align "$SAMPLE" -o "$SMOKE/sample.tmx"
echo "  align → TMX: $(elapsed "$started") (first run: loads jieba, CC-CEDICT and the embedding model)"
"$PY" - "$SMOKE/sample.tmx" <<'EOF'
import sys
from lxml import etree
root = etree.parse(sys.argv[1], etree.XMLParser(resolve_entities=False, no_network=True)).getroot()
tus = root.findall("body/tu")
langs = {tuv.get("{http://www.w3.org/XML/1998/namespace}lang") for tuv in root.iter("tuv")}
print(f"  TMX {root.get('version')}: {len(tus)} translation units, languages {sorted(langs)}")
sys.exit(0 if tus and len(langs) == 2 else "build.sh: the frozen app wrote a bad TMX")
EOF

"$APP/duiqi" align "$SAMPLE" -o "$SMOKE/frozen.json" --quiet
(cd "$REPO" && "$PY" -m editor align "$SAMPLE" -o "$SMOKE/source.json" --quiet)
if cmp -s "$SMOKE/frozen.json" "$SMOKE/source.json"; then
  echo "  align → JSON: identical to the source tree's alignment (same engine, data and model)"
else
  echo "build.sh: the frozen app aligns the sample differently from the source tree" >&2
  diff <("$PY" -m json.tool "$SMOKE/source.json") <("$PY" -m json.tool "$SMOKE/frozen.json") | head -n 20 >&2
  exit 1
fi

if [[ -f "$REPO/editor/app.py" ]]; then
  # The editor runs until it is closed; packaging/smoke_hook.py (a runtime hook of the frozen app) closes it
  # DUIQI_SMOKE_QUIT_MS after the main window is up and prints how long start-up took.
  gui() {   # $1 = label, then the arguments
    local label="$1" status; shift
    started="$(now)"
    set +e
    DUIQI_SMOKE_QUIT_MS=300 timeout 60 "$APP/duiqi-gui" "$@" > gui.out 2> gui.err
    status=$?
    set -e
    if [[ $status -ne 0 ]] || ! grep -q "duiqi smoke: main window" gui.out; then
      echo "build.sh: duiqi-gui $* failed (exit $status)" >&2; cat gui.out gui.err >&2; exit 1
    fi
    echo "  duiqi-gui $label: $(sed -n 's/^duiqi smoke: \(main window .*\)/\1/p' gui.out); wall clock $(elapsed "$started") incl. 0.3 s wait"
  }
  gui "(empty window)"
  gui "(empty window, second start)"
  LANG=zh_CN.UTF-8 gui "under LANG=zh_CN.UTF-8"
  grep -q "未命名.*'取消'" gui.out || { echo "build.sh: the frozen app (or Qt's own strings) did not come up in Chinese" >&2; exit 1; }
  gui "with the sample (imports and aligns it first)" --sample
  DUIQI_SMOKE_ALIGN=1 gui "with the sample, then Align Automatically" --sample
  grep -q "duiqi smoke: alignment succeeded" gui.out \
    || { echo "build.sh: the frozen editor could not align in its aligner process" >&2; cat gui.out gui.err >&2; exit 1; }
  sed -n 's/^duiqi smoke: alignment/    alignment in the editor:/p' gui.out
fi

step "result"
du -sh "$APP"
echo "files: $(find "$APP" -type f | wc -l); run $APP/duiqi-gui, or packaging/install_desktop.sh $APP/duiqi-gui"
