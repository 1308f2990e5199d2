"""Fixtures of the editor window tests: the aligned sample (`sample_doc`), a shown MainWindow on it (`window`),
and a quick aligner for every window test not marked `slow`."""

import pytest

from tests.ui.editor_fixtures import sample_doc, window  # noqa: F401

#: The engine mode window tests align with: dictionary + length, no embeddings. It aligns the bundled sample
#: exactly as the hand-made gold (tests/alignment/test_sample_gold.py) and takes milliseconds once the dictionary is loaded.
QUICK_MODE = "fast"


@pytest.fixture(autouse=True)
def _quick_aligner(request, monkeypatch):
    """Windows align in a thread of the test process with the `fast` engine, through the same start_alignment()
    interface the aligner process serves. Tests marked `slow` keep the real set-up (the aligner process and the
    mode asked for), to exercise it."""
    if request.node.get_closest_marker("slow") is not None:
        yield
        return
    from editor.ui.jobs import workers
    from editor.ui.collection import collection_aligner
    from editor.ui.window import alignment_jobs

    def quick_start_alignment(doc, *, mode, keep_fixed, pool=None, connect=None):
        return workers.start_alignment(doc, mode=QUICK_MODE, keep_fixed=keep_fixed, pool=pool, connect=connect)

    monkeypatch.setenv(workers.ALIGN_IN_ENV, "thread")
    monkeypatch.setattr(alignment_jobs, "start_alignment", quick_start_alignment)
    monkeypatch.setattr(collection_aligner, "start_alignment", quick_start_alignment)
    yield
