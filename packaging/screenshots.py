"""Refresh the README's editor screenshots from the bundled sample, offscreen (needs a CJK font: fonts-noto-cjk).

    .venv/bin/python packaging/screenshots.py [OUT_DIR]     default: docs/screenshots

Writes editor-review.png (1280×800, the default view with a link selected), editor-compact.png (1280×720,
the compact grid), review-list.png (1280×800, the review list docked beside the panes), editor-zh_CN.png (1280×800, the Chinese interface) and export-trados-zh_CN.png (1280×720,
the Export dialog with the Trados preset over the Chinese window, for a Traditional Chinese text so its
language-code note shows) and collection.png (1280×720, a small archive as a collection: the Documents dock beside
the panes, one document still to review). The sample is aligned before the
window is shot, so the pictures show the links (the editor itself shows the texts first and aligns after).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["DUIQI_HOME"] = tempfile.mkdtemp(prefix="duiqi-shots-")      # default settings, nothing of the user's


def shoot(out: Path, *, size: tuple[int, int], compact: bool = False, locale: str | None = None,
          review_list: bool = False) -> None:
    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from editor.app import _install_translators, choose_cjk_font, sample_document
    from editor.ui.window.main_window import MainWindow

    app = QApplication.instance()
    translators = _install_translators(app, locale) if locale else []
    app.setFont(choose_cjk_font())
    window = MainWindow(sample_document(), autosave=False)
    window.resize(*size)
    window.show()
    window.actions_.compact.setChecked(compact)
    if review_list:
        window.review_list.show()
    view = window.view
    view.select_bead(4 if not compact else 6)
    view.scrollbar.setValue(0)
    loop = QEventLoop()
    QTimer.singleShot(300, loop.quit)          # let layouts and paints settle
    loop.exec()
    window.grab().save(str(out))
    print(f"wrote {out} ({size[0]}x{size[1]}{', compact grid' if compact else ''}{', ' + locale if locale else ''})")
    window.undo_stack.setClean()
    window.close()
    for translator in translators:
        QCoreApplication.removeTranslator(translator)


def shoot_export_dialog(out: Path, *, size: tuple[int, int], preset: str, locale: str | None = None) -> None:
    """The Export dialog centred over the window, in one picture of the window's size."""
    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
    from PySide6.QtGui import QColor, QPainter
    from PySide6.QtWidgets import QApplication

    from editor.app import _install_translators, choose_cjk_font, sample_document
    from editor.ui.dialogs.export_dialog import ExportDialog
    from editor.ui.window.main_window import MainWindow

    app = QApplication.instance()
    translators = _install_translators(app, locale) if locale else []
    app.setFont(choose_cjk_font())
    doc = sample_document()
    doc.meta.src_lang, doc.meta.chinese_script = "zh-TW", "traditional"    # the note on Traditional codes shows
    window = MainWindow(doc, autosave=False)
    window.resize(*size)
    window.show()
    window.view.select_bead(4)
    folder = Path(os.environ["DUIQI_HOME"]) / "Documents"      # a folder that exists: no "does not exist" line
    folder.mkdir(exist_ok=True)
    dialog = ExportDialog(window, doc, folder / "sample.duiqi")
    dialog.preset_combo.setCurrentIndex(dialog.preset_combo.findData(preset))
    dialog.show()
    loop = QEventLoop()
    QTimer.singleShot(300, loop.quit)
    loop.exec()
    picture = window.grab()
    painter = QPainter(picture)
    painter.fillRect(picture.rect(), QColor(0, 0, 0, 60))                   # dimmed behind the modal dialog
    shot = dialog.grab()
    painter.drawPixmap((picture.width() - shot.width()) // 2, (picture.height() - shot.height()) // 2, shot)
    painter.end()
    picture.save(str(out))
    print(f"wrote {out} ({size[0]}x{size[1]}, Export dialog, {preset}{', ' + locale if locale else ''})")
    dialog.close()
    window.undo_stack.setClean()
    window.close()
    for translator in translators:
        QCoreApplication.removeTranslator(translator)


#: a client's small archive for the collection picture: (Chinese paragraphs, English paragraphs) per document
ARCHIVE = {
    "contract-2019": (["买卖合同", "第一条 本合同由双方签订。", "第二条 货物应于三月交付。", "第三条 付款期限为三十天。"],
                      ["Sales Contract", "Article 1 This contract is concluded by both parties.",
                       "Article 2 The goods shall be delivered in March.",
                       "Article 3 Payment is due within thirty days."]),
    "letter-0412": (["我们收到了您的来信。", "合同将于下周签署。", "请尽快回复。"],
                    ["We received your letter.", "The contract will be signed next week.", "Please reply soon."]),
    "memo-board": (["会议改到星期五。", "请带上报告。"], ["The meeting moved to Friday.", "Please bring the report."]),
}


def shoot_collection(out: Path, *, size: tuple[int, int]) -> None:
    """A collection of the bundled sample and three short hand-made pairs, all aligned, the sample open."""
    import shutil

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from editor.app import choose_cjk_font
    from editor.collection import Collection, CollectionSettings, Pair, pair_folder
    from editor.resources import sample_path
    from editor.ui.window.main_window import MainWindow
    from editor.workflow import ImportOptions, align_document, import_document

    app = QApplication.instance()
    app.setFont(choose_cjk_font())
    home = Path(os.environ["DUIQI_HOME"])
    sources = home / "client"
    sources.mkdir(parents=True, exist_ok=True)
    shutil.copy(sample_path(), sources / "library-notice.txt")
    for name, (zh, en) in ARCHIVE.items():
        (sources / f"{name}.zh.txt").write_text("\n\n".join(zh) + "\n", encoding="utf-8")
        (sources / f"{name}.en.txt").write_text("\n\n".join(en) + "\n", encoding="utf-8")
    pairing = pair_folder(sources)
    for single in list(pairing.unpaired):
        pairing.add(Pair(single.stem, single))
    collection = Collection.create(home / "archive", pairing, CollectionSettings(mode="fast"))
    for entry in collection.entries:
        doc = import_document(collection.sources(entry), ImportOptions())
        doc.apply(align_document(doc, mode="fast"))
        collection.save_document(entry, doc)
    window = MainWindow(autosave=False)
    window.resize(*size)
    window.show()
    window.open_collection(home / "archive", ask=False)
    loop = QEventLoop()
    QTimer.singleShot(600, loop.quit)          # the list fills and the first document opens
    loop.exec()
    window.grab().save(str(out))
    print(f"wrote {out} ({size[0]}x{size[1]}, a collection of {len(collection.entries)} documents)")
    if window.collection is not None:
        for opened in window.collection.open_documents.values():
            opened.stack.setClean()
    window.undo_stack.setClean()
    window.close()


def main(argv: list[str]) -> int:
    from PySide6.QtWidgets import QApplication

    out_dir = Path(argv[0]) if argv else REPO / "docs" / "screenshots"
    out_dir.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(["duiqi"])
    if "Fusion" in __import__("PySide6.QtWidgets", fromlist=["QStyleFactory"]).QStyleFactory.keys():
        app.setStyle("Fusion")
    shoot(out_dir / "editor-review.png", size=(1280, 800))
    shoot(out_dir / "editor-compact.png", size=(1280, 720), compact=True)
    shoot(out_dir / "review-list.png", size=(1280, 800), review_list=True)
    shoot(out_dir / "editor-zh_CN.png", size=(1280, 800), locale="zh_CN")
    shoot_export_dialog(out_dir / "export-trados-zh_CN.png", size=(1280, 720), preset="trados", locale="zh_CN")
    shoot_collection(out_dir / "collection.png", size=(1280, 720))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
