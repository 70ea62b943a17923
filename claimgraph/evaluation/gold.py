"""Gold annotations: the JSON format ``claimgraph eval`` scores extraction against.

One gold file describes one article: the entities it names, the attributed
statements it reports (speaker, content span, mode, polarity, date said,
channel) and the main dated events. Content spans are character offsets into
the article file's text, so gold for an article we may not redistribute needs
no copy of its prose. The format is documented in ``docs/gold-format.md``.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from datetime import date as _date  # GoldEvent has a field called ``date``
from pathlib import Path
from typing import Any

from claimgraph.errors import InputError, RecordError
from claimgraph.schema.records import ENTITY_TYPES, MODES, POLARITIES, PRECISIONS, parse_date

__all__ = [
    "CUE_TYPES",
    "GOLD_FORMAT",
    "READERS",
    "SPEAKER_KINDS",
    "SPLITS",
    "GoldEntity",
    "GoldStatement",
    "GoldEvent",
    "GoldArticle",
    "gold_files",
    "load_gold",
    "load_gold_file",
    "package_data_dir",
    "repo_dir",
    "shipped_gold_files",
    "text_sha256",
]

GOLD_FORMAT = "claimgraph-gold/1"
# Who a statement is attributed to: a named entity, the outlet itself (the
# article's own unattributed claim), or somebody the text does not name.
SPEAKER_KINDS = ("named", "outlet", "unnamed")
BASES = ("package", "repo", "gold")
# How an article file is turned into the text offsets index: read as it is,
# or rebuilt from MEANTIME's tokens (``timex_eval.read_meantime``).
READERS = ("text", "meantime")
# What carries an attribution (real-news gold, docs/gold-format.md).
CUE_TYPES = ("speech_verb", "verb", "noun", "phrase")
SPLITS = ("dev", "test")


def package_data_dir() -> Path:
    """``claimgraph/data``: where the example articles and gold files ship."""
    return Path(__file__).resolve().parents[1] / "data"


def repo_dir() -> Path:
    """The source checkout holding the package (parent of ``claimgraph/``)."""
    return Path(__file__).resolve().parents[2]


def text_sha256(text: str) -> str:
    """SHA-256 of the exact text offsets refer to (UTF-8)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class GoldEntity:
    """A person, organisation or place the article names."""

    name: str
    type: str
    aliases: list[str] = field(default_factory=list)


@dataclass
class GoldStatement:
    """One attributed claim: ``start``/``end`` index the article file's text."""

    id: str
    speaker: str | None
    speaker_kind: str
    start: int
    end: int
    mode: str | None  # None for the outlet's own claims: no speech is reported
    polarity: str
    said_on: date | None
    via: list[str] = field(default_factory=list)
    # Other dates a careful reader could defend (the text is ambiguous).
    said_on_accept: list[date] = field(default_factory=list)
    text: str | None = None
    note: str | None = None
    # Real-news gold: the cue and the speaker mention as written, and the kind of cue.
    cue_start: int | None = None
    cue_end: int | None = None
    source_start: int | None = None
    source_end: int | None = None
    cue_type: str | None = None
    speaker_description: str | None = None

    @property
    def cue_span(self) -> tuple[int, int] | None:
        """``(cue_start, cue_end)`` when the gold marks the cue."""
        if self.cue_start is None or self.cue_end is None:
            return None
        return self.cue_start, self.cue_end


@dataclass
class GoldEvent:
    """A dated action the article reports; ``type`` from the vocabulary in the docs."""

    id: str
    type: str
    date: date | None
    precision: str | None = None
    date_accept: list[_date] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    agents: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    note: str | None = None


@dataclass
class GoldArticle:
    """The gold annotation of one article, with the article file it refers to."""

    gold_path: Path
    article_path: Path
    published: date | None
    sha256: str | None
    entities: list[GoldEntity]
    statements: list[GoldStatement]
    events: list[GoldEvent]
    reader: str = "text"
    split: str | None = None
    annotator: str | None = None

    @property
    def name(self) -> str:
        """A short label for reports: the article file's name."""
        return self.article_path.name

    def read_text(self) -> str:
        """The article's text (rebuilt for MEANTIME files), checked against the recorded hash."""
        try:
            if self.reader == "meantime":
                text = meantime_text(self.article_path)
            else:
                text = self.article_path.read_text(encoding="utf-8")
        except OSError as e:
            raise InputError(
                f"{self.gold_path}: cannot read article {self.article_path}: {e.strerror or e}"
            ) from e
        except ET.ParseError as e:
            raise InputError(
                f"{self.gold_path}: article {self.article_path} is not MEANTIME XML: {e}"
            ) from e
        if self.sha256 and text_sha256(text) != self.sha256:
            raise InputError(
                f"{self.gold_path}: article {self.article_path} changed since it "
                "was annotated (sha256 differs); offsets may be stale"
            )
        return text

    def said_on_ok(self, statement: GoldStatement, value: date | None) -> bool:
        """Whether ``value`` is an acceptable date for when the statement was made."""
        return value == statement.said_on or (
            value is not None and value in statement.said_on_accept
        )

    def entity(self, name: str) -> GoldEntity | None:
        """The gold entity called ``name`` (or having it as an alias)."""
        for e in self.entities:
            if name == e.name or name in e.aliases:
                return e
        return None


def meantime_text(path: Path) -> str:
    """The text of one MEANTIME file as ``timex_eval.read_meantime`` rebuilds it."""
    from claimgraph.loaders.timex_eval import read_meantime

    # read_meantime walks a folder; give it one holding just this file.
    with tempfile.TemporaryDirectory() as tmp:
        link = Path(tmp) / path.name
        link.symlink_to(path.resolve())
        docs = list(read_meantime(tmp))
    if not docs:
        raise InputError(f"{path}: no MEANTIME document read")
    return docs[0].text


def _str_list(value: Any, what: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise RecordError(f"{what}: expected a list of names")
    return list(value)


def _dates(value: Any, what: str) -> list[date]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise RecordError(f"{what}: expected a list of YYYY-MM-DD dates")
    return [d for d in (parse_date(v, what) for v in value) if d is not None]


def _choice(value: Any, allowed: tuple[str, ...], what: str) -> str:
    if value not in allowed:
        raise RecordError(f"{what}: {value!r} is not one of {', '.join(allowed)}")
    return str(value)


def _offset(value: Any, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise RecordError(f"{what}: offsets must be non-negative integers")
    return value


def _entity(data: Any, where: str) -> GoldEntity:
    if not isinstance(data, dict) or not isinstance(data.get("name"), str) or not data["name"]:
        raise RecordError(f"{where}: every entity needs a name")
    what = f"{where}: entity {data['name']!r}"
    return GoldEntity(
        name=data["name"],
        type=_choice(data.get("type"), ENTITY_TYPES, f"{what} type"),
        aliases=_str_list(data.get("aliases"), f"{what} aliases"),
    )


def _statement(data: Any, where: str, index: int) -> GoldStatement:
    if not isinstance(data, dict):
        raise RecordError(f"{where}: statement {index} is not an object")
    sid = str(data.get("id") or f"s{index + 1}")
    what = f"{where}: statement {sid}"
    speaker = data.get("speaker")
    if speaker is not None and (not isinstance(speaker, str) or not speaker):
        raise RecordError(f"{what}: speaker must be a name or null")
    kind = data.get("speaker_kind") or ("named" if speaker else "outlet")
    kind = _choice(kind, SPEAKER_KINDS, f"{what} speaker_kind")
    if kind == "outlet" and speaker is not None:
        raise RecordError(f"{what}: an outlet statement has speaker null")
    description = data.get("speaker_description")
    if kind != "outlet" and speaker is None and not description:
        raise RecordError(f"{what}: a {kind} speaker needs a name or description")
    if kind == "named" and speaker is None:
        raise RecordError(f"{what}: a named speaker needs a name")
    start = _offset(data.get("start"), what)
    end = _offset(data.get("end"), what)
    if end <= start:
        raise RecordError(f"{what}: empty span {start}-{end}")
    return GoldStatement(
        id=sid,
        speaker=speaker,
        speaker_kind=kind,
        start=start,
        end=end,
        mode=(
            None
            if kind == "outlet" and data.get("mode") is None
            else _choice(data.get("mode"), MODES, f"{what} mode")
        ),
        polarity=_choice(data.get("polarity", "asserts"), POLARITIES, f"{what} polarity"),
        said_on=parse_date(data.get("said_on"), f"{what} said_on"),
        via=_str_list(data.get("via"), f"{what} via"),
        said_on_accept=_dates(data.get("said_on_accept"), f"{what} said_on_accept"),
        text=data.get("text"),
        note=data.get("note"),
        cue_start=_opt_offset(data, "cue_start", what),
        cue_end=_opt_offset(data, "cue_end", what),
        source_start=_opt_offset(data, "source_start", what),
        source_end=_opt_offset(data, "source_end", what),
        cue_type=(
            _choice(data["cue_type"], CUE_TYPES, f"{what} cue_type")
            if data.get("cue_type") is not None
            else None
        ),
        speaker_description=description,
    )


def _opt_offset(data: dict[str, Any], key: str, what: str) -> int | None:
    return None if data.get(key) is None else _offset(data[key], f"{what} {key}")


def _event(data: Any, where: str, index: int) -> GoldEvent:
    if not isinstance(data, dict) or not isinstance(data.get("type"), str) or not data["type"]:
        raise RecordError(f"{where}: event {index} needs a type")
    eid = str(data.get("id") or f"v{index + 1}")
    what = f"{where}: event {eid}"
    precision = data.get("precision")
    return GoldEvent(
        id=eid,
        type=data["type"],
        date=parse_date(data.get("date"), f"{what} date"),
        precision=_choice(precision, PRECISIONS, f"{what} precision") if precision else None,
        date_accept=_dates(data.get("date_accept"), f"{what} date_accept"),
        places=_str_list(data.get("places"), f"{what} places"),
        agents=_str_list(data.get("agents"), f"{what} agents"),
        targets=_str_list(data.get("targets"), f"{what} targets"),
        note=data.get("note"),
    )


def _article_path(spec: Any, gold_path: Path) -> Path:
    if not isinstance(spec, dict) or not isinstance(spec.get("path"), str):
        raise RecordError(f"{gold_path}: 'article' needs a 'path'")
    base = _choice(spec.get("base", "package"), BASES, f"{gold_path}: article base")
    root = {"package": package_data_dir(), "repo": repo_dir(), "gold": gold_path.parent}[base]
    return (root / spec["path"]).resolve()


def load_gold_file(path: str | Path) -> GoldArticle:
    """Parse and validate one gold file (the article itself is read later)."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise InputError(f"{path}: cannot read: {e.strerror or e}") from e
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        raise InputError(f"{path}: not valid JSON: {e}") from e
    if not isinstance(data, dict) or data.get("format") != GOLD_FORMAT:
        raise InputError(f'{path}: not a gold file (expected "format": "{GOLD_FORMAT}")')
    where = str(path)
    spec = data.get("article")
    if not isinstance(spec, dict):
        raise RecordError(f"{path}: missing 'article' object")
    split = data.get("split")
    gold = GoldArticle(
        gold_path=path,
        article_path=_article_path(spec, path),
        published=parse_date(spec.get("published"), f"{where}: published"),
        sha256=spec.get("sha256"),
        entities=[_entity(e, where) for e in data.get("entities") or []],
        statements=[_statement(s, where, i) for i, s in enumerate(data.get("statements") or [])],
        events=[_event(e, where, i) for i, e in enumerate(data.get("events") or [])],
        reader=_choice(spec.get("reader", "text"), READERS, f"{where}: article reader"),
        split=_choice(split, SPLITS, f"{where}: split") if split is not None else None,
        annotator=data.get("annotator"),
    )
    _check_names(gold)
    return gold


def _check_names(gold: GoldArticle) -> None:
    """Speakers, channels, places and agents must be entities of the same file."""
    where = str(gold.gold_path)
    for s in gold.statements:
        names = [*s.via, *([s.speaker] if s.speaker_kind == "named" and s.speaker else [])]
        for name in names:
            if gold.entity(name) is None:
                raise RecordError(f"{where}: statement {s.id} names unknown entity {name!r}")
    for ev in gold.events:
        for name in [*ev.places, *ev.agents, *ev.targets]:
            if gold.entity(name) is None:
                raise RecordError(f"{where}: event {ev.id} names unknown entity {name!r}")


def gold_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Gold files among ``paths``: files as given, folders walked for ``*.json`` (sorted)."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*.json") if not p.name.startswith("."))
        elif path.exists():
            yield path
        else:
            raise InputError(f"{path}: no such file or folder")


def shipped_gold_files() -> list[Path]:
    """The gold set ``claimgraph eval`` scores by default, without the real-news gold.

    The real-news gold (``gold/realnews/``) has its own suite and measures
    (``claimgraph eval --suite realnews``).
    """
    root = package_data_dir() / "gold"
    return [p for p in gold_files([root]) if "realnews" not in p.relative_to(root).parts]


def load_gold(paths: Iterable[str | Path]) -> list[GoldArticle]:
    """Every gold annotation in ``paths`` (files or folders)."""
    return [load_gold_file(p) for p in gold_files(paths)]
