"""Do links that hide a sentence without counterpart reach the review list?

usage: python tests/benchmarks/bench_hidden_omissions.py [--shared PATH] [--seeds 1,2,3] [--paths P,P] [--no-loo]
                                                         [--fit-cache FILE]

A sentence the reference leaves without counterpart (a gold 1-0 or 0-1: an omitted or added sentence) that the
engine puts inside a link of its neighbours goes into the client's TM unless the review list shows that link.
For news-dev and MAC-dev perturbed with made omissions, merges and headlines (`perturb.py`, one set a seed), it
aligns every document with the default mode and builds the document the editor holds (confidences and the
"may have no translation" marks), on three import paths (as bench_review.py makes them):

- **pre-segmented chapter**: one document, one sentence a line;
- **plain chapter**: the same sentences grouped into paragraphs (a break between gold beads every 2-6 beads, on
  both sides at once), so the engine takes its paragraph-first path, as for two plain files;
- **plain book**: every document of the set joined into one text, with those paragraphs.

It counts, with the shipped confidence model and the review threshold: the links holding such a sentence
("hiding"), how many of them are doubtful, and how many of those name a sentence that may have no translation;
and the links, the share marked doubtful, the wrong links (not exactly a gold bead) and the share caught.
"shipped" uses the package's model, fitted on MAC-dev, news-dev and MAC-dev perturbed by fit_confidence.py
(its own omissions and merges; not perturb.py's seeds); "LOO" scores every document (every chapter of the book)
with the model refitted without that document's text (fit_confidence.loo_models): the honest figure, since a
perturbation of a chapter is still that chapter's text.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve()
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE.parent))

from bench_review import _document, _loo, _shipped, align_path, join, plain_paragraphs  # noqa: E402
from perturb import load_set, perturbed  # noqa: E402

PATHS = ("pre-segmented chapter", "plain chapter", "plain book")


def measure(items) -> dict:
    """Counts over (zh, en, gold, links, confidences) items (see the module docstring)."""
    from editor.bitext.review import Reason, ReviewPolicy

    out = dict(links=0, marked=0, wrong=0, caught=0, hiding=0, hiding_listed=0, hiding_named=0)
    for zh, en, gold, links, confidences in items:
        doc = _document(zh, en, links, confidences)
        policy = ReviewPolicy.for_document(doc)
        beads = {(tuple(s), tuple(t)) for s, t in gold}
        alone_zh = {s[0] for s, t in gold if s and not t}
        alone_en = {t[0] for s, t in gold if t and not s}
        for bead in doc.beads:
            src, tgt = tuple(bead.src), tuple(j - len(zh) for j in bead.tgt)
            doubtful, wrong = policy.is_doubtful(doc, bead), (src, tgt) not in beads
            out["links"] += 1
            out["marked"] += doubtful
            out["wrong"] += wrong
            out["caught"] += wrong and doubtful
            if src and tgt and (set(src) & alone_zh or set(tgt) & alone_en):
                out["hiding"] += 1
                out["hiding_listed"] += doubtful
                out["hiding_named"] += Reason.NO_TRANSLATION in policy.reasons(doc, bead)
    return out


def runs(docs, path: str) -> list:
    """[(zh, en, gold, links with the engine's inputs, group name, where each document starts or None)] of the
    documents (named by their held-out group, "mac-dev/001") on one path."""
    paras = [plain_paragraphs(g, name) for name, _, _, g in docs]
    if path == "plain book":
        zh, en, gold, zp, ep, starts = join(docs, paras)
        return [(zh, en, gold, align_path(zh, en, zp, ep), starts[0][0], starts)]
    out = []
    for (name, zh, en, gold), (zp, ep) in zip(docs, paras):
        kw = dict(zp=zp, ep=ep) if path == "plain chapter" else {}
        out.append((zh, en, gold, align_path(zh, en, **kw), name, None))
        print(f"  aligned {name} ({path})", file=sys.stderr, flush=True)
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--seeds", default="1,2,3")
    ap.add_argument("--paths", default=",".join(PATHS))
    ap.add_argument("--no-loo", action="store_true")
    ap.add_argument("--fit-cache", default=None, help="JSON file of the fitting alignments (fit_confidence.py)")
    args = ap.parse_args(argv)
    bench = Path(args.shared) / "bench"
    if not (bench / "mac-dev").is_dir() or not (bench / "news-dev").is_dir():
        print(f"MAC-dev or news-dev not found under {bench}")
        return 1
    paths = [p for p in args.paths.split(",") if p]
    unknown = set(paths) - set(PATHS)
    if unknown:
        ap.error(f"unknown path(s) {', '.join(sorted(unknown))}; the paths are {', '.join(PATHS)}")
    models = None
    if not args.no_loo:
        from fit_confidence import loo_models

        models = loo_models(Path(args.shared), args.fit_cache)
    def grouped(set_name, docs):      # named by their held-out group (the seeds perturb by the bare name)
        return [(f"{set_name}/{n}", *rest) for n, *rest in docs]

    mac = load_set(bench / "mac-dev")
    sets = {"news-dev": grouped("news-dev", load_set(bench / "news-dev"))}
    sets.update({f"perturbed MAC-dev, seed {s}": grouped("mac-dev", perturbed(mac, int(s)))
                 for s in args.seeds.split(",")})
    print(f"{'set':28s} {'path':22s} {'model':8s} {'links':>6s} {'marked':>7s} {'wrong':>6s} {'caught':>7s}   "
          "links hiding an omission: listed / named")
    for name, docs in sets.items():
        for path in paths:
            done = runs(docs, path)
            scored = {"shipped": [(zh, en, g, [(s, t) for s, t, _, _ in links], _shipped(links))
                                  for zh, en, g, links, _, _ in done]}
            if models is not None:
                scored["LOO"] = [(zh, en, g, [(s, t) for s, t, _, _ in links], _loo(links, models, group, starts))
                                 for zh, en, g, links, group, starts in done]
            for model, items in scored.items():
                r = measure(items)
                print(f"{name:28s} {path:22s} {model:8s} {r['links']:6d} {r['marked'] / r['links']:7.1%} "
                      f"{r['wrong']:6d} {r['caught'] / max(1, r['wrong']):7.1%}   "
                      f"{r['hiding_listed']} of {r['hiding']} / {r['hiding_named']}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
