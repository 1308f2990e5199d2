"""Export presets (the choices that suit one CAT tool); they live in editor.exchange.presets."""

from editor.exchange.presets import (PRESETS, TRADOS_SEGMENT_LIMIT, ExportPreset, Omission, apply_preset,  # noqa: F401
                                     get_preset, omission_text, preset_languages, preset_names, preset_omissions,
                                     region_code)
