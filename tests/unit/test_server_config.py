"""Managed server configuration, ports and settings resolution without a server."""

from __future__ import annotations

import socket
import stat
from pathlib import Path

import pytest

from claimgraph.errors import ConfigError, ConnectionFailed, ServerError
from claimgraph.graph.connection import resolve_settings
from claimgraph.graph.home import ServerHome, default_home, new_password
from claimgraph.graph.server import _choose_port
from claimgraph.graph.server_install import NEO4J_VERSION, MemorySettings, write_config


def test_config_is_loopback_only_with_auth(tmp_path: Path) -> None:
    home = ServerHome(tmp_path)
    conf = write_config(home, 7001, 7002, MemorySettings("300m", "100m")).read_text()
    settings = dict(line.split("=", 1) for line in conf.splitlines() if "=" in line)
    assert settings["server.default_listen_address"] == "127.0.0.1"
    assert settings["server.bolt.listen_address"] == "127.0.0.1:7001"
    assert settings["server.http.listen_address"] == "127.0.0.1:7002"
    assert settings["dbms.security.auth_enabled"] == "true"
    assert settings["server.memory.heap.max_size"] == "300m"
    assert settings["server.memory.pagecache.size"] == "100m"


def test_password_file_is_private_and_stable(tmp_path: Path) -> None:
    home = ServerHome(tmp_path)
    assert home.password() is None
    first = home.password(create=True)
    assert first and len(first) >= 24
    assert stat.S_IMODE(home.password_file.stat().st_mode) == 0o600
    assert home.password(create=True) == first


def test_passwords_never_look_like_an_option() -> None:
    # neo4j-admin took a password starting with "-" for an option and refused to start.
    passwords = [new_password() for _ in range(2000)]
    assert all(p.isalnum() and len(p) == 32 for p in passwords)
    assert len(set(passwords)) == len(passwords)


def test_home_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert default_home() == tmp_path / "claimgraph"


def test_taken_port_is_refused_and_zero_picks_one() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        taken = s.getsockname()[1]
        with pytest.raises(ServerError, match=f"port {taken} on 127.0.0.1 is already in use"):
            _choose_port(taken, "Bolt", "--bolt-port", set())
    chosen = _choose_port(0, "Bolt", "--bolt-port", set())
    assert 1024 <= chosen <= 65535


def test_memory_sizes_are_checked() -> None:
    with pytest.raises(ServerError, match="invalid heap size"):
        MemorySettings(heap="lots")


def test_version_is_the_lts() -> None:
    assert NEO4J_VERSION.startswith("5.26.")


def test_settings_resolution(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="unsupported"):
        resolve_settings(uri="http://localhost:7474", password="x")
    with pytest.raises(ConfigError, match="NEO4J_PASSWORD"):
        resolve_settings(uri="bolt://localhost:7687")
    s = resolve_settings(uri="neo4j+s://abc.databases.neo4j.io", password="p", database="neo4j")
    assert (s.user, s.database, s.managed) == ("neo4j", "neo4j", False)
    with pytest.raises(ConnectionFailed, match="claimgraph server start"):
        resolve_settings(home=str(tmp_path))
