"""Memory benchmark: peak memory (ru_maxrss) of `duiqi align` on synthetic pairs of growing size, each in
a fresh process, as ratios to the peak of a process that only starts Duiqi's command line.

usage: python tests/benchmarks/bench_memory.py [--sizes 1 2 5] [--modes fast best] [--refuse 50]

For each size (MB of the pair, Chinese + English, UTF-8) and mode, writes zh.txt/en.txt of short
sentences into a temporary folder and runs `editor.cli align ... -o out.tsv` through
tests/hostile/probe.py, which reports its own peak. `--refuse N` also checks that an N MB pair is
refused (editor.file_checks.MAX_TEXT_INPUT_BYTES) and what the refusal costs. Peaks barely depend on
the machine's load, but times do: the seconds printed are only a hint.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ZH_WORDS = "天气 我们 公园 今天 明天 朋友 工作 学习 中国 北京 上海 喜欢 非常 可以 没有 时候 问题 世界 经济 发展".split()
EN_WORDS = ("weather we park today tomorrow friend work study China Beijing Shanghai like very can not time "
            "problem world economy development").split()


def write_pair(folder: Path, megabytes: float, seed: int = 1) -> tuple[Path, Path]:
    rng = random.Random(seed)
    zh, en, size = [], [], 0
    while size < megabytes * 1e6:
        idx = [rng.randrange(len(ZH_WORDS)) for _ in range(rng.randint(5, 20))]
        z = "".join(ZH_WORDS[i] for i in idx) + "。"
        e = " ".join(EN_WORDS[i] for i in idx).capitalize() + "."
        zh.append(z)
        en.append(e)
        size += len(z.encode()) + len(e) + 1
        if rng.random() < 0.1:
            zh.append("\n")
            en.append("\n")
    (folder / "zh.txt").write_text("".join(zh), encoding="utf-8")
    (folder / "en.txt").write_text(" ".join(en), encoding="utf-8")
    return folder / "zh.txt", folder / "en.txt"


def probe(folder: Path, *commands: list[str]) -> tuple[list[dict], float, float]:
    report = folder / "probe.json"
    env = dict(os.environ, DUIQI_HOME=str(folder / "home"), PYTHONPATH=str(ROOT))
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "tests.hostile.probe", str(report), *(json.dumps(c) for c in commands)],
                   cwd=ROOT, env=env, check=True)
    data = json.loads(report.read_text("utf-8"))
    return data["results"], data["peak_mb"], time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 2, 5])
    parser.add_argument("--modes", nargs="+", default=["fast", "best"])
    parser.add_argument("--refuse", type=float, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        _, base, _ = probe(folder, ["convert", "/nonexistent.duiqi", str(folder / "x.tsv")])
        print(f"baseline (start the CLI, refuse a missing file): {base:.0f} MB")
        for mode in args.modes:
            for size in args.sizes:
                zh, en = write_pair(folder, size)
                results, peak, seconds = probe(folder, ["align", str(zh), str(en), "-o", str(folder / "out.tsv"),
                                                        "--mode", mode, "-q"])
                status = results[0]["status"]
                print(f"{mode:5} {size:5.1f} MB pair: peak {peak:6.0f} MB = {peak / base:4.1f} x baseline "
                      f"(exit {status}, {seconds:.0f} s)")
        if args.refuse:
            zh, en = write_pair(folder, args.refuse)
            results, peak, seconds = probe(folder, ["align", str(zh), str(en), "-o", str(folder / "out.tsv"),
                                                    "--mode", "fast"])
            print(f"refusal {args.refuse:.0f} MB pair: peak {peak:.0f} MB = {peak / base:.1f} x baseline, "
                  f"exit {results[0]['status']}: {results[0]['stderr'].strip()}")


if __name__ == "__main__":
    main()
