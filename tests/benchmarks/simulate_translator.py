"""A simulated translator (issue 20): how much of the review list a person reads, how many errors it leaves, and
whether Re-align the Rest hides errors from it, measured with the editor's own core code.

usage: python tests/benchmarks/simulate_translator.py [--shared PATH] [--sets mac-dev,news-dev,mac-dev+perturbed]
           [--paths chapter,plain,book,pre-book] [--variants A,B] [--models shipped,held-out] [--fit-cache FILE]
           [--json FILE]

Sets: MAC-dev and news-dev (../shared/bench, read at run time, never copied), and "mac-dev+perturbed": each
MAC-dev chapter with the omissions and merges fit_confidence.py makes from its gold. Models: "shipped", the
package's confidence model (fitted on these very sets, so in-sample), and "held-out", each document scored by
the model fitted without it (fit_confidence.loo_models; in a book, each chapter by its own), the figure to
expect on text the model never saw. For every document the translator:

1. aligns it as a user does, with `workflow.align_document` (what the editor's Align runs), on a path:
   - ``chapter``: pre-segmented (one sentence a line; each line its own paragraph, as the importer reads it);
   - ``plain``: the gold sentences grouped into paragraphs of 2-6 beads (bench_review.plain_paragraphs, the same
     seeded draw), so the engine takes its paragraph-first path, as for two plain files;
   - ``book`` / ``pre-book``: all documents of the set joined into one text, plain / pre-segmented;
2. reads the review list (`editor.bitext.review.review_order`, lowest confidence first, the editor's default):
   the first item it has not read yet is read (counted). A link, or an unlinked sentence, that is exactly a gold
   bead is confirmed (`edits.confirm`, what Confirm and Go to Next applies; "return skips" counts the items the
   editor's Return would pass over unconfirmed, as it confirms only beads that are not `is_fixed`). Anything else is fixed to the gold
   alignment of its region: every gold bead sharing a sentence with it is made a link with `edits.link` (what
   dragging a link or Ctrl+L does; the links it cuts are reflowed by it as in the editor), a gold bead that is
   already a link is confirmed, and a gold sentence with no counterpart is split off (`edits.split_off`, the
   review list's S) or unlinked (`edits.unlink`, Ctrl+U) and confirmed. Variant B then presses Ctrl+R after each
   fix: `workflow.align_document(doc, keep_fixed=True)`, the call behind the editor's Re-align the Rest
   (ui/window/alignment_jobs.py via ui/jobs/workers.py), applied to the document;
3. stops when the list holds no item it has not read.

Per path and variant it prints: items read, as a share of the final number of beads (links and unlinked
sentences); wrong beads (not exactly a gold bead) at the start and left at the end, and the shapes of those
left (the bead's type, "in" the gold beads it overlaps); read items still in the list at the end (a fix or a
confirmation that did not take); unlinked sentences not in the list (unreachable). For variant B, over all the
re-aligns: wrong unreviewed beads before and after each (net fixed by the re-aligns; the translator's own fixes
are fixed beads and not counted), wrong links a re-align created that are not in the review list ("unflagged
wrong links created"), wrong links that were in the list before a re-align and, the very same link, out of it
after ("hidden"), and the change in the number of doubtful unreviewed beads the re-aligns caused.
"""

from __future__ import annotations

import argparse
import bisect
import contextlib
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve()
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE.parent))

from bench_review import join, load_set, plain_paragraphs  # noqa: E402
from editor.bitext import edits  # noqa: E402
from editor.bitext.document import AlignmentDocument, DocumentMeta  # noqa: E402
from editor.bitext.review import ReviewPolicy, review_order, vouched  # noqa: E402
from editor.workflow import align_document  # noqa: E402

PATHS = ("chapter", "plain", "book", "pre-book")


@dataclass
class Figures:
    """What one simulated translator did to one document (or what several did, added up)."""

    documents: int = 0
    read: int = 0
    beads: int = 0                    # beads at the end (links and unlinked sentences)
    wrong_start: int = 0
    wrong_end: int = 0
    fixes: int = 0
    confirms: int = 0
    stuck: int = 0                    # read items still listed at the end
    unreachable: int = 0              # unlinked sentences nobody vouched for, not in the list at the end
    return_skips: int = 0             # right items a person made (an edit's unlinked sentence) that the editor's
                                      # Confirm and Go to Next passes over without confirming (is_fixed)
    shapes: Counter = field(default_factory=Counter)
    realigns: int = 0
    wrong_before: int = 0             # wrong unreviewed beads just before each re-align, added up
    wrong_after: int = 0              # ... and just after
    unflagged_created: int = 0        # wrong links a re-align created outside the review list
    realigns_unflagged: int = 0       # re-aligns that created at least one
    hidden: int = 0                   # wrong links in the list before a re-align, the same link out of it after
    doubtful_change: int = 0          # doubtful unreviewed beads after minus before, added up over re-aligns

    def add(self, other: "Figures") -> None:
        for name, value in vars(other).items():
            if isinstance(value, Counter):
                getattr(self, name).update(value)
            else:
                setattr(self, name, getattr(self, name) + value)

    def as_dict(self) -> dict:
        out = {k: v for k, v in vars(self).items() if not isinstance(v, Counter)}
        out["read_share"] = self.read / self.beads if self.beads else None
        out["left_share"] = self.wrong_end / self.wrong_start if self.wrong_start else None
        out["shapes"] = dict(self.shapes.most_common())
        return out


def make_document(zh, en, zp=None, ep=None) -> AlignmentDocument:
    """The unaligned document of a path: sentences with their paragraph numbers (pre-segmented: one a line)."""
    meta = DocumentMeta(presegmented=zp is None)
    zp = list(range(len(zh))) if zp is None else zp
    ep = list(range(len(en))) if ep is None else ep
    return AlignmentDocument.from_texts(list(zip(zh, zp)), list(zip(en, ep)), meta)


class Translator:
    """One simulated person working through the review list of one document against its gold beads."""

    def __init__(self, doc: AlignmentDocument, gold, realign: bool) -> None:
        self.doc = doc
        self.gold = [(tuple(s), tuple(t)) for s, t in gold]
        self.gold_set = set(self.gold)
        self.of_src = {i: g for g, (s, _) in enumerate(self.gold) for i in s}
        self.of_tgt = {j: g for g, (_, t) in enumerate(self.gold) for j in t}
        self.realign = realign
        self.policy = ReviewPolicy.for_document(doc)     # as the editor's view: the text's ratio, threshold 0.96
        self.figures = Figures(documents=1)
        self.read: set[tuple] = set()

    # -- reading the document ---------------------------------------------------------------------------

    def positions(self, bead) -> tuple[tuple[int, ...], tuple[int, ...]]:
        return self.doc.positions(bead)

    def is_wrong(self, bead) -> bool:
        return self.positions(bead) not in self.gold_set

    def shape(self, bead) -> str:
        s, t = self.positions(bead)
        overlapped = sorted({self.of_src[i] for i in s} | {self.of_tgt[j] for j in t})
        kinds = " + ".join(f"{len(self.gold[g][0])}-{len(self.gold[g][1])}" for g in overlapped)
        return f"{len(s)}-{len(t)} in {kinds}"

    def unreviewed(self) -> dict[tuple, tuple[bool, bool]]:
        """{bead (ids): (wrong, doubtful)} of the beads nobody vouched for."""
        return {(b.src, b.tgt): (self.is_wrong(b), self.policy.is_doubtful(self.doc, b))
                for b in self.doc.beads if not vouched(b)}

    # -- working ----------------------------------------------------------------------------------------

    def run(self) -> Figures:
        f = self.figures
        f.wrong_start = sum(map(self.is_wrong, self.doc.beads))
        while True:
            listed = review_order(self.policy, self.doc)
            k = next((k for k in listed if self._key(self.doc.beads[k]) not in self.read), None)
            if k is None:
                break
            bead = self.doc.beads[k]
            self.read.add(self._key(bead))
            f.read += 1
            if not self.is_wrong(bead):
                f.return_skips += bead.is_fixed     # the editor's Return confirms only unfixed beads
                self.doc.apply(edits.confirm(self.doc, k))
                f.confirms += 1
                continue
            self.fix(k)
            f.fixes += 1
            if self.realign:
                self.re_align()
        f.beads = len(self.doc.beads)
        f.wrong_end = 0
        listed = set(review_order(self.policy, self.doc))
        for k, bead in enumerate(self.doc.beads):
            if self.is_wrong(bead):
                f.wrong_end += 1
                f.shapes[self.shape(bead)] += 1
            if k in listed and self._key(bead) in self.read:
                f.stuck += 1
            if not (bead.src and bead.tgt) and not vouched(bead) and k not in listed:
                f.unreachable += 1
        return f

    @staticmethod
    def _key(bead) -> tuple:
        return bead.src, bead.tgt, bead.status

    def fix(self, k: int) -> None:
        """Make the gold beads sharing a sentence with bead k, as a person dragging links does."""
        doc = self.doc
        s, t = self.positions(doc.beads[k])
        region = [self.gold[g] for g in sorted({self.of_src[i] for i in s} | {self.of_tgt[j] for j in t})]
        n = len(doc.src)
        src_id = [x.id for x in doc.src]
        tgt_id = [x.id for x in doc.tgt]
        assert len(src_id) == n and all(src_id[i] == i for i in range(n))      # no edit here adds sentences
        for gs, gt in region:
            if not (gs and gt):
                continue
            here = doc.bead_index_of(src_id[gs[0]])
            if self.positions(doc.beads[here]) == (gs, gt):
                if not vouched(doc.beads[here]):
                    doc.apply(edits.confirm(doc, here))
                continue
            doc.apply(edits.link(doc, [src_id[i] for i in gs], [tgt_id[j] for j in gt]))
        for gs, gt in region:
            if gs and gt:
                continue
            for sid in [src_id[i] for i in gs] + [tgt_id[j] for j in gt]:
                here = doc.bead_index_of(sid)
                bead = doc.beads[here]
                side = bead.src if sid in bead.src else bead.tgt
                if bead.src and bead.tgt and len(side) > 1 and sid in (side[0], side[-1]):
                    doc.apply(edits.split_off(doc, here, sid))
                    continue
                if len(bead.src) + len(bead.tgt) > 1:
                    doc.apply(edits.unlink(doc, here))
                    here = doc.bead_index_of(sid)
                if not vouched(doc.beads[here]):
                    doc.apply(edits.confirm(doc, here))

    def re_align(self) -> None:
        """Ctrl+R: re-align the rest around the fixed beads, and measure what it did to the unreviewed ones."""
        f = self.figures
        before = self.unreviewed()
        self.doc.apply(align_document(self.doc, keep_fixed=True))
        after = self.unreviewed()
        f.realigns += 1
        f.wrong_before += sum(w for w, _ in before.values())
        f.wrong_after += sum(w for w, _ in after.values())
        created = [key for key, (w, d) in after.items() if key not in before and w and not d]
        f.unflagged_created += len(created)
        f.realigns_unflagged += bool(created)
        f.hidden += sum(1 for key, (w, d) in before.items() if w and d and key in after and not after[key][1])
        f.doubtful_change += sum(d for _, d in after.values()) - sum(d for _, d in before.values())


def load(shared: Path, set_name: str):
    """[(name, dev document it comes from, zh, en, gold)] of a bench set; "mac-dev+perturbed" is MAC-dev with the
    omissions and merges fit_confidence.py makes from its gold (the same seeded copies the model is fitted on)."""
    if set_name.endswith("+perturbed"):
        from fit_confidence import perturb

        base = set_name.removesuffix("+perturbed")
        return [(f"{set_name}/{name}", f"{base}/{name}", *perturb(zh, en, gold, f"{base}/{name}"))
                for name, zh, en, gold in load_set(shared, base)]
    return [(f"{set_name}/{name}", f"{set_name}/{name}", zh, en, gold) for name, zh, en, gold in load_set(shared, set_name)]


def documents(shared: Path, set_name: str, path: str):
    """[(name, unaligned document, gold, starts)] of one set on one path; `starts`: [(dev document, first
    source sentence, first target sentence)] of the documents it holds."""
    docs = load(shared, set_name)
    paras = [plain_paragraphs(g, name) for name, _, _, _, g in docs]
    if path == "chapter":
        return [(name, make_document(zh, en), gold, [(group, 0, 0)]) for name, group, zh, en, gold in docs]
    if path == "plain":
        return [(name, make_document(zh, en, zp, ep), gold, [(group, 0, 0)])
                for (name, group, zh, en, gold), (zp, ep) in zip(docs, paras)]
    zh, en, gold, zp, ep, starts = join([(group, zh, en, gold) for _, group, zh, en, gold in docs], paras)
    if path == "book":
        return [(f"{set_name}/book", make_document(zh, en, zp, ep), gold, starts)]
    return [(f"{set_name}/pre-book", make_document(zh, en), gold, starts)]


@contextlib.contextmanager
def held_out(models: dict | None, starts):
    """While aligning: score each link with the confidence model fitted without the dev document it lies in
    (fit_confidence.loo_models), so the review list is what a translator gets on text the model never saw.
    The engine's own code computes the model's inputs; only the fitted numbers differ. None: the shipped model."""
    if models is None:
        yield
        return
    from editor.alignment import best, engine

    src0, tgt0 = [i for _, i, _ in starts], [j for _, _, j in starts]

    def confidences(beads, with_embeddings=True):
        out = []
        for b, x in zip(beads, engine.path_confidence_inputs(beads)):
            k = bisect.bisect_right(src0, b.s0) - 1 if b.s1 > b.s0 else bisect.bisect_right(tgt0, b.t0) - 1
            out.append(engine.SKIP_CONFIDENCE if x is None else
                       engine.confidence_from_inputs(x, models[starts[max(0, k)][0]]))
        return out

    real = best.path_confidences
    best.path_confidences = confidences
    try:
        yield
    finally:
        best.path_confidences = real


def simulate(shared: Path, set_name: str, path: str, variant: str, models: dict | None = None,
             log=sys.stderr) -> Figures:
    total = Figures()
    for name, doc, gold, starts in documents(shared, set_name, path):
        with held_out(models, starts):
            doc.apply(align_document(doc))
            f = Translator(doc, gold, realign=variant == "B").run()
        print(f"  {name} {path} {variant}: read {f.read}/{f.beads}, wrong {f.wrong_start} -> {f.wrong_end}"
              + (f", re-aligns {f.realigns}: wrong {f.wrong_before} -> {f.wrong_after}, unflagged created "
                 f"{f.unflagged_created}, hidden {f.hidden}, doubtful {f.doubtful_change:+d}" if f.realigns else ""),
              file=log, flush=True)
        total.add(f)
    return total


def report(label: str, f: Figures) -> None:
    read = f"{f.read / f.beads:6.1%}" if f.beads else "  –  "
    left = f"{f.wrong_end / f.wrong_start:6.1%}" if f.wrong_start else "  –  "
    print(f"  {label:32s} {f.documents:3d} {f.beads:6d} {f.read:6d} {read}  {f.wrong_start:5d} {f.wrong_end:5d} {left}"
          f"  {f.stuck:5d} {f.unreachable:5d}")
    if f.return_skips:
        print(f"    right items the editor's Confirm and Go to Next would pass over unconfirmed: {f.return_skips}")
    if f.realigns:
        print(f"    {f.realigns} re-aligns: wrong unreviewed beads {f.wrong_before} before, {f.wrong_after} after "
              f"(net {f.wrong_before - f.wrong_after:+d} fixed by the re-aligns); unflagged wrong links created "
              f"{f.unflagged_created} (by {f.realigns_unflagged} re-aligns); wrong links hidden from the list "
              f"{f.hidden}; doubtful unreviewed beads {f.doubtful_change:+d}")
    if f.shapes:
        print("    wrong left: " + ", ".join(f"{shape} ×{n}" for shape, n in f.shapes.most_common(8)))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--sets", default="mac-dev,news-dev,mac-dev+perturbed")
    ap.add_argument("--paths", default="chapter,plain,book", help=f"comma-separated, of {', '.join(PATHS)}")
    ap.add_argument("--variants", default="A,B", help="A: read and fix; B: also Ctrl+R after each fix")
    ap.add_argument("--models", default="shipped,held-out",
                    help="shipped: the package's confidence model (fitted on these sets: in-sample); held-out: "
                         "each document scored by the model fitted without it (fit_confidence.py --loo)")
    ap.add_argument("--fit-cache", default=None, help="JSON file of the fitting alignments (fit_confidence.py)")
    ap.add_argument("--json", default=None, help="also write the figures to this file")
    args = ap.parse_args(argv)
    shared = Path(args.shared)
    figures: dict = {}
    loo = None
    if "held-out" in args.models.split(","):
        from fit_confidence import loo_models

        loo = loo_models(shared, args.fit_cache)
    for set_name in args.sets.split(","):
        if not (shared / "bench" / set_name.removesuffix("+perturbed")).is_dir():
            print(f"{set_name}: no such bench set under {shared}", file=sys.stderr)
            return 2
        print(f"\n## {set_name}\n  {'path, variant, model':32s} {'doc':>3s} {'beads':>6s} {'read':>6s} {'read%':>6s}  "
              f"{'wrong':>5s} {'left':>5s} {'left%':>6s}  {'stuck':>5s} {'unrch':>5s}")
        for model in args.models.split(","):
            for path in args.paths.split(","):
                for variant in args.variants.split(","):
                    f = simulate(shared, set_name, path, variant, loo if model == "held-out" else None)
                    report(f"{path}, {variant}, {model}", f)
                    figures[f"{set_name} {path} {variant} {model}"] = f.as_dict()
                    sys.stdout.flush()
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
