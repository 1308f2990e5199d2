"""A phase timer: how long start-up and alignment spent in each named phase (`duiqi align --timings`, or
DUIQI_TIMINGS=1 in the environment, prints them to stderr)."""

from __future__ import annotations

import os
import time
from contextlib import contextmanager
from typing import Iterator

ENV = "DUIQI_TIMINGS"

_phases: dict[str, float] = {}


@contextmanager
def phase(name: str) -> Iterator[None]:
    """Add the wall time of the block to phase `name`."""
    started = time.perf_counter()
    try:
        yield
    finally:
        add(name, time.perf_counter() - started)


def add(name: str, seconds: float) -> None:
    _phases[name] = _phases.get(name, 0.0) + seconds


def phases() -> dict[str, float]:
    """The phases measured so far in this process, in the order they first ran."""
    return dict(_phases)


def enabled() -> bool:
    return os.environ.get(ENV, "") not in ("", "0")


def since_process_start() -> float | None:
    """Seconds since this process started (Linux), or None."""
    try:
        with open("/proc/self/stat", "rb") as fh:
            fields = fh.read().rpartition(b")")[2].split()
        with open("/proc/uptime", "rb") as fh:
            uptime = float(fh.read().split()[0])
        return uptime - int(fields[19]) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def report() -> str:
    """One line: each phase in milliseconds."""
    return "timings: " + ", ".join(f"{name} {seconds * 1000:.0f} ms" for name, seconds in _phases.items())
