"""Crash safety: periodic autosaves of the open document, and restoring those a crashed session left behind.

Each running editor is a *session* with its own files in `paths.data_dir()/autosave/`:
`<session>.duiqi` (the document, written atomically), `<session>.json` (where it came from, when, which pid)
and `<session>.lock`, which the session keeps locked with an operating-system file lock for as long as it runs.
The operating system drops that lock when the process dies, however it dies, so "the lock can be taken"
means "the session crashed": that is how two running editors keep their hands off each other's autosaves,
and why a reused pid cannot hide a crash.

Beside the periodic snapshot, every edit goes to `<session>.journal` (editor.bitext.journal) the moment
it is made, so a crash loses nothing that was on screen; `EditRecorder` feeds the undo stack to it,
fsyncs it within a second, and compacts it at the autosave interval. Recovery replays the journal
(the undo history comes back with it) and falls back to the snapshot when there is no readable journal.
"""
