"""Installing the managed Neo4j: Java check, Maven resolution, configuration.

The server's jars come from Maven Central through the pom that ships with the
package (``claimgraph/java/pom.xml``); Maven verifies their checksums
(``--strict-checksums``) and copies them into ``<home>/neo4j/lib``.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from claimgraph.errors import ServerError
from claimgraph.graph.home import ServerHome

__all__ = [
    "JVM_OPTIONS",
    "NEO4J_VERSION",
    "MemorySettings",
    "auto_memory",
    "physical_memory_mib",
    "find_java",
    "install_jars",
    "write_config",
    "set_initial_password",
]

log = logging.getLogger(__name__)


def _pom_text() -> str:
    return resources.files("claimgraph.java").joinpath("pom.xml").read_text(encoding="utf-8")


def _pom_version() -> str:
    match = re.search(r"<neo4j.version>([^<]+)</neo4j.version>", _pom_text())
    if not match:  # pragma: no cover - the pom ships with the package
        raise ServerError("the packaged pom.xml names no neo4j.version")
    return match.group(1)


NEO4J_VERSION = _pom_version()
_MARKER = ".claimgraph-installed"


# "auto" sizes, from the machine's memory: a sixth for the heap and two
# fifths for the page cache. On 24 GiB that is a 4 GiB heap and a 9.6 GiB
# page cache (the store of a million synthetic articles is about 11 GiB, and
# the OS caches what the page cache does not hold), leaving 10 GiB for the
# system, the JVM's own memory and the extraction workers.
HEAP_SHARE, PAGECACHE_SHARE = 1 / 6, 2 / 5
HEAP_MIB = (512, 8192)  # least, most
PAGECACHE_MIB = (256, 16384)


def physical_memory_mib() -> int | None:
    """The machine's memory in MiB, if the OS says."""
    try:
        return int(os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE") // 2**20)
    except (ValueError, OSError, AttributeError):
        return None


def auto_memory(total_mib: int | None = None) -> tuple[str, str]:
    """Heap and page cache for a machine with ``total_mib`` of memory (default: this one)."""
    total = total_mib if total_mib is not None else physical_memory_mib()
    if total is None:
        return f"{HEAP_MIB[0]}m", f"{PAGECACHE_MIB[0]}m"
    heap = min(max(int(total * HEAP_SHARE), HEAP_MIB[0]), HEAP_MIB[1])
    cache = min(max(int(total * PAGECACHE_SHARE), PAGECACHE_MIB[0]), PAGECACHE_MIB[1])
    return f"{heap}m", f"{cache}m"


@dataclass
class MemorySettings:
    """JVM heap and page cache; ``auto`` (the default) sizes them from the machine's memory."""

    heap: str = "auto"
    pagecache: str = "auto"

    def __post_init__(self) -> None:
        heap, cache = auto_memory() if "auto" in (self.heap, self.pagecache) else ("", "")
        if self.heap == "auto":
            self.heap = heap
        if self.pagecache == "auto":
            self.pagecache = cache
        for name, value in (("heap", self.heap), ("page cache", self.pagecache)):
            if not re.fullmatch(r"\d+[kmgKMG]?", value):
                raise ServerError(f"invalid {name} size {value!r}: use e.g. 512m, 2g or auto")


# The JVM options Neo4j's own launcher passes (memory aside). Without the
# --add-opens lines the page cache falls back to a slower way of reaching
# direct buffers, and the transaction logs lose their native file hints; the
# server logs a warning for each at start.
JVM_OPTIONS: tuple[str, ...] = (
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+UnlockExperimentalVMOptions",
    "-XX:+TrustFinalNonStaticFields",
    "-XX:+DisableExplicitGC",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Dlog4j2.disable.jmx=true",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
)


def find_java() -> str:
    """The ``java`` to run Neo4j with (``JAVA_HOME`` first); must be Java 17 or newer."""
    java_home = os.environ.get("JAVA_HOME")
    candidate = str(Path(java_home) / "bin" / "java") if java_home else shutil.which("java")
    if not candidate or not Path(candidate).exists():
        raise ServerError("Java 17 or newer is needed to run Neo4j, and no `java` was found")
    try:
        out = subprocess.run([candidate, "-version"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as e:
        raise ServerError(f"cannot run {candidate}: {e}") from e
    match = re.search(r'version "(\d+)', out.stderr + out.stdout)
    if not match or int(match.group(1)) < 17:
        found = match.group(1) if match else "unknown"
        raise ServerError(
            f"Neo4j {NEO4J_VERSION} needs Java 17 or newer; {candidate} is Java {found}"
        )
    return candidate


def install_jars(
    home: ServerHome, maven: str | None = None, progress: Callable[[str], None] | None = None
) -> bool:
    """Resolve the server's jars with Maven unless already there; True if it ran Maven."""
    marker = home.lib / _MARKER
    if marker.exists() and marker.read_text(encoding="utf-8").strip() == NEO4J_VERSION:
        return False
    mvn = maven or os.environ.get("CLAIMGRAPH_MAVEN") or shutil.which("mvn")
    if not mvn:
        raise ServerError("Maven (`mvn`) is needed once to fetch the Neo4j jars, and was not found")
    work = home.root / "neo4j"
    work.mkdir(parents=True, exist_ok=True)
    if home.lib.exists():
        shutil.rmtree(home.lib)
    staging = work / "lib.partial"
    if staging.exists():
        shutil.rmtree(staging)
    pom = work / "pom.xml"
    pom.write_text(_pom_text(), encoding="utf-8")
    cmd = [
        mvn,
        "-B",
        "-q",
        "--strict-checksums",
        "-f",
        str(pom),
        "dependency:copy-dependencies",
        f"-DoutputDirectory={staging}",
        "-DincludeScope=runtime",
    ]
    if progress:
        progress(f"resolving the Neo4j {NEO4J_VERSION} jars with Maven (first start only)")
    log.info("resolving Neo4j %s jars with Maven: %s", NEO4J_VERSION, " ".join(cmd))
    try:
        result = subprocess.run(cmd, capture_output=True, text=True, timeout=1800)
    except (OSError, subprocess.TimeoutExpired) as e:
        raise ServerError(f"Maven could not fetch the Neo4j jars: {e}") from e
    if result.returncode != 0:
        tail = " | ".join((result.stdout + result.stderr).strip().splitlines()[-5:])
        raise ServerError(f"Maven could not fetch the Neo4j {NEO4J_VERSION} jars: {tail}")
    staging.rename(home.lib)
    marker.write_text(NEO4J_VERSION + "\n", encoding="utf-8")
    return True


def write_config(home: ServerHome, bolt_port: int, http_port: int, memory: MemorySettings) -> Path:
    """Write ``neo4j.conf``: loopback only, auth on, our ports and memory."""
    for d in (home.conf, home.data, home.logs, home.root / "neo4j" / "import"):
        d.mkdir(parents=True, exist_ok=True)
    settings = {
        "server.default_listen_address": "127.0.0.1",
        "server.default_advertised_address": "127.0.0.1",
        "server.bolt.enabled": "true",
        "server.bolt.listen_address": f"127.0.0.1:{bolt_port}",
        "server.bolt.advertised_address": f"127.0.0.1:{bolt_port}",
        "server.http.enabled": "true",
        "server.http.listen_address": f"127.0.0.1:{http_port}",
        "server.http.advertised_address": f"127.0.0.1:{http_port}",
        "server.https.enabled": "false",
        "dbms.security.auth_enabled": "true",
        "server.directories.data": str(home.data),
        "server.directories.logs": str(home.logs),
        "server.directories.import": str(home.root / "neo4j" / "import"),
        "server.memory.heap.initial_size": memory.heap,
        "server.memory.heap.max_size": memory.heap,
        "server.memory.pagecache.size": memory.pagecache,
        "dbms.usage_report.enabled": "false",
        "db.tx_log.rotation.retention_policy": "1 files",
    }
    path = home.conf / "neo4j.conf"
    lines = ["# Written by claimgraph for its managed server; rewritten at each start."]
    lines += [f"{k}={v}" for k, v in settings.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def admin_env(home: ServerHome) -> dict[str, str]:
    """Environment for neo4j-admin pointing at our home and config."""
    env = dict(os.environ)
    env["NEO4J_HOME"] = str(home.root / "neo4j")
    env["NEO4J_CONF"] = str(home.conf)
    return env


def set_initial_password(home: ServerHome, java: str, password: str) -> None:
    """Set the ``neo4j`` user's password before the very first start."""
    if (home.data / "dbms" / "auth.ini").exists():
        return
    cmd = [
        java,
        *JVM_OPTIONS,
        "-cp",
        f"{home.lib}/*",
        "org.neo4j.cli.AdminTool",
        "dbms",
        "set-initial-password",
        "--",  # a password may start with "-"; it is never an option
        password,
    ]
    result = subprocess.run(cmd, capture_output=True, text=True, env=admin_env(home), timeout=300)
    if result.returncode != 0:
        lines = (result.stdout + result.stderr).strip().splitlines()
        reasons = [
            ln.strip() for ln in lines if ln.strip() and not ln.startswith(("\tat ", "    at "))
        ]
        raise ServerError(f"could not set the initial Neo4j password: {' | '.join(reasons[:3])}")
