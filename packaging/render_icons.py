"""Render the icon master (resources/icons/duiqi.svg) to the PNG sizes, .ico and .icns the app and installers use.

Run from the repository root: `python packaging/render_icons.py`. The outputs are committed, so a normal
install or build needs no SVG renderer; rerun this after editing the master.

  editor/assets/icons/duiqi.svg           the window icon at runtime (copied from the master)
  editor/assets/icons/duiqi-<N>.png       N = 16 24 32 48 64 128 256, for platforms without SVG icons
  resources/icons/hicolor/<N>x<N>/apps/   the same PNGs named io.github.duiqi.Duiqi.png for a Linux icon theme
  resources/icons/duiqi.ico               Windows (PNG-compressed entries, Vista and later)
  resources/icons/duiqi.icns              macOS (PNG entries ic07..ic10, icp4..icp6)
"""

from __future__ import annotations

import os
import shutil
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
APP_ID = "io.github.duiqi.Duiqi"  # the desktop file, AppStream and icon-theme name
MASTER = REPO / "resources" / "icons" / "duiqi.svg"
ASSET_ICONS = REPO / "editor" / "assets" / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
#: ICNS element types holding PNG data, by pixel size.
ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09", 1024: b"ic10"}


def render_png(renderer: QSvgRenderer, size: int) -> bytes:
    """Return the master rendered at size×size as PNG bytes."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """Return a Windows .ico whose entries are the given PNGs (size 256 is stored as 0, as the format says)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = 6 + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, png in sorted(pngs.items()):
        dim = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(png), offset)
        blobs += png
        offset += len(png)
    return header + entries + blobs


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """Return a macOS .icns whose elements are the given PNGs."""
    body = b"".join(ICNS_TYPES[size] + struct.pack(">I", 8 + len(png)) + png for size, png in sorted(pngs.items()))
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (QImage/QPainter need it)
    renderer = QSvgRenderer(str(MASTER))
    if not renderer.isValid():
        print(f"render_icons: {MASTER} is not a valid SVG", file=sys.stderr)
        return 1
    ASSET_ICONS.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(MASTER, ASSET_ICONS / "duiqi.svg")
    pngs = {size: render_png(renderer, size) for size in sorted({*PNG_SIZES, *ICO_SIZES, *ICNS_TYPES})}
    for size in PNG_SIZES:
        (ASSET_ICONS / f"duiqi-{size}.png").write_bytes(pngs[size])
        theme_dir = REPO / "resources" / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        theme_dir.mkdir(parents=True, exist_ok=True)
        (theme_dir / f"{APP_ID}.png").write_bytes(pngs[size])
    scalable = REPO / "resources" / "icons" / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(MASTER, scalable / f"{APP_ID}.svg")
    (REPO / "resources" / "icons" / "duiqi.ico").write_bytes(ico_bytes({s: pngs[s] for s in ICO_SIZES}))
    (REPO / "resources" / "icons" / "duiqi.icns").write_bytes(icns_bytes({s: pngs[s] for s in ICNS_TYPES}))
    print(f"render_icons: wrote {len(PNG_SIZES)} PNG sizes, duiqi.ico and duiqi.icns from {MASTER.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
