"""More paragraph templates of the synthetic corpus, and the list of them all.

Renamings, mediators, outlets quoting officials, evacuations, background,
threats, and fire reported with no place of its own; see :mod:`bench.corpus_templates` for how templates work.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import timedelta

from bench.corpus_templates import FIRST_PARAGRAPHS, MONTHS, WEEKDAYS, Ctx, day_name
from bench.corpus_world import Actor

__all__ = ["PARAGRAPHS"]


def renaming(c: Ctx) -> None:
    rng, doc, a = c.rng, c.doc, c.accuser
    old = rng.choice(c.theatre.region_towns)
    # The same village always gets the same new name, whichever article reports it.
    suffix = random.Random(old.key).choice(("lu", "shan", "abad", "li"))
    new = Actor(old.name.split()[0][:4] + suffix, "Place", old.kind, part_of=old.part_of)
    on = c.doc.published - timedelta(days=rng.randint(0, 3))
    sentence = (
        f"President {a.president.name} said on Twitter that from {day_name(on)} "
        f"the village of {old.name} would again carry its historical name, {new.name}."
    )
    n = doc.claim(
        a.president,
        sentence,
        doc.sentence(sentence),
        text=f"{old.name} renamed {new.name}",
        cue="said",
        via=c.world.platforms[2],
        about=(old, new),
    )
    doc.event(
        "COERCE",
        f"{old.name} renamed {new.name}",
        on,
        [n],
        agents=(a.president,),
        targets=(old,),
        places=(old,),
    )
    doc.rename(old, new, on, a.president)


def mediator(c: Ctx) -> None:
    rng, doc, world = c.rng, c.doc, c.world
    i = rng.randrange(len(world.bodies))
    body, envoy = world.bodies[i], world.envoys[i]
    venue = rng.choice(world.venues)
    month = MONTHS[(c.begun.month + rng.randint(0, 5)) % 12]
    sentence = (
        f"{envoy.name}, the {body.name}'s {envoy.title}, urged both sides to return to the "
        f"ceasefire agreed in {venue.name} in {month} and offered to host talks there."
    )
    n = doc.claim(
        envoy,
        sentence,
        doc.sentence(sentence),
        text="both sides should return to the ceasefire",
        cue="urged",
        about=(venue, c.accuser.country, c.accused.country),
    )
    doc.event(
        "CONSULT", f"talks in {venue.name}", c.doc.published, [n], agents=(body,), places=(venue,)
    )


def quoted_by(c: Ctx) -> None:
    rng, doc, b = c.rng, c.doc, c.accused
    town = c.other_town(b)
    outlet = b.outlet
    quote = rng.choice(
        (
            f"Enemy artillery is pounding {town.name} from across the line",
            f"Two rockets landed near the hospital in {town.name}",
        )
    )
    sentence = f'"{quote}," {outlet.name} quoted the {b.defence.name} as saying.'
    n = doc.claim(
        b.defence,
        sentence,
        doc.sentence(sentence),
        text=quote,
        cue="quoted as saying",
        mode="direct",
        quote=quote,
        via=outlet,
        about=(town,),
    )
    doc.event(
        "FIGHT",
        f"shelling of {town.name}",
        c.doc.published,
        [n],
        agents=(c.accuser.army,),
        targets=(town,),
        places=(town,),
    )
    if rng.random() < 0.5:
        sentence = (
            f"{c.accuser.country.name}'s Defence Minister {c.accuser.minister.name} rejected "
            f"that account on {WEEKDAYS[c.doc.published.weekday()]}."
        )
        m = doc.claim(
            c.accuser.minister,
            sentence,
            doc.sentence(sentence),
            text=f"no shelling of {town.name}",
            cue="rejected",
            polarity="denies",
            about=(town,),
        )
        doc.events[-1]["claimed_by"].append(m)


def evacuation(c: Ctx) -> None:
    rng, doc, a = c.rng, c.doc, c.accuser
    people = rng.randint(2, 60) * 100
    venue = rng.choice(c.world.venues)
    sentence = (
        f"Local officials said about {people} residents had left {c.town.name} since the "
        f"shelling began, some of them travelling as far as {venue.name}."
    )
    n = doc.claim(
        None,
        sentence,
        doc.sentence(sentence),
        text=f"{people} residents left {c.town.name}",
        cue="said",
        about=(c.town, venue),
    )
    doc.event(
        "AID",
        f"residents left {c.town.name}",
        c.when,
        [n],
        places=(c.town,),
        counts={"displaced": people},
    )
    if rng.random() < 0.4:
        sentence = f"{a.country.name} opened two shelters for them, {a.outlet.name} reported."
        doc.claim(
            a.outlet,
            sentence,
            doc.sentence(sentence),
            text="two shelters opened",
            cue="reported",
            about=(a.country,),
        )


def background(c: Ctx) -> None:
    t = c.theatre
    sentence = (
        f"Fighting over {t.region.name}, which both {c.accuser.country.name} and "
        f"{c.accused.country.name} claim, has gone on since {day_name(c.begun)}, "
        f"{c.begun.year}, and each side accuses the other of spreading disinformation."
    )
    c.doc.sentence(sentence)


def president_threat(c: Ctx) -> None:
    rng, doc, b = c.rng, c.doc, c.accused
    target = rng.choice(c.accuser.towns)
    sentence = (
        f"{b.country.name}'s President {b.president.name} warned in a televised address that "
        f"military objectives in {target.name} would be hit if the attacks continued."
    )
    # A threat is a speech act (Statement.act THREATEN), not an event.
    doc.claim(
        b.president,
        sentence,
        doc.sentence(sentence),
        text=f"military objectives in {target.name} will be hit",
        cue="warned",
        about=(target,),
    )


def night_fire(c: Ctx) -> None:
    """Fire reported with no place of its own: only the statement says where."""
    rng, doc, a, b = c.rng, c.doc, c.accuser, c.accused
    hours = rng.choice(("through the night", "for several hours", "until dawn"))
    sentence = (
        f"Exchanges of fire went on {hours}, a spokesman for {a.defence.name} said of the "
        f"positions around {c.town.name}, blaming {b.demonym} artillery."
    )
    n = doc.claim(
        a.defence,
        sentence,
        doc.sentence(sentence),
        text=f"exchanges of fire went on {hours}",
        cue="said",
        about=(c.town,),
    )
    doc.event("FIGHT", f"exchanges of fire {hours}", c.when, [n], agents=(b.army,))


PARAGRAPHS: tuple[Callable[[Ctx], None], ...] = (
    *FIRST_PARAGRAPHS,
    renaming,
    mediator,
    quoted_by,
    evacuation,
    background,
    president_threat,
    night_fire,
)
