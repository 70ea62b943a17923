"""The managed server: loopback only, auth on, idempotent start, clean stop."""

from __future__ import annotations

import json
import shutil
import stat
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner
from neo4j import GraphDatabase

from claimgraph.cli import main
from claimgraph.graph.home import ServerHome
from claimgraph.graph.server import server_status, stop_server

pytestmark = pytest.mark.integration


def _listening(port: int) -> list[str]:
    """Local addresses listening on ``port``, from /proc/net/tcp and tcp6."""
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            local, state = line.split()[1], line.split()[3]
            addr, hexport = local.split(":")
            if state == "0A" and int(hexport, 16) == port:
                found.append(addr)
    return found


def _is_loopback(hexaddr: str) -> bool:
    if len(hexaddr) == 8:  # IPv4, little-endian
        return hexaddr == "0100007F"
    # IPv4-mapped ::ffff:127.0.0.1 or ::1
    return (
        hexaddr.endswith("0100007F")
        and "FFFF" in hexaddr
        or hexaddr == "00000000000000000000000001000000"
    )


def test_managed_server_lifecycle(tmp_path: Path) -> None:
    home = tmp_path / "home"
    runner = CliRunner()
    began = time.monotonic()
    result = runner.invoke(
        main, ["server", "start", "--home", str(home), "--bolt-port", "0", "--http-port", "0"]
    )
    assert result.exit_code == 0, result.output
    assert "started" in result.output
    try:
        status = server_status(ServerHome(home))
        assert status["running"] and status["version"].startswith("5.26")
        pid, bolt, http = status["pid"], status["bolt_port"], status["http_port"]

        # Password file: generated, mode 0600; the driver gets in with it and not without.
        pw_file = home / "auth" / "password"
        assert stat.S_IMODE(pw_file.stat().st_mode) == 0o600
        password = pw_file.read_text().strip()
        with GraphDatabase.driver(f"bolt://127.0.0.1:{bolt}", auth=("neo4j", password)) as d:
            assert d.execute_query("RETURN 41 + 1 AS x").records[0]["x"] == 42
        with GraphDatabase.driver(f"bolt://127.0.0.1:{bolt}", auth=("neo4j", "wrong")) as d:
            with pytest.raises(Exception, match="(?i)auth|credential|unauthori"):
                d.execute_query("RETURN 1")

        # Both ports on 127.0.0.1 only.
        for port in (bolt, http):
            addrs = _listening(port)
            assert addrs, f"nothing listens on {port}"
            assert all(_is_loopback(a) for a in addrs), addrs

        # Started with Neo4j's own JVM options: the page cache reaches direct
        # buffers and the transaction logs get their file hints (else it warns).
        log = (home / "neo4j" / "logs" / "debug.log").read_text(encoding="utf-8")
        assert "--add-opens=java.base/java.nio=ALL-UNNAMED" in log  # in "VM Arguments"
        assert "using fallback mode" not in log
        assert "Incorrect file descriptor" not in log

        # Neo4j Browser is served on the HTTP port.
        with urllib.request.urlopen(f"http://127.0.0.1:{http}/browser/", timeout=10) as page:
            assert page.status == 200 and b"Neo4j" in page.read()

        # A second start says so and does nothing.
        again = runner.invoke(main, ["server", "start", "--home", str(home)])
        assert again.exit_code == 0 and "already running" in again.output
        assert server_status(ServerHome(home))["pid"] == pid

        out = runner.invoke(main, ["server", "status", "--home", str(home), "--json"])
        assert out.exit_code == 0
        info = json.loads(out.output)
        assert info["pid"] == pid and info["home"] == str(home.resolve())
        assert info["rss_mib"] > 0
    finally:
        stopped = runner.invoke(main, ["server", "stop", "--home", str(home)])
    assert stopped.exit_code == 0 and "stopped" in stopped.output
    assert not Path(f"/proc/{pid}").exists(), "java process left behind"
    assert runner.invoke(main, ["server", "status", "--home", str(home)]).exit_code == 1
    assert time.monotonic() - began < 300


def test_taken_port_is_a_clear_error(neo4j_target, tmp_path: Path) -> None:
    taken = int(neo4j_target.uri.rsplit(":", 1)[1])
    result = CliRunner().invoke(
        main,
        [
            "server",
            "start",
            "--home",
            str(tmp_path / "h"),
            "--bolt-port",
            str(taken),
            "--http-port",
            "0",
        ],
    )
    assert result.exit_code != 0
    assert f"port {taken}" in result.output and "in use" in result.output
    assert "Traceback" not in result.output
    stop_server(ServerHome(tmp_path / "h"))


@pytest.mark.skipif(shutil.which("java") is None, reason="needs java")
def test_dead_server_reports_log_tail(tmp_path: Path) -> None:
    """A server that dies while starting: non-zero exit, the log tail, no traceback."""
    home = ServerHome(tmp_path / "broken")
    # A heap this small makes the JVM give up at once.
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "claimgraph",
            "server",
            "start",
            "--home",
            str(home.root),
            "--bolt-port",
            "0",
            "--http-port",
            "0",
            "--heap",
            "2m",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode != 0
    assert "exited" in proc.stderr and "VM" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert server_status(home)["running"] is False
