"""Review-triage benchmark: does the editor's "doubtful" send the translator to the wrong links, on every
import path?

usage: python tests/benchmarks/bench_review.py [--shared PATH] [--sets mac-dev,news-dev] [--no-book]
                                               [--no-loo] [--cache FILE]

For MAC-dev and news-dev (../shared/bench) it aligns every document with the default ("best") mode on four
paths and asks `editor.bitext.review` which links are doubtful:

- **pre-segmented chapter**: one document, one sentence a line (no paragraphs);
- **plain chapter**: the same gold sentences grouped into paragraphs the way a plain file is read (one
  paragraph a line, the importer's sentences keep their paragraph number): a paragraph break is put between
  gold beads every 2-6 beads (a seeded draw per document), on both sides at once, so each paragraph of one
  side has its translation in one paragraph of the other side, omissions included. The engine then takes its
  paragraph-first path, exactly as for two plain files;
- **pre-segmented book** / **plain book**: every document of the set joined into one text (MAC-dev: the six
  chapters, a 12-chapter-style book of ~1,500 sentences a side), with the paragraphs of the plain chapters;
- **mixed file chapter**: the plain chapter's paragraphs written as one interleaved bilingual file (a Chinese
  paragraph, then its English one, one a line), read by the mixed-file importer (its own sentence splitting)
  and aligned by `workflow.align_document`, as the editor does (a headline or dateline is a line of its own,
  as in a real file); a link is right when the gold sentences its sentences cover are exactly a gold bead, or,
  where the importer's sentences are not the gold's, the gold alignment at the importer's grain (exactly the
  gold beads a sentence of it spans, or inside the one gold bead whose sentence the importer split). Shipped
  model only (no LOO: the editor's path gives no model inputs).

For each it prints links, wrong links (not exactly a gold bead, strict), the share marked doubtful, the share
of the wrong links caught, and the share of links a lowest-first review (`review_order`) must read to find
80/90/95 % of the wrong links, each document read to the same depth; and ("whole list 90 %") the depth for 90 %
when the documents' doubtful links are read as one list, lowest first (the review list's "Whole collection"), then
the rest. "shipped" uses the package's confidence model (fitted on these same sets:
in-sample); "LOO" refits the confidence model leave-one-document-out (fitting script: fit_confidence.py) and
scores each document (each chapter of the book) with the model that never saw it: the honest figure.
It also prints how far the confidence of the same link moves between paths (|Δ| ≤ 0.05 share, and the share
of links with the same doubtful verdict), each path against the pre-segmented chapter (issue 20 asks ±0.05 and
the same verdict on every path).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve()
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE.parent))

from bench_align import read_beads  # noqa: E402

DEPTHS = (0.8, 0.9, 0.95)
PATHS = ("pre-segmented chapter", "plain chapter", "pre-segmented book", "plain book")


def load_set(shared: Path, name: str):
    """[(doc name, zh, en, gold)] of one bench set."""
    d = shared / "bench" / name
    out = []
    for doc in sorted(os.listdir(d / "gold")):
        zh = (d / "zh" / doc).read_text(encoding="utf-8").rstrip("\n").split("\n")
        en = (d / "en" / doc).read_text(encoding="utf-8").rstrip("\n").split("\n")
        out.append((doc, zh, en, read_beads(d / "gold" / doc)))
    return out


def plain_paragraphs(gold, seed: str):
    """Paragraph numbers of each side's sentences: a paragraph break between gold beads every 2-6 beads."""
    rng = random.Random(seed)
    zp, ep = {}, {}
    par, left = 0, rng.randint(2, 6)
    for s, t in gold:
        for i in s:
            zp[i] = par
        for j in t:
            ep[j] = par
        left -= 1
        if left == 0:
            par, left = par + 1, rng.randint(2, 6)
    return [zp[i] for i in range(len(zp))], [ep[j] for j in range(len(ep))]


def join(docs, paragraphs):
    """One book of several documents: texts, gold beads and paragraphs shifted; and where each document starts."""
    zh, en, gold, zp, ep, starts = [], [], [], [], [], []
    for (name, z, e, g), (p, q) in zip(docs, paragraphs):
        i0, j0, p0 = len(zh), len(en), (max(zp + ep) + 1 if zp else 0)
        starts.append((name, i0, j0))
        zh += z
        en += e
        gold += [(tuple(i + i0 for i in s), tuple(j + j0 for j in t)) for s, t in g]
        zp += [x + p0 for x in p]
        ep += [x + p0 for x in q]
    return zh, en, gold, zp, ep, starts


def align_path(zh, en, zp=None, ep=None):
    """The engine's links on one path: [(src, tgt, confidence, inputs of the confidence model)]."""
    from editor.alignment import best, engine

    res = engine.resources(use_embeddings=True)
    raw: list = []
    beads = best.align_best(zh, en, src_paragraphs=zp, tgt_paragraphs=ep, res=res, raw_out=raw) \
        if "raw_out" in best.align_best.__code__.co_varnames else \
        best.align_best(zh, en, src_paragraphs=zp, tgt_paragraphs=ep, res=res)
    out = []
    for k, b in enumerate(beads):
        inputs = raw[k] if raw else None
        out.append((list(b.src), list(b.tgt), b.confidence, inputs))
    return out


_SUPPORT: dict = {}


def _document(zh, en, links, confidences):
    """The document the editor holds after the alignment: links, confidences, and the marks of the sentences
    that may have no translation (as workflow.align_document sets them)."""
    from editor.alignment.support import unsupported_in_links
    from editor.bitext.document import AlignmentDocument, Bead, Segment
    from editor.bitext.review import Mark

    key = (len(zh), len(en), zh[0] if zh else "", tuple((tuple(s), tuple(t)) for s, t in links))
    if key not in _SUPPORT:
        _SUPPORT[key] = unsupported_in_links(zh, en, links)
    bad_src, bad_tgt = _SUPPORT[key]
    mark = (Mark.UNSUPPORTED,)
    src = [Segment(i, t, 0, mark if i in bad_src else ()) for i, t in enumerate(zh)]
    tgt = [Segment(len(zh) + j, t, 0, mark if j in bad_tgt else ()) for j, t in enumerate(en)]
    beads = [Bead(tuple(s), tuple(len(zh) + j for j in t), c) for (s, t), c in zip(links, confidences)]
    return AlignmentDocument(src, tgt, beads)


def triage(docs_and_gold, whole: bool = False):
    """(links, wrong, marked, caught, depth per DEPTHS) over several (document, gold, n_src[, wrong indices]);
    with `whole`, also the depths when the documents' review lists are read as one list (a sixth item)."""
    from editor.bitext.review import ReviewPolicy, review_order, review_priority

    n = wrong = marked = caught = 0
    order_rows, whole_rows = [], []
    for doc, gold, n_src, *known in docs_and_gold:
        policy = ReviewPolicy.for_document(doc)
        gs = set(gold)
        bad = {}
        for k, bead in enumerate(doc.beads):
            # (a fourth item: the indices of the wrong links, for a document in sentences of its own)
            w = k in known[0] if known else (bead.src, tuple(j - n_src for j in bead.tgt)) not in gs
            d = policy.is_doubtful(doc, bead)
            bad[k] = w
            n, wrong, marked, caught = n + 1, wrong + w, marked + d, caught + (w and d)
        # a lowest-first review reads the review list in its order, then the remaining links
        listed = review_order(policy, doc, unlisted=True)
        order_rows += [(r / max(1, len(listed)), bad[k]) for r, k in enumerate(listed)]
        # the whole collection's review list: every document's doubtful links in one list, lowest first
        whole_rows += [(not policy.is_doubtful(doc, doc.beads[k]), review_priority(policy, doc, doc.beads[k]), bad[k])
                       for k in listed]
    order_rows.sort(key=lambda r: r[0])      # several documents: read them side by side at the same pace
    depth = _depths([w for _, w in order_rows], wrong)
    if not whole:
        return n, wrong, marked, caught, depth
    whole_rows.sort(key=lambda r: (r[0], r[1]))
    return n, wrong, marked, caught, depth, _depths([w for _, _, w in whole_rows], wrong)


def _depths(reading: list[bool], wrong: int) -> dict:
    """{q: the share of the links read when q of the wrong ones have been found}, reading in this order."""
    depth, found = {}, 0
    for k, w in enumerate(reading, start=1):
        found += w
        for q in DEPTHS:
            if q not in depth and wrong and found >= q * wrong:
                depth[q] = k / len(reading)
    return depth


def row(label, docs_and_gold):
    n, wrong, marked, caught, depth, whole = triage(docs_and_gold, whole=True)
    d = "  ".join(f"{depth[q]:5.1%}" if q in depth else "   – " for q in DEPTHS)
    w = f"{whole[0.9]:5.1%}" if 0.9 in whole else "   – "
    c = f"{caught / wrong:6.1%}" if wrong else "    – "
    print(f"  {label:34s} {n:6d} {wrong:6d}  {marked / n:6.1%}  {c}   {d}     {w}")
    return {"links": n, "wrong": wrong, "marked": marked / n, "caught": caught / wrong if wrong else None,
            **{f"depth{int(q * 100)}": depth.get(q) for q in DEPTHS}, "whole_list_depth90": whole.get(0.9)}


def run_set(shared: Path, set_name: str, book: bool, cache: dict, mixed: bool = True):
    docs = [(f"{set_name}/{name}", zh, en, gold) for name, zh, en, gold in load_set(shared, set_name)]
    paras = [plain_paragraphs(g, name) for name, _, _, g in docs]
    runs = {}
    for (name, zh, en, gold), (zp, ep) in zip(docs, paras):
        for path, kw in (("pre-segmented chapter", {}), ("plain chapter", dict(zp=zp, ep=ep))):
            key = f"{name}/{path}"
            if key not in cache:
                cache[key] = align_path(zh, en, **kw)
                print(f"  aligned {key}: {len(cache[key])} links", file=sys.stderr, flush=True)
            runs.setdefault(path, []).append((name, zh, en, gold, cache[key], 0, 0))
    if mixed:
        for (name, zh, en, gold), (zp, ep) in zip(docs, paras):
            got = mixed_file(name, zh, en, gold, zp, ep)
            if got is None:
                print(f"  {name}: the mixed-file import changed the text; left out", file=sys.stderr)
                continue
            runs.setdefault("mixed file chapter", []).append((name, *got))
            print(f"  aligned {name}/mixed file chapter: {len(got[0].beads)} links", file=sys.stderr, flush=True)
    if book:
        zh, en, gold, zp, ep, starts = join(docs, paras)
        for path, kw in (("pre-segmented book", {}), ("plain book", dict(zp=zp, ep=ep))):
            key = f"{set_name}/book/{path}"
            if key not in cache:
                cache[key] = align_path(zh, en, **kw)
                print(f"  aligned {key}: {len(cache[key])} links", file=sys.stderr, flush=True)
            runs[path] = [("book", zh, en, gold, cache[key], starts)]
    return docs, runs


def _offsets(texts):
    """Where each text starts and ends counted in non-space characters, over the texts joined."""
    out, pos = [], 0
    for t in texts:
        n = sum(1 for ch in t if not ch.isspace())
        out.append((pos, pos + n))
        pos += n
    return out


def _bare(texts) -> str:
    return "".join(ch for t in texts for ch in t if not ch.isspace())


def _project(spans, gold_spans):
    """For each span (start, end) of one segmentation, the indices of the gold sentences it overlaps."""
    out = []
    for a, b in spans:
        out.append(tuple(g for g, (c, d) in enumerate(gold_spans) if c < b and a < d or (a == b == c)))
    return out


def mixed_file(name, zh, en, gold, zp, ep):
    """The chapter as one interleaved bilingual file (each Chinese paragraph, then its English paragraph, one a
    line, as ../shared/samples/mixed-news has them), read by the mixed-file importer and aligned by
    `workflow.align_document` as the editor does. Returns (the aligned document, the indices of its wrong links,
    its links in gold sentence numbers with their confidences where its sentences are the gold ones), or None
    when the import changed the text (the gold cannot be projected)."""
    import tempfile
    from collections import Counter

    from editor import workflow
    from editor.alignment.scoring import is_title_like

    lines, z, e, last = [], [], [], None

    def flush():
        lines.extend(x for x in ("".join(z), " ".join(e)) if x)
        z.clear()
        e.clear()

    for src, tgt in gold:
        par = zp[src[0]] if src else ep[tgt[0]]
        if par != last:
            flush()
            last = par
        z += [zh[i] for i in src]
        e += [en[j] for j in tgt]
        if any(is_title_like(x) for x in z[-1:] + e[-1:]):
            flush()                 # a headline or dateline is a line of its own in a real file
    flush()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"{name.replace('/', '-')}.txt"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        doc = workflow.import_document([path])
    doc.apply(workflow.align_document(doc))
    side_z, side_e = [x.text for x in doc.src], [x.text for x in doc.tgt]
    if _bare(side_z) != _bare(zh) or _bare(side_e) != _bare(en):
        return None
    pz, pe = _project(_offsets(side_z), _offsets(zh)), _project(_offsets(side_e), _offsets(en))
    uz, ue = Counter(g for p in pz for g in p), Counter(g for p in pe for g in p)    # importer sentences per gold one
    src_pos = {x.id: k for k, x in enumerate(doc.src)}
    tgt_pos = {x.id: k for k, x in enumerate(doc.tgt)}
    gs = set(gold)
    bead_of = {("z", i): k for k, (a, _) in enumerate(gold) for i in a}
    bead_of.update({("e", j): k for k, (_, b) in enumerate(gold) for j in b})
    wrong, links = set(), {}
    for k, bead in enumerate(doc.beads):
        s = tuple(sorted({g for i in bead.src for g in pz[src_pos[i]]}))
        t = tuple(sorted({g for j in bead.tgt for g in pe[tgt_pos[j]]}))
        same = all(len(pz[src_pos[i]]) == 1 and uz[pz[src_pos[i]][0]] == 1 for i in bead.src) and \
            all(len(pe[tgt_pos[j]]) == 1 and ue[pe[tgt_pos[j]][0]] == 1 for j in bead.tgt)
        if same and len(s) == len(bead.src) and len(t) == len(bead.tgt):
            links[(s, t)] = bead.confidence
        if (s, t) in gs:
            continue
        # where the importer's sentences are not the gold's, a link is right when it is the gold alignment at
        # the importer's grain: exactly the gold beads its sentences reach (a sentence of it spans two of
        # them), or part of one gold bead whose sentence the importer split
        touched = sorted({bead_of[("z", i)] for i in s} | {bead_of[("e", j)] for j in t})
        cover = (tuple(i for q in touched for i in gold[q][0]), tuple(j for q in touched for j in gold[q][1]))
        if not same and (cover == (s, t) or len(touched) == 1):
            continue
        wrong.add(k)
    return doc, wrong, links


def doc_of(starts, i):
    name = starts[0][0]
    for nm, i0, _ in starts:
        if i >= i0:
            name = nm
    return name


def evaluate(set_name, runs, models=None):
    """Print the table of one set; return its figures."""
    figures = {}
    if "mixed file chapter" in runs:
        items = [(doc, (), 0, wrong) for _, doc, wrong, _ in runs["mixed file chapter"]]
        figures["mixed file chapter shipped"] = row("mixed file chapter, shipped", items)
    for path in PATHS:
        if path not in runs:
            continue
        items = []
        loo_items = []
        for name, zh, en, gold, links, *rest in runs[path]:
            starts = rest[0] if rest and isinstance(rest[0], list) else None
            pos = [(s, t) for s, t, _, _ in links]
            items.append((_document(zh, en, pos, _shipped(links)), gold, len(zh)))
            if models is not None:
                conf = _loo(links, models, name, starts)
                if conf is not None:
                    loo_items.append((_document(zh, en, pos, conf), gold, len(zh)))
        figures[f"{path} shipped"] = row(f"{path}, shipped", items)
        if loo_items:
            figures[f"{path} LOO"] = row(f"{path}, LOO", loo_items)
            if path == "pre-segmented chapter":
                moved = [abs(a.confidence - b.confidence) for (x, _, _), (y, _, _) in zip(items, loo_items)
                         for a, b in zip(x.beads, y.beads)]
                print(f"  (LOO: {len(runs[path])} models, each fitted without its document; the confidence of a "
                      f"link moves by {sum(moved) / max(1, len(moved)):.4f} on average, {max(moved, default=0):.4f} "
                      f"at most, from the shipped model's)")
    return figures


def _shipped(links):
    """The package's confidences: the engine's own when aligned now; from the engine's cached inputs with the
    package's model when the alignment comes from --cache (the same computation, so a refit needs no
    re-alignment)."""
    from editor.alignment import engine

    return [c if inputs is None else round(engine.confidence_from_inputs(inputs, engine.PATH_CONFIDENCE_EMB), 4)
            for _, _, c, inputs in links]


def _loo(links, models, name, starts):
    from editor.alignment import engine

    out = []
    last = name
    for s, t, c, inputs in links:
        if starts:
            if s:
                last = doc_of(starts, s[0])
            elif t:
                last = next((nm for nm, _, j0 in reversed(starts) if t[0] >= j0), starts[0][0])
        out.append(c if inputs is None else engine.confidence_from_inputs(inputs, models[last]))
    return out


def invariance(set_name, runs):
    """How the same link's confidence and verdict move between paths (global positions in the book)."""
    from editor.bitext.review import DEFAULT_THRESHOLD

    by_path = {}
    for path in PATHS:
        if path not in runs:
            continue
        d = {}
        for name, zh, en, gold, links, *rest in runs[path]:
            confs = _shipped(links)
            if rest and isinstance(rest[0], list):
                for (s, t, _, _), c in zip(links, confs):
                    d[(tuple(s), tuple(t))] = c
            else:
                off = runs["_offsets"][name] if "_offsets" in runs else (0, 0)
                for (s, t, _, _), c in zip(links, confs):
                    d[(tuple(i + off[0] for i in s), tuple(j + off[1] for j in t))] = c
        by_path[path] = d
    if "mixed file chapter" in runs:
        d = {}
        for name, _, _, links in runs["mixed file chapter"]:
            off = runs["_offsets"][name] if "_offsets" in runs else (0, 0)
            for (s, t), c in links.items():
                d[(tuple(i + off[0] for i in s), tuple(j + off[1] for j in t))] = c
        by_path["mixed file chapter"] = d
    ref = by_path.get("pre-segmented chapter")
    out = {}
    for path, d in by_path.items():
        if path == "pre-segmented chapter" or ref is None:
            continue
        common = [k for k in d if k in ref and k[0] and k[1]]
        if not common:
            continue
        close = sum(abs(d[k] - ref[k]) <= 0.05 for k in common) / len(common)
        same = sum((d[k] < DEFAULT_THRESHOLD) == (ref[k] < DEFAULT_THRESHOLD) for k in common) / len(common)
        print(f"  same link as in the pre-segmented chapter, {path}: {len(common)} links, "
              f"|Δ confidence| <= 0.05 for {close:.1%}, same doubtful verdict {same:.1%}")
        out[path] = {"links": len(common), "close": close, "same_verdict": same}
    return out


def alternatives(runs):
    """How often the engine's alternatives for the region of a wrong link (the link and its neighbours) are
    exactly the gold alignment there, over the pre-segmented chapters: the best one (what Alt+Return takes at
    once), and one of the first 2 / 3 (what Alt+Right steps to); also the best for the doubtful wrong links."""
    from editor.alignment.alternative import ranked_region_alternatives
    from editor.alignment.engine import resources, text_ratio
    from editor.bitext.review import ReviewPolicy

    res = resources(use_embeddings=True)
    within = [0, 0, 0]                                   # right among the first 1 / 2 / 3
    total = right_doubtful = total_doubtful = fixes_link = 0
    for name, zh, en, gold, links, *_ in runs["pre-segmented chapter"]:
        gs = set(gold)
        path = [(s[0] if s else _start(links, k, 0), (s[-1] + 1) if s else _start(links, k, 0),
                 t[0] if t else _start(links, k, 1), (t[-1] + 1) if t else _start(links, k, 1))
                for k, (s, t, _, _) in enumerate(links)]
        wrong = [k for k, (s, t, _, _) in enumerate(links) if (tuple(s), tuple(t)) not in gs and s and t]
        doc = _document(zh, en, [(s, t) for s, t, _, _ in links], _shipped(links))
        policy = ReviewPolicy.for_document(doc)
        ranked = ranked_region_alternatives(zh, en, text_ratio(zh, en), res, path, wrong)   # the four the editor offers

        def is_gold(alt):
            return all((tuple(range(a, b)), tuple(range(c, d))) in gs for a, b, c, d in alt)

        for k in wrong:
            alts = ranked[k]
            rank = next((r for r, alt in enumerate(alts) if is_gold(alt)), None)
            ok = rank == 0
            covers = bool(alts) and any((tuple(range(a, b)), tuple(range(c, d))) in gs and a <= path[k][0] < max(b, a + 1)
                                        for a, b, c, d in alts[0])
            total += 1
            for q in range(len(within)):
                within[q] += rank is not None and rank <= q
            fixes_link += covers
            if policy.is_doubtful(doc, doc.beads[k]):
                total_doubtful += 1
                right_doubtful += ok
    right = within[0]
    print(f"\n## MAC-dev, the alternatives of a wrong link's region (the link and its neighbours)\n"
          f"  the best is exactly the gold alignment of the region: {right}/{total} = {right / max(1, total):.1%} of "
          f"the wrong links, {right_doubtful}/{total_doubtful} = {right_doubtful / max(1, total_doubtful):.1%} of the "
          f"doubtful wrong ones; one of the first 2: {within[1] / max(1, total):.1%}, of the first 3: "
          f"{within[2] / max(1, total):.1%}; the best puts a gold link over the wrong link's first sentence: "
          f"{fixes_link / max(1, total):.1%}")
    return {"right": right / max(1, total), "right_doubtful": right_doubtful / max(1, total_doubtful),
            "right_within_2": within[1] / max(1, total), "right_within_3": within[2] / max(1, total)}


def _start(links, k, side):
    """Where a bead with an empty side sits on that side: after the previous bead's sentences."""
    for s, t, _, _ in reversed(links[:k]):
        x = s if side == 0 else t
        if x:
            return x[-1] + 1
    return 0


def main(argv=None) -> int:
    from editor.bitext.review import DEFAULT_THRESHOLD

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--sets", default="mac-dev,news-dev")
    ap.add_argument("--no-book", action="store_true")
    ap.add_argument("--no-loo", action="store_true")
    ap.add_argument("--no-mixed", action="store_true", help="skip the one-mixed-file path")
    ap.add_argument("--fit-cache", default=None, help="JSON file of the fitting alignments (fit_confidence.py)")
    ap.add_argument("--drop", default="", help="LOO without these model inputs (fit_confidence.py --drop)")
    ap.add_argument("--cache", default=None, help="JSON file of alignments to reuse between runs")
    ap.add_argument("--alternatives", action="store_true",
                    help="also measure how often the best alternative of a wrong link's region is right (MAC-dev)")
    args = ap.parse_args(argv)
    shared = Path(args.shared)
    from fit_confidence import load_cache

    cache = load_cache(args.cache)          # only alignments made by this engine
    print(f"# Duiqi review-triage benchmark (mode best; review threshold {DEFAULT_THRESHOLD})")
    models = None
    all_runs = {}
    for set_name in args.sets.split(","):
        if not (shared / "bench" / set_name).is_dir():
            print(f"{set_name} not found under {shared}")
            continue
        docs, runs = run_set(shared, set_name, not args.no_book, cache, not args.no_mixed)
        offs, i0, j0 = {}, 0, 0
        for name, zh, en, _ in docs:
            offs[name] = (i0, j0)
            i0, j0 = i0 + len(zh), j0 + len(en)
        runs["_offsets"] = offs
        all_runs[set_name] = runs
    if args.cache:
        Path(args.cache).write_text(json.dumps(cache))
    if not args.no_loo:
        from fit_confidence import loo_models

        models = loo_models(shared, args.fit_cache, tuple(x for x in args.drop.split(",") if x))
    figures = {}
    for set_name, runs in all_runs.items():
        print(f"\n## {set_name}")
        print(f"  {'path':34s} {'links':>6s} {'wrong':>6s}  marked  caught   depth to catch 80 / 90 / 95 %"
              "   whole list 90 %")
        figures[set_name] = evaluate(set_name, runs, models)
        figures[set_name]["invariance"] = invariance(set_name, runs)
    if args.alternatives and "mac-dev" in all_runs:
        figures["alternatives"] = alternatives(all_runs["mac-dev"])
    print("\n" + json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
