"""The review list: a dock of the doubtful links (which links and why come from editor.bitext.review)."""
