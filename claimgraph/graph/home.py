"""Where the managed Neo4j lives: the per-user claimgraph home.

``--home`` / ``CLAIMGRAPH_HOME`` moves it; otherwise it follows the XDG base
directory convention (``$XDG_DATA_HOME/claimgraph``, by default
``~/.local/share/claimgraph``).
"""

from __future__ import annotations

import json
import os
import secrets
import string
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

__all__ = ["ServerHome", "ServerState", "default_home"]

USER = "neo4j"


def default_home() -> Path:
    """The home used when neither ``--home`` nor ``CLAIMGRAPH_HOME`` is given."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "claimgraph"


@dataclass
class ServerState:
    """What a running managed server wrote about itself."""

    pid: int
    bolt_port: int
    http_port: int
    version: str
    started_at: str

    @property
    def bolt_uri(self) -> str:
        return f"bolt://127.0.0.1:{self.bolt_port}"

    @property
    def browser_url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}/browser/"


PASSWORD_ALPHABET = string.ascii_letters + string.digits
PASSWORD_LENGTH = 32


def new_password() -> str:
    """A random password of letters and digits (190 bits).

    No punctuation: neo4j-admin reads a leading ``-`` as an option, and a
    password is easier to paste into Neo4j Browser without quoting.
    """
    return "".join(secrets.choice(PASSWORD_ALPHABET) for _ in range(PASSWORD_LENGTH))


class ServerHome:
    """The directory layout of one managed server."""

    def __init__(self, root: str | os.PathLike[str] | None = None) -> None:
        self.root = Path(root).expanduser().resolve() if root else default_home()

    @property
    def lib(self) -> Path:
        return self.root / "neo4j" / "lib"

    @property
    def conf(self) -> Path:
        return self.root / "neo4j" / "conf"

    @property
    def data(self) -> Path:
        return self.root / "neo4j" / "data"

    @property
    def logs(self) -> Path:
        return self.root / "neo4j" / "logs"

    @property
    def run(self) -> Path:
        return self.root / "run"

    @property
    def password_file(self) -> Path:
        return self.root / "auth" / "password"

    @property
    def state_file(self) -> Path:
        return self.run / "server.json"

    @property
    def console_log(self) -> Path:
        return self.logs / "console.log"

    def password(self, create: bool = False) -> str | None:
        """The managed server's password; generated (mode 0600) when ``create``."""
        path = self.password_file
        if path.exists():
            return path.read_text(encoding="utf-8").strip()
        if not create:
            return None
        path.parent.mkdir(parents=True, exist_ok=True)
        os.chmod(path.parent, 0o700)
        value = new_password()
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(value + "\n")
        return value

    def read_state(self) -> ServerState | None:
        """The state file of a server started from this home, if any."""
        try:
            data: dict[str, Any] = json.loads(self.state_file.read_text(encoding="utf-8"))
            return ServerState(**data)
        except (OSError, ValueError, TypeError):
            return None

    def write_state(self, state: ServerState) -> None:
        self.run.mkdir(parents=True, exist_ok=True)
        tmp = self.state_file.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(state), indent=2), encoding="utf-8")
        tmp.replace(self.state_file)

    def clear_state(self) -> None:
        self.state_file.unlink(missing_ok=True)
