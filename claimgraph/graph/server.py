"""The managed local Neo4j Community server: start, stop, status, logs.

A real Neo4j process (``org.neo4j.server.CommunityEntryPoint``) run from the
jars Maven resolved into the claimgraph home, bound to 127.0.0.1, with auth on
and a generated password kept in a 0600 file.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import signal
import socket
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from neo4j import GraphDatabase
from neo4j.exceptions import AuthError, Neo4jError, ServiceUnavailable

from claimgraph.errors import ServerError
from claimgraph.graph.home import USER, ServerHome, ServerState
from claimgraph.graph.server_install import (
    JVM_OPTIONS,
    NEO4J_VERSION,
    MemorySettings,
    find_java,
    install_jars,
    set_initial_password,
    write_config,
)

__all__ = [
    "NEO4J_VERSION",
    "MemorySettings",
    "StartResult",
    "start_server",
    "stop_server",
    "server_status",
    "log_tail",
    "is_running",
]

log = logging.getLogger(__name__)

ENTRY_POINT = "org.neo4j.server.CommunityEntryPoint"
DEFAULT_BOLT_PORT = 7687
DEFAULT_HTTP_PORT = 7474


@dataclass
class StartResult:
    """What ``start_server`` did."""

    state: ServerState
    already_running: bool
    installed: bool
    seconds: float


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except OSError as e:
        return e.errno == errno.EPERM
    return True


def _is_our_server(home: ServerHome, pid: int) -> bool:
    """True when ``pid`` is a live Neo4j started from this home (not a recycled pid)."""
    if not _pid_alive(pid):
        return False
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as fh:
            cmdline = fh.read().decode("utf-8", "replace")
    except OSError:
        return True  # no /proc: trust the pid
    return ENTRY_POINT in cmdline and str(home.conf) in cmdline


def is_running(home: ServerHome) -> ServerState | None:
    """The state of the server running from ``home``, or None (cleaning a stale state file)."""
    state = home.read_state()
    if state is None:
        return None
    if _is_our_server(home, state.pid):
        return state
    home.clear_state()
    return None


def _port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _choose_port(port: int, what: str, option: str, taken: set[int]) -> int:
    if port == 0:
        chosen = _free_port()
        while chosen in taken:
            chosen = _free_port()
        return chosen
    if not 1 <= port <= 65535:
        raise ServerError(f"invalid {what} port {port}")
    if port in taken or not _port_free(port):
        raise ServerError(
            f"{what} port {port} on 127.0.0.1 is already in use: "
            f"choose another with {option}, or {option} 0 for any free port"
        )
    return port


def log_tail(home: ServerHome, lines: int = 20) -> str:
    """The last lines of the server's console output and neo4j.log."""
    chunks = []
    for path in (home.console_log, home.logs / "neo4j.log"):
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        chunks.extend(text.strip().splitlines()[-lines:])
    return "\n".join(chunks[-lines:])


def _bolt_answers(uri: str, password: str) -> bool:
    try:
        with GraphDatabase.driver(uri, auth=(USER, password), connection_timeout=2) as driver:
            with driver.session() as session:
                session.run("RETURN 1").consume()
        return True
    except (ServiceUnavailable, OSError):
        return False
    except AuthError as e:
        raise ServerError(
            "the managed server refused the stored password; its data was created with "
            "another one (delete the home or the data folder to start afresh)"
        ) from e
    except Neo4jError as e:
        # Still starting: databases may not be available yet.
        log.debug("server not ready: %s", e)
        return False


def start_server(
    home: ServerHome,
    *,
    bolt_port: int = DEFAULT_BOLT_PORT,
    http_port: int = DEFAULT_HTTP_PORT,
    memory: MemorySettings | None = None,
    timeout: float = 180.0,
    progress: Callable[[str], None] | None = None,
) -> StartResult:
    """Start the managed server of ``home`` and return once Bolt answers a query.

    A server already running from this home is left alone. Port 0 picks a free
    port. If the process dies while starting, the error carries its log tail.
    """
    began = time.monotonic()
    say = progress or (lambda _msg: None)
    running = is_running(home)
    if running is not None:
        return StartResult(running, True, False, 0.0)
    java = find_java()
    installed = install_jars(home, progress=say)
    bolt = _choose_port(bolt_port, "Bolt", "--bolt-port", set())
    http = _choose_port(http_port, "HTTP", "--http-port", {bolt})
    memory = memory or MemorySettings()
    write_config(home, bolt, http, memory)
    password = home.password(create=True)
    assert password is not None
    set_initial_password(home, java, password)
    home.logs.mkdir(parents=True, exist_ok=True)
    cmd = [
        java,
        f"-Xms{memory.heap}",
        f"-Xmx{memory.heap}",
        *JVM_OPTIONS,
        "-XX:+ExitOnOutOfMemoryError",
        "-Dfile.encoding=UTF-8",
        "-cp",
        f"{home.lib}/*",
        ENTRY_POINT,
        f"--home-dir={home.root / 'neo4j'}",
        f"--config-dir={home.conf}",
    ]
    say(f"starting Neo4j {NEO4J_VERSION} on 127.0.0.1 (Bolt {bolt}, HTTP {http})")
    with open(home.console_log, "ab") as console:
        proc = subprocess.Popen(
            cmd,
            stdout=console,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            cwd=home.root,
            start_new_session=True,
        )
    state = ServerState(proc.pid, bolt, http, NEO4J_VERSION, datetime.now(UTC).isoformat())
    home.write_state(state)
    deadline = time.monotonic() + timeout
    delay = 0.2
    while True:
        if proc.poll() is not None:
            home.clear_state()
            raise ServerError(
                f"Neo4j exited with code {proc.returncode} while starting; log tail:\n"
                + log_tail(home)
            )
        if _bolt_answers(state.bolt_uri, password):
            break
        if time.monotonic() > deadline:
            _terminate(proc.pid, 30)
            home.clear_state()
            raise ServerError(
                f"Neo4j did not answer on Bolt within {timeout:.0f}s; log tail:\n" + log_tail(home)
            )
        time.sleep(delay)
        delay = min(delay * 1.5, 1.0)
    return StartResult(state, False, installed, time.monotonic() - began)


def _terminate(pid: int, timeout: float) -> bool:
    """SIGTERM (Neo4j shuts down cleanly), then SIGKILL after ``timeout``; True if it was graceful."""
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)
        if not _pid_alive(pid):
            return True
        time.sleep(0.2)
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, 0)
    return False


def stop_server(home: ServerHome, timeout: float = 60.0) -> ServerState | None:
    """Stop the server of ``home`` gracefully; None if none was running."""
    state = is_running(home)
    if state is None:
        return None
    graceful = _terminate(state.pid, timeout)
    if not graceful:
        log.warning("Neo4j (pid %s) did not stop within %ss and was killed", state.pid, timeout)
    home.clear_state()
    return state


def _rss_mib(pid: int) -> float | None:
    try:
        with open(f"/proc/{pid}/status", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        return None
    return None


def server_status(home: ServerHome) -> dict[str, Any]:
    """Version, pid, ports, home, URLs and resident memory of the managed server."""
    state = is_running(home)
    status: dict[str, Any] = {
        "running": state is not None,
        "home": str(home.root),
        "version": NEO4J_VERSION,
        "password_file": str(home.password_file),
    }
    if state is not None:
        status.update(
            pid=state.pid,
            bolt_port=state.bolt_port,
            http_port=state.http_port,
            bolt_uri=state.bolt_uri,
            browser_url=state.browser_url,
            started_at=state.started_at,
            rss_mib=_rss_mib(state.pid),
        )
    return status
