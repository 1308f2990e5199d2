"""Opening finished alignments as documents; the readers live with their writers in editor.exchange."""

from editor.exchange.opening import ALIGNMENT_SUFFIXES, load_alignment  # noqa: F401
from editor.exchange.tmx import tmx_languages  # noqa: F401
from editor.exchange.units import ImportNotes  # noqa: F401
