"""Incident resolution measured on MEANTIME's cross-document event coreference.

MEANTIME (``../shared/data/meantime-en/intra_cross-doc_annotation``) groups
Wikinews articles by topic (Airbus, Apple, GM, stock markets); each event
mention that the annotators linked across documents points, through
``REFERS_TO``, at an ``EVENT`` with an ``instance_id`` shared by every article
of the topic that tells of that happening. Those instances are the gold
incidents.

The resolver is fed what it would get from our records, built from the
annotation itself so that the figure measures resolution, not extraction:
the mention's predicate as its category, the article's creation date (a
month window: the articles are not dated to the day of each event), its
places (participants that are locations, or in an ``Argm-LOC`` role, as
cross-document entity instances) and its agents (``Arg0`` participants).
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from claimgraph.graph.incident_clusters import cluster
from claimgraph.graph.incident_rules import EventFacts, window
from claimgraph.graph.incident_scoring import Scores, clusters_from_labels, conll

__all__ = ["GoldMention", "read_topic", "topics", "evaluate"]


@dataclass
class GoldMention:
    """One event mention of one article, with its gold instance and the resolver's input."""

    id: str
    instance: str
    facts: EventFacts


def topics(root: Path) -> list[Path]:
    """The topic folders (``corpus_*``) under the cross-document annotation."""
    return sorted(p for p in root.iterdir() if p.is_dir())


def _mentions(path: Path, order_start: int) -> Iterator[GoldMention]:
    doc = ET.parse(path).getroot()
    doc_id = doc.get("doc_id") or path.stem
    markables = doc.find("Markables")
    relations = doc.find("Relations")
    if markables is None or relations is None:
        return
    created = None
    for t in markables.iter("TIMEX3"):
        if t.get("functionInDocument") == "CREATION_TIME":
            try:
                created = dt.date.fromisoformat((t.get("value") or "")[:10])
            except ValueError:
                created = None
    instances: dict[str, tuple[str, str]] = {}  # m_id of EVENT/ENTITY -> (instance, type)
    for tag in ("EVENT", "ENTITY"):
        for m in markables.iter(tag):
            if m.get("instance_id"):
                instances[m.get("m_id", "")] = (m.get("instance_id", ""), m.get("ent_type", ""))
    refers: dict[str, tuple[str, str]] = {}
    for r in relations.iter("REFERS_TO"):
        target = r.find("target")
        if target is None or target.get("m_id") not in instances:
            continue
        for source in r.iter("source"):
            refers[source.get("m_id", "")] = instances[target.get("m_id", "")]
    places: dict[str, list[str]] = {}
    agents: dict[str, list[str]] = {}
    for r in relations.iter("HAS_PARTICIPANT"):
        src, tgt = r.find("source"), r.find("target")
        if src is None or tgt is None or tgt.get("m_id") not in refers:
            continue
        inst, ent_type = refers[tgt.get("m_id", "")]
        role = r.get("sem_role") or ""
        if ent_type == "LOC" or role == "Argm-LOC":
            places.setdefault(src.get("m_id", ""), []).append(inst)
        elif role == "Arg0":
            agents.setdefault(src.get("m_id", ""), []).append(inst)
    for n, m in enumerate(markables.iter("EVENT_MENTION")):
        mid = m.get("m_id", "")
        gold = refers.get(mid)
        if gold is None:
            continue  # linked to no cross-document instance: not scored
        eid = f"{doc_id}:{mid}"
        facts = EventFacts(
            id=eid,
            article=doc_id,
            category=(m.get("pred") or "").upper(),
            window=window(created, None, "month", created),
            places=places.get(mid, []),
            area=list(places.get(mid, [])),
            agent_sides=agents.get(mid, []),
            claimant_sides=[],
            order=order_start + n,
        )
        yield GoldMention(eid, gold[0], facts)


def read_topic(folder: Path) -> list[GoldMention]:
    """The scored mentions of one topic, articles in date order (as a load would take them)."""
    out: list[GoldMention] = []
    for path in sorted(folder.glob("*.xml")):
        out.extend(_mentions(path, len(out)))
    out.sort(key=lambda g: (g.facts.window.lo if g.facts.window else dt.date.min, g.facts.order))
    return out


def evaluate(root: Path) -> dict[str, dict[str, Scores | float]]:
    """CoNLL scores per topic and over all topics for our resolver and two baselines.

    ``singletons``: every mention its own incident; ``same predicate``: one
    incident per predicate and topic (the rule without places, dates and agents).
    """
    gold_all: list[frozenset[str]] = []
    ours_all: list[frozenset[str]] = []
    single_all: list[frozenset[str]] = []
    lemma_all: list[frozenset[str]] = []
    out: dict[str, dict[str, Scores | float]] = {}
    for folder in topics(root):
        mentions = read_topic(folder)
        gold = clusters_from_labels({g.id: g.instance for g in mentions})
        assigned = cluster([g.facts for g in mentions])
        labels = {g.id: g.id for g in mentions}
        labels.update({eid: a.incident for eid, a in assigned.items()})
        ours = clusters_from_labels(labels)
        lemma = clusters_from_labels({g.id: g.facts.category for g in mentions})
        single = [frozenset({g.id}) for g in mentions]
        out[folder.name] = conll(gold, ours)
        gold_all += gold
        ours_all += ours
        single_all += single
        lemma_all += lemma
    out["all"] = conll(gold_all, ours_all)
    out["all, singletons"] = conll(gold_all, single_all)
    out["all, same predicate"] = conll(gold_all, lemma_all)
    return out
