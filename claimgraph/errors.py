"""The one exception hierarchy of claimgraph.

The CLI turns every ``ClaimgraphError`` into a one-line message; anything else
is a bug and keeps its traceback.
"""

__all__ = [
    "ClaimgraphError",
    "ConfigError",
    "ConnectionFailed",
    "ServerError",
    "InputError",
    "RecordError",
    "QueryError",
    "first_line",
]


class ClaimgraphError(Exception):
    """Base class of every error claimgraph raises on purpose."""


class ConfigError(ClaimgraphError):
    """Options or environment that cannot work (bad URI, missing password)."""


class ConnectionFailed(ClaimgraphError):
    """Neo4j is unreachable, or refused our credentials."""


class ServerError(ClaimgraphError):
    """The managed local Neo4j server could not be installed, started or stopped."""


class InputError(ClaimgraphError):
    """An input file that cannot be read or parsed; the message names the file."""


class RecordError(ClaimgraphError):
    """A record with a missing field or an invalid value."""


class QueryError(ClaimgraphError):
    """A canned query that does not exist, lacks parameters, or failed."""


def first_line(error: BaseException) -> str:
    """An error's message on one line, for a message of our own that goes on after it.

    The driver's messages sometimes end in a colon or a semicolon; those go.
    """
    text = str(getattr(error, "message", None) or error).strip()
    line = text.splitlines()[0].rstrip(" :;,") if text else ""
    return line or type(error).__name__
