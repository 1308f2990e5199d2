"""The one module that knows directories: config, data (autosave), cache and log folders."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "duiqi"
APP_AUTHOR = "Duiqi"
#: Set this to a folder to keep every file Duiqi writes under it (tests, portable use).
HOME_OVERRIDE_ENV = "DUIQI_HOME"
#: Set this to a folder to keep the caches there (wins over DUIQI_HOME; the test suite shares one across tests).
CACHE_OVERRIDE_ENV = "DUIQI_CACHE_DIR"


def _dir(kind: str) -> Path:
    override = os.environ.get(HOME_OVERRIDE_ENV)
    if override:
        path = Path(override) / kind
    else:
        path = Path(getattr(platformdirs, f"user_{kind}_dir")(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def config_dir() -> Path:
    """Return (creating it) the folder of settings.json."""
    return _dir("config")


def data_dir() -> Path:
    """Return (creating it) the folder of autosaves and recovery files."""
    return _dir("data")


def cache_dir() -> Path:
    """Return (creating it) the folder of caches that can be deleted at any time."""
    override = os.environ.get(CACHE_OVERRIDE_ENV)
    if override:
        path = Path(override)
        path.mkdir(parents=True, exist_ok=True)
        return path
    return _dir("cache")


def log_dir() -> Path:
    """Return (creating it) the folder of crash logs."""
    return _dir("log")


def documents_dir() -> Path:
    """Return the user's Documents folder (where save and export dialogs start), or home if there is none.

    Not created: under the test override it is `DUIQI_HOME/documents` when that exists, else home.
    """
    override = os.environ.get(HOME_OVERRIDE_ENV)
    path = Path(override) / "documents" if override else Path(platformdirs.user_documents_dir())
    return path if path.is_dir() else Path.home()
