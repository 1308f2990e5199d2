"""The Qt editor: item models over the document, undo commands, windows, dialogs and widgets."""

from editor.ui.none_guard import keep_none_alive as _keep_none_alive

_keep_none_alive()
