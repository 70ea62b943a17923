"""Incident resolution rules, sides and disputes, without a database."""

from __future__ import annotations

import datetime as dt

from claimgraph.graph.incident_clusters import cluster, links_among
from claimgraph.graph.incident_rules import EventFacts, category, family, link, window
from claimgraph.graph.incident_summary import Claim, disputes, summarise
from claimgraph.graph.sides import entity_sides
from claimgraph.schema.records import Article, ArticleRecords, Entity, Role

D14 = dt.date(2025, 6, 14)


def ev(eid: str, cat: str = "ASSAULT", day: dt.date | None = D14, places=("p:dravik",), **kw):  # type: ignore[no-untyped-def]
    return EventFacts(
        id=eid,
        article=kw.pop("article", eid.split(":")[0]),
        category=category(cat),
        window=window(day, None, kw.pop("precision", "day"), D14),
        places=list(places),
        area=list(kw.pop("area", places)),
        **kw,
    )


def resolve(events):  # type: ignore[no-untyped-def]
    """Incident key by event id."""
    return {eid: a.incident for eid, a in cluster(events).items()}


def test_categories_are_case_insensitive_and_today_s_attack_words_are_assault() -> None:
    assert category("shelling") == category("Air Strike") == category("ASSAULT") == "ASSAULT"
    assert category("protest") == "PROTEST" and category("Fight") == "FIGHT"
    assert family("ASSAULT") == family("FIGHT") != family("PROTEST")


def test_windows_widen_with_precision_and_vague_dates_do_not_resolve() -> None:
    overnight = window(D14, None, "part_of_day", D14)
    assert overnight is not None and overnight.lo == dt.date(2025, 6, 13)
    month = window(dt.date(2025, 6, 1), None, "month", D14)
    assert month is not None and month.hi == dt.date(2025, 6, 30)
    assert window(dt.date(1996, 1, 1), None, "year", D14) is None
    undated = window(None, None, None, D14)
    assert undated is not None and not undated.dated and undated.hi == D14


def test_same_happening_merges_and_near_misses_stay_apart() -> None:
    events = [
        ev("a:e1"),
        ev("b:e1", "attack"),  # same place, same day, today's word
        ev("c:e1", places=("p:stavenna",)),  # same day, other place
        ev("d:e1", day=dt.date(2025, 6, 17)),  # same place, other day
        ev("e:e1", "PROTEST"),  # same place and day, other family
        ev("f:e1", places=("p:varossa",), area=("p:varossa",)),  # a place containing Dravik
    ]
    events[0].area.append("p:varossa")
    assigned = cluster(events)
    by = {eid: a.incident for eid, a in assigned.items()}
    assert by["a:e1"] == by["b:e1"] == by["f:e1"] == "incident:a:e1"
    assert len({by["a:e1"], by["c:e1"], by["d:e1"], by["e:e1"]}) == 4
    assert len(set(by.values())) == 4
    assert "same place p:dravik" in assigned["b:e1"].reasons
    assert any(r.startswith("contained place") for r in assigned["f:e1"].reasons)
    assert assigned["c:e1"].reasons == ("the only account",)


def test_a_denial_without_place_joins_the_account_it_follows() -> None:
    events = [
        ev("a:e1", order=0),
        ev("a:e2", "CAPTURE", places=("p:brisa",), order=1),
        ev("a:e3", "denial", day=None, places=(), denial=True, order=2),
    ]
    by = resolve(events)
    assert by["a:e3"] == by["a:e2"] != by["a:e1"]


def test_one_side_naming_two_agents_tells_of_two_happenings() -> None:
    first = ev("a:e1", agent_sides=["kes"], claimant_sides=["var"])
    same_side_other_agent = ev("b:e1", agent_sides=["osdf"], claimant_sides=["var"])
    other_side_other_agent = ev("c:e1", agent_sides=["var"], claimant_sides=["kes"])
    by = resolve([first, same_side_other_agent, other_side_other_agent])
    assert by["a:e1"] != by["b:e1"]
    assert by["a:e1"] == by["c:e1"]  # the sides blaming each other: one disputed incident
    assert link(first, same_side_other_agent) is None


def _claim(sid: str, polarity: str, side: str | None, speaker: str, **kw):  # type: ignore[no-untyped-def]
    return Claim(
        event=kw.pop("event", "a:e1"),
        type="shelling",
        statement=sid,
        polarity=polarity,
        speaker=speaker,
        side=side,
        side_name=side.title() if side else None,
        said_on=D14,
        published=D14,
        article=kw.pop("article", "a"),
        outlet=None,
        date=D14,
        precision="day",
        places={"p:dravik": "Dravik"},
        area=["p:dravik"],
        **kw,
    )


def test_disputes_are_per_pair_of_sides_never_within_a_side() -> None:
    claims = [
        _claim("s1", "asserts", "var", "Ministry", counts={"killed": 2}),
        _claim("s2", "asserts", "var", "Spokeswoman"),
        _claim("s3", "denies", "kes", "Spokesman", event="b:e1", article="b"),
        _claim("s4", "denies", "kes", "Foreign Ministry", event="b:e1", article="b"),
        _claim("s5", "asserts", "kes", "Kestrian envoy", event="b:e2", article="b"),
        _claim("s6", "asserts", None, "Hospital", event="c:e1", article="c", counts={"killed": 3}),
    ]
    summary = summarise("i1", claims)
    assert summary["counts"] == ["killed: 2 per Ministry", "killed: 3 per Hospital"]
    assert summary["denied_by"] == ["Spokesman", "Foreign Ministry"]
    rows = disputes("i1", claims, summary)
    assert [(r["side_a"], r["side_b"], r["kinds"]) for r in rows] == [("var", "kes", ["denied"])]
    assert rows[0]["statements_a"] == ["s1", "s2"] and rows[0]["statements_b"] == ["s3", "s4"]


def test_conflicting_counts_between_sides_are_a_dispute() -> None:
    claims = [
        _claim("s1", "asserts", "kes", "Health Ministry", counts={"killed": 4}),
        _claim("s2", "asserts", "osdf", "Militia", event="b:e1", counts={"killed": 3}),
        _claim("s3", "asserts", "osdf", "Commander", event="b:e2", counts={"killed": 3}),
    ]
    rows = disputes("i1", claims, summarise("i1", claims))
    assert [(r["side_a"], r["side_b"], r["kinds"]) for r in rows] == [("kes", "osdf", ["counts"])]


def test_sides_follow_countries_roles_and_armed_groups() -> None:
    records = ArticleRecords(
        Article("x"),
        [
            Entity("k", "Kestria", "Place", kind="country"),
            Entity("fm", "Kestrian Foreign Ministry", "Organization", kind="ministry"),
            Entity("np", "Nadia Petrash", "Person", roles=[Role("spokeswoman", of="fm")]),
            Entity("os", "Oskaryn Self-Defence Force", "Organization", kind="armed forces"),
            Entity("tv", "Tidewater News", "Organization", kind="media"),
            Entity("pm", "Ana Rell", "Person", roles=[Role("Kestrian Prime Minister")]),
        ],
    )
    sides = {k: v.name for k, v in entity_sides(records).items()}
    assert sides == {
        "k": "Kestria",
        "fm": "Kestria",
        "np": "Kestria",
        "os": "Oskaryn Self-Defence Force",
        "pm": "Kestria",
    }


def test_an_incident_window_does_not_depend_on_the_order_of_its_accounts() -> None:
    from itertools import permutations

    from claimgraph.graph.incident_rules import merge_window

    accounts = [
        window(D14, None, "part_of_day", D14),
        window(D14, None, "day", D14),
        window(dt.date(2025, 6, 10), None, "week", D14),
        window(None, None, None, D14),
    ]
    results = set()
    for order in permutations(accounts):
        w = None
        for a in order:
            w = merge_window(w, a)
        assert w is not None
        results.add((w.lo, w.hi, w.dated))
    assert results == {(D14, D14, True)}


def _events():  # type: ignore[no-untyped-def]
    return [
        ev("a:e1", precision="part_of_day", area=("p:dravik", "p:varossa")),
        ev("b:e1", "attack", agent_sides=["kes"], claimant_sides=["var"]),
        ev("c:e1", places=("p:varossa",), area=("p:varossa",), agent_sides=["kes"]),
        ev("d:e1", day=None, places=()),
        ev("e:e1", day=None, places=(), agent_sides=["kes"]),
        ev("f:e1", "FIGHT", places=("p:stavenna",)),
        ev("g:e1", day=dt.date(2025, 6, 13), area=("p:dravik", "p:varossa")),
        ev("h:e1", day=None, agent_sides=["kes"]),
        ev("h:e2", "denial", day=None, places=(), denial=True, order=5),
    ]


def test_the_link_rule_is_symmetric() -> None:
    events = _events()
    for a in events:
        for b in events:
            assert link(a, b) == link(b, a), (a.id, b.id)
    found = links_among(events)
    assert ("a:e1", "b:e1") in found and all(x < y for x, y in found)


def test_the_incidents_do_not_depend_on_the_order_of_the_events() -> None:
    import random

    expected = cluster(_events())
    assert len({a.incident for a in expected.values()}) < len(expected)
    for seed in range(20):
        events = _events()
        random.Random(seed).shuffle(events)
        assert cluster(events) == expected, seed


def test_a_vague_account_joins_one_incident_and_never_bridges_two() -> None:
    # June 13 and June 14 at Dravik are two happenings; an undated account
    # reported on the 14th overlaps both and must not make them one.
    events = [
        ev("a:e1", day=dt.date(2025, 6, 10)),
        ev("b:e1", day=D14),
        ev("c:e1", day=None),
    ]
    by = resolve(events)
    assert by["a:e1"] != by["b:e1"]
    assert by["c:e1"] in (by["a:e1"], by["b:e1"])
    # its links to both score the same (undated): the tie goes to the smaller key
    assert by["c:e1"] == min(by["a:e1"], by["b:e1"])


def test_no_third_account_joins_two_that_one_side_blames_on_two_agents() -> None:
    first = ev("a:e1", agent_sides=["kes"], claimant_sides=["var"])
    other_agent = ev("b:e1", agent_sides=["osdf"], claimant_sides=["var"])
    bridge = ev("c:e1")  # no agents: linked to both
    assert link(first, bridge) and link(other_agent, bridge) and not link(first, other_agent)
    for order in ([first, other_agent, bridge], [bridge, other_agent, first]):
        by = resolve(order)
        assert by["a:e1"] != by["b:e1"]
        assert by["c:e1"] == by["a:e1"]  # the strongest link first, ties by ids


def test_a_denial_of_unknown_kind_never_joins_two_kinds_of_event() -> None:
    # a shelling and a protest at one place on one day, and a denial that
    # says only "it did not happen": it may join either, never both
    events = [ev("a:e1", "ASSAULT"), ev("b:e1", "PROTEST"), ev("c:e1", "denial")]
    links = links_among(events)
    assert ("a:e1", "c:e1") in links and ("b:e1", "c:e1") in links
    by = resolve(events)
    assert by["a:e1"] != by["b:e1"]
    assert by["c:e1"] in (by["a:e1"], by["b:e1"])
    # in any order, and for a vaguer denial too
    assert resolve(list(reversed(events))) == by
    vague = [*events[:2], ev("c:e1", "denial", day=None)]
    by = resolve(vague)
    assert by["a:e1"] != by["b:e1"] and by["c:e1"] in (by["a:e1"], by["b:e1"])
    # two denials of unknown kind still join each other and one account
    by = resolve([*events, ev("d:e1", "denial")])
    assert by["a:e1"] != by["b:e1"] and by["c:e1"] == by["d:e1"]
