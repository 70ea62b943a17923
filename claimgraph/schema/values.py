"""Values shared by the record types: enumerations, date parsing, keys, checks."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import fields, is_dataclass
from datetime import UTC, date, datetime
from typing import Any

from claimgraph.errors import RecordError

__all__ = [
    "ACTS",
    "SECTORS",
    "ENTITY_TYPES",
    "MODES",
    "POLARITIES",
    "PRECISIONS",
    "article_id_for",
    "entity_key",
    "normalise_name",
    "parse_date",
    "parse_datetime",
    "record_json",
    "sha256_of",
]

ENTITY_TYPES = ("Person", "Organization", "Place")
MODES = ("direct", "indirect", "mixed", "narration")
POLARITIES = ("asserts", "denies", "unconfirmed")
# PLOVER speech acts (Statement.act), as the PLOVER gold records name them.
ACTS = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "DEMAND",
    "DISAPPROVE",
    "REJECT",
    "THREATEN",
    "INVESTIGATE",
)
# Actor sectors (Entity.sector), after the POLECAT/ICEWS sector codes.
SECTORS = (
    "government",
    "military",
    "police",
    "rebel",
    "civilian",
    "media",
    "IGO",
    "NGO",
    "business",
    "judiciary",
    "legislature",
    "opposition",
    "intelligence",
    "religious",
)
# How exact a date is. ``part_of_day`` covers "early on October 4", "overnight".
PRECISIONS = (
    "day", "part_of_day", "time", "week", "month", "season", "year", "decade", "century", "range",
)  # fmt: skip


def parse_date(value: Any, what: str = "date") -> date | None:
    """Parse ``YYYY-MM-DD`` (or a ``date``) strictly; ``None`` and ``""`` stay ``None``."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        raise RecordError(f"invalid {what} {value!r}: expected YYYY-MM-DD")
    try:
        parsed = date.fromisoformat(value.strip())
    except ValueError as e:
        raise RecordError(f"invalid {what} {value!r}: {e}") from e
    if parsed.year < 1:
        raise RecordError(f"invalid {what} {value!r}: year 0")
    return parsed


def parse_datetime(value: Any, what: str = "datetime") -> datetime | None:
    """Parse an ISO 8601 datetime; naive values are taken as UTC."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        parsed = value
    else:
        try:
            parsed = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
        except ValueError as e:
            raise RecordError(f"invalid {what} {value!r}: {e}") from e
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def record_json(record: Any) -> dict[str, Any]:
    """A record (dataclass) as JSON: its fields in order, dates as ISO strings, lists copied.

    The one serialisation of every record type's ``to_json``: a field added
    to a record is in its JSON without another list to update.
    """
    return {f.name: _json_value(getattr(record, f.name)) for f in fields(record)}


def _json_value(value: Any) -> Any:
    if isinstance(value, date):  # datetimes too
        return value.isoformat()
    if isinstance(value, list):
        return [_json_value(v) for v in value]
    if isinstance(value, dict):
        return dict(value)
    if is_dataclass(value) and not isinstance(value, type):
        return record_json(value)
    return value


def normalise_name(name: str) -> str:
    """Case-, accent- and punctuation-insensitive form of a name, for keys and lookups."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("’", "'").lower()
    text = re.sub(r"[^\w\s-]", " ", text)
    text = re.sub(r"[\s_-]+", " ", text)
    return text.strip()


def entity_key(type_: str, name: str, gazetteer_id: str | None = None) -> str:
    """The stable cross-article key of an entity.

    A gazetteer id wins when known (two spellings of one town become one node);
    otherwise the canonical name and the type (Ilham Aliyev and Kamran Aliyev
    stay two people).
    """
    if gazetteer_id:
        return f"place:{gazetteer_id}"
    return f"{type_.lower()}:{normalise_name(name)}"


def article_id_for(text: str) -> str:
    """Article id from the hash of the whitespace-normalised text."""
    return sha256_of(text)[:16]


def sha256_of(text: str) -> str:
    """SHA-256 of the whitespace-normalised text."""
    normalised = " ".join(text.split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


def require(data: dict[str, Any], name: str, what: str) -> Any:
    if name not in data or data[name] is None or data[name] == "":
        raise RecordError(f"{what}: missing field {name!r}")
    return data[name]


def choice(value: Any, allowed: tuple[str, ...], what: str) -> str:
    if value not in allowed:
        raise RecordError(f"{what}: {value!r} is not one of {', '.join(allowed)}")
    return str(value)


def precision(value: Any, what: str) -> str | None:
    if value is None:
        return None
    return choice(value, PRECISIONS, what)


def ints(value: Any, what: str) -> dict[str, int]:
    if not value:
        return {}
    if not isinstance(value, dict):
        raise RecordError(f"{what}: counts must be an object")
    out: dict[str, int] = {}
    for k, v in value.items():
        if isinstance(v, bool) or not isinstance(v, int | float) or v < 0:
            raise RecordError(f"{what}: count {k!r} must be a non-negative number")
        out[str(k)] = int(v)
    return out


def strs(value: Any, what: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RecordError(f"{what}: expected a list of strings")
    return list(value)
