"""The window's controllers, each built without the main window: file handling on a stub host, review navigation
on a bare alignment view, and alignment jobs on a document, an undo stack and a progress bar."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import QComboBox, QMessageBox, QProgressBar, QPushButton, QWidget

from editor.bitext.document import AlignmentDocument, BeadStatus, Change, Splice
from editor.bitext.project import load_project, save_project
from editor.ui.model.qt_document import QtDocument
from editor.ui.view.alignment_view import AlignmentView, BeadFilter
from editor.ui.window.alignment_jobs import AlignmentJobs
from editor.ui.window.file_controller import FileController
from editor.ui.window.review_navigator import ReviewNavigator

EVENT_TIMEOUT_MS = 60000


class StubHost:
    """The FileHost protocol, recording what the controller asked of it."""

    def __init__(self, doc: AlignmentDocument, modified: bool = False) -> None:
        self.settings = None
        self.project_path: Path | None = None
        self.opened_path: Path | None = None
        self._doc, self.modified = doc, modified
        self.calls: list[tuple] = []

    @property
    def document(self) -> AlignmentDocument:
        return self._doc

    def set_document(self, doc, path, modified=False, *, opened=None):
        self._doc, self.project_path, self.opened_path = doc, path, opened
        self.calls.append(("set_document", path, modified))

    def start_alignment(self, keep_fixed=True, mode="best"):
        self.calls.append(("start_alignment", keep_fixed))

    def is_modified(self):
        return self.modified

    def finish_editing(self):
        self.calls.append(("finish_editing",))

    def review_threshold(self):
        return 0.5

    def save(self):
        self.calls.append(("save",))
        return False

    def mark_saved(self, path):
        self.project_path, self.modified = path, False
        self.calls.append(("mark_saved", path))


@pytest.fixture
def parent(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_file_controller_saves_through_the_host_and_reports_the_file(qtbot, parent, sample_doc, tmp_path):
    host = StubHost(sample_doc, modified=True)
    files = FileController(host, parent)
    used, messages = [], []
    files.file_used.connect(used.append)
    files.message.connect(lambda text, ms: messages.append(text))
    path = tmp_path / "book.duiqi"
    assert files.save_to(path)
    assert host.calls[0] == ("finish_editing",) and ("mark_saved", path) in host.calls
    assert used == [str(path.absolute())] and messages and str(path) in messages[0]
    assert len(load_project(path).beads) == len(sample_doc.beads)
    assert files.save()                       # the host knows its project file now: no dialog
    assert host.calls.count(("mark_saved", path)) == 2


def test_file_controller_opens_a_project_into_the_host_and_names_a_bad_file(qtbot, parent, sample_doc, tmp_path,
                                                                           monkeypatch):
    project = tmp_path / "a.duiqi"
    save_project(sample_doc, project)
    host = StubHost(AlignmentDocument())
    files = FileController(host, parent)
    assert files.open_paths([project])        # not modified: nothing to ask
    assert host.calls == [("set_document", project, False)]
    assert len(host.document.beads) == len(sample_doc.beads)
    bad = tmp_path / "broken.duiqi"
    bad.write_text("{ not json", encoding="utf-8")
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append((box.text(), box.informativeText())) or 0)
    assert not files.open_paths([bad])
    assert len(shown) == 1 and "broken.duiqi" in shown[0][0]


def test_file_controller_asks_before_dropping_unsaved_work(qtbot, parent, sample_doc, tmp_path, monkeypatch):
    host = StubHost(sample_doc, modified=True)
    files = FileController(host, parent)
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.Cancel)
    project = tmp_path / "b.duiqi"
    save_project(sample_doc, project)
    assert not files.open_paths([project])
    assert len(asked) == 1 and host.calls == []


def _navigator(qtbot, doc):
    view = AlignmentView(QtDocument(doc))
    qtbot.addWidget(view)
    box = QComboBox()
    qtbot.addWidget(box)
    for mode in (BeadFilter.ALL, BeadFilter.PROBLEMS, BeadFilter.UNCONFIRMED):
        box.addItem(mode.name, mode)
    problems = QAction("problems", view)
    problems.setCheckable(True)
    return ReviewNavigator(view, box, problems, view), view, problems


def _one_doubtful(doc: AlignmentDocument, k: int) -> AlignmentDocument:
    sure = tuple(replace(b, confidence=0.1 if i == k else 1.0, status=BeadStatus.AUTO)
                 for i, b in enumerate(doc.beads))
    # and no sentence marks (the sample's link 6 is an English sentence with no Chinese counterpart, doubtful
    # whatever its confidence: the tests make it the one doubtful link)
    src, tgt = (tuple(replace(s, marks=()) for s in side) for side in (doc.src, doc.tgt))
    doc.apply(Change("test", Splice(0, tuple(doc.src), src), Splice(0, tuple(doc.tgt), tgt),
                     Splice(0, tuple(doc.beads), sure)))
    return doc


def test_review_navigator_goes_to_the_next_doubtful_link_and_says_when_there_is_none(qtbot, sample_doc):
    navigator, view, _ = _navigator(qtbot, _one_doubtful(sample_doc, 6))
    messages, ran_out = [], []
    navigator.message.connect(lambda text, ms: messages.append(text))
    navigator.ran_out.connect(ran_out.append)
    view.select_bead(0)
    assert navigator.next_doubtful() and view.current_bead() == 6
    assert not navigator.next_doubtful() and view.current_bead() == 6
    assert messages == ["No more links of that kind."] and ran_out == [True]
    navigator.across_documents = True         # a collection goes on to the next document instead of saying so
    assert not navigator.next_doubtful()
    assert messages == ["No more links of that kind."] and ran_out == [True, True]
    view.select_bead(len(sample_doc.beads) - 1)
    assert navigator.previous_doubtful() and view.current_bead() == 6


def test_review_navigator_keeps_the_filter_box_and_the_problems_action_in_step(qtbot, sample_doc):
    navigator, view, problems = _navigator(qtbot, _one_doubtful(sample_doc, 8))
    problems.trigger()
    assert view.bead_filter is BeadFilter.PROBLEMS and navigator.filter_box.currentData() is BeadFilter.PROBLEMS
    assert view.bead_hidden(0)
    focused = []
    navigator.focus_requested.connect(lambda: focused.append(True))
    navigator.go_to(0)                        # a hidden link chosen in the review list shows all links
    assert view.bead_filter is BeadFilter.ALL and not problems.isChecked()
    assert view.current_bead() == 0 and focused == [True]


def _jobs(qtbot, doc):
    host = QWidget()
    qtbot.addWidget(host)
    qdoc, stack = QtDocument(doc), QUndoStack(host)
    progress, cancel = QProgressBar(host), QPushButton(host)
    finished = []
    jobs = AlignmentJobs(qdoc, stack, progress, cancel, lambda: finished.append(True), host)
    host.show()
    jobs.host = host                          # keeps the parent widget alive for the test
    return jobs, qdoc, stack, progress, cancel, finished


def _unaligned_sample() -> AlignmentDocument:
    from editor.resources import sample_path
    from editor.workflow import import_document

    return import_document([sample_path()])


def test_alignment_jobs_apply_the_result_as_one_undo_step_and_hide_the_progress(qtbot):
    jobs, qdoc, stack, progress, cancel, finished = _jobs(qtbot, _unaligned_sample())
    jobs.document_replaced(opened_clean=True)
    busy = []
    jobs.busy_changed.connect(busy.append)
    with qtbot.waitSignal(jobs.aligned, timeout=EVENT_TIMEOUT_MS) as aligned:
        assert jobs.start(keep_fixed=False) is not None
        assert jobs.busy and progress.isVisible() and cancel.isVisible() and finished == [True]
        assert jobs.start() is None           # one job at a time
    assert aligned.args[0] == len(qdoc.doc.beads) and any(b.src and b.tgt for b in qdoc.doc.beads)
    assert busy == [True, False] and not progress.isVisible() and not cancel.isVisible()
    assert stack.count() == 1 and stack.isClean()     # opened clean: aligning it is not a change
    stack.undo()
    assert not any(b.src and b.tgt for b in qdoc.doc.beads)


def test_alignment_jobs_cancel_changes_nothing_and_says_so(qtbot):
    jobs, qdoc, stack, progress, cancel, _ = _jobs(qtbot, _unaligned_sample())
    before = qdoc.doc.snapshot()
    messages = []
    jobs.message.connect(lambda text, ms: messages.append(text))
    signals = jobs.start(keep_fixed=False)
    ended = []
    signals.succeeded.connect(lambda change: ended.append("succeeded"))
    signals.failed.connect(lambda exc: ended.append("failed"))
    cancel.click()
    assert not jobs.busy and not progress.isVisible()
    # a text just imported has no link to keep: an X11 audit read "nothing was changed" as if the alignment it had
    # discarded (to import the text again) were still there
    assert messages[-1].startswith("Alignment cancelled: no sentence is linked yet")
    qtbot.waitUntil(lambda: bool(ended), timeout=EVENT_TIMEOUT_MS)
    assert qdoc.doc.snapshot() == before and stack.count() == 0
    with qtbot.waitSignal(jobs.aligned, timeout=EVENT_TIMEOUT_MS):
        jobs.start(keep_fixed=False)
    aligned = qdoc.doc.snapshot()
    jobs.start(keep_fixed=False)
    cancel.click()
    assert messages[-1] == "Alignment cancelled; nothing was changed."
    assert qdoc.doc.snapshot() == aligned


def test_alignment_jobs_name_the_phase_on_the_progress_bar(qtbot):
    jobs, _, _, progress, _, _ = _jobs(qtbot, _unaligned_sample())
    jobs.on_phase_changed("embedding")
    jobs.on_progressed(0.4)
    assert progress.text().startswith("Embedding sentences") and "40" in progress.text()
    jobs.on_progressed(1.0)
    assert progress.format() == "Finishing…" and progress.maximum() == 0


def test_copy_is_in_the_edit_menu_with_its_shortcut(qtbot, window):
    # an X11 audit: the README lists Ctrl+C, the Edit menu had no Copy
    edit_menu = next(m for m in window.menus if window.undo_action in m.actions())
    assert window.actions_.copy in edit_menu.actions()



def test_a_file_error_names_the_file_and_gives_its_reason_as_a_sentence(qtbot, window, tmp_path, monkeypatch):
    # an X11 audit: the reason under "Could not open missing.txt." started in lower case ("no such file")
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append((box.text(), box.informativeText())) or 0)
    assert not window.open_paths([tmp_path / "missing.txt"], ask=False)
    assert shown and "missing.txt" in shown[0][0] and shown[0][1].startswith("No such file"), shown
