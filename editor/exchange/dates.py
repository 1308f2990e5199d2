"""TMX dates (`20260102T030405Z`, UTC) and creationid/changeid values, as written and as read back."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from functools import lru_cache
from typing import Protocol

from editor.bitext.document import person_id

_TMX_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z")


class _CountsIds(Protocol):
    ids_not_kept: int


def tmx_date(moment: datetime | None = None) -> str:
    """Return a date in the TMX form YYYYMMDDThhmmssZ (UTC)."""
    moment = moment or datetime.now(timezone.utc)
    return moment.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")


@lru_cache(maxsize=1024)
def tmx_time(value: str | None) -> datetime | None:
    """Return a TMX date (`20260102T030405Z`, UTC) as a time; None for a missing or malformed one."""
    match = _TMX_DATE.fullmatch((value or "").strip())
    if match is None:
        return None
    try:
        return datetime(*map(int, match.groups()), tzinfo=timezone.utc)
    except ValueError:          # month 13, second 61 …
        return None


def tmx_person(value: str | None, notes: _CountsIds | None = None) -> str | None:
    """Return a TMX creationid/changeid as a link keeps it: whitespace stripped (and runs of it inside made
    one space), None for a missing or empty one. One no link can hold (longer than MAX_PERSON_LENGTH,
    or with control characters) is not kept either, and counted in `notes.ids_not_kept`."""
    if value is None:
        return None
    try:
        return person_id(" ".join(value.split()))
    except ValueError:
        if notes is not None:
            notes.ids_not_kept += 1
        return None
