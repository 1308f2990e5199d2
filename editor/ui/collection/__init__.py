"""A collection in the editor: the document list dock, the New Collection dialog, the background alignment of
every document, the per-document undo histories and edit journals, and the collection's controller."""
