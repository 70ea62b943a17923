"""MEANTIME's annotations that the attribution and entity suites score against.

Text and annotated region come from ``timex_eval.read_meantime`` (tokens
joined with its spacing rules; MEANTIME annotates the first six sentences of
each document fully: title, date line and four more). This module adds what
it leaves out: token offsets, speech/cognitive event mentions with their
Arg0 (source) and Arg1 or SLINK (content) participants, and named entity
mentions with the type of the entity instance they refer to.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from claimgraph.loaders.timex_eval import MeantimeDocument, read_meantime

__all__ = ["MeantimeAnnotations", "MeantimeCue", "read_annotations"]

Span = tuple[int, int]


@dataclass
class MeantimeCue:
    """A SPEECH_COGNITIVE event mention: the cue, who (Arg0), what (Arg1/SLINK)."""

    span: Span
    lemma: str  # MEANTIME's ``pred``: "say", "announce", "statement"; else the words
    # The cue's lemmas: ``pred``, or (some mentions have none) the lemmas of its words.
    lemmas: set[str] = field(default_factory=set)
    speaker: Span | None = None
    speaker_names: list[str] = field(default_factory=list)  # mention, instance name, other names
    speaker_is_person: bool = False
    content: list[Span] = field(default_factory=list)


@dataclass
class MeantimeAnnotations:
    """One document: its text (as ``read_meantime`` builds it) and what is annotated in it."""

    document: MeantimeDocument
    cues: list[MeantimeCue]
    names: list[tuple[str, str]]  # distinct (name, PER|ORG|LOC) in the annotated region


def _offsets(root: ET.Element, text: str) -> dict[str, Span]:
    # Re-find each token in the rebuilt text, so offsets agree with it by construction.
    out: dict[str, Span] = {}
    at = 0
    for token in root.iter("token"):
        word = token.text or ""
        found = text.find(word, at)
        if found < 0:
            continue
        out[token.get("t_id", "")] = (found, found + len(word))
        at = found + len(word)
    return out


def _annotations(
    path: Path, doc: MeantimeDocument, lemmatise: Callable[[str], set[str]]
) -> MeantimeAnnotations:
    root = ET.parse(path).getroot()
    offsets = _offsets(root, doc.text)
    spans: dict[str, Span] = {}
    mentions: dict[str, ET.Element] = {}
    markables = root.find("Markables")
    for m in markables if markables is not None else []:
        anchors = [
            offsets[a.get("t_id", "")] for a in m.iter("token_anchor") if a.get("t_id") in offsets
        ]
        mid = m.get("m_id", "")
        mentions[mid] = m
        if anchors:
            spans[mid] = (min(s for s, _ in anchors), max(e for _, e in anchors))
    refers: dict[str, str] = {}
    for rel in root.iter("REFERS_TO"):
        target = rel.find("target")
        for source in rel.findall("source"):
            if target is not None:
                refers[source.get("m_id", "")] = target.get("m_id", "")
    by_instance: dict[str, list[str]] = {}
    for mid, inst_id in refers.items():
        by_instance.setdefault(inst_id, []).append(mid)

    def text_of(mid: str) -> str:
        s = spans[mid]
        return doc.text[s[0] : s[1]]

    def instance(mid: str) -> ET.Element | None:
        return mentions.get(refers.get(mid, ""))

    def inside(span: Span) -> bool:
        return span[1] <= doc.annotated_until

    cues: dict[str, MeantimeCue] = {}
    for mid, m in mentions.items():
        inst = instance(mid)
        if m.tag != "EVENT_MENTION" or mid not in spans or not inside(spans[mid]):
            continue
        if inst is not None and inst.get("class") == "SPEECH_COGNITIVE":
            pred = (m.get("pred") or "").lower()
            if pred:
                cues[mid] = MeantimeCue(spans[mid], pred, {pred})
            else:
                words = text_of(mid).lower()
                cues[mid] = MeantimeCue(spans[mid], words, lemmatise(words) | set(words.split()))
    for rel in root.iter():
        if rel.tag not in ("HAS_PARTICIPANT", "SLINK"):
            continue
        src, goal = rel.find("source"), rel.find("target")
        if src is None or goal is None:
            continue
        cue, tid = cues.get(src.get("m_id", "")), goal.get("m_id", "")
        if cue is None or tid not in spans:
            continue
        role = rel.get("sem_role") if rel.tag == "HAS_PARTICIPANT" else "SLINK"
        if role == "Arg0" and cue.speaker is None:
            cue.speaker = spans[tid]
            inst = instance(tid)
            said_by = [text_of(tid)]
            if inst is not None:
                said_by.append(inst.get("TAG_DESCRIPTOR") or "")
                said_by += [
                    text_of(o)
                    for o in by_instance.get(refers[tid], [])
                    if o in spans and mentions[o].get("syntactic_type") in ("NAM", "PRE.NAM")
                ]
                cue.speaker_is_person = inst.get("ent_type") == "PER"
            cue.speaker_names = [n for n in dict.fromkeys(said_by) if n]
        elif role in ("Arg1", "SLINK"):
            cue.content.append(spans[tid])

    names: dict[str, tuple[str, str]] = {}
    for mid, m in mentions.items():
        inst = instance(mid)
        if (
            m.tag == "ENTITY_MENTION"
            and m.get("syntactic_type") in ("NAM", "PRE.NAM")
            and mid in spans
            and inside(spans[mid])
            and inst is not None
            and inst.get("ent_type") in ("PER", "ORG", "LOC")
        ):
            name = text_of(mid)
            if not _plain_name(name):
                continue
            names.setdefault(name.lower(), (name, inst.get("ent_type", "")))
    ordered = sorted(cues.values(), key=lambda c: c.span)
    return MeantimeAnnotations(doc, ordered, list(names.values()))


def _plain_name(name: str) -> bool:
    # MEANTIME's NAM mentions take in appositions and lists ("X and Y", "X (Y");
    # those are not one name.
    return not any(c in name for c in "(),;") and " and " not in name and len(name.split()) <= 6


def _no_lemmas(text: str) -> set[str]:
    return set()


def read_annotations(
    folder: str | Path, lemmatise: Callable[[str], set[str]] = _no_lemmas
) -> Iterator[MeantimeAnnotations]:
    """Every MEANTIME document under ``folder`` with its cues and names (sorted by path).

    ``lemmatise`` gives the lemmas of a cue mention's words when MEANTIME
    records no ``pred`` for it ("announced" → "announce").
    """
    paths = sorted(Path(folder).rglob("*.xml"))
    # read_meantime walks the same files in the same order.
    for path, doc in zip(paths, read_meantime(folder), strict=True):
        yield _annotations(path, doc, lemmatise)
