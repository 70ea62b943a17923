"""The outlet's own voice: what an article narrates without naming a source.

An unattributed sentence (or the clause before a reported one) is the
outlet's claim only of what happened: it is kept as ``narration`` when it
carries an event, and its caveats ("there was no independent confirmation")
mark the claims they qualify.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from claimgraph.loaders.attribution import Claim
from claimgraph.loaders.entities import EntityTable
from claimgraph.loaders.quotes import text_of, trim
from claimgraph.schema.records import Article, Entity, Event, Statement, entity_key

__all__ = ["keep_narration", "mentioned_in", "outlet_entity", "outlet_statements"]


def mentioned_in(doc: Doc, table: EntityTable, start: int, end: int) -> list[str]:
    """Ids of the entities mentioned between two character offsets, in order."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return []
    return table.in_span(span.start, span.end)


_HEADINGS = ("WATCH:", "READ MORE", "With reporting by", "Reporting by", "Editing by")


def keep_narration(statements: list[Statement], events: list[Event]) -> list[Statement]:
    """The outlet's own sentences that carry an event, as ``narration``; the rest go.

    An unattributed sentence is the outlet's claim only of what happened: a
    sentence of background with no event in it ("It is Boeing's most popular
    airliner") is no statement of anybody's. Ids are renumbered in text order
    and the events' ``claimed_by`` follow.
    """
    claimed = {sid for ev in events for sid in ev.claimed_by}
    # A PLOVER act narrated ("the coalition agreed to postpone the rally") is an
    # event in PLOVER's sense too, kept on the statement as its act.
    kept = [s for s in statements if not s.by_outlet or s.id in claimed]
    renamed: dict[str, str] = {}
    for i, s in enumerate(kept, 1):
        if s.by_outlet:
            s.mode, s.cue = "narration", None
        new = f"{s.id.rsplit(':', 1)[0]}:s{i}"
        renamed[s.id] = new
        s.id = new
    for ev in events:
        ev.claimed_by = [renamed[sid] for sid in ev.claimed_by if sid in renamed]
    for s in kept:
        s.denies = renamed.get(s.denies) if s.denies else None
    return kept


def outlet_entity(article: Article, table: EntityTable) -> Entity | None:
    """The organisation that published the article, if known."""
    if not article.outlet:
        return None
    for e in table.entities:
        if e.type == "Organization" and (e.name == article.outlet or article.outlet in e.aliases):
            return e
    return table.add(
        "Organization", article.outlet, "media", key=entity_key("Organization", article.outlet)
    )


def outlet_statements(
    doc: Doc,
    article: Article,
    table: EntityTable,
    claims: list[Claim],
    first: int,
    caveats: list[tuple[int, int, int, int]],
) -> list[Statement]:
    """Sentences the article asserts itself ("Both sides regularly exaggerate losses"),
    and its caveats ("..., but there was no independent confirmation")."""
    covered = [(c.sentence[0], c.sentence[1]) for c in claims] + [(c.start, c.end) for c in claims]
    out: list[Statement] = []
    outlet = outlet_entity(article, table) if caveats else None
    for a, b, s0, _s1 in caveats:
        if a > s0 and any(c0 <= a < c1 for c0, c1 in covered):
            sentence = text_of(doc)[s0:_s1].strip()
            out.append(
                _outlet_statement(
                    doc, article, table, outlet, a, b, first + len(out), "unconfirmed", sentence
                )
            )
    for sent in doc.sents:
        s, e = sent.start_char, sent.end_char
        body = sent.text.strip()
        if body.startswith(_HEADINGS):
            continue
        if any(a < e and s < b for a, b in covered):
            # "The US sped up the withdrawal on Wednesday, but officials cautioned
            # that ...": the clause before the reported one is the outlet's own.
            lead = _unreported_lead(doc, sent, claims)
            if lead is not None:
                a, b = lead
                out.append(
                    _outlet_statement(
                        doc,
                        article,
                        table,
                        outlet or outlet_entity(article, table),
                        a,
                        b,
                        first + len(out),
                        "asserts",
                        body,
                    )
                )
            continue
        if (
            len(sent) < 6
            or body[:1] in {"“", '"'}
            or not any(t.pos_ in {"VERB", "AUX"} and t.dep_ == "ROOT" for t in sent)
        ):
            continue
        if not body.endswith((".", "!", "?")):
            continue
        if outlet is None:
            outlet = outlet_entity(article, table)
        start = s + (len(sent.text) - len(sent.text.lstrip()))
        polarity = "unconfirmed" if any(s0 == s for _a, _b, s0, _s1 in caveats) else "asserts"
        out.append(
            _outlet_statement(
                doc,
                article,
                table,
                outlet,
                start,
                start + len(body),
                first + len(out),
                polarity,
                body,
            )
        )
    return out


def _unreported_lead(doc: Doc, sent: Span, claims: list[Claim]) -> tuple[int, int] | None:
    """The characters of a sentence before its first reported clause, when they
    make a clause of their own (six words or more, with a verb)."""
    here = [c for c in claims if c.sentence[0] == sent.start_char]
    if not here:
        return None
    cut = min(min(doc[c.cue_i].left_edge.idx, c.start) for c in here)
    toks = [t for t in sent if t.idx + len(t) <= cut]
    words = [t for t in toks if not t.is_punct]
    if len(words) < 6 or not any(t.pos_ in {"VERB", "AUX"} for t in words):
        return None
    a, b = trim(text_of(doc), toks[0].idx, cut)
    while True:  # ", but", ", while", "and"
        tail = text_of(doc)[a:b].rsplit(" ", 1)
        if len(tail) == 2 and tail[1].lower() in {"but", "and", "while", "as", "although"}:
            a, b = trim(text_of(doc), a, a + len(tail[0]))
            continue
        break
    return (a, b) if b - a >= 20 else None


def _outlet_statement(
    doc: Doc,
    article: Article,
    table: EntityTable,
    outlet: Entity | None,
    start: int,
    end: int,
    n: int,
    polarity: str,
    sentence: str,
) -> Statement:
    text = text_of(doc)
    about = mentioned_in(doc, table, start, end)
    return Statement(
        id=f"{article.id}:o{n + 1}",
        speaker=outlet.id if outlet else None,
        speaker_name=outlet.name if outlet else article.outlet,
        cue=None,
        mode="indirect",
        text=text[start:end],
        said_on=article.published,
        said_on_precision="day" if article.published else None,
        said_on_anchor="published" if article.published else None,
        about=[a for a in about if not outlet or a != outlet.id],
        polarity=polarity,
        sentence=sentence,
        start=start,
        end=end,
        by_outlet=True,
    )
