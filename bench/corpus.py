"""Synthetic news articles, seeded, with the records that describe them.

``python -m bench.corpus --articles N --out DIR --seed S`` writes N articles
in the format the readers take (a ``date YYYY-MM-DD`` header, then the text)
and, with ``--records FILE``, the ``ArticleRecords`` of each as JSON Lines,
ready for ``claimgraph load --records`` or ``claimgraph import-bulk``. The
same seed gives byte-identical files.

The articles report fighting between invented countries (see
:mod:`bench.corpus_world`): ministries accusing each other, denials,
spokespeople quoted directly and indirectly, outlets cited with "according
to", militias with their own figures, mediators calling for talks in real
cities, renamed villages, and dates given relative to the publication date
("on Sunday", "the previous day", "since March 3").
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections.abc import Iterator
from datetime import date, timedelta
from functools import partial
from pathlib import Path
from typing import Any

from bench.corpus_paragraphs import PARAGRAPHS
from bench.corpus_templates import Ctx, lead
from bench.corpus_world import Actor, World, build_world
from claimgraph.graph.bulk_import_encode import RecordChunks
from claimgraph.schema.records import (
    Article,
    ArticleRecords,
    Entity,
    Event,
    Renaming,
    Role,
    Statement,
    sha256_of,
)

__all__ = [
    "SyntheticArticle",
    "Doc",
    "generate",
    "iter_corpus",
    "iter_records",
    "record_chunks",
    "write_corpus",
    "main",
]

EPOCH = date(2019, 1, 1)


class Doc:
    """An article being written: text with offsets, and what it claims."""

    def __init__(self, rng: random.Random, published: date) -> None:
        self.rng = rng
        self.published = published
        self.paragraphs: list[list[str]] = []
        self.length = 0  # characters of body text so far
        self.ids: dict[str, str] = {}  # actor key -> local entity id
        self.actors: list[tuple[str, Actor]] = []
        self.renamings: list[tuple[str, str, date, str]] = []  # old, new, on, by (local ids)
        self.statements: list[dict[str, Any]] = []
        self.events: list[dict[str, Any]] = []

    def paragraph(self) -> None:
        if self.paragraphs:
            self.length += 2  # the blank line between paragraphs
        self.paragraphs.append([])

    def sentence(self, text: str) -> tuple[int, int]:
        """Add a sentence to the current paragraph; its (start, end) in the body."""
        para = self.paragraphs[-1]
        if para:
            self.length += 1
        start = self.length
        para.append(text)
        self.length += len(text)
        return start, self.length

    def ent(self, actor: Actor) -> str:
        """The local id of ``actor`` in this article (adding it, and what contains it)."""
        local = self.ids.get(actor.key)
        if local is not None:
            return local
        local = f"e{len(self.ids) + 1}"
        self.ids[actor.key] = local
        self.actors.append((local, actor))
        if actor.part_of is not None:
            self.ent(actor.part_of)
        if actor.title and actor.of is not None:
            self.ent(actor.of)
        return local

    def _entity(self, local: str, actor: Actor) -> Entity:
        # Built only when records are asked for: writing text alone skips it.
        entity = Entity(
            local,
            actor.name,
            actor.type,
            kind=actor.kind,
            aliases=list(actor.aliases),
            key=actor.key,
            is_actor=actor.is_actor,
            country=actor.country,
            lat=actor.lat,
            lon=actor.lon,
            geonames_id=actor.geonames_id,
        )
        if actor.part_of is not None:
            entity.part_of = self.ids[actor.part_of.key]
        if actor.title and actor.of is not None:
            entity.roles.append(Role(actor.title, of=self.ids[actor.of.key]))
        return entity

    def claim(
        self,
        speaker: Actor | None,
        sentence: str,
        span: tuple[int, int],
        *,
        text: str,
        cue: str,
        mode: str = "indirect",
        quote: str | None = None,
        polarity: str = "asserts",
        via: Actor | None = None,
        about: tuple[Actor, ...] = (),
        said_on: date | None = None,
    ) -> int:
        """Record a statement; returns its number (for events to point at)."""
        self.statements.append(
            {
                "speaker": self.ent(speaker) if speaker else None,
                "speaker_name": speaker.name if speaker else None,
                "cue": cue,
                "mode": mode,
                "text": text,
                "quote": quote,
                "polarity": polarity,
                "said_on": said_on or self.published,
                "said_on_anchor": "published" if said_on is None else "mention",
                "via": [self.ent(via)] if via else [],
                "about": [self.ent(a) for a in about],
                "sentence": sentence,
                "start": span[0],
                "end": span[1],
            }
        )
        return len(self.statements)

    def event(
        self,
        type_: str,
        summary: str,
        when: date,
        claimed_by: list[int],
        *,
        agents: tuple[Actor, ...] = (),
        targets: tuple[Actor, ...] = (),
        places: tuple[Actor, ...] = (),
        counts: dict[str, int] | None = None,
    ) -> None:
        self.events.append(
            {
                "type": type_,
                "summary": summary,
                "date": when,
                "claimed_by": claimed_by,
                "agents": [self.ent(a) for a in agents],
                "targets": [self.ent(a) for a in targets],
                "places": [self.ent(a) for a in places],
                "counts": counts or {},
            }
        )

    def rename(self, old: Actor, new: Actor, on: date, by: Actor) -> None:
        self.renamings.append((self.ent(old), self.ent(new), on, self.ent(by)))

    @property
    def body(self) -> str:
        return "\n\n".join(" ".join(p) for p in self.paragraphs if p)

    def records(self, source: str, outlet: str) -> ArticleRecords:
        body = self.body
        sha = sha256_of(body)
        aid = sha[:16]  # what article_id_for(body) gives, without hashing twice
        entities = {local: self._entity(local, actor) for local, actor in self.actors}
        for old, new, on, by in self.renamings:
            entities[old].renamed.append(Renaming(new, on=on, by=by))
        statements = [
            Statement(
                id=f"{aid}:s{n}",
                speaker=s["speaker"],
                speaker_name=s["speaker_name"],
                cue=s["cue"],
                mode=s["mode"],
                text=s["text"],
                quote=s["quote"],
                said_on=s["said_on"],
                said_on_precision="day",
                said_on_anchor=s["said_on_anchor"],
                via=s["via"],
                about=s["about"],
                polarity=s["polarity"],
                sentence=s["sentence"],
                start=s["start"],
                end=s["end"],
            )
            for n, s in enumerate(self.statements, start=1)
        ]
        events = [
            Event(
                id=f"{aid}:v{n}",
                type=e["type"],
                summary=e["summary"],
                date=e["date"],
                precision="day",
                date_anchor="published",
                agents=e["agents"],
                targets=e["targets"],
                places=e["places"],
                counts=e["counts"],
                claimed_by=[f"{aid}:s{k}" for k in e["claimed_by"]],
            )
            for n, e in enumerate(self.events, start=1)
        ]
        article = Article(
            id=aid, published=self.published, outlet=outlet, sha256=sha, source=source, text=body
        )
        return ArticleRecords(article, list(entities.values()), statements, events)


class SyntheticArticle:
    """One generated article: its file name and content; its records on demand."""

    def __init__(self, name: str, doc: Doc, outlet: str) -> None:
        self.name = name
        self.doc = doc
        self.outlet = outlet
        self.content = f"date {doc.published.isoformat()} {doc.body}\n"

    @property
    def records(self) -> ArticleRecords:
        return self.doc.records(self.name, self.outlet)


def generate(world: World, seed: int, index: int) -> SyntheticArticle:
    """Article ``index`` of the corpus of ``seed`` (independent of the others)."""
    rng = random.Random(f"claimgraph-article:{seed}:{index}")
    theatre = rng.choice(world.theatres)
    begun = EPOCH + timedelta(days=theatre.start)
    published = begun + timedelta(days=rng.randint(3, 400))
    doc = Doc(rng, published)
    accuser, accused = theatre.sides if rng.random() < 0.5 else theatre.sides[::-1]
    ctx = Ctx(doc, world, theatre, accuser, accused, begun)
    doc.paragraph()
    lead(ctx)
    picks = rng.sample(range(len(PARAGRAPHS)), rng.randint(5, min(10, len(PARAGRAPHS))))
    for n in sorted(picks):
        doc.paragraph()
        PARAGRAPHS[n](ctx)
    return SyntheticArticle(f"{seed}_{index:06d}.txt", doc, ctx.outlet.name)


def iter_corpus(count: int, seed: int = 1, start: int = 0) -> Iterator[SyntheticArticle]:
    """Articles ``start`` .. ``start + count - 1`` of the corpus of ``seed``."""
    world = build_world(seed)
    for index in range(start, start + count):
        yield generate(world, seed, index)


def iter_records(count: int, seed: int = 1, start: int = 0) -> Iterator[ArticleRecords]:
    """Only the records, for loading without extraction."""
    for article in iter_corpus(count, seed, start):
        yield article.records


def record_chunks(count: int, seed: int = 1, size: int = 250) -> RecordChunks:
    """The records of ``iter_records(count, seed)`` as chunks a bulk import's workers make themselves.

    Generating an article costs about as much as encoding it as CSV: done in
    the worker processes, it is spread over the cores instead of holding up
    the process that writes the files.
    """
    return RecordChunks(
        [
            partial(iter_records, min(size, count - start), seed, start)
            for start in range(0, count, size)
        ]
    )


def write_corpus(
    count: int, out: str | Path, seed: int = 1, records: str | Path | None = None
) -> dict[str, Any]:
    """Write ``count`` articles (and optionally their records as JSONL); returns counts and rate."""
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    build_world(seed)  # once, before the clock: the gazetteer takes a second to read
    began = time.perf_counter()
    words = 0
    sink = open(records, "w", encoding="utf-8") if records else None  # noqa: SIM115
    try:
        for article in iter_corpus(count, seed):
            (folder / article.name).write_text(article.content, encoding="utf-8")
            words += len(article.content.split())
            if sink is not None:
                sink.write(json.dumps(article.records.to_json(), ensure_ascii=False) + "\n")
    finally:
        if sink is not None:
            sink.close()
    seconds = time.perf_counter() - began
    return {
        "articles": count,
        "words": words,
        "seconds": seconds,
        "articles_per_second": count / seconds if seconds else 0.0,
    }


def main(argv: list[str] | None = None) -> int:
    """Command line: ``python -m bench.corpus --articles N --out DIR --seed S``."""
    parser = argparse.ArgumentParser(
        prog="python -m bench.corpus", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--articles", type=int, default=1000, help="how many articles")
    parser.add_argument("--out", required=True, help="folder for the article files")
    parser.add_argument("--seed", type=int, default=1, help="the same seed gives the same files")
    parser.add_argument(
        "--records", default=None, help="also write their records to this JSONL file"
    )
    args = parser.parse_args(argv)
    stats = write_corpus(args.articles, args.out, args.seed, args.records)
    print(
        f"{stats['articles']} articles, {stats['words']} words in {stats['seconds']:.2f}s "
        f"({stats['articles_per_second']:.0f} articles/s) -> {args.out}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
