"""Peak memory (VmHWM) of `duiqi align` on the text inputs of issue 26 that sit just under the 6 MB input
limit, per mode; each run in a fresh child process (tests/hostile/limited.py) with a generous address-space
cap so a runaway run cannot take the machine. Prints one line per case and mode: the figures the README's
limits section quotes. Peaks are counts, not timings: they barely depend on the machine's load.

usage: python -m tests.hostile.measure_peaks [--modes length fast best] [--cases line file chars chars-N]
"""

from __future__ import annotations

import argparse
import random
import tempfile
from pathlib import Path

from tests.hostile.limited import duiqi

ZH_WORDS = "天气 我们 公园 今天 明天 朋友 工作 学习 中国 北京 上海 喜欢 非常 可以 没有 时候 问题 世界 经济 发展".split()
EN_WORDS = ("weather we park today tomorrow friend work study China Beijing Shanghai like very can not time "
            "problem world economy development").split()


def sentences(size: float, seed: int = 1) -> tuple[list[str], list[str]]:
    rng = random.Random(seed)
    zh, en, total = [], [], 0
    while total < size:
        idx = [rng.randrange(len(ZH_WORDS)) for _ in range(rng.randint(5, 20))]
        zh.append("".join(ZH_WORDS[i] for i in idx) + "。")
        en.append(" ".join(EN_WORDS[i] for i in idx).capitalize() + ".")
        total += len(zh[-1].encode())
    return zh, en


def write_case(folder: Path, case: str) -> tuple[Path, Path]:
    zh, en = folder / f"{case}-zh.txt", folder / f"{case}-en.txt"
    if case == "line":               # one 5 MB line of sentences (and its English, one line too)
        z, e = sentences(5e6)
        zh.write_text("".join(z) + "\n", encoding="utf-8")
        en.write_text(" ".join(e) + "\n", encoding="utf-8")
    elif case == "file":             # a 5.9 MB file of paragraphs of a few sentences
        z, e = sentences(5.9e6 - 20000)
        while sum(len(x.encode()) + 1 for x in e) > 5.9e6:      # the English side under the limit too
            z, e = z[:-500], e[:-500]
        zh.write_text("".join(s + ("\n" if k % 5 == 4 else "") for k, s in enumerate(z)), encoding="utf-8")
        en.write_text("".join(s + ("\n" if k % 5 == 4 else " ") for k, s in enumerate(e)), encoding="utf-8")
    elif case == "chars":            # 500,000 one-character lines
        zh.write_text("字\n" * 500_000, encoding="utf-8")
        en.write_text("a\n" * 500_000, encoding="utf-8")
    elif case.startswith("oneline-"):  # oneline-N: N sentences a side in one paragraph (one line)
        count = int(case.split("-")[1])
        z, e = sentences(count * 100)
        zh.write_text(" ".join(z[:count]) + "\n", encoding="utf-8")
        en.write_text(" ".join(e[:count]) + "\n", encoding="utf-8")
    elif case.startswith("sent-"):   # sent-N: N real-looking sentences a side, five to a paragraph
        count = int(case.split("-")[1])
        z, e = sentences(count * 100)         # about 78 bytes a Chinese sentence: more than `count` of them
        z, e = z[:count], e[:count]
        zh.write_text("".join(s + ("\n" if k % 5 == 4 else "") for k, s in enumerate(z)), encoding="utf-8")
        en.write_text("".join(s + ("\n" if k % 5 == 4 else " ") for k, s in enumerate(e)), encoding="utf-8")
    else:                            # chars-N: N one-character lines (where the peak grows with the lines)
        lines = int(case.split("-")[1])
        zh.write_text("字\n" * lines, encoding="utf-8")
        en.write_text("a\n" * lines, encoding="utf-8")
    return zh, en


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--modes", nargs="+", default=["length", "fast", "best"])
    parser.add_argument("--cases", nargs="+", default=["line", "file", "chars"])
    parser.add_argument("--address-space-gb", type=float, default=8)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        # the engine's caches built once, before the measured runs (building them is not what is measured)
        env = {"DUIQI_CACHE_DIR": str(folder / "cache")}
        warm_zh, warm_en = folder / "warm-zh.txt", folder / "warm-en.txt"
        warm_zh.write_text("第一句。\n", encoding="utf-8")
        warm_en.write_text("The first.\n", encoding="utf-8")
        for mode in args.modes:
            duiqi(folder, "align", warm_zh, warm_en, "-o", folder / "warm.json", "--mode", mode, "-q", env=env)
        for case in args.cases:
            zh, en = write_case(folder, case)
            for mode in args.modes:
                run = duiqi(folder, "align", zh, en, "-o", folder / "out.json", "--mode", mode, "-q",
                            address_space=int(args.address_space_gb * 1024 ** 3), cpu=6 * 3600, env=env)
                last = run.stderr.strip().splitlines()[-1:] if run.stderr.strip() else [""]
                print(f"{case:5} {mode:6} zh {zh.stat().st_size / 1e6:.1f} MB en {en.stat().st_size / 1e6:.1f} MB: "
                      f"peak {run.peak_mb:6.0f} MB, exit {run.status} {last[0][:160]}", flush=True)


if __name__ == "__main__":
    main()
