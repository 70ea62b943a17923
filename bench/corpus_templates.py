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

__all__ = ["Ctx", "lead", "PARAGRAPHS"]

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
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
            return self.rng.choice(("on " + WEEKDAYS[d.weekday()], "early on " + WEEKDAYS[d.weekday()],
                                    "overnight"))
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
    sentence = (f"{ministry} said {c.on(c.when)} that {b.demonym} forces had {verb} "
                f"{c.town.name}, killing {count_words(killed)} civilians and damaging homes and a school.")
    n = doc.claim(a.defence, sentence, doc.sentence(sentence), text=text, cue="said",
                  about=(c.town,))
    c.main_claims.append(n)
    doc.event("attack", text, c.when, [n], agents=(b.army,), targets=(c.town,), places=(c.town,),
              counts={"killed": killed})
    if rng.random() < 0.6:
        quote = rng.choice((
            "The enemy is deliberately targeting peaceful neighbourhoods",
            "This is a war crime, and those responsible will answer for it",
            "Our units are returning fire and holding every position",
        ))
        sentence = f"\"{quote},\" the ministry said in a statement posted on its website."
        doc.claim(a.defence, sentence, doc.sentence(sentence), text=quote, cue="said",
                  mode="direct", quote=quote)


def spokesperson_quote(c: Ctx) -> None:
    rng, doc, a = c.rng, c.doc, c.accuser
    person = a.spokesperson
    channel = rng.choice(c.world.platforms)
    quote = rng.choice((
        f"Rockets hit {c.town.name} while families were asleep",
        f"Residents of {c.town.name} spent the night in basements",
        "Nobody should doubt our resolve to protect our citizens",
    ))
    sentence = f"\"{quote},\" {person.title} {person.name} wrote on {channel.name}."
    doc.claim(person, sentence, doc.sentence(sentence), text=quote, cue="wrote", mode="direct",
              quote=quote, via=channel, about=(c.town,))


def denial(c: Ctx) -> None:
    rng, doc, b = c.rng, c.doc, c.accused
    word = rng.choice(("a fabrication", "an outright lie", "groundless", "a provocation"))
    sentence = (f"The {b.defence.name} denied that its forces had targeted {c.town.name} "
                f"and called the accusation {word}.")
    n = doc.claim(b.defence, sentence, doc.sentence(sentence),
                  text=f"{b.demonym} forces did not target {c.town.name}", cue="denied",
                  polarity="denies", about=(c.town,))
    doc.events[0]["claimed_by"].append(n)
    if rng.random() < 0.5:
        person = b.foreign_spokesperson
        pronoun = "she" if person.gender == "f" else "he"
        sentence = (f"{person.title} {person.name} told {c.outlet.name} that {c.accuser.demonym} "
                    f"troops had shelled their own town, a claim {pronoun} said "
                    f"could be checked by independent observers.")
        doc.claim(person, sentence, doc.sentence(sentence),
                  text=f"{c.accuser.demonym} troops shelled their own town", cue="told",
                  via=c.outlet, about=(c.town,))


def according_to(c: Ctx) -> None:
    rng, doc = c.rng, c.doc
    wounded = rng.randint(2, 40)
    town = c.other_town(c.accuser)
    outlet = rng.choice(c.world.outlets)
    sentence = (f"According to {outlet.name}, {count_words(wounded)} people were wounded in "
                f"{town.name} the previous day.")
    when = c.when - timedelta(days=1)
    n = doc.claim(outlet, sentence, doc.sentence(sentence), text=f"{wounded} people wounded in {town.name}",
                  cue="according to", about=(town,))
    doc.event("casualties", f"people wounded in {town.name}", when, [n], places=(town,),
              counts={"wounded": wounded})


def unconfirmed(c: Ctx) -> None:
    rng, doc, b = c.rng, c.doc, c.accused
    village = rng.choice(c.theatre.region_towns)
    person = b.commander
    since = c.begun
    sentence = (f"{person.title} {person.name} did not confirm that {c.accuser.demonym} units had "
                f"captured {village.name}, but said heavy fighting had gone on there since "
                f"{day_name(since)}.")
    n = doc.claim(person, sentence, doc.sentence(sentence),
                  text=f"{c.accuser.demonym} units captured {village.name}", cue="did not confirm",
                  polarity="unconfirmed", about=(village,))
    doc.event("capture", f"{village.name} captured", c.when, [n], agents=(c.accuser.army,),
              targets=(village,), places=(village,))


def militia_figures(c: Ctx) -> None:
    rng, doc, t = c.rng, c.doc, c.theatre
    lost = rng.randint(2, 30)
    claimed = lost + rng.randint(5, 60)
    acronym = t.militia.aliases[0] if t.militia.aliases else t.militia.name
    sentence = (f"The {t.militia.name} said {count_words(lost)} of its fighters had been killed "
                f"since {day_name(c.begun)}.")
    n = doc.claim(t.militia, sentence, doc.sentence(sentence), text=f"{lost} militia fighters killed",
                  cue="said", about=(t.region,))
    doc.event("casualties", f"{t.militia.name} losses", c.when, [n], agents=(t.militia,),
              places=(t.region,), counts={"killed": lost})
    sentence = (f"The {c.accuser.defence.name} put the figure at {claimed}, and {acronym} "
                f"commander {t.militia_leader.name} dismissed that as propaganda.")
    span = doc.sentence(sentence)
    m = doc.claim(c.accuser.defence, sentence, span,
                  text=f"{claimed} militia fighters killed", cue="put the figure at", about=(t.region,))
    doc.event("casualties", f"{t.militia.name} losses", c.when, [m], agents=(t.militia,),
              places=(t.region,), counts={"killed": claimed})
    k = doc.claim(t.militia_leader, sentence, span,
                  text=f"{claimed} militia fighters killed", cue="dismissed", polarity="denies",
                  about=(t.region,))
    doc.events[-1]["claimed_by"].append(k)


def renaming(c: Ctx) -> None:
    rng, doc, a = c.rng, c.doc, c.accuser
    old = rng.choice(c.theatre.region_towns)
    # The same village always gets the same new name, whichever article reports it.
    suffix = random.Random(old.key).choice(("lu", "shan", "abad", "li"))
    new = Actor(old.name.split()[0][:4] + suffix, "Place", old.kind, part_of=old.part_of)
    on = c.doc.published - timedelta(days=rng.randint(0, 3))
    sentence = (f"President {a.president.name} said on Twitter that from {day_name(on)} "
                f"the village of {old.name} would again carry its historical name, {new.name}.")
    n = doc.claim(a.president, sentence, doc.sentence(sentence),
                  text=f"{old.name} renamed {new.name}", cue="said", via=c.world.platforms[2],
                  about=(old, new))
    doc.event("renaming", f"{old.name} renamed {new.name}", on, [n], agents=(a.president,),
              targets=(old,), places=(old,))
    doc.rename(old, new, on, a.president)


def mediator(c: Ctx) -> None:
    rng, doc, world = c.rng, c.doc, c.world
    i = rng.randrange(len(world.bodies))
    body, envoy = world.bodies[i], world.envoys[i]
    venue = rng.choice(world.venues)
    month = MONTHS[(c.begun.month + rng.randint(0, 5)) % 12]
    sentence = (f"{envoy.name}, the {body.name}'s {envoy.title}, urged both sides to return to the "
                f"ceasefire agreed in {venue.name} in {month} and offered to host talks there.")
    n = doc.claim(envoy, sentence, doc.sentence(sentence), text="both sides should return to the ceasefire",
                  cue="urged", about=(venue, c.accuser.country, c.accused.country))
    doc.event("talks", f"talks in {venue.name}", c.doc.published, [n], agents=(body,), places=(venue,))


def quoted_by(c: Ctx) -> None:
    rng, doc, b = c.rng, c.doc, c.accused
    town = c.other_town(b)
    outlet = b.outlet
    quote = rng.choice((
        f"Enemy artillery is pounding {town.name} from across the line",
        f"Two rockets landed near the hospital in {town.name}",
    ))
    sentence = f"\"{quote},\" {outlet.name} quoted the {b.defence.name} as saying."
    n = doc.claim(b.defence, sentence, doc.sentence(sentence), text=quote, cue="quoted as saying",
                  mode="direct", quote=quote, via=outlet, about=(town,))
    doc.event("attack", f"shelling of {town.name}", c.doc.published, [n], agents=(c.accuser.army,),
              targets=(town,), places=(town,))
    if rng.random() < 0.5:
        sentence = (f"{c.accuser.country.name}'s Defence Minister {c.accuser.minister.name} rejected "
                    f"that account on {WEEKDAYS[c.doc.published.weekday()]}.")
        m = doc.claim(c.accuser.minister, sentence, doc.sentence(sentence),
                      text=f"no shelling of {town.name}", cue="rejected", polarity="denies",
                      about=(town,))
        doc.events[-1]["claimed_by"].append(m)


def evacuation(c: Ctx) -> None:
    rng, doc, a = c.rng, c.doc, c.accuser
    people = rng.randint(2, 60) * 100
    venue = rng.choice(c.world.venues)
    sentence = (f"Local officials said about {people} residents had left {c.town.name} since the "
                f"shelling began, some of them travelling as far as {venue.name}.")
    n = doc.claim(None, sentence, doc.sentence(sentence), text=f"{people} residents left {c.town.name}",
                  cue="said", about=(c.town, venue))
    doc.event("evacuation", f"residents left {c.town.name}", c.when, [n], places=(c.town,),
              counts={"displaced": people})
    if rng.random() < 0.4:
        sentence = f"{a.country.name} opened two shelters for them, {a.outlet.name} reported."
        doc.claim(a.outlet, sentence, doc.sentence(sentence), text="two shelters opened",
                  cue="reported", about=(a.country,))


def background(c: Ctx) -> None:
    t = c.theatre
    sentence = (f"Fighting over {t.region.name}, which both {c.accuser.country.name} and "
                f"{c.accused.country.name} claim, has gone on since {day_name(c.begun)}, "
                f"{c.begun.year}, and each side accuses the other of spreading disinformation.")
    c.doc.sentence(sentence)


def president_threat(c: Ctx) -> None:
    rng, doc, b = c.rng, c.doc, c.accused
    target = rng.choice(c.accuser.towns)
    sentence = (f"{b.country.name}'s President {b.president.name} warned in a televised address that "
                f"military objectives in {target.name} would be hit if the attacks continued.")
    n = doc.claim(b.president, sentence, doc.sentence(sentence),
                  text=f"military objectives in {target.name} will be hit", cue="warned",
                  about=(target,))
    doc.event("threat", f"threat against {target.name}", c.doc.published, [n],
              agents=(b.president,), targets=(target,))


PARAGRAPHS: tuple[Callable[[Ctx], None], ...] = (
    spokesperson_quote, denial, according_to, unconfirmed, militia_figures, renaming, mediator,
    quoted_by, evacuation, background, president_threat,
)
