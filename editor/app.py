"""The GUI entry point: application setup (names, translators, style, CJK font), crash hook, and argv handling."""

from __future__ import annotations

import logging
import sys
import time
import traceback
from pathlib import Path
from typing import Sequence

log = logging.getLogger(__name__)


#: the translators the running application uses (see main)
_TRANSLATORS: list = []


def _install_translators(app, ui_language: str | None) -> list:
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    from editor.resources import translations_dir

    locale = QLocale(ui_language) if ui_language else QLocale.system()
    installed = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for loader in (lambda t: t.load(locale, "qtbase", "_", qt_dir),
                   lambda t: t.load(locale, "duiqi", "_", str(translations_dir()))):
        translator = QTranslator(app)
        if loader(translator):
            app.installTranslator(translator)
            installed.append(translator)
    if installed:
        # Installed last, so asked first: key names stay as Qt writes them natively ("Alt+Up", not
        # "Alt+上方向"), in the menus, tooltips and the shortcut list alike.
        keys = key_name_translator(app)
        app.installTranslator(keys)
        installed.append(keys)
    return installed


def key_name_translator(parent=None):
    """Return a translator that keeps Qt's key names (Alt, Up, Return…) untranslated."""
    from PySide6.QtCore import QTranslator

    class KeyNameTranslator(QTranslator):
        """Answers Qt's key names (context QShortcut) untranslated; leaves every other text to the others."""

        def translate(self, context, source, disambiguation=None, n=-1):
            return source if context == "QShortcut" else None      # None: not found, ask the next one

        def isEmpty(self) -> bool:
            return False

    return KeyNameTranslator(parent)


def choose_cjk_font(size: float | None = None):
    """Return the application font with a CJK-capable family first (falls back to the default font)."""
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    from editor.ui.view.fonts import find_han_font, find_latin_font

    font = QFont(QApplication.font())
    chosen = find_han_font()
    if chosen is not None:
        # Latin text takes a Latin font (a CJK font's quotes and dashes are full width); Chinese falls back
        # to the CJK family, in that order. The panes order their own (editor.ui.view.fonts.pane_font).
        font.setFamilies([find_latin_font() or QApplication.font().family(), chosen])
    if size:
        font.setPointSizeF(size)
    return font


def warn_if_no_han_font(window) -> bool:
    """Tell the user (once, at start-up) when no font has Chinese characters; True when warned."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    from editor.ui.view.fonts import missing_han_font_message

    message = missing_han_font_message()
    if message is None:
        return False
    box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("App", "No Chinese font"), message,
                      QMessageBox.StandardButton.Ok, window)
    box.setModal(False)
    box.show()
    window.font_warning = box
    return True


def _install_excepthook() -> None:
    """Log real bugs to the log folder and show a short dialog instead of dying silently."""
    from editor.paths import log_dir

    previous = sys.excepthook

    def hook(kind, value, tb) -> None:
        if issubclass(kind, KeyboardInterrupt):
            previous(kind, value, tb)
            return
        text = "".join(traceback.format_exception(kind, value, tb))
        path = None
        try:
            path = log_dir() / f"crash-{time.strftime('%Y%m%d-%H%M%S')}.log"
            path.write_text(text, encoding="utf-8")
        except OSError:
            pass
        log.error("unexpected error:\n%s", text)
        sys.stderr.write(text)
        try:
            from PySide6.QtCore import QCoreApplication
            from PySide6.QtWidgets import QApplication, QMessageBox

            if QApplication.instance() is not None:
                QMessageBox.critical(
                    None, QCoreApplication.translate("App", "Duiqi ran into a bug"),
                    QCoreApplication.translate("App", "Something went wrong inside Duiqi: %1\n\nYour work is autosaved. "
                                                      "Details were written to %2.")
                    .replace("%1", f"{kind.__name__}: {value}").replace("%2", str(path or log_dir())))
        except Exception:       # the hook itself must never raise
            pass

    sys.excepthook = hook


def sample_document(aligned: bool = True):
    """Return the bundled mixed sample, imported (and aligned, unless `aligned` is False)."""
    from editor.resources import sample_path
    from editor.workflow import align_document, import_document

    doc = import_document([sample_path()])
    if aligned:
        doc.apply(align_document(doc))
    return doc


def open_arguments(window, args: Sequence[str]) -> None:
    """Act on the command line: --sample, a project or alignment file, a collection folder, or one or two texts.

    Texts (the sample too) show at once and align in the background: the links appear when they arrive.
    """
    if not args:
        return
    if args[0] == "--sample":
        window.set_document(sample_document(aligned=False), None)
        window.start_alignment(keep_fixed=False)
        return
    window.open_paths([Path(a) for a in args[:2]], ask=False)


def recover_then_open(window, args: Sequence[str]) -> bool:
    """Started on files: offer the unsaved work of a crashed session first, as a start without files does
    (before this, the project a crash left was opened at its saved state, and the lost edits were offered only
    at a later start without arguments, after the translator had maybe redone and saved over them). Restored,
    that work is shown and the files named are not opened (the status bar says so when it is another file);
    otherwise they open. Returns True when work was restored."""
    if _offer_recovery(window):
        from editor.resources import sample_path

        named = [Path(a) for a in args if a != "--sample"]
        if not _restored_from(window, named or [sample_path()]):
            from PySide6.QtCore import QCoreApplication

            what = ", ".join(p.name for p in named) or QCoreApplication.translate("App", "the sample")
            window.statusBar().showMessage(
                QCoreApplication.translate("App", "Your unsaved work was restored; %1 was not opened (File ▸ Open "
                                                  "opens it).").replace("%1", what), 15000)
        return True
    open_arguments(window, args)
    return False


def QT_TRANSLATE_NOOP(_context: str, text: str) -> str:      # noqa: N802 (the name lupdate looks for)
    """Mark a string for lupdate (as Qt's own does) without importing Qt at module level."""
    return text


#: (a literal translate() call with a count is not collected by pyside6-lupdate; QT_TRANSLATE_NOOP is)
_COLLECTION_LEFT_EDITS = QT_TRANSLATE_NOOP(
    "App", "Duiqi did not close properly last time. The collection %1 has unsaved edits of %n document(s): %2. "
           "Open it now? They come back when it opens.")


def offer_collection_recovery(window) -> bool:
    """Started without files, with nothing restored from the autosave: a recent collection whose documents'
    journals hold unsaved edits of a session that ended (a kill, a crash) is named, and opened when the
    translator says so; its edits come back as it opens (every document's). Before, nothing said so until the
    translator happened to reopen that folder (an X11 audit). True when one was opened."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    from editor.collection.store import is_collection
    from editor.ui.collection.document_journal import collection_leftovers

    settings = getattr(window, "settings", None)
    for name in (settings.recent_files if settings is not None else []):
        folder = Path(name)
        folder = folder.parent if folder.is_file() else folder
        try:
            if not is_collection(folder):
                continue
            left = collection_leftovers(folder)
        except OSError:
            continue
        if not left:
            continue
        answer = QMessageBox.question(
            window, QCoreApplication.translate("App", "Unsaved edits"),
            QCoreApplication.translate("App", _COLLECTION_LEFT_EDITS, "", len(left))
            .replace("%1", str(folder)).replace("%2", ", ".join(left)),
            QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Open)
        if answer == QMessageBox.StandardButton.Open:
            return bool(window.open_paths([folder], ask=False))
        return False
    return False


def _restored_from(window, named: Sequence[Path]) -> bool:
    """True when the files named on the command line are what the restored work was read from: its project, or
    when it has none, the exchange file (TMX, XLIFF, table) opened, else its source texts in either order (the
    status bar said "ch006.zh.txt, ch006.en.txt was not opened" over the recovered import of those very files;
    an X11 re-test)."""
    doc = window.document
    if window.project_path is not None:
        sources = [window.project_path]
    elif window.opened_path is not None:
        sources = [window.opened_path]
    else:
        sources = list(dict.fromkeys(Path(p) for p in (doc.meta.src_file, doc.meta.tgt_file) if p))
    return bool(sources) and {_resolved(n) for n in named} == {_resolved(s) for s in sources}


def _resolved(path: Path | str) -> Path:
    try:
        return Path(path).resolve()
    except OSError:
        return Path(path).absolute()


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == Path(b).resolve()
    except OSError:
        return False


def _sweep_stale_temp_files(settings) -> None:
    """Remove what killed saves of the recent projects left beside them (`.NAME.*.tmp`, older than a day)."""
    from editor.file_checks import sweep_stale_temp_files

    for name in (settings.recent_files if settings is not None else []):
        try:
            sweep_stale_temp_files(Path(name))
        except (OSError, ValueError):
            continue


def _offer_recovery(window) -> bool:
    try:
        from editor.ui.safety.recovery import offer_recovery
    except ImportError:
        return False
    restored = offer_recovery(window)
    if restored is None:
        return False
    doc, path = restored
    history, opened = getattr(restored, "history", None), getattr(restored, "opened", None)
    if history is not None:
        window.restore_history(history, path, opened=opened)       # the undo history comes back too
    else:
        window.set_document(doc, path, modified=True, opened=opened)
    return True


GUI_USAGE = """usage: duiqi-gui [--sample | PROJECT | FOLDER | TEXT [TEXT]]

Open the Duiqi alignment editor:
  --sample        the bundled Chinese-English sample, aligned when it opens
  PROJECT         a Duiqi project (.duiqi), or an alignment another tool wrote (TMX, XLIFF, TSV, ...)
  FOLDER          a collection folder (what New Collection or `duiqi batch -o FOLDER` made)
  TEXT [TEXT]     one mixed bilingual file, or a Chinese and an English text, imported and aligned
With nothing, the editor starts empty (and offers the work a crashed session left).
The command-line aligner is `duiqi` (duiqi --help)."""


def main(argv: Sequence[str] | None = None) -> int:
    """Start the editor; `argv` are the arguments after the program name. Returns the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in ("-h", "--help", "--version"):
        # answered here, with no window: `duiqi-gui --help` opened the editor and said "Could not open --help"
        from editor import __version__

        print(f"duiqi-gui {__version__}" if args[0] == "--version" else GUI_USAGE)
        return 0
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication, QStyleFactory

    from editor import __version__

    QCoreApplication.setOrganizationName("Duiqi")
    QCoreApplication.setApplicationName("Duiqi")
    QCoreApplication.setApplicationVersion(__version__)
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "duiqi"])
    QGuiApplication.setDesktopFileName("io.github.duiqi.Duiqi")   # = resources/linux/*.desktop (Wayland app id)
    try:
        from editor.settings import load_settings
        settings = load_settings()
    except ImportError:
        settings = None
    # held for the whole session from Python too (parented to the app as well): one X11 session saw the interface
    # fall back to English halfway through, which a translator deleted with its last Python reference would do
    # (not reproduced since)
    _TRANSLATORS[:] = _install_translators(app, settings.ui_language if settings is not None else None)
    if sys.platform.startswith("linux") and "Fusion" in QStyleFactory.keys():
        app.setStyle("Fusion")       # native styles on Windows and macOS; Fusion where there is none
    app.setFont(choose_cjk_font())
    try:
        from editor.resources import icon_path
        from PySide6.QtGui import QIcon
        icon = icon_path("duiqi")
        if icon.exists():
            app.setWindowIcon(QIcon(str(icon)))
    except ImportError:
        pass
    _install_excepthook()
    _sweep_stale_temp_files(settings)
    from editor.ui.jobs.main_thread_gc import MainThreadGarbageCollector

    app.garbage_collector = MainThreadGarbageCollector(app)     # lives as long as the application

    from editor.ui.window.main_window import MainWindow

    window = MainWindow(settings=settings)
    window.show()
    from PySide6.QtCore import QTimer

    from editor.ui.jobs.workers import warm_up_aligner

    QTimer.singleShot(0, lambda: warn_if_no_han_font(window))
    if args:
        # After the first paint: the window is there at once, then the texts, then the links as they arrive.
        # A crashed session's unsaved work is offered first (the translator often starts again on the very file
        # the crash left open)
        QTimer.singleShot(0, lambda: recover_then_open(window, args))
    else:
        QTimer.singleShot(0, lambda: _offer_recovery(window) or offer_collection_recovery(window))
        warm_up_aligner()   # loads the dictionary and model in the aligner process while the user looks around
    return app.exec()
