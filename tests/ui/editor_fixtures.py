"""Shared fixtures for the editor window tests: the aligned bundled sample in a shown MainWindow."""

from __future__ import annotations

import pytest

from editor.bitext.document import AlignmentDocument


_ALIGNED_SAMPLE: list[AlignmentDocument] = []


@pytest.fixture
def sample_doc() -> AlignmentDocument:
    """A fresh copy of the aligned bundled sample (aligned once per test session)."""
    from editor.app import sample_document
    from editor.ui.model.qt_document import copy_document

    if not _ALIGNED_SAMPLE:
        _ALIGNED_SAMPLE.append(sample_document())
    return copy_document(_ALIGNED_SAMPLE[0])


def show_window(qtbot, doc: AlignmentDocument | None = None):
    """A MainWindow on `doc` (None: the empty window), without autosave, shown at 1100×700 and exposed."""
    from editor.ui.window.main_window import MainWindow

    win = MainWindow(doc, autosave=False)
    qtbot.addWidget(win, before_close_func=mark_clean)
    win.resize(1100, 700)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def window(qtbot, sample_doc):
    return show_window(qtbot, sample_doc)


def mark_clean(win) -> None:
    """Forget unsaved changes so closing the window at teardown does not ask."""
    win.undo_stack.setClean()
