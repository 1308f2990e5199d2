"""The Qt editor, one folder per concern (each folder's __init__ says what it holds):

- `window/`  the main window: menus, actions, the controllers it hands work to, recent files
- `view/`    the alignment view: sentence panes, link gutter, dragging, layout, link style, explanation strip
- `review/`  the review list of doubtful links
- `dialogs/` import, export, settings, replace, language pair, help and file dialogs
- `model/`   the open document as Qt sees it: signals over the Qt-free document, and undo commands
- `jobs/`    work off the GUI thread: tasks, the aligner process, garbage collection on the GUI thread
- `safety/`  crash safety: autosave, the edit journal recorder, recovery after a crash
- `collection/` a whole archive in the editor: New Collection, the Documents dock, aligning every document
"""
