"""A small hand-made graph of the claims the product is built around.

Two defence ministries accuse each other of shelling on 2020-10-04, a
president reports villages captured on 2020-10-03 and renames one, a
spokesman will not confirm it, and a second article repeats the Stepanakert
claim. The records are written here in our own words and go through the real
writer, so the canned queries are checked on exactly the graph the loader
builds, independently of extraction quality.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from claimgraph.graph.writer import write_batches
from claimgraph.schema.records import (
    Article,
    ArticleRecords,
    Entity,
    Event,
    Renaming,
    Role,
    Statement,
)

pytestmark = pytest.mark.integration

OCT3 = date(2020, 10, 3)
OCT4 = date(2020, 10, 4)
OCT5 = date(2020, 10, 5)


def _entities() -> list[Entity]:
    return [
        Entity("az", "Azerbaijan", "Place", kind="country", is_actor=True, country="AZ"),
        Entity("am", "Armenia", "Place", kind="country", is_actor=True, country="AM"),
        Entity(
            "mod_az",
            "Defense Ministry of Azerbaijan",
            "Organization",
            kind="ministry",
            aliases=["Azerbaijani Defense Ministry"],
        ),
        Entity(
            "mod_am",
            "Defense Ministry of Armenia",
            "Organization",
            kind="ministry",
            aliases=["Armenian Defense Ministry"],
        ),
        Entity(
            "hov",
            "Artsrun Hovhannisian",
            "Person",
            aliases=["Hovhannisian"],
            roles=[Role("spokesman", of="mod_am")],
        ),
        Entity(
            "ilham",
            "Ilham Aliyev",
            "Person",
            aliases=["Aliyev"],
            roles=[Role("President", of="az")],
        ),
        Entity(
            "kamran",
            "Kamran Aliyev",
            "Person",
            aliases=["Aliyev"],
            roles=[Role("Prosecutor-General", of="az")],
        ),
        Entity("af_am", "Armenian armed forces", "Organization", kind="military"),
        Entity("af_az", "Azerbaijani forces", "Organization", kind="military"),
        Entity("nk", "Nagorno-Karabakh", "Place", kind="region", country="AZ", part_of="az"),
        Entity("stepanakert", "Stepanakert", "Place", kind="city", country="AZ", part_of="nk"),
        Entity("terter", "Terter", "Place", kind="city", country="AZ", part_of="az"),
        Entity(
            "fizuli",
            "Fizuli district",
            "Place",
            kind="district",
            country="AZ",
            aliases=["Fuzuli"],
            part_of="az",
        ),
        Entity("goradiz", "Goradiz", "Place", kind="town", country="AZ", part_of="fizuli"),
        Entity(
            "madagiz",
            "Madagiz",
            "Place",
            kind="village",
            country="AZ",
            renamed=[Renaming("sugovushan", OCT3, "ilham")],
        ),
        Entity("sugovushan", "Sugovushan", "Place", kind="village", country="AZ"),
        Entity("svc_az", "RFE/RL's Azerbaijani Service", "Organization", kind="media"),
        Entity("svc_am", "RFE/RL's Armenian Service", "Organization", kind="media"),
        Entity("twitter", "Twitter", "Organization", kind="media"),
    ]


def seed_records() -> list[ArticleRecords]:
    """Two articles: the shelling claims, the captures and the renaming."""
    a1 = "seedtest00000001"
    s = [
        Statement(
            f"{a1}:s1",
            "mod_az",
            "Defense Ministry of Azerbaijan",
            "said",
            "direct",
            "Armenian forces are firing missiles at Terter and Goradiz.",
            quote="Armenian forces are firing missiles at Terter and Goradiz",
            said_on=OCT4,
            said_on_precision="day",
            via=["svc_az"],
            about=["terter", "goradiz", "af_am"],
            start=100,
            end=160,
        ),
        Statement(
            f"{a1}:s2",
            "hov",
            "Artsrun Hovhannisian",
            "was quoted as saying",
            "direct",
            "Azerbaijani forces are shelling civilian areas of Stepanakert with rockets.",
            quote="Azerbaijani forces are shelling civilian areas of Stepanakert with rockets",
            said_on=OCT4,
            said_on_precision="day",
            about=["stepanakert", "af_az"],
            start=400,
            end=480,
        ),
        Statement(
            f"{a1}:s3",
            "ilham",
            "Ilham Aliyev",
            "said",
            "indirect",
            "Azerbaijani troops took several villages on October 3, Madagiz among them.",
            said_on=OCT3,
            said_on_precision="day",
            via=["svc_az"],
            about=["madagiz", "af_az"],
            start=600,
            end=680,
        ),
        Statement(
            f"{a1}:s4",
            "ilham",
            "Ilham Aliyev",
            "said on Twitter",
            "direct",
            "Madagiz takes back its historical name, Sugovushan, from October 3.",
            quote="it will be called Sugovushan",
            said_on=OCT3,
            said_on_precision="day",
            via=["twitter"],
            about=["madagiz", "sugovushan"],
            start=700,
            end=760,
        ),
        Statement(
            f"{a1}:s5",
            "hov",
            "Artsrun Hovhannisian",
            "did not confirm",
            "indirect",
            "The spokesman would not confirm that villages had fallen, but spoke of heavy fighting.",
            said_on=OCT4,
            said_on_precision="day",
            via=["svc_am"],
            polarity="unconfirmed",
            about=["madagiz"],
            start=800,
            end=880,
        ),
        Statement(
            f"{a1}:s6",
            "kamran",
            "Kamran Aliyev",
            "according to",
            "indirect",
            "Nineteen civilians in Azerbaijan have been killed in a week of fighting.",
            said_on=OCT4,
            said_on_precision="day",
            about=["az"],
            start=900,
            end=960,
        ),
    ]
    e = [
        Event(
            f"{a1}:e1",
            "strike",
            "missile strike on Terter and Goradiz",
            OCT4,
            precision="day",
            agents=["af_am"],
            targets=["terter", "goradiz"],
            places=["terter", "goradiz"],
            claimed_by=[f"{a1}:s1"],
        ),
        Event(
            f"{a1}:e2",
            "shelling",
            "rockets fired at civilian areas of Stepanakert",
            OCT4,
            precision="day",
            agents=["af_az"],
            targets=["stepanakert"],
            places=["stepanakert"],
            claimed_by=[f"{a1}:s2"],
        ),
        Event(
            f"{a1}:e3",
            "capture",
            "villages including Madagiz taken",
            OCT3,
            precision="day",
            agents=["af_az"],
            targets=["madagiz"],
            places=["madagiz"],
            claimed_by=[f"{a1}:s3", f"{a1}:s5"],
        ),
    ]
    first = ArticleRecords(
        Article(
            a1,
            title="Both sides report shelling as fighting enters second week",
            published=OCT4,
            outlet="RFE/RL",
            url="https://example.org/a1",
            sha256="1" * 64,
        ),
        _entities(),
        s,
        e,
    )
    a2 = "seedtest00000002"
    second = ArticleRecords(
        Article(
            a2,
            title="Stepanakert under fire again, Yerevan says",
            published=OCT5,
            outlet="Example Wire",
            sha256="2" * 64,
        ),
        [
            Entity("hov", "Artsrun Hovhannisian", "Person", aliases=["Hovhannisian"]),
            Entity("af_az", "Azerbaijani forces", "Organization", kind="military"),
            Entity("stepanakert", "Stepanakert", "Place", kind="city", country="AZ"),
        ],
        [
            Statement(
                f"{a2}:s1",
                "hov",
                "Artsrun Hovhannisian",
                "told reporters",
                "indirect",
                "Stepanakert came under rocket fire from Azerbaijani forces on Sunday.",
                said_on=OCT4,
                said_on_precision="day",
                about=["stepanakert"],
            )
        ],
        [
            Event(
                f"{a2}:e1",
                "shelling",
                "rocket fire on Stepanakert",
                OCT4,
                precision="day",
                agents=["af_az"],
                targets=["stepanakert"],
                places=["stepanakert"],
                claimed_by=[f"{a2}:s1"],
            )
        ],
    )
    return [first, second]


def load_seed(target: Any) -> None:
    """Write the seed records with the real writer; fail loudly if any is refused."""
    summary = write_batches(target.driver, target.database, seed_records())
    assert summary.articles_failed == 0, summary.failures


def test_seed_graph_has_the_model_shape(seeded_graph: Any) -> None:
    assert seeded_graph.count("MATCH (a:Article) RETURN count(a)") == 2
    assert (
        seeded_graph.count(
            "MATCH (:Person {name: 'Artsrun Hovhannisian'})-[:SAID]->(s:Statement) RETURN count(s)"
        )
        == 3
    )
    assert (
        seeded_graph.count(
            "MATCH (:Place {name: 'Madagiz'})-[r:RENAMED]->(:Place {name: 'Sugovushan'}) "
            "WHERE r.on = date('2020-10-03') RETURN count(r)"
        )
        == 1
    )
    assert (
        seeded_graph.count(
            "MATCH (:Place {name: 'Goradiz'})-[:IN*]->(:Place {name: 'Azerbaijan'}) RETURN count(*)"
        )
        == 1
    )
