"""Experiment of issue 21 (engine3): the edge-sentence candidates of split_orphan_edges with their scores,
labelled by the gold 1-0/0-1 beads (MAC-dev, perturbed MAC-dev seed 1, news-dev); writes /tmp/e3/rows.json.
usage: DUIQI_E3=log python tests/benchmarks/e3_edges.py"""
import sys, json
sys.path.insert(0, "tests/benchmarks")
from pathlib import Path
from perturb import load_set, perturbed
from editor.alignment import engine
from editor.alignment.engine import resources, one_blas_thread
from editor.alignment.best import align_best
res = resources(use_embeddings=True)
mac = load_set(Path("/work/shared/bench/mac-dev"))
sets = {"mac": mac, "pert": perturbed(mac, 1), "news": load_set(Path("/work/shared/bench/news-dev"))}
rows = []
with one_blas_thread():
    for name, docs in sets.items():
        for d in docs:
            gold = d[3]
            gskip = {(0, s[0]) for s, t in gold if s and not t} | {(1, t[0]) for s, t in gold if t and not s}
            engine._E3_LOG = []
            align_best(d[1], d[2], res=res)
            for r in engine._E3_LOG:
                r["set"] = name; r["doc"] = d[0]; r["orphan"] = (r["side"], r["edge"]) in gskip
                rows.append(r)
engine._E3_LOG = None
Path("/tmp/e3").mkdir(exist_ok=True)
json.dump(rows, open("/tmp/e3/rows.json", "w"), default=float)
print(len(rows))
