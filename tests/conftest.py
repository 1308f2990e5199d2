"""Shared test setup: offscreen Qt, a private DUIQI_HOME (with one cache folder for the run), the vendored schemas,
and where ../shared lives.

Everything the suite needs ships in the repository (tests/data/), except the gold research data in
../shared (MAC-dev, the mixed-news gold): tests of those are marked `shared` and use need_shared(), which
skips them without ../shared and fails them under CI=true.
"""

import os
from datetime import datetime, timezone
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DUIQI_SHARED", REPO.parent / "shared"))
IN_CI = os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")
#: The official TMX / XLIFF schemas, vendored with their notices (tests/data/schemas/README.md).
SCHEMAS = REPO / "tests" / "data" / "schemas"

#: Safety net of waits on an event (a signal, a condition) that arrives in well under a second: only a hang
#: reaches it, however busy the machine.
EVENT_TIMEOUT_MS = 120_000
#: The same for waits on the real alignment engine or the aligner process (tests marked `slow`).
ENGINE_TIMEOUT_MS = 600_000


def need_shared(*parts: str) -> Path:
    """Return a path under ../shared; skip the test without it on a laptop, fail in CI (mark the test `shared`)."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        missing = next(p for p in (*reversed(path.parents), path) if not p.exists())
        reason = (f"needs the gold research data in {SHARED} ('shared' marker): {missing} is missing "
                  f"(set DUIQI_SHARED to its location)")
        if IN_CI:
            pytest.fail(f"{reason}, and CI=true must have it")
        pytest.skip(reason)
    return path


def schema_path(*parts: str) -> Path:
    """Return one of the vendored official schemas (they are part of the repository: never skipped)."""
    path = SCHEMAS.joinpath(*parts)
    assert path.is_file(), f"{path} is missing from the repository"
    return path


@pytest.fixture(scope="session")
def _shared_cache(tmp_path_factory):
    """One cache folder for the whole run: the engine's arrays (dictionary, jieba, model) are built once."""
    return tmp_path_factory.mktemp("duiqi-cache")


@pytest.fixture(autouse=True)
def _private_home(tmp_path_factory, monkeypatch, _shared_cache):
    monkeypatch.setenv("DUIQI_HOME", str(tmp_path_factory.mktemp("duiqi-home")))
    monkeypatch.setenv("DUIQI_CACHE_DIR", str(_shared_cache))


#: Where the `clock` fixture starts.
CLOCK_START = datetime(2026, 3, 1, 9, 0, 0, tzinfo=timezone.utc)


class Clock:
    """A clock the test sets by hand (`now`): it replaces editor.bitext.document.clock, which dates links, so a
    test of dates never sleeps."""

    def __init__(self, now) -> None:
        self.now = now

    def __call__(self):
        return self.now


@pytest.fixture
def clock(monkeypatch) -> Clock:
    """document.clock replaced by a Clock at CLOCK_START; set `clock.now` to move time on."""
    from editor.bitext import document

    fake = Clock(CLOCK_START)
    monkeypatch.setattr(document, "clock", fake)
    return fake
