#!/usr/bin/env bash
# Build a wheel from this checkout, install it in a fresh venv OUTSIDE the repository (with pip, and with
# pipx), and prove it works on its own: `duiqi --help`, a headless `duiqi align` of the bundled sample to
# TMX, and `import editor.app` (the GUI module and its assets). Exits non-zero on the first failure.
#
#   packaging/check_wheel.sh [PYTHON]       PYTHON defaults to python3; needs PyPI for the dependencies.
#   KEEP=1 packaging/check_wheel.sh         keep the temporary folder for inspection
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON="${1:-python3}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/duiqi-wheel-check.XXXXXX")"
cleanup() { if [[ -z "${KEEP:-}" ]]; then rm -rf "$WORK"; else echo "kept $WORK"; fi; }
trap cleanup EXIT
step() { printf '\n== %s\n' "$*"; }

step "building the wheel (pip wheel --no-deps, from a copy so the checkout gets no build/ folder)"
# Copy only what git tracks plus untracked-but-not-ignored files, so local build junk never ships.
mkdir -p "$WORK/src"
(cd "$REPO" && git ls-files -z --cached --others --exclude-standard | xargs -0 cp --parents -t "$WORK/src" 2>/dev/null) \
  || cp -r "$REPO/editor" "$REPO/pyproject.toml" "$REPO/README.md" "$WORK/src/"
"$PYTHON" -m pip wheel --quiet --no-deps --no-build-isolation -w "$WORK/dist" "$WORK/src" 2>/dev/null \
  || "$PYTHON" -m pip wheel --quiet --no-deps -w "$WORK/dist" "$WORK/src"
WHEEL="$(ls "$WORK"/dist/duiqi-*.whl)"
echo "$WHEEL ($(du -h "$WHEEL" | cut -f1))"

step "checking the wheel ships its assets"
HAS_APP=0; [[ -f "$REPO/editor/app.py" ]] && HAS_APP=1   # the GUI module, once it exists
"$PYTHON" - "$WHEEL" "$HAS_APP" <<'EOF'
import sys, zipfile
names = set(zipfile.ZipFile(sys.argv[1]).namelist())
need = ["editor/assets/samples/sample-mixed.txt", "editor/assets/icons/duiqi.svg",
        "editor/assets/icons/duiqi-256.png", "editor/cli.py"] + ["editor/app.py"] * (sys.argv[2] == "1")
qm = [n for n in names if n.startswith("editor/assets/i18n/") and n.endswith(".qm")]
missing = [n for n in need if n not in names]
print(f"{len(names)} files; translations: {', '.join(sorted(qm)) or 'none'}")
if missing:
    sys.exit(f"missing from the wheel: {', '.join(missing)}")
EOF

step "pip install into a fresh venv"
"$PYTHON" -m venv "$WORK/venv"
"$WORK/venv/bin/pip" install --quiet --upgrade pip
"$WORK/venv/bin/pip" install --quiet "$WHEEL"

run_checks() {   # $1 = bin folder holding duiqi, $2 = python of that install, $3 = a label for the output folder
  local bin="$1" py="$2" out="$WORK/out-$3"
  mkdir -p "$out"
  cd "$out"                                  # not the repo: the installed package must stand alone
  "$bin/duiqi" --help | head -n 3
  local sample
  sample="$("$py" -c 'import editor.resources as r; print(r.sample_path())')"
  case "$sample" in "$REPO"/*) echo "the sample resolves inside the repo: $sample" >&2; return 1;; esac
  "$bin/duiqi" align "$sample" -o "$out/sample.tmx"
  "$bin/duiqi" align "$sample" -o "$out/sample.json" --quiet
  "$py" - "$out/sample.tmx" <<'EOF'
import sys
from lxml import etree
tus = etree.parse(sys.argv[1], etree.XMLParser(resolve_entities=False, no_network=True)).findall(".//tu")
print(f"TMX: {len(tus)} translation units")
sys.exit(0 if tus else "the TMX has no translation units")
EOF
  local mod=editor.resources; [[ "$HAS_APP" == 1 ]] && mod=editor.app
  QT_QPA_PLATFORM=offscreen "$py" -c "import $mod, editor.resources as r; assert r.icon_path('duiqi').is_file(); print('import $mod: ok')"
  if [[ "$HAS_APP" == 1 ]]; then   # start the editor under a Chinese locale: the shipped .qm must load
    env -u LC_ALL -u LC_MESSAGES -u LANGUAGE LANG=zh_CN.UTF-8 QT_QPA_PLATFORM=offscreen DUIQI_HOME="$out/home" \
      "$py" - > "$out/probe.txt" 2> "$out/probe.err" <<'EOF'
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
import editor.app

app = QApplication(["duiqi"])

def probe():
    window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow))
    print(f"editor under zh_CN: {window.windowTitle()} | {window.menuBar().actions()[0].text()}")
    QApplication.quit()

QTimer.singleShot(0, probe)
sys.exit(editor.app.main([]))
EOF
    cat "$out/probe.txt"
    grep -q "文件" "$out/probe.txt" || { echo "the installed editor did not come up in Chinese" >&2; cat "$out/probe.err" >&2; return 1; }
  fi
}

step "running the pip-installed duiqi"
run_checks "$WORK/venv/bin" "$WORK/venv/bin/python" pip

step "pipx install"
if command -v pipx >/dev/null 2>&1; then PIPX=pipx; else
  "$PYTHON" -m venv "$WORK/pipx-tool" && "$WORK/pipx-tool/bin/pip" install --quiet pipx 2>/dev/null && PIPX="$WORK/pipx-tool/bin/pipx"
fi
export PIPX_HOME="$WORK/pipx-home" PIPX_BIN_DIR="$WORK/pipx-bin" PIPX_MAN_DIR="$WORK/pipx-man"
"$PIPX" install --python "$PYTHON" "$WHEEL" >"$WORK/pipx.log" 2>&1 || { cat "$WORK/pipx.log"; exit 1; }
run_checks "$PIPX_BIN_DIR" "$PIPX_HOME/venvs/duiqi/bin/python" pipx

step "wheel check passed"
