"""The managed server's memory: sized from the machine unless told."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph.errors import ServerError
from claimgraph.graph.home import ServerHome
from claimgraph.graph.server_install import MemorySettings, auto_memory, write_config


def test_a_24_gib_machine_gets_room_for_a_million_articles() -> None:
    heap, cache = auto_memory(24 * 1024)
    assert (heap, cache) == ("4096m", "9830m")
    # The 1M-article store is about 11 GiB: heap and page cache leave 10 GiB.
    assert 24 * 1024 - int(heap[:-1]) - int(cache[:-1]) > 10 * 1024


@pytest.mark.parametrize(
    ("total", "expected"),
    [(2048, ("512m", "819m")), (512 * 1024, ("8192m", "16384m"))],
    ids=["small machine: floors", "large machine: ceilings"],
)
def test_auto_sizes_stay_within_bounds(total: int, expected: tuple[str, str]) -> None:
    assert auto_memory(total) == expected


def test_auto_is_resolved_before_the_config_is_written(tmp_path: Path) -> None:
    memory = MemorySettings()
    assert (memory.heap, memory.pagecache) == auto_memory()
    conf = write_config(ServerHome(tmp_path), 7001, 7002, MemorySettings("auto", "300m"))
    settings = dict(line.split("=", 1) for line in conf.read_text().splitlines() if "=" in line)
    assert settings["server.memory.heap.max_size"] == auto_memory()[0]
    assert settings["server.memory.pagecache.size"] == "300m"


def test_a_bad_size_is_refused_with_the_way_to_write_it() -> None:
    with pytest.raises(ServerError, match="use e.g. 512m, 2g or auto"):
        MemorySettings("lots", "1g")
