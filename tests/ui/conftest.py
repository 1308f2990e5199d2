"""Fixtures of the editor window tests: the aligned sample (`sample_doc`) and a shown MainWindow on it (`window`)."""

from tests.ui.editor_fixtures import sample_doc, window  # noqa: F401
