"""Alignment benchmark: accuracy, speed and memory of each mode on the data sets it finds.

usage: python tests/benchmarks/bench_align.py [--shared PATH] [--no-book] [--no-cli] [--no-accuracy]
                                             [--modes length,fast,best]

Prints, in one run: strict/lax P/R/F1 per data set (MAC-dev, scored exactly like ../shared/bench/score.py;
the mixed-news sample's sentence and paragraph beads from gold.json), time per phase, sentences per second
and peak memory for each mode, the ratio of each mode's F1 and time to the length-only baseline ("length"),
the reliability table of the confidence, a 10,000-sentence book (MAC-dev chapters repeated, each copy
marked so nothing is served from a cache) for speed and memory with progress and cancellation, and (best
mode, bench_accuracy.py) strict/lax F1 and 1-0/0-1 precision/recall on MAC-dev, news-dev, MAC-dev perturbed
by perturb.py, MAC-dev as one plain-file book, and news-dev + MAC-dev with the translation's headline moved after the
lead (perturb.moved_headlines).
Each mode runs in a fresh subprocess with the engine's arrays built (their one-time build at a first start is
timed first) and no sentence embedding cached: times include loading and are cold.

Then the command line as a user runs it (skip with --no-cli), each command a fresh process whose wall time and
peak memory (the largest process: the command or one of its workers) are measured from outside: start-up
(`duiqi align` of a one-sentence pair, the engine's arrays built but the sentences new), `duiqi batch` of
MAC-dev's six chapters cold (no sentence cached) with --jobs 1 and --jobs 2 (median of 3 runs), and `duiqi align` of the
10,000-sentence book, each in best mode and in length mode, the baseline its ratio is taken against.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve()
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))


# ----- scoring: the same arithmetic as ../shared/bench/score.py -----
def _counts(gold, test):
    test = {b for b in test if b[0] or b[1]}
    gold = {b for b in gold if b[0] or b[1]}
    s2t = defaultdict(set)
    for gs, gt in gold:
        for s in gs:
            s2t[s].update(gt)
    tp_s = fp_s = tp_l = fp_l = 0
    for ts, tt in test:
        if (ts, tt) in gold:
            tp_s += 1
            tp_l += 1
        else:
            fp_s += 1
            if set(tt) & {t for s in ts for t in s2t[s]}:
                tp_l += 1
            else:
                fp_l += 1
    return [tp_s, fp_s, tp_l, fp_l]


def score(pairs):
    p = [0, 0, 0, 0]
    r = [0, 0, 0, 0]
    for gold, test in pairs:
        p = [a + b for a, b in zip(p, _counts(gold, test))]
        nodel = lambda al: [(x, y) for x, y in al if x and y]  # noqa: E731
        r = [a + b for a, b in zip(r, _counts(nodel(test), nodel(gold)))]
    div = lambda a, b: a / (a + b) if a + b else 0.0  # noqa: E731
    ps, pl, rs, rl = div(p[0], p[1]), div(p[2], p[3]), div(r[0], r[1]), div(r[2], r[3])
    f = lambda a, b: 2 * a * b / (a + b) if a + b else 0.0  # noqa: E731
    return dict(p_strict=ps, r_strict=rs, f1_strict=f(ps, rs), p_lax=pl, r_lax=rl, f1_lax=f(pl, rl))


def read_beads(path):
    out = []
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if line:
            s, t = line.split(":", 1)
            out.append((tuple(ast.literal_eval(s)), tuple(ast.literal_eval(t))))
    return out


def paragraph_beads(beads, zpar, epar):
    """Paragraph beads implied by sentence beads: paragraphs joined by any sentence bead form one bead."""
    groups: list[list[set, set]] = []
    for s, t in beads:
        zs, es = {zpar[i] for i in s}, {epar[j] for j in t}
        if groups and (zs & groups[-1][0] or es & groups[-1][1]):
            groups[-1][0] |= zs
            groups[-1][1] |= es
        else:
            groups.append([zs, es])
    return [(tuple(sorted(z)), tuple(sorted(e))) for z, e in groups]


# ----- worker: one mode, fresh process -----
def worker(mode: str, shared: Path, book: bool) -> dict:
    from editor.alignment import align
    from editor.alignment.best import align_best
    from editor.alignment.engine import resources

    out: dict = {"mode": mode, "phases": {}}

    def run(zh, en, timings, **kw):
        if mode == "length":
            t = time.perf_counter()
            beads = align(zh, en, mode="length", **kw)
            timings["dp"] = timings.get("dp", 0.0) + time.perf_counter() - t
            return beads
        res = resources(use_embeddings=(mode == "best"))
        return align_best(zh, en, res=res, timings=timings, **kw)

    t_load = time.perf_counter()
    if mode != "length":
        res = resources(use_embeddings=(mode == "best"))
        res.lexicon.load()
        if res.encoder is not None:
            res.encoder.load()
    out["phases"]["load"] = time.perf_counter() - t_load

    mac = shared / "bench" / "mac-dev"
    if mac.is_dir():
        chapters = []
        for name in sorted(os.listdir(mac / "gold")):
            zh = (mac / "zh" / name).read_text(encoding="utf-8").rstrip("\n").split("\n")
            en = (mac / "en" / name).read_text(encoding="utf-8").rstrip("\n").split("\n")
            chapters.append((name, zh, en, read_beads(mac / "gold" / name)))
        for label in ("cold", "warm"):
            timings: dict = {}
            pairs, conf = [], []
            t = time.perf_counter()
            for name, zh, en, gold in chapters:
                beads = run(zh, en, timings)
                test = [(b.src, b.tgt) for b in beads]
                pairs.append((gold, test))
                gs = set(gold)
                conf += [(b.confidence, (b.src, b.tgt) in gs) for b in beads]
            wall = time.perf_counter() - t
            n_sent = sum(len(z) + len(e) for _, z, e, _ in chapters)
            out[f"mac_{label}"] = {"score": score(pairs), "seconds": wall, "sent_per_s": n_sent / wall,
                                   "phases": timings, "per_file": [round(score([p])["f1_strict"], 3)
                                                                   for p in pairs]}
            out["confidence"] = conf
        # anchored re-alignment: confirm every 10th gold bead of chapter 001, re-align the rest
        from editor.alignment import FixedSpan
        name, zh, en, gold = chapters[0]
        fixed = [FixedSpan(s[0], s[-1] + 1, t[0], t[-1] + 1) for k, (s, t) in enumerate(gold)
                 if k % 10 == 0 and s and t]
        t = time.perf_counter()
        beads = run(zh, en, {}, fixed=fixed)
        out["realign_seconds"] = time.perf_counter() - t
        out["realign_f1"] = score([(gold, [(b.src, b.tgt) for b in beads])])["f1_strict"]

    mixed = shared / "samples" / "mixed-news" / "gold.json"
    if mixed.is_file():
        g = json.loads(mixed.read_text(encoding="utf-8"))
        zh = [x["text"] for x in g["zh_sentences"]]
        en = [x["text"] for x in g["en_sentences"]]
        zp = [x["para"] for x in g["zh_sentences"]]
        ep = [x["para"] for x in g["en_sentences"]]
        gold = [(tuple(a), tuple(b)) for a, b in g["sentence_beads"]]
        gold_par = [(tuple(a), tuple(b)) for a, b in g["paragraph_beads"]]
        for label, kw in (("with paragraphs", dict(src_paragraphs=zp, tgt_paragraphs=ep)), ("sentences only", {})):
            t = time.perf_counter()
            beads = run(zh, en, {}, **kw)
            test = [(b.src, b.tgt) for b in beads]
            pbeads = paragraph_beads(test, zp, ep)
            out[f"mixed {label}"] = {"score": score([(gold, test)]), "seconds": time.perf_counter() - t,
                                     "paragraph_beads_right": sum(b in set(gold_par) for b in pbeads),
                                     "paragraph_beads": len(pbeads), "paragraph_beads_gold": len(gold_par)}

    if book and mac.is_dir():
        zh_all, en_all = [], []
        k = 0
        while len(zh_all) < 10_000:
            for _, zh, en, _ in chapters:
                mark = f"（{k}）" if k else ""
                zh_all += [s + mark for s in zh]
                en_all += [s + (f" ({k})" if k else "") for s in en]
            k += 1
        calls = []
        t = time.perf_counter()
        timings = {}
        run(zh_all, en_all, timings, progress=calls.append)
        wall = time.perf_counter() - t
        stop = threading.Event()
        threading.Timer(1.0, stop.set).start()
        t2 = time.perf_counter()
        cancelled = False
        try:
            run(zh_all[:5000] + ["新句子。"], en_all[:5000] + ["A new sentence."], {}, should_stop=stop.is_set)
        except Exception as exc:   # AlignmentCancelled
            cancelled = type(exc).__name__ == "AlignmentCancelled"
        out["book"] = {"src": len(zh_all), "tgt": len(en_all), "seconds": wall,
                       "sent_per_s": (len(zh_all) + len(en_all)) / wall, "phases": timings,
                       "progress_calls": len(calls), "cancelled": cancelled,
                       "cancel_latency": time.perf_counter() - t2 - 1.0}
    out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


# ----- the command line, measured from outside -----
_MEASURE = """
import json, resource, subprocess, sys, time
cmd = json.loads(sys.argv[1])
t = time.perf_counter()
p = subprocess.run(cmd, capture_output=True, text=True)
print(json.dumps({"rc": p.returncode, "seconds": time.perf_counter() - t, "stderr": p.stderr[-3000:],
                  "peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""


def _measured(cmd: list[str], env: dict, cache: Path) -> dict:
    """Run `cmd` cold (no sentence embedding cached) in a fresh process; wall time and peak memory."""
    for old in cache.glob("*.sqlite*"):
        old.unlink()
    proc = subprocess.run([sys.executable, "-c", _MEASURE, json.dumps(cmd)], capture_output=True, text=True, env=env)
    result = json.loads(proc.stdout)
    if result["rc"] not in (0,):
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{result['stderr']}")
    return result


#: cold runs of each `duiqi batch` command (the median is quoted: one run on a 2-core machine is noisy)
BATCH_RUNS = 3


def cli_runs(shared: Path, book: bool) -> dict:
    """Start-up, MAC-dev through `duiqi batch` with 1 and 2 workers, and the book, in best and length mode."""
    duiqi = [sys.executable, "-m", "editor.cli"]
    out: dict = {}
    mac = shared / "bench" / "mac-dev"
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        cache = tmp / "cache"
        env = dict(os.environ, DUIQI_HOME=str(tmp / "home"), DUIQI_CACHE_DIR=str(cache), PYTHONPATH=str(ROOT))
        env.pop("DUIQI_TIMINGS", None)
        (tmp / "zh.txt").write_text("我们今天下午去河边的公园散步了。\n", encoding="utf-8")
        (tmp / "en.txt").write_text("This afternoon we went for a walk in the park by the river.\n", encoding="utf-8")
        short = [str(tmp / "zh.txt"), str(tmp / "en.txt")]
        # build the engine's arrays once (what a first start does), not measured
        _measured(duiqi + ["align", *short, "-o", str(tmp / "warm.json"), "-q"], env, cache)
        for mode in ("length", "best"):
            runs = [_measured(duiqi + ["align", *short, "-o", str(tmp / "s.json"), "--mode", mode, "--timings"],
                              env, cache) for _ in range(3)]
            runs.sort(key=lambda r: r["seconds"])
            median = runs[1]
            line = next((x for x in median["stderr"].splitlines() if "timings:" in x), "")
            out[f"startup {mode}"] = {"seconds": median["seconds"], "peak_mb": median["peak_mb"],
                                      "phases": line.partition("timings: ")[2]}
        if mac.is_dir():
            jobs = tmp / "jobs.tsv"
            jobs.write_text("".join(f"{mac / 'zh' / n}\t{mac / 'en' / n}\t{n}\n"
                                    for n in sorted(os.listdir(mac / "gold"))), encoding="utf-8")
            for mode in ("length", "best"):
                for workers in (1, 2):
                    runs = []
                    for attempt in range(BATCH_RUNS):       # each cold, into a fresh folder; the median is quoted
                        target = tmp / f"batch-{mode}-{workers}-{attempt}"
                        runs.append(_measured(duiqi + ["batch", str(jobs), "-o", str(target), "--format", "beads",
                                                       "--presegmented", "--mode", mode, "--jobs", str(workers),
                                                       "-q"], env, cache))
                    pairs = [(read_beads(mac / "gold" / n), read_beads(target / f"{n}.beads"))
                             for n in sorted(os.listdir(mac / "gold"))]
                    runs.sort(key=lambda x: x["seconds"])
                    out[f"batch {mode} jobs {workers}"] = {
                        **runs[len(runs) // 2], "f1_strict": score(pairs)["f1_strict"],
                        "range": (runs[0]["seconds"], runs[-1]["seconds"])}
            if book:
                zh_all, en_all, k = [], [], 0
                names = sorted(os.listdir(mac / "gold"))
                while len(zh_all) < 10_000:       # written at run time into the temporary folder only
                    for n in names:
                        zh = (mac / "zh" / n).read_text(encoding="utf-8").rstrip("\n").split("\n")
                        en = (mac / "en" / n).read_text(encoding="utf-8").rstrip("\n").split("\n")
                        zh_all += [x + (f"（{k}）" if k else "") for x in zh]
                        en_all += [x + (f" ({k})" if k else "") for x in en]
                    k += 1
                (tmp / "book_zh.txt").write_text("\n".join(zh_all) + "\n", encoding="utf-8")
                (tmp / "book_en.txt").write_text("\n".join(en_all) + "\n", encoding="utf-8")
                for mode in ("length", "best"):
                    r = _measured(duiqi + ["align", str(tmp / "book_zh.txt"), str(tmp / "book_en.txt"), "--presegmented",
                                           "-o", str(tmp / "book.beads"), "--mode", mode, "-q"], env, cache)
                    out[f"book {mode}"] = {**r, "sentences": len(zh_all) + len(en_all)}
    return out


def print_cli(r: dict) -> None:
    print("\n## the command line (fresh processes; wall time, peak memory of the largest process; "
          "ratio to length mode in the same run)")
    for key in ("startup", "batch jobs 1", "batch jobs 2", "book"):
        mode_key = (lambda m: f"{key} {m}") if key in ("startup", "book") else \
            (lambda m: f"batch {m} jobs {key[-1]}")
        best, base = r.get(mode_key("best")), r.get(mode_key("length"))
        if not best:
            continue
        ratio = f" (x{best['seconds'] / base['seconds']:.1f} length mode's {base['seconds']:.2f} s)" if base else ""
        extra = f", strict F1 {best['f1_strict']:.3f}" if "f1_strict" in best else ""
        if "range" in best:
            extra += f", median of {BATCH_RUNS} runs ({best['range'][0]:.2f}-{best['range'][1]:.2f} s)"
        extra += f", {best['sentences']} sentences" if "sentences" in best else ""
        print(f"{key}: {best['seconds']:.2f} s{ratio}, peak {best['peak_mb']:.0f} MB{extra}")
        if key == "startup":
            print(f"   phases (median run): {best['phases']}")


def reliability(conf) -> str:
    bins = [(0.0, 0.5), (0.5, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 0.95), (0.95, 1.01)]
    lines = ["  confidence   beads  correct  mean conf"]
    for lo, hi in bins:
        sel = [(c, ok) for c, ok in conf if lo <= c < hi]
        if sel:
            lines.append(f"  [{lo:.2f},{min(hi, 1):.2f})  {len(sel):6d}  {sum(ok for _, ok in sel) / len(sel):7.3f}"
                         f"  {sum(c for c, _ in sel) / len(sel):9.3f}")
    hi = [(c, ok) for c, ok in conf if c >= 0.9]
    if hi:
        lines.append(f"  >= 0.90      {len(hi):6d}  {sum(ok for _, ok in hi) / len(hi):7.3f}"
                     f"   ({len(hi) / len(conf):.0%} of beads)")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--modes", default="length,fast,best")
    ap.add_argument("--no-book", action="store_true")
    ap.add_argument("--no-accuracy", action="store_true", help="skip bench_accuracy.py (news-dev, perturbed "
                    "MAC-dev, the plain-file book)")
    ap.add_argument("--no-cli", action="store_true", help="skip the command-line runs (start-up, batch, book)")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    shared = Path(args.shared)
    if args.worker:
        print(json.dumps(worker(args.worker, shared, not args.no_book)))
        return 0
    results = {}
    with tempfile.TemporaryDirectory() as cache:
        # the engine's arrays (dictionary, jieba, model) are built once, as at a user's first start, and timed
        # apart; every mode then starts with them built and no sentence embedding cached (cold)
        env = dict(os.environ, DUIQI_HOME=str(Path(cache) / "home"), DUIQI_CACHE_DIR=cache)
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", "from editor.alignment import preload; preload('best')"],
                       check=True, env=dict(env, PYTHONPATH=str(ROOT)))
        first_start = time.perf_counter() - t
        for mode in args.modes.split(","):
            for old in Path(cache).glob("*.sqlite*"):
                old.unlink()
            with tempfile.TemporaryDirectory() as home:
                cmd = [sys.executable, str(HERE), "--worker", mode, "--shared", str(shared)]
                if args.no_book:
                    cmd.append("--no-book")
                proc = subprocess.run(cmd, capture_output=True, text=True, env=dict(env, DUIQI_HOME=home))
                if proc.returncode:
                    print(proc.stderr, file=sys.stderr)
                    return 1
                results[mode] = json.loads(proc.stdout.strip().splitlines()[-1])
        accuracy = None
        if "best" in args.modes.split(",") and not args.no_accuracy:
            # omissions, merges, headlines and the plain-file book (not timed: accuracy only)
            proc = subprocess.run([sys.executable, str(HERE.parent / "bench_accuracy.py"), "--shared", str(shared)]
                                  + (["--sets", "mac,news,pert"] if args.no_book else []),
                                  capture_output=True, text=True, env=dict(env, PYTHONPATH=str(ROOT)))
            if proc.returncode:
                print(proc.stderr, file=sys.stderr)
                return 1
            accuracy = proc.stdout
    base = results.get("length")
    print(f"# Duiqi alignment benchmark ({os.cpu_count()} CPUs); modes: length = length only (baseline), "
          "fast = dictionary + length, no embeddings, best = dictionary + USE embeddings")
    print(f"first start (builds the engine's arrays in the cache folder, once): {first_start:.1f} s")
    for mode, r in results.items():
        print(f"\n## mode {mode}   (peak RSS {r['peak_rss_mb']:.0f} MB, load {r['phases']['load']:.2f} s)")
        for label in ("mac_cold", "mac_warm"):
            if label in r:
                m = r[label]
                s = m["score"]
                ratio = ""
                if base and mode != "length":
                    b = base[label]
                    ratio = (f"  | vs length-only: F1 x{s['f1_strict'] / b['score']['f1_strict']:.2f}, "
                             f"time x{m['seconds'] / b['seconds']:.1f}")
                print(f"MAC-dev ({label[4:]}): strict P {s['p_strict']:.3f} R {s['r_strict']:.3f} "
                      f"F1 {s['f1_strict']:.3f} | lax P {s['p_lax']:.3f} R {s['r_lax']:.3f} F1 {s['f1_lax']:.3f}"
                      f" | {m['seconds']:.2f} s, {m['sent_per_s']:.0f} sent/s{ratio}")
                print("   per chapter strict F1:", m["per_file"], " phases:",
                      {k: round(v, 2) for k, v in m["phases"].items()})
        if "realign_seconds" in r:
            print(f"anchored re-alignment of chapter 001 (every 10th gold bead fixed): {r['realign_seconds']:.2f} s,"
                  f" strict F1 {r['realign_f1']:.3f}")
        for label in ("mixed with paragraphs", "mixed sentences only"):
            if label in r:
                m = r[label]
                s = m["score"]
                print(f"{label}: sentence beads strict F1 {s['f1_strict']:.3f} (P {s['p_strict']:.3f} "
                      f"R {s['r_strict']:.3f}, lax F1 {s['f1_lax']:.3f}); paragraph beads "
                      f"{m['paragraph_beads_right']}/{m['paragraph_beads_gold']} gold found "
                      f"({m['paragraph_beads']} produced); {m['seconds']:.2f} s")
        if "book" in r:
            b = r["book"]
            print(f"book {b['src']} + {b['tgt']} sentences: {b['seconds']:.1f} s, {b['sent_per_s']:.0f} sent/s, "
                  f"phases {({k: round(v, 1) for k, v in b['phases'].items()})}, {b['progress_calls']} progress "
                  f"calls, cancelled: {b['cancelled']} ({b['cancel_latency']:.2f} s after the request)")
        if "confidence" in r and mode != "length":
            print("reliability of confidence on MAC-dev:")
            print(reliability(r["confidence"]))
    if accuracy:
        print("\n## best mode where documents differ: omissions, merges, headlines, a plain-file book "
              "(bench_accuracy.py)")
        print(accuracy.rstrip())
    if not args.no_cli:
        print_cli(cli_runs(shared, not args.no_book))
    return 0


if __name__ == "__main__":
    sys.exit(main())
