"""Reading the links: the link under the pointer stands out with both ends, 1-n links are one band, far links fade."""

from PySide6.QtCore import QPoint

from editor.bitext import edits
from editor.bitext.document import Side
from tests.conftest import EVENT_TIMEOUT_MS


def test_hovering_a_sentence_highlights_its_link_and_both_ends(qtbot, window):
    view = window.view
    doc = window.document
    tgt = view.panes[Side.TGT]
    pos = 3
    qtbot.mouseMove(tgt, tgt.segment_rect(pos).center().toPoint())
    k = doc.bead_index_of(doc.tgt[pos].id)
    qtbot.waitUntil(lambda: view.hovered_bead == k, timeout=EVENT_TIMEOUT_MS)
    assert view.canvas.opacity(k) == 1.0
    qtbot.mouseMove(view.canvas, QPoint(view.canvas.width() // 2, 2))   # off the panes: nothing hovered there
    qtbot.waitUntil(lambda: view.hovered_bead != k, timeout=EVENT_TIMEOUT_MS)


def test_hovering_anywhere_on_a_one_to_two_band_picks_that_link(qtbot, window):
    view = window.view
    doc = window.document
    window.push_change(lambda d: edits.link(d, (d.src[2].id,), (d.tgt[2].id, d.tgt[3].id)))
    k = doc.bead_index_of(doc.src[2].id)
    canvas = view.canvas
    l0, l1, r0, r1 = canvas._ends(k)
    assert r1 - r0 > l1 - l0 or r1 - r0 > 30                 # two English sentences: a wide end
    # Near the right edge, low in the band (beside the second English sentence): still this link.
    point = QPoint(canvas.width() - 3, int(r1 - 4))
    qtbot.mouseMove(canvas, point)
    qtbot.waitUntil(lambda: view.hovered_bead == k, timeout=EVENT_TIMEOUT_MS)
    assert canvas.bead_at(point.x(), point.y()) == k


def test_links_far_from_the_selection_fade_and_near_ones_do_not(qtbot, window):
    view = window.view
    view.select_bead(0)
    canvas = view.canvas
    assert canvas.opacity(0) == 1.0 and canvas.opacity(3) == 1.0
    assert canvas.opacity(7) < canvas.opacity(5) < 1.0
    assert canvas.opacity(40) >= 0.4
    image_near = canvas.grab().toImage()
    view.select_bead(len(window.document.beads) - 1)     # now the top links are far away
    view.scrollbar.setValue(0)
    image_far = canvas.grab().toImage()
    def ink(image):
        return sum(255 * 3 - (c.red() + c.green() + c.blue()) for y in range(0, image.height(), 3)
                   for c in (image.pixelColor(x, y) for x in range(0, image.width(), 3)))
    assert ink(image_far) < ink(image_near)                 # the same links, drawn fainter
