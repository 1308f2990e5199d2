"""Every command of the window as a QAction with its text, shortcut and status tip (menus and Help list them)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence


class WindowActions(QObject):
    """Creates the window's actions; the window connects their `triggered` signals and enables them."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        a = self._make
        # File
        self.new = a(self.tr("&New Alignment…"), QKeySequence.StandardKey.New,
                     self.tr("Import a Chinese and an English text (or one mixed file) and align them"))
        self.open = a(self.tr("&Open…"), QKeySequence.StandardKey.Open,
                      self.tr("Open a Duiqi project, or a TMX/XLIFF/TSV alignment"))
        self.new_collection = a(self.tr("New &Collection…"), "Ctrl+Shift+N",
                                self.tr("Pair a client's files (folders, a JOBS file or bilingual files) and align "
                                        "them all as one collection"))
        self.open_collection = a(self.tr("Open Co&llection Folder…"), "Ctrl+Shift+O",
                                 self.tr("Open a collection folder (also what duiqi batch -o DIR writes)"))
        self.export_collection = a(self.tr("Export W&hole Collection…"), "Ctrl+Shift+E",
                                   self.tr("Write every document of the collection into one TMX or XLIFF file"))
        self.save = a(self.tr("&Save"), QKeySequence.StandardKey.Save, self.tr("Save the project"))
        self.save_as = a(self.tr("Save &As…"), "Ctrl+Shift+S", self.tr("Save the project under a new name"))
        self.export = a(self.tr("&Export…"), "Ctrl+E", self.tr("Write TMX, XLIFF, TSV or another format"))
        self.settings = a(self.tr("Se&ttings…"), "Ctrl+,", self.tr("Font size, pane order, languages, autosave"))
        self.quit = a(self.tr("&Quit"), QKeySequence.StandardKey.Quit, self.tr("Close Duiqi"))
        # Edit
        self.edit_text = a(self.tr("&Edit Sentence"), "F2", self.tr("Edit the selected sentence in place"))
        self.split = a(self.tr("S&plit Sentence at Cursor"), "Ctrl+K",
                       self.tr("Split the sentence being edited at the text cursor"))
        self.merge_segments = a(self.tr("&Join with Next Sentence"), "Ctrl+J",
                                self.tr("Join the selected sentence with the next one on its side"))
        self.insert = a(self.tr("&Insert Empty Sentence"), "Ctrl+I",
                        self.tr("Insert an empty sentence after the selected one"))
        self.delete = a(self.tr("&Delete Sentence"), "Ctrl+Del", self.tr("Delete the selected sentence"))
        self.copy = a(self.tr("&Copy"), QKeySequence.StandardKey.Copy,
                      self.tr("Copy the selected sentences, or the selected link as Chinese<Tab>English"))
        self.find = a(self.tr("&Find…"), QKeySequence.StandardKey.Find, self.tr("Find text in both languages"))
        self.find_next = a(self.tr("Find &Next"), "F3", self.tr("Go to the next match"))
        self.find_previous = a(self.tr("Find Pre&vious"), "Shift+F3", self.tr("Go to the previous match"))
        self.go_to = a(self.tr("&Go to Sentence…"), "Ctrl+G",
                       self.tr("Go to a sentence by its number on the focused side (Tab switches the side)"))
        # Align
        self.link = a(self.tr("&Link Selected Sentences"), "Ctrl+L",
                      self.tr("Link the sentences selected on the left with those selected on the right"))
        self.unlink = a(self.tr("&Unlink"), "Ctrl+U", self.tr("Dissolve the selected link"))
        self.merge_beads = a(self.tr("&Merge with Next Link"), "Ctrl+M",
                             self.tr("Join the selected link (or links) with the next into one n–m link"))
        self.boundary_up = a(self.tr("Move &Boundary Up"), "Alt+Up",
                             self.tr("Give this link's last sentence (on the focused side) to the next link"))
        self.boundary_down = a(self.tr("Move Boundary Do&wn"), "Alt+Down",
                               self.tr("Take the next link's first sentence (on the focused side) into this link"))
        self.confirm_next = a(self.tr("&Confirm and Go to Next"), "Return",
                              self.tr("Confirm the selected link and jump to the next unconfirmed one (to the "
                                      "review list's next link when you work from the list)"))
        self.confirm_next.setShortcuts([QKeySequence("Return"), QKeySequence("Enter")])
        self.confirm_above = a(self.tr("Confirm &All Above"), "Ctrl+Shift+Return",
                               self.tr("Confirm every link from the start down to the selected one"))
        self.next_doubtful = a(self.tr("Next &Doubtful Link"), "F8", self.tr("Jump to the next low-confidence link"))
        self.previous_doubtful = a(self.tr("Previous Doubtful Link"), "Shift+F8",
                                   self.tr("Jump to the previous low-confidence link"))
        self.next_non_one = a(self.tr("Next &Non-1:1 Link"), "F7",
                              self.tr("Jump to the next link that is not one sentence to one sentence"))
        self.next_unconfirmed = a(self.tr("Ne&xt Unconfirmed Link"), "F6",
                                  self.tr("Jump to the next link nobody confirmed yet"))
        self.align = a(self.tr("Align Au&tomatically"), "Ctrl+Shift+A",
                       self.tr("Align the whole text again (keeps nothing)"))
        self.realign = a(self.tr("&Re-align the Rest"), "Ctrl+R",
                         self.tr("Re-align the sentences your edits cut loose and the links around them, "
                                 "keeping your links as anchors"))
        self.cancel_alignment = a(self.tr("Cancel Alignment"), None, self.tr("Stop the running alignment"))
        # View
        self.row_mode = a(self.tr("&Row Mode"), "Ctrl+Shift+R", self.tr("Show each link as one aligned row"))
        self.row_mode.setCheckable(True)
        self.compact = a(self.tr("&Compact Grid"), "Ctrl+Shift+G",
                         self.tr("One numbered row per link, a column per language, no curves"))
        self.compact.setCheckable(True)
        self.swap_panes = a(self.tr("S&wap Panes"), "Ctrl+Shift+X", self.tr("Put the other language on the left"))
        self.problems_only = a(self.tr("Show Only Doubtful and &Unlinked"), "Ctrl+Shift+P",
                               self.tr("Show only doubtful and unlinked links, with their neighbours"))
        self.problems_only.setCheckable(True)
        self.zoom_in = a(self.tr("Zoom &In"), QKeySequence.StandardKey.ZoomIn, self.tr("Larger text"))
        self.zoom_out = a(self.tr("Zoom &Out"), QKeySequence.StandardKey.ZoomOut, self.tr("Smaller text"))
        # Shorter words on the toolbar than in the menus.
        for action, short in ((self.previous_doubtful, self.tr("◀ Doubtful")), (self.next_doubtful, self.tr("Doubtful ▶")),
                              (self.realign, self.tr("Re-align Rest")), (self.new, self.tr("New…")),
                              (self.row_mode, self.tr("Rows")), (self.compact, self.tr("Grid"))):
            action.setIconText(short)
        # Help
        self.shortcuts = a(self.tr("&Keyboard Shortcuts"), QKeySequence.StandardKey.HelpContents,
                           self.tr("List every shortcut"))
        self.about = a(self.tr("&About Duiqi"), None, self.tr("Version, licences and credits"))

    def _make(self, text: str, shortcut, tip: str) -> QAction:
        action = QAction(text, self.parent())
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setStatusTip(tip)
        action.setToolTip(f"{text.replace('&', '').rstrip('…')} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
                          if shortcut is not None else text.replace("&", ""))
        return action

    def pane_scoped(self) -> list[QAction]:
        """Actions whose keys also mean something in text fields (Enter, Ctrl+Del, Alt+arrows): active in the panes only."""
        return [self.confirm_next, self.delete, self.boundary_up, self.boundary_down, self.copy]

    def all(self) -> list[QAction]:
        return [v for v in vars(self).values() if isinstance(v, QAction)]


def scope_to(actions: list[QAction], widgets) -> None:
    """Make actions' shortcuts work only while one of `widgets` has focus (they stay in the menus)."""
    for action in actions:
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        for widget in widgets:
            widget.addAction(action)
