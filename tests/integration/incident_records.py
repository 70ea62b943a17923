"""Hand-written records of one border war day, told by four articles and both sides.

Written in our own words for the incident tests (fictional Varossa and
Kestria), so that incident resolution and disputes are checked on exactly
the records given, independently of extraction quality:

- the overnight shelling of Dravik on 14 June: the Varossan Defence Ministry
  and its spokeswoman assert it (2 killed), the Kestrian Defence Ministry's
  spokesman and the Kestrian Foreign Ministry deny it, a hospital counts 3;
- the shelling of Stavenna the same day: the Kestrian side asserts it
  (4 killed), the Oskaryn militia counts 3, the Varossan ministry denies it;
- near misses that must stay apart: a shelling of Brisa the same day
  (another place) and a shelling of Dravik on 18 June (another day).
"""

from __future__ import annotations

from datetime import date

from claimgraph.schema.records import Article, ArticleRecords, Entity, Event, Role, Statement

JUNE14, JUNE15, JUNE18 = date(2025, 6, 14), date(2025, 6, 15), date(2025, 6, 18)


def _countries() -> list[Entity]:
    return [
        Entity("var", "Varossa", "Place", kind="country", is_actor=True),
        Entity("kes", "Kestria", "Place", kind="country", is_actor=True),
        Entity("osk", "Oskaryn", "Place", kind="region"),
    ]


def _say(
    aid: str, n: int, speaker: str | None, name: str, text: str, on: date, polarity: str = "asserts"
) -> Statement:
    return Statement(
        f"{aid}:s{n}",
        speaker,
        name,
        "said",
        "indirect",
        text,
        said_on=on,
        said_on_precision="day",
        polarity=polarity,
        start=100 * n,
        end=100 * n + 80,
    )


def article_a() -> ArticleRecords:
    """The Varossan account of Dravik, with the Kestrian denial quoted."""
    aid = "inc-test-a"
    ents = [
        *_countries(),
        Entity("dravik", "Dravik", "Place", kind="city", part_of="var"),
        Entity("mod_v", "Varossan Defence Ministry", "Organization", kind="ministry"),
        Entity("mod_k", "Kestrian Defence Ministry", "Organization", kind="ministry"),
        Entity("marek", "Ilona Marek", "Person", roles=[Role("spokeswoman", of="mod_v")]),
        Entity("vasko", "Oren Vasko", "Person", roles=[Role("spokesman", of="mod_k")]),
        Entity("art_k", "Kestrian artillery", "Organization", kind="armed forces"),
    ]
    st = [
        _say(aid, 1, "mod_v", "Varossan Defence Ministry", "Kestrian guns hit Dravik.", JUNE14),
        _say(aid, 2, "marek", "Ilona Marek", "Civilians in Dravik were targeted.", JUNE14),
        _say(aid, 3, "vasko", "Oren Vasko", "No Kestrian unit fired on Dravik.", JUNE14, "denies"),
    ]
    evs = [
        Event(
            f"{aid}:e1",
            "shelling",
            "Kestrian artillery shelled Dravik overnight",
            JUNE14,
            precision="part_of_day",
            agents=["art_k"],
            places=["dravik"],
            counts={"killed": 2},
            claimed_by=[f"{aid}:s1", f"{aid}:s2"],
        ),
        Event(
            f"{aid}:e2",
            "denial",
            "denied firing on Dravik",
            places=["dravik"],
            claimed_by=[f"{aid}:s3"],
        ),
    ]
    return ArticleRecords(
        Article(aid, title="Dravik shelled", published=JUNE14, outlet="Calderin Wire"),
        ents,
        st,
        evs,
    )


def article_b() -> ArticleRecords:
    """The Kestrian Foreign Ministry denies Dravik and accuses Varossa over Stavenna."""
    aid = "inc-test-b"
    ents = [
        *_countries(),
        Entity("dravik", "Dravik", "Place", kind="city", part_of="var"),
        Entity("stav", "Stavenna", "Place", kind="city", part_of="osk"),
        Entity("fm_k", "Kestrian Foreign Ministry", "Organization", kind="ministry"),
        Entity("petrash", "Nadia Petrash", "Person", roles=[Role("spokeswoman", of="fm_k")]),
        Entity("force_v", "Varossan forces", "Organization", kind="armed forces"),
    ]
    st = [
        _say(
            aid,
            1,
            "fm_k",
            "Kestrian Foreign Ministry",
            "We did not shell Dravik.",
            JUNE14,
            "denies",
        ),
        _say(aid, 2, "petrash", "Nadia Petrash", "Varossa shelled Stavenna.", JUNE14),
    ]
    evs = [
        Event(
            f"{aid}:e1", "attack", "shelling of Dravik", places=["dravik"], claimed_by=[f"{aid}:s1"]
        ),
        Event(
            f"{aid}:e2",
            "shelling",
            "Varossan shelling of Stavenna",
            JUNE14,
            precision="day",
            agents=["force_v"],
            places=["stav"],
            claimed_by=[f"{aid}:s2"],
        ),
    ]
    return ArticleRecords(
        Article(aid, title="Kestria denies", published=JUNE14, outlet="KNT"), ents, st, evs
    )


def article_c(with_hospital: bool = True) -> ArticleRecords:
    """A neutral wire report: the hospital's count, and the two near misses."""
    aid = "inc-test-c"
    ents = [
        *_countries(),
        Entity("dravik", "Dravik", "Place", kind="city", part_of="var"),
        Entity("brisa", "Brisa", "Place", kind="village", part_of="osk"),
        Entity("hosp", "Dravik City Hospital", "Organization", kind="hospital"),
        Entity("osdf", "Oskaryn Self-Defence Force", "Organization", kind="militia"),
        Entity("mod_v", "Varossan Defence Ministry", "Organization", kind="ministry"),
    ]
    st = [
        _say(aid, 1, "hosp", "Dravik City Hospital", "Three people died in Dravik.", JUNE15),
        _say(aid, 2, "osdf", "Oskaryn Self-Defence Force", "Brisa was shelled.", JUNE15),
        _say(aid, 3, "mod_v", "Varossan Defence Ministry", "Dravik was hit again.", JUNE18),
    ]
    evs = [
        Event(
            f"{aid}:e2",
            "shelling",
            "shelling of Brisa",
            JUNE14,
            precision="day",
            places=["brisa"],
            claimed_by=[f"{aid}:s2"],
        ),
        Event(
            f"{aid}:e3",
            "shelling",
            "Dravik shelled again",
            JUNE18,
            precision="day",
            places=["dravik"],
            claimed_by=[f"{aid}:s3"],
        ),
    ]
    if with_hospital:
        evs.insert(
            0,
            Event(
                f"{aid}:e1",
                "attack",
                "attack on Dravik",
                JUNE14,
                precision="day",
                places=["dravik"],
                counts={"killed": 3},
                claimed_by=[f"{aid}:s1"],
            ),
        )
    else:
        st = st[1:]
    sha = "c" * 64 if with_hospital else "d" * 64
    return ArticleRecords(
        Article(aid, title="Wire report", published=JUNE18, outlet="Tidewater News", sha256=sha),
        ents,
        st,
        evs,
    )


def article_d() -> ArticleRecords:
    """Stavenna: the Kestrian count, the militia's count, the Varossan denial."""
    aid = "inc-test-d"
    ents = [
        *_countries(),
        Entity("stav", "Stavenna", "Place", kind="city", part_of="osk"),
        Entity("health_k", "Kestrian Health Ministry", "Organization", kind="ministry"),
        Entity("osdf", "Oskaryn Self-Defence Force", "Organization", kind="militia"),
        Entity("mod_v", "Varossan Defence Ministry", "Organization", kind="ministry"),
    ]
    st = [
        _say(aid, 1, "health_k", "Kestrian Health Ministry", "Four died in Stavenna.", JUNE15),
        _say(aid, 2, "osdf", "Oskaryn Self-Defence Force", "Three died in Stavenna.", JUNE15),
        _say(
            aid,
            3,
            "mod_v",
            "Varossan Defence Ministry",
            "We never fired at Stavenna.",
            JUNE15,
            "denies",
        ),
    ]
    evs = [
        Event(
            f"{aid}:e1",
            "shelling",
            "Stavenna shelled, four dead",
            JUNE14,
            precision="day",
            places=["stav"],
            counts={"killed": 4},
            claimed_by=[f"{aid}:s1"],
        ),
        Event(
            f"{aid}:e2",
            "shelling",
            "Stavenna shelled, three dead",
            JUNE14,
            precision="day",
            places=["stav"],
            counts={"killed": 3},
            claimed_by=[f"{aid}:s2"],
        ),
        Event(
            f"{aid}:e3",
            "shelling",
            "shelling of Stavenna",
            places=["stav"],
            claimed_by=[f"{aid}:s3"],
        ),
    ]
    return ArticleRecords(
        Article(aid, title="Stavenna counts", published=JUNE15, outlet="Mirovest Today"),
        ents,
        st,
        evs,
    )


def all_articles() -> list[ArticleRecords]:
    """The four articles in publication order."""
    return [article_a(), article_b(), article_d(), article_c()]
