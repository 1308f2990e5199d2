"""The aligner's own process (Qt-free): aligns documents sent over a pipe and answers with the Change.

Running the engine in a separate process keeps the window responsive even while the engine sits in long
C calls that hold Python's GIL (loading its dictionary takes seconds in one call), which a thread
cannot avoid. The process stays up between jobs, so the engine loads its data once.

Messages to the process: ("preload", mode), ("align", job, document, mode, keep_fixed), ("cancel", job),
None (quit).
Messages back: ("phase", job, name) with name in PHASES, ("progress", job, fraction) within the phase,
("ok", job, change), ("cancelled", job), ("error", job, text).
"""

from __future__ import annotations

import time
import traceback

#: At most this often a progress message (seconds).
PROGRESS_INTERVAL = 0.1
#: What the aligner does, in order (the window names each phase; progress restarts at 0 in each).
PHASES = ("loading", "embedding", "aligning")
#: Sentences embedded per step of the embedding phase (one progress message and one cancel check each).
EMBED_BATCH = 64


def embed_sentences(doc, progress, should_stop) -> bool:
    """Embed the document's sentences into the encoder's cache, so aligning finds them ready; False if cancelled.

    The engine embeds the same (cleaned) texts when it aligns; doing it first lets the window show the
    embedding phase with its own progress instead of a bar stuck at one place.
    """
    from editor.alignment.engine import resources
    from editor.alignment.lexicon import clean_chinese

    encoder = resources(use_embeddings=True).encoder
    if encoder is None:
        return True
    texts = [clean_chinese(s.text) for s in doc.src] + [t.text for t in doc.tgt]
    for start in range(0, len(texts), EMBED_BATCH):
        if should_stop():
            return False
        encoder.pooled(texts[start:start + EMBED_BATCH])
        progress(min(1.0, (start + EMBED_BATCH) / max(1, len(texts))))
    return True


def serve(conn) -> None:
    """Answer alignment jobs until told to quit (None) or the pipe closes."""
    from editor.errors import AlignmentCancelled, EditorError
    from editor.workflow import align_document

    pending: list = []
    while True:
        try:
            message = pending.pop(0) if pending else conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        if message[0] == "preload":
            try:
                from editor.alignment import preload
                preload(message[1])
            except Exception:
                pass                 # the alignment itself will load (and report) what is missing
            continue
        if message[0] != "align":
            continue                 # a cancel for a job that already finished
        _, job, doc, mode, keep_fixed = message
        cancelled = False
        last = [0.0]

        def should_stop() -> bool:
            nonlocal cancelled
            while not cancelled and conn.poll():
                incoming = conn.recv()
                if incoming is None or (incoming[0] == "cancel" and incoming[1] == job):
                    cancelled = True
                    if incoming is None:
                        pending.append(None)
                else:
                    pending.append(incoming)
            return cancelled

        def progress(fraction: float) -> None:
            now = time.monotonic()
            if fraction >= 1.0 or now - last[0] >= PROGRESS_INTERVAL:
                last[0] = now
                conn.send(("progress", job, float(fraction)))

        try:
            conn.send(("phase", job, "loading"))
            if mode != "length":
                from editor.alignment import preload
                preload(mode)              # at once when the warm-up already loaded everything
            if mode == "best":
                conn.send(("phase", job, "embedding"))
                if not embed_sentences(doc, progress, should_stop):
                    raise AlignmentCancelled()
            conn.send(("phase", job, "aligning"))
            last[0] = 0.0
            change = align_document(doc, mode=mode, keep_fixed=keep_fixed, progress=progress,
                                    should_stop=should_stop)
        except AlignmentCancelled:
            conn.send(("cancelled", job))
        except EditorError as exc:
            conn.send(("error", job, exc.message if hasattr(exc, "message") else str(exc)))
        except Exception:
            conn.send(("error", job, traceback.format_exc(limit=8)))
        else:
            if should_stop():
                conn.send(("cancelled", job))
            else:
                conn.send(("ok", job, change))
