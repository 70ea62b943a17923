"""Building a Neo4j driver: from options or ``NEO4J_*``, else the managed server.

This is the only module that opens connections; library functions take the
driver and the database name as arguments.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass

import neo4j
from neo4j import GraphDatabase
from neo4j.exceptions import AuthError, ConfigurationError, Neo4jError, ServiceUnavailable

from claimgraph.errors import ConfigError, ConnectionFailed, first_line
from claimgraph.graph.home import USER, ServerHome

__all__ = ["Settings", "resolve_settings", "open_driver", "connect", "raised_by_driver"]

log = logging.getLogger(__name__)

_SCHEMES = ("bolt://", "bolt+s://", "bolt+ssc://", "neo4j://", "neo4j+s://", "neo4j+ssc://")
CONNECT_TIMEOUT = 5.0


@dataclass
class Settings:
    """Where and as whom to connect. ``database`` None means the server default."""

    uri: str
    user: str
    password: str
    database: str | None
    managed: bool = False

    def describe(self) -> str:
        where = "the managed local server" if self.managed else self.uri
        return f"{where} as {self.user}" + (f", database {self.database}" if self.database else "")


def resolve_settings(
    uri: str | None = None,
    user: str | None = None,
    password: str | None = None,
    database: str | None = None,
    home: str | None = None,
) -> Settings:
    """Settings from explicit values (the CLI fills them from ``NEO4J_*``).

    Without a URI, the managed server of ``home`` is used; it must be running.
    """
    if uri:
        if not uri.startswith(_SCHEMES):
            raise ConfigError(f"unsupported Neo4j URI {uri!r}: use bolt://, neo4j:// or neo4j+s://")
        if password is None:
            raise ConfigError(f"no password for {uri}: set NEO4J_PASSWORD or pass --password")
        return Settings(uri, user or USER, password, database or None)
    server_home = ServerHome(home)
    state = server_home.read_state()
    stored = server_home.password()
    if state is None or stored is None:
        raise ConnectionFailed(
            f"no NEO4J_URI given and no managed server running in {server_home.root}: "
            "run `claimgraph server start` or set NEO4J_URI"
        )
    return Settings(state.bolt_uri, USER, password or stored, database or None, managed=True)


def open_driver(settings: Settings, verify: bool = True) -> neo4j.Driver:
    """A driver for ``settings``; with ``verify``, fail fast if Neo4j is unreachable."""
    try:
        driver = GraphDatabase.driver(
            settings.uri,
            auth=(settings.user, settings.password),
            connection_timeout=CONNECT_TIMEOUT,
            connection_acquisition_timeout=CONNECT_TIMEOUT * 2,
        )
    except (ConfigurationError, ValueError) as e:
        raise ConfigError(f"cannot use Neo4j URI {settings.uri!r}: {e}") from e
    if verify:
        try:
            driver.verify_connectivity()
            with driver.session(database=settings.database) as session:
                session.run("RETURN 1").consume()
        except AuthError as e:
            driver.close()
            raise ConnectionFailed(
                f"Neo4j at {settings.uri} refused the credentials of user {settings.user!r}"
            ) from e
        except ServiceUnavailable as e:
            driver.close()
            raise ConnectionFailed(f"cannot reach Neo4j at {settings.uri}: {first_line(e)}") from e
        except (Neo4jError, OSError) as e:
            driver.close()
            raise ConnectionFailed(f"Neo4j at {settings.uri}: {first_line(e)}") from e
    return driver


def connect(
    uri: str | None = None,
    user: str | None = None,
    password: str | None = None,
    database: str | None = None,
    home: str | None = None,
) -> tuple[neo4j.Driver, str | None]:
    """Resolve settings and open a verified driver: ``(driver, database)``."""
    settings = resolve_settings(uri, user, password, database, home)
    log.info("connecting to %s", settings.describe())
    return open_driver(settings), settings.database


def raised_by_driver(error: BaseException) -> bool:
    """Whether ``error`` was raised inside the neo4j driver's own code."""
    tb = error.__traceback__
    last = None
    while tb is not None:
        last = tb
        tb = tb.tb_next
    if last is None:
        return False
    driver_dir = os.path.dirname(neo4j.__file__)
    return os.path.abspath(last.tb_frame.f_code.co_filename).startswith(driver_dir + os.sep)
