#!/usr/bin/env bash
# Translations: resources/i18n/duiqi_<locale>.ts (sources, edited with Qt Linguist or by hand) are compiled
# to editor/assets/i18n/duiqi_<locale>.qm, which the package ships and editor/app.py loads.
#
#   packaging/i18n.sh update    collect new/changed strings from editor/ into the .ts files (pyside6-lupdate)
#   packaging/i18n.sh compile   compile every .ts to .qm (pyside6-lrelease); build.sh runs this
#   packaging/i18n.sh check     fail if any .ts has unfinished or empty translations
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BIN="$(dirname "${PYTHON:-$REPO/.venv/bin/python}")"
tool() {   # pyside6-lupdate / pyside6-lrelease ship with PySide6-Essentials, next to the venv's python
  if [[ -x "$BIN/pyside6-$1" ]]; then echo "$BIN/pyside6-$1"; elif command -v "pyside6-$1" >/dev/null; then
    command -v "pyside6-$1"; else echo "i18n: pyside6-$1 not found (install PySide6-Essentials)" >&2; exit 1; fi
}
cd "$REPO"
mapfile -t TS < <(ls resources/i18n/duiqi_*.ts)

case "${1:-}" in
  update)
    # Python sources that may hold tr()/translate() strings: the GUI, plus the shared error messages.
    mapfile -t SOURCES < <(ls editor/app.py editor/ui/*.py editor/ui/*/*.py 2>/dev/null; grep -l -E "QT_TRANSLATE_NOOP|translate\(" editor/*.py 2>/dev/null | grep -v -e editor/app.py || true)
    "$(tool lupdate)" -locations relative -no-obsolete "${SOURCES[@]}" -ts "${TS[@]}"
    # lupdate reads every Python "#:" comment before a tr() call as a note to the translator, and "#:" is how the
    # code documents its constants: drop those notes (Qt Linguist showed them beside the strings)
    "${PYTHON:-$REPO/.venv/bin/python}" - "${TS[@]}" <<'PY'
import re
import sys
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        text = f.read()
    with open(path, "w", encoding="utf-8") as f:
        f.write(re.sub(r"\n[ \t]*<extracomment>.*?</extracomment>", "", text, flags=re.S))
PY
    ;;
  compile)
    mkdir -p editor/assets/i18n
    for ts in "${TS[@]}"; do
      "$(tool lrelease)" -silent "$ts" -qm "editor/assets/i18n/$(basename "${ts%.ts}").qm"
    done
    ls -l editor/assets/i18n/*.qm
    ;;
  check)
    "${PYTHON:-$REPO/.venv/bin/python}" - "${TS[@]}" <<'PY'
import sys
from lxml import etree
bad = 0
for path in sys.argv[1:]:
    root = etree.parse(path, etree.XMLParser(resolve_entities=False, no_network=True)).getroot()
    messages = root.findall(".//message")
    for m in messages:
        t = m.find("translation")
        kind = t.get("type") if t is not None else "missing"
        if kind in ("unfinished", "missing") or not "".join(t.itertext()).strip():
            bad += 1
            print(f"{path}: {m.findtext('../name')}: {m.findtext('source')!r} is {kind or 'empty'}")
    print(f"{path}: {len(messages)} messages")
sys.exit(1 if bad else 0)
PY
    ;;
  *) sed -n '2,8p' "$0"; exit 2 ;;
esac
