"""PLOVER categories and source actors against the PLOVER gold records (CC BY-SA 4.0).

The records live outside the project (``../shared/data/plover-gsr``); the
tests that read them skip when they are absent. Floors sit a little below
what we measure (``score_plover``: 322 sentences; category 0.82, with source
actor 0.63, precision 0.85; dev split 0.86/0.69, test split 0.77/0.56;
baseline of the eleven home-made types mapped onto PLOVER: 0.23/0.17), so a
change that loses categories or actors fails here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimgraph.errors import InputError
from claimgraph.evaluation.plover import (
    GoldActor,
    PloverResult,
    actor_matches,
    read_gsr,
    score_plover,
)
from claimgraph.schema.records import Entity

GSR = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "plover-gsr"


@pytest.fixture(scope="module")
def result() -> PloverResult:
    if not (GSR / "PLOVER_GSR_CAMEO.json").is_file():
        pytest.skip("PLOVER gold records not available (../shared/data/plover-gsr)")
    return score_plover(GSR)


def test_records_are_read_whole(result: PloverResult) -> None:
    assert result.total.sentences == 322
    assert set(result.splits) == {"dev", "test"}
    assert result.splits["dev"].sentences + result.splits["test"].sentences == 322


def test_category_and_source_floors(result: PloverResult) -> None:
    assert result.total.category_rate >= 0.79
    assert result.total.source_rate >= 0.60
    assert result.total.precision >= 0.82


def test_both_splits_hold(result: PloverResult) -> None:
    dev, test = result.splits["dev"], result.splits["test"]
    assert dev.category_rate >= 0.83 and dev.source_rate >= 0.66
    assert test.category_rate >= 0.74 and test.source_rate >= 0.53


def test_every_category_is_produced(result: PloverResult) -> None:
    gold = set(result.by_category)
    assert gold <= set(result.produced), gold - set(result.produced)


def test_a_failing_sentence_is_reported_not_fatal(result: PloverResult) -> None:
    assert len(result.crashes) <= 2
    assert result.total.crashed == len(result.crashes)


def test_actor_matches_by_country_code_or_name() -> None:
    israel = Entity("e1", "Israel", "Place", kind="country", is_actor=True, country="ISR")
    assert actor_matches(israel, None, GoldActor("Israeli soldiers", "ISR", "MIL"))
    assert not actor_matches(israel, None, GoldActor("Syria", "SYR", None))
    un = Entity("e2", "United Nations", "Organization")
    assert actor_matches(un, None, GoldActor("United Nations", "IGO", None))
    # a shared non-state code is no match: two different bodies
    other = Entity("e3", "NATO", "Organization", country="IGO")
    assert not actor_matches(other, None, GoldActor("United Nations", "IGO", None))
    assert actor_matches(
        None, "U.S. Secretary of State", GoldActor("Secretary of State", "USA", None)
    )


def test_read_gsr_skips_the_header_and_rejects_bad_files(tmp_path: Path) -> None:
    path = tmp_path / "gsr.json"
    path.write_text(
        json.dumps(
            [
                {"id": "X-DOCUMENT-0001", "event": "DOCUMENT"},
                {
                    "id": "X-FIGHT-0003",
                    "event": "FIGHT",
                    "text": "Kestrian artillery shelled Dravik.",
                    "source": [{"actorText": "Kestrian", "code": "XKE", "sector": "MIL"}],
                },
            ]
        )
    )
    (s,) = read_gsr(path)
    assert (s.category, s.split, s.sources[0].code) == ("FIGHT", "dev", "XKE")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    with pytest.raises(InputError, match="bad.json"):
        read_gsr(bad)
