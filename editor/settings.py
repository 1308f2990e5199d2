"""The user's preferences: one Settings dataclass kept in settings.json in the config folder."""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from editor import paths
from editor.bitext.review import DEFAULT_THRESHOLD, MAX_THRESHOLD, MIN_THRESHOLD

log = logging.getLogger(__name__)

SETTINGS_FILE = "settings.json"
PANE_ORDERS = ("zh-en", "en-zh")
MAX_RECENT_FILES = 10
MIN_FONT_SIZE, MAX_FONT_SIZE = 6, 48
MIN_AUTOSAVE_SECONDS, MAX_AUTOSAVE_SECONDS = 5, 3600


@dataclass
class Settings:
    """Everything the editor remembers between sessions."""

    font_size: int = 12
    pane_order: str = "zh-en"                 # "zh-en": Chinese pane on the left; "en-zh": English on the left
    src_lang: str = "zh-CN"
    tgt_lang: str = "en-US"
    autosave_seconds: int = 60
    recent_files: list[str] = field(default_factory=list)
    ui_language: str | None = None            # None: the system locale; otherwise e.g. "zh_CN", "en"
    row_mode: bool = False
    window_geometry: str | None = None        # QMainWindow.saveGeometry() as base64 text
    #: QMainWindow.saveState() as base64 text: which docks (the review list, the undo history) are open and where;
    #: stored when one is opened or closed, so a restart (or a crash) brings back the list the translator worked in
    window_state: str | None = None
    #: the review list's order, "confidence" (lowest first) or "position", as the translator last chose it
    review_order: str = "confidence"
    #: a collection's review list lists the whole collection (its "Whole collection" box), as last left
    review_whole_collection: bool = False
    review_threshold: float = DEFAULT_THRESHOLD   # automatic links below this confidence are doubtful
    last_folder: str = ""                     # where the last file was opened, saved or exported
    compact_mode: bool = False                # the compact grid: one numbered row per link, no curves
    #: who you are in exported TMX files: the creationid/changeid of the links you make or change (CAT tools
    #: show it as "created by" / "modified by"); empty: the login name (exporter_id)
    translator_id: str = ""
    # The Export dialog's last choices: preset, language codes, folder, and per project (absolute path)
    # the direction, "zh-en" or "en-zh" (English as the source).
    export_preset: str = "generic"
    export_src_lang: str = ""
    export_tgt_lang: str = ""
    export_folder: str = ""
    #: the Export dialog's "Only confirmed links", as last chosen (it was unticked again at every Ctrl+E)
    export_only_confirmed: bool = False
    #: the format last exported (its suffix, e.g. ".xlf"): the next export suggests it (it fell back to TMX)
    export_suffix: str = ""
    #: and for ".xlf" the XLIFF version ("1.2", "2.0"): an export to XLIFF 2.0 was followed by 1.2 (an X11 audit)
    export_xliff_version: str = ""
    #: the format a whole collection was last exported to (".tmx", ".xlf 1.2", ".xlf 2.0")
    collection_export: str = ""
    export_directions: dict[str, str] = field(default_factory=dict)
    #: per project (absolute path) the link selected when it was last saved or closed: a project reopens there
    #: (it opened at link 1; an X11 audit). The PLACES_KEPT most recent.
    project_places: dict[str, int] = field(default_factory=dict)
    #: New Alignment: one mixed file (True) or a Chinese and an English file (False)
    import_one_file: bool = False
    #: the collection's document list: only the documents that need review, and its sort ([column, order]; column
    #: -1: the collection's own order), as the translator last left them
    documents_needing_review_only: bool = False
    documents_sort: list[int] = field(default_factory=lambda: [-1, 0])


#: how many projects' places Settings.project_places keeps
PLACES_KEPT = 50


def remember_place(settings: "Settings", project: Path, link: int) -> None:
    """Keep the link selected in a project (the most recent PLACES_KEPT projects)."""
    key = str(Path(project).absolute())
    settings.project_places.pop(key, None)
    settings.project_places[key] = link
    while len(settings.project_places) > PLACES_KEPT:
        settings.project_places.pop(next(iter(settings.project_places)))


def settings_path() -> Path:
    """Return the path of settings.json (its folder is created)."""
    return paths.config_dir() / SETTINGS_FILE


def _valid(name: str, value: object, default: object) -> bool:
    """True when `value` has the type (and range) a Settings field needs."""
    if name == "recent_files":
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    if name == "documents_sort":
        return isinstance(value, list) and len(value) == 2 and all(type(v) is int for v in value) \
            and -1 <= value[0] < 16 and value[1] in (0, 1)
    if name == "font_size":
        return type(value) is int and MIN_FONT_SIZE <= value <= MAX_FONT_SIZE
    if name == "autosave_seconds":
        return type(value) is int and MIN_AUTOSAVE_SECONDS <= value <= MAX_AUTOSAVE_SECONDS
    if name == "review_threshold":
        return type(value) in (int, float) and MIN_THRESHOLD <= value <= MAX_THRESHOLD
    if name == "project_places":
        return isinstance(value, dict) and all(isinstance(k, str) and type(v) is int and v >= 0
                                               for k, v in value.items())
    if name == "export_directions":
        return isinstance(value, dict) and all(isinstance(k, str) and v in PANE_ORDERS for k, v in value.items())
    if name == "pane_order":
        return value in PANE_ORDERS
    if name == "review_order":
        return value in ("confidence", "position")
    if name in ("ui_language", "window_geometry", "window_state"):
        return value is None or isinstance(value, str)
    if name == "translator_id":
        from editor.bitext.document import person_id
        try:
            return isinstance(value, str) and (person_id(value) or "") == value
        except ValueError:
            return False
    return type(value) is type(default)


def exporter_id(settings: "Settings | None") -> str:
    """Who the translator is in exported files (TMX changeid/creationid of the links they confirm, change or
    make): the name given in Settings, else the computer login name, as CAT tools do, else "Duiqi". With no
    name set, a confirmed link said "Duiqi" like every link the engine made and nobody touched, so the TM could
    not tell a reviewed unit from an unreviewed one (seen in an X11 audit with the Trados preset)."""
    from editor.bitext.document import person_id
    from editor.exchange.options import DEFAULT_CREATION_ID

    name = settings.translator_id if settings is not None else ""
    if not name:
        import getpass

        try:
            name = person_id(" ".join(getpass.getuser().split())) or ""
        except (OSError, KeyError, ImportError, ValueError):   # no login name (a container, a service account:
            name = ""                                          # getpass raises), or one no TMX id can hold
    return name or DEFAULT_CREATION_ID


def settings_from_dict(data: object) -> Settings:
    """Build Settings from parsed JSON: unknown keys are ignored, bad values fall back to their default."""
    settings = Settings()
    if not isinstance(data, dict):
        log.warning("settings file does not hold an object; using the defaults")
        return settings
    for f in fields(Settings):
        if f.name not in data:
            continue
        value = data[f.name]
        if _valid(f.name, value, getattr(settings, f.name)):
            if f.name == "review_threshold":
                value = float(value)
            setattr(settings, f.name, list(value) if isinstance(value, list) else
                    dict(value) if isinstance(value, dict) else value)
        else:
            log.warning("ignoring setting %s=%r (invalid value)", f.name, value)
    settings.recent_files = settings.recent_files[:MAX_RECENT_FILES]
    return settings


def load_settings() -> Settings:
    """Return the saved settings, or the defaults when there are none or the file is corrupt (logged)."""
    try:
        path = settings_path()
    except OSError as exc:            # the settings folder cannot be made (a read-only or full DUIQI_HOME)
        log.warning("cannot use the settings folder (%s); using the default settings", exc)
        return Settings()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Settings()
    except OSError as exc:
        log.warning("cannot read %s (%s); using the default settings", path, exc)
        return Settings()
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        log.warning("settings file %s is corrupt (%s); using the default settings", path, exc)
        return Settings()
    return settings_from_dict(data)


def save_settings(settings: Settings) -> None:
    """Write settings.json atomically (a crash leaves the old or the new file). Raises OSError."""
    from editor.bitext.project import atomic_write_bytes

    payload = json.dumps(asdict(settings), ensure_ascii=False, indent=1).encode("utf-8")
    atomic_write_bytes(settings_path(), payload)
