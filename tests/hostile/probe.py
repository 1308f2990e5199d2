"""Run `duiqi` (editor.cli.main) on several command lines in this process and report, as JSON in the
file argv[1], each one's exit status and stderr, and the peak memory of the whole run (VmHWM).

Usage: python -m tests.hostile.probe REPORT.json '["align", ...]' '["convert", ...]' ...
Tests run it as a subprocess, so the peak belongs to these command lines alone.
"""

from __future__ import annotations

import contextlib
import io
import json
import resource
import sys


def _peak_kb() -> float:
    """This process's peak resident memory in KB since it was started.

    VmHWM (Linux) belongs to the address space made at exec; ru_maxrss would also count the memory of
    the parent at fork time (a big pytest process makes every child look big).
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return float(line.split()[1])
    except OSError:
        pass
    return float(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def main() -> None:
    report_path, commands = sys.argv[1], [json.loads(a) for a in sys.argv[2:]]
    from editor.cli import main as cli_main

    results = []
    for argv in commands:
        err = io.StringIO()
        with contextlib.redirect_stderr(err):
            status = cli_main(argv)
        results.append({"argv": argv, "status": status, "stderr": err.getvalue()})
    peak_kb = _peak_kb()
    with open(report_path, "w", encoding="utf-8") as out:
        json.dump({"results": results, "peak_mb": peak_kb / 1024}, out)


if __name__ == "__main__":
    main()
