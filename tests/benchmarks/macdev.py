"""MAC-dev experiments: the engine's best-mode path per chapter with the slow parts (embeddings, band, score
terms) computed once, so the scoring constants can be varied, ablated and fitted leave-one-chapter-out.

Used by error_anatomy.py and loco.py; `run(params)` gives, for each chapter, exactly the beads that
`editor.alignment.engine.align_region` produces with those constants (checked by `--check`).

usage: python tests/benchmarks/macdev.py [--shared PATH] [--check]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve()
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE.parent))

from bench_align import score  # noqa: E402
from fit_weights import load_macdev as load_chapters  # noqa: E402  (name, zh, en, gold) per chapter
from editor.alignment import clauses, engine, scoring  # noqa: E402
from editor.alignment.search import band_from_anchors, best_chain, diagonal_band, top_k_candidates  # noqa: E402

#: module constants an experiment may set, with the module that holds them
MODULES = (scoring, clauses, engine)


def default_shared() -> Path:
    return Path(os.environ.get("DUIQI_SHARED", ROOT.parent / "shared"))


@contextlib.contextmanager
def constants(params: dict | None):
    """Set module constants (by name, in scoring / clauses / engine) for the duration of the block."""
    saved = []
    try:
        for k, v in (params or {}).items():
            mod = next((m for m in MODULES if hasattr(m, k)), None)
            if mod is None:
                raise KeyError(f"no alignment constant named {k}")
            saved.append((mod, k, getattr(mod, k)))
            setattr(mod, k, v)
        yield
    finally:
        for mod, k, v in reversed(saved):
            setattr(mod, k, v)


def load_docs(shared: Path, sets: str = "mac", seed: int = 1) -> list[tuple]:
    """(name, zh, en, gold) of the documents of `sets`, comma-separated: mac (MAC-dev), news (news-dev),
    pert (MAC-dev perturbed by perturb.py with `seed`); names are prefixed by the set but for mac."""
    from perturb import load_set, perturbed

    out = []
    for name in sets.split(","):
        if name == "mac":
            out += load_chapters(shared)
        elif name == "news":
            out += [(f"news{d[0]}", *d[1:]) for d in load_set(shared / "bench" / "news-dev")]
        elif name == "pert":
            out += [(f"pert{d[0]}", *d[1:]) for d in perturbed(load_chapters(shared), seed)]
        else:
            raise ValueError(f"unknown set {name!r}: mac, news or pert")
    return out


def group_of(name: str) -> str:
    """Documents left out together: a MAC-dev chapter with its perturbed copy; each news document alone."""
    return name.removeprefix("pert")


@dataclass
class Chapter:
    name: str
    zh: list
    en: list
    gold: list
    sides: object = None
    band: object = None
    pb: object = None
    margins: object = None
    terms: dict | None = None
    key: tuple | None = None


class MacDev:
    """The six chapters with their cached engine state."""

    def __init__(self, shared: Path | None = None, with_embeddings: bool = True, sets: str = "mac",
                 seed: int = 1) -> None:
        self.res = engine.resources(use_embeddings=with_embeddings)
        self.with_emb = with_embeddings
        self.chapters = [Chapter(*c) for c in load_docs(shared or default_shared(), sets, seed)]
        self._edges: dict[str, dict] = {}

    def _prepare(self, ch: Chapter) -> None:
        sides_key = (scoring.USE_IDF, scoring.MAX_RUN)
        key = sides_key + (scoring.LENGTH_VARIANCE, tuple(scoring.BEAD_TYPES), engine.ANCHOR_TOP_K,
                           engine.ANCHOR_HALF_WIDTH_MIN, engine.ANCHOR_HALF_WIDTH_SHARE, engine.BAND_SLACK,
                           engine.LOCAL_RATIO_HALF)
        if ch.key == key:
            return
        zh, en = ch.zh, ch.en
        if ch.sides is None or ch.key[:2] != sides_key:
            ratio = (sum(map(scoring.text_length, en)) or 1) / \
                (sum(scoring.text_length(scoring.clean_chinese(s)) for s in zh) or 1)
            ch.sides = scoring.Sides(zh, en, ratio, self.res.lexicon, self.res.encoder)
        sides = ch.sides
        n, m = len(zh), len(en)
        if n * m <= 40_000:
            band = diagonal_band(n, m, max(n, m))
        else:
            half = max(engine.ANCHOR_HALF_WIDTH_MIN, int(engine.ANCHOR_HALF_WIDTH_SHARE * max(n, m)))
            anchors = best_chain(top_k_candidates(sides.sentence_sims, n, m, half, engine.ANCHOR_TOP_K), m)
            band = band_from_anchors(anchors, n, m, engine.BAND_SLACK)
            sides.local_ratio = scoring.local_ratio(sides, anchors, engine.LOCAL_RATIO_HALF) \
                if engine.LOCAL_RATIO_HALF and n > 4 * engine.LOCAL_RATIO_HALF else None
        ch.band, ch.pb = band, sides.pair_band(band)
        ch.margins = sides.margins(ch.pb)
        ch.terms = {t: scoring.bead_terms(sides, band, ch.pb, ch.margins, *t) for t in scoring.BEAD_TYPES}
        ch.key = key

    def path(self, ch: Chapter, params: dict | None = None):
        """The engine's path (after the clause pass) for one chapter under `params`."""
        with constants(params):
            self._prepare(ch)
            memo = self._edges.setdefault(ch.name, {})
            real = clauses._edge_embeddings

            def edges(enc, sides, rows, memo=memo, real=real):     # clause embeddings, once per chapter
                need = [i for i in rows if i not in memo]
                if need:
                    memo.update(real(enc, sides, need))
                return {i: memo[i] for i in rows}
            clauses._edge_embeddings = edges
            scores = [scoring.combine(ch.terms[t], *t, self.with_emb).astype(np.float32)
                      for t in scoring.BEAD_TYPES]
            try:
                path = engine.decode(ch.band, scores, ch.sides)
            finally:
                clauses._edge_embeddings = real
        return path

    def run(self, params: dict | None = None, idx=None) -> list[list[tuple[tuple, tuple]]]:
        """Beads (src ids, tgt ids) of each chapter (all by default) under `params`."""
        idx = range(len(self.chapters)) if idx is None else idx
        out = []
        for k in idx:
            p = self.path(self.chapters[k], params)
            out.append([(tuple(range(s0, s1)), tuple(range(t0, t1))) for s0, s1, t0, t1, _ in p])
        return out

    def f1(self, params: dict | None = None, idx=None) -> float:
        idx = list(range(len(self.chapters))) if idx is None else list(idx)
        return score([(self.chapters[k].gold, t) for k, t in zip(idx, self.run(params, idx))])["f1_strict"]


def pooled(pairs) -> float:
    return score(pairs)["f1_strict"]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(default_shared()))
    ap.add_argument("--check", action="store_true", help="compare with engine.align_region")
    ap.add_argument("--sets", default="mac", help="comma-separated: mac, news, pert")
    args = ap.parse_args(argv)
    md = MacDev(Path(args.shared), sets=args.sets)
    tests = md.run()
    per = [round(score([(c.gold, t)])["f1_strict"], 3) for c, t in zip(md.chapters, tests)]
    print(f"strict F1 {score([(c.gold, t) for c, t in zip(md.chapters, tests)])['f1_strict']:.4f} per chapter {per}")
    if args.check:
        from editor.alignment.best import align_region_beads
        for c, t in zip(md.chapters, tests):
            eng = [(tuple(range(b.s0, b.s1)), tuple(range(b.t0, b.t1))) for b in align_region_beads(c.zh, c.en, md.res)]
            print(c.name, "same as the engine" if eng == t else "DIFFERENT from the engine")
    return 0


if __name__ == "__main__":
    sys.exit(main())
