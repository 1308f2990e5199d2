"""The open document as Qt sees it: a QObject that applies Changes and announces them, and the undo commands that apply them."""
