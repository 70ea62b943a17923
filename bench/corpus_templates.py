"""Paragraph templates of the synthetic corpus: each writes text and its claims.

Every template adds one to three sentences to the current paragraph of a
:class:`bench.corpus.Doc` and records, as it writes, the statements (speaker,
cue, mode, polarity, channel) and the events they claim, so the records
describe the text exactly.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from bench.corpus_world import Actor, Side, Theatre, World

if TYPE_CHECKING:
    from bench.corpus import Doc

__all__ = ["Ctx", "lead", "FIRST_PARAGRAPHS", "day_name", "count_words", "WEEKDAYS", "MONTHS"]

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_NUMBERS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def day_name(d: date) -> str:
    return f"{MONTHS[d.month - 1]} {d.day}"


def count_words(n: int) -> str:
    return _NUMBERS[n] if n < len(_NUMBERS) else str(n)


@dataclass
class Ctx:
    """What one article is about: the sides, the main town and date, who publishes it."""

    doc: Doc
    world: World
    theatre: Theatre
    accuser: Side
    accused: Side
    begun: date
    town: Actor = field(init=False)
    when: date = field(init=False)
    outlet: Actor = field(init=False)
    main_claims: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        rng = self.rng
        pool = self.accuser.towns + self.theatre.region_towns
        self.town = rng.choice(pool)
        self.when = self.doc.published - timedelta(days=rng.choice((0, 1, 1, 2, 3, 5)))
        self.outlet = rng.choice(self.world.outlets + [self.accuser.outlet, self.accused.outlet])

    @property
    def rng(self) -> random.Random:
        return self.doc.rng

    def on(self, d: date) -> str:
        """How a reporter writes ``d`` relative to the publication date."""
        k = (self.doc.published - d).days
        if k == 0:
            return self.rng.choice(
                ("on " + WEEKDAYS[d.weekday()], "early on " + WEEKDAYS[d.weekday()], "overnight")
            )
        if 1 <= k <= 6:
            return "on " + WEEKDAYS[d.weekday()]
        return "on " + day_name(d)

    def other_town(self, side: Side) -> Actor:
        return self.rng.choice([t for t in side.towns if t is not self.town] or side.towns)


def lead(c: Ctx) -> None:
    """An accusation of shelling, with a death toll: the main event."""
    rng, doc, a, b = c.rng, c.doc, c.accuser, c.accused
    killed = rng.randint(1, 14)
    verb = rng.choice(("shelled", "struck", "fired rockets at", "launched drone strikes on"))
    ministry = rng.choice((f"{a.country.name}'s Defence Ministry", f"The {a.defence.name}"))
    text = f"{b.demonym} forces {verb} {c.town.name}"
    sentence = (
        f"{ministry} said {c.on(c.when)} that {b.demonym} forces had {verb} "
        f"{c.town.name}, killing {count_words(killed)} civilians and damaging homes and a school."
    )
    n = doc.claim(
        a.defence, sentence, doc.sentence(sentence), text=text, cue="said", about=(c.town,)
    )
    c.main_claims.append(n)
    doc.event(
        "FIGHT",
        text,
        c.when,
        [n],
        agents=(b.army,),
        targets=(c.town,),
        places=(c.town,),
        counts={"killed": killed},
    )
    if rng.random() < 0.6:
        quote = rng.choice(
            (
                "The enemy is deliberately targeting peaceful neighbourhoods",
                "This is a war crime, and those responsible will answer for it",
                "Our units are returning fire and holding every position",
            )
        )
        sentence = f'"{quote}," the ministry said in a statement posted on its website.'
        doc.claim(
            a.defence,
            sentence,
            doc.sentence(sentence),
            text=quote,
            cue="said",
            mode="direct",
            quote=quote,
        )


def spokesperson_quote(c: Ctx) -> None:
    rng, doc, a = c.rng, c.doc, c.accuser
    person = a.spokesperson
    channel = rng.choice(c.world.platforms)
    quote = rng.choice(
        (
            f"Rockets hit {c.town.name} while families were asleep",
            f"Residents of {c.town.name} spent the night in basements",
            "Nobody should doubt our resolve to protect our citizens",
        )
    )
    sentence = f'"{quote}," {person.title} {person.name} wrote on {channel.name}.'
    doc.claim(
        person,
        sentence,
        doc.sentence(sentence),
        text=quote,
        cue="wrote",
        mode="direct",
        quote=quote,
        via=channel,
        about=(c.town,),
    )


def denial(c: Ctx) -> None:
    rng, doc, b = c.rng, c.doc, c.accused
    word = rng.choice(("a fabrication", "an outright lie", "groundless", "a provocation"))
    sentence = (
        f"The {b.defence.name} denied that its forces had targeted {c.town.name} "
        f"and called the accusation {word}."
    )
    n = doc.claim(
        b.defence,
        sentence,
        doc.sentence(sentence),
        text=f"{b.demonym} forces did not target {c.town.name}",
        cue="denied",
        polarity="denies",
        about=(c.town,),
    )
    doc.events[0]["claimed_by"].append(n)
    if rng.random() < 0.5:
        person = b.foreign_spokesperson
        pronoun = "she" if person.gender == "f" else "he"
        sentence = (
            f"{person.title} {person.name} told {c.outlet.name} that {c.accuser.demonym} "
            f"troops had shelled their own town, a claim {pronoun} said "
            f"could be checked by independent observers."
        )
        doc.claim(
            person,
            sentence,
            doc.sentence(sentence),
            text=f"{c.accuser.demonym} troops shelled their own town",
            cue="told",
            via=c.outlet,
            about=(c.town,),
        )


def according_to(c: Ctx) -> None:
    rng, doc = c.rng, c.doc
    wounded = rng.randint(2, 40)
    town = c.other_town(c.accuser)
    outlet = rng.choice(c.world.outlets)
    sentence = (
        f"According to {outlet.name}, {count_words(wounded)} people were wounded in "
        f"{town.name} the previous day."
    )
    when = c.when - timedelta(days=1)
    n = doc.claim(
        outlet,
        sentence,
        doc.sentence(sentence),
        text=f"{wounded} people wounded in {town.name}",
        cue="according to",
        about=(town,),
    )
    doc.event(
        "FIGHT",
        f"people wounded in {town.name}",
        when,
        [n],
        places=(town,),
        counts={"wounded": wounded},
    )


def unconfirmed(c: Ctx) -> None:
    rng, doc, b = c.rng, c.doc, c.accused
    village = rng.choice(c.theatre.region_towns)
    person = b.commander
    since = c.begun
    sentence = (
        f"{person.title} {person.name} did not confirm that {c.accuser.demonym} units had "
        f"captured {village.name}, but said heavy fighting had gone on there since "
        f"{day_name(since)}."
    )
    n = doc.claim(
        person,
        sentence,
        doc.sentence(sentence),
        text=f"{c.accuser.demonym} units captured {village.name}",
        cue="did not confirm",
        polarity="unconfirmed",
        about=(village,),
    )
    doc.event(
        "FIGHT",
        f"{village.name} captured",
        c.when,
        [n],
        agents=(c.accuser.army,),
        targets=(village,),
        places=(village,),
    )


def militia_figures(c: Ctx) -> None:
    rng, doc, t = c.rng, c.doc, c.theatre
    lost = rng.randint(2, 30)
    claimed = lost + rng.randint(5, 60)
    acronym = t.militia.aliases[0] if t.militia.aliases else t.militia.name
    sentence = (
        f"The {t.militia.name} said {count_words(lost)} of its fighters had been killed "
        f"since {day_name(c.begun)}."
    )
    n = doc.claim(
        t.militia,
        sentence,
        doc.sentence(sentence),
        text=f"{lost} militia fighters killed",
        cue="said",
        about=(t.region,),
    )
    doc.event(
        "FIGHT",
        f"{t.militia.name} losses",
        c.when,
        [n],
        agents=(t.militia,),
        places=(t.region,),
        counts={"killed": lost},
    )
    sentence = (
        f"The {c.accuser.defence.name} put the figure at {claimed}, and {acronym} "
        f"commander {t.militia_leader.name} dismissed that as propaganda."
    )
    span = doc.sentence(sentence)
    m = doc.claim(
        c.accuser.defence,
        sentence,
        span,
        text=f"{claimed} militia fighters killed",
        cue="put the figure at",
        about=(t.region,),
    )
    doc.event(
        "FIGHT",
        f"{t.militia.name} losses",
        c.when,
        [m],
        agents=(t.militia,),
        places=(t.region,),
        counts={"killed": claimed},
    )
    k = doc.claim(
        t.militia_leader,
        sentence,
        span,
        text=f"{claimed} militia fighters killed",
        cue="dismissed",
        polarity="denies",
        about=(t.region,),
    )
    doc.events[-1]["claimed_by"].append(k)


FIRST_PARAGRAPHS: tuple[Callable[[Ctx], None], ...] = (
    spokesperson_quote,
    denial,
    according_to,
    unconfirmed,
    militia_figures,
)
