"""The bundled sample renders with its links drawn in the link colours."""

from PySide6.QtGui import QColor

from editor.ui.view.link_style import COLOURS, SHADES, LinkState, _mix


def _near(a: QColor, b: QColor, tolerance: int = 40) -> bool:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) <= tolerance


def _count(image, *colours: QColor) -> int:
    hits = 0
    for y in range(0, image.height(), 2):
        for x in range(image.width()):
            if any(_near(image.pixelColor(x, y), colour) for colour in colours):
                hits += 1
    return hits


def _shades(state: LinkState) -> list[QColor]:
    """The colours of a shaded state's links, from its least to its most confident."""
    low, high = SHADES[state]
    return [_mix(low, high, t / 4) for t in range(5)]


def test_the_sample_renders_with_links_drawn_between_the_panes(qtbot, window, tmp_path):
    first, last = window.view.visible_bead_range()
    window.view.select_bead((first + last) // 2)       # links far from the selection fade: select mid-screen
    window.view.scrollbar.setValue(0)
    image = window.view.canvas.grab().toImage()
    assert image.width() > 30 and image.height() > 200
    # a dozen sure links (one sentence is unlinked, and the link beside it is doubtful: drawn in orange, dashed)
    assert _count(image, *_shades(LinkState.AUTO_HIGH)) > 150
    assert _count(image, *_shades(LinkState.AUTO_LOW)) > 0
    window.view.select_bead(0)
    window.actions_.confirm_above.trigger()
    image = window.view.canvas.grab().toImage()
    assert _count(image, COLOURS[LinkState.CONFIRMED]) > 20
    assert window.grab().save(str(tmp_path / "window.png"))
