"""Shared test setup: offscreen Qt, a private DUIQI_HOME (with one cache folder for the run), and where ../shared
lives."""

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DUIQI_SHARED", REPO.parent / "shared"))
IN_CI = bool(os.environ.get("CI"))


def need_shared(*parts: str) -> Path:
    """Return a path under ../shared; skip the test without it on a laptop, fail in CI."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        if IN_CI:
            pytest.fail(f"{path} is missing, and CI must have ../shared")
        pytest.skip(f"{path} is not available")
    return path


@pytest.fixture(scope="session")
def _shared_cache(tmp_path_factory):
    """One cache folder for the whole run: the engine's arrays (dictionary, jieba, model) are built once."""
    return tmp_path_factory.mktemp("duiqi-cache")


@pytest.fixture(autouse=True)
def _private_home(tmp_path_factory, monkeypatch, _shared_cache):
    monkeypatch.setenv("DUIQI_HOME", str(tmp_path_factory.mktemp("duiqi-home")))
    monkeypatch.setenv("DUIQI_CACHE_DIR", str(_shared_cache))
