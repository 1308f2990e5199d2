"""The Qt editor: item models over the document, undo commands, windows, dialogs and widgets."""
