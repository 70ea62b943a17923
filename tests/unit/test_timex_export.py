"""``claimgraph extract --format timeml``: well-formed TimeML with TIMEX3 tags."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimgraph.cli import main
from claimgraph.loaders.timex_eval import read_meantime

MEANTIME = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "meantime-en"
TYPES = {"DATE", "TIME", "DURATION", "SET"}


def _parse(document: str) -> ET.Element:
    return ET.fromstring(document.encode("utf-8"))


def _check_timeml(root: ET.Element, text: str) -> list[ET.Element]:
    """The tags are well-formed TimeML over exactly ``text``; returns the TEXT's TIMEX3s."""
    body = root.find("TEXT")
    assert body is not None
    assert "".join(body.itertext()) == text  # tagging never changes the text
    timexes = list(body.iter("TIMEX3"))
    tids = [t.get("tid") for t in root.iter("TIMEX3")]
    assert len(tids) == len(set(tids))
    for t in timexes:
        assert t.get("type") in TYPES
        assert t.get("value")
        anchor = t.get("anchorTimeID")
        assert anchor is None or anchor in tids
    return timexes


def test_timeml_of_an_original_article(tmp_path: Path) -> None:
    article = tmp_path / "varossa.txt"
    article.write_text(
        "date 2013-03-22\nThe Kestrian envoy said on Friday afternoon that talks had stalled "
        "last summer & would resume at 15:00 GMT on Saturday. For five years the border "
        "has been closed; it is currently quiet.\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["extract", str(article), "--format", "timeml"])
    assert result.exit_code == 0, result.output
    root = _parse(result.output)
    dct = root.find("DCT/TIMEX3")
    assert dct is not None and dct.get("value") == "2013-03-22" and dct.get("tid") == "t0"
    text = article.read_text(encoding="utf-8").split("\n", 1)[1].strip()
    found = {t.text: (t.get("type"), t.get("value")) for t in _check_timeml(root, text)}
    assert found["Friday afternoon"] == ("TIME", "2013-03-22TAF")
    assert found["last summer"] == ("DATE", "2012-SU")
    assert found["15:00 GMT on Saturday"] == ("TIME", "2013-03-23T15:00")
    assert found["For five years"] == ("DURATION", "P5Y")
    assert found["currently"] == ("DATE", "PRESENT_REF")


def test_timeml_of_a_meantime_document_parses_and_finds_its_dates(tmp_path: Path) -> None:
    if not MEANTIME.is_dir():
        pytest.skip("MEANTIME corpus not available (../shared/data/meantime-en)")
    doc = next(d for d in read_meantime(MEANTIME) if d.dct and len(d.timexes) > 3)
    article = tmp_path / f"{doc.name}.txt"
    article.write_text(f"date {doc.dct}\n{doc.text}\n", encoding="utf-8")
    out = tmp_path / "tml"
    result = CliRunner().invoke(
        main, ["extract", str(article), "--format", "timeml", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    [tml] = list(out.glob("*.tml"))
    assert tml.name == f"{doc.name}.tml"  # the TempEval-3 scorer pairs files by name
    timexes = _check_timeml(ET.parse(tml).getroot(), doc.text.strip())
    gold = {(g.value, doc.text[g.start : g.end]) for g in doc.timexes if g.type != "DCT"}
    ours = {(t.get("value"), t.text) for t in timexes}
    assert gold & ours  # the gold dates are found with their gold values
