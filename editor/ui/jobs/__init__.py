"""Work off the GUI thread: QRunnable tasks reporting through signals, the aligner process (Qt-free) and its client, and garbage collection kept on the GUI thread."""
