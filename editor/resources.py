"""Files shipped inside the package (editor/assets), found through importlib.resources."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def asset_path(*parts: str) -> Path:
    """Return the path of a file under editor/assets (the package is installed unzipped)."""
    return Path(str(resources.files("editor").joinpath("assets", *parts)))


def sample_path() -> Path:
    """Return the bundled mixed Chinese–English sample text."""
    return asset_path("samples", "sample-mixed.txt")


def translations_dir() -> Path:
    """Return the folder of compiled .qm translations."""
    return asset_path("i18n")


def icon_path(name: str) -> Path:
    """Return the path of an SVG icon by name (without extension)."""
    return asset_path("icons", f"{name}.svg")
