"""Installing the managed server's jars: Maven always verifies checksums, failures are one clear error.

Behavioural: ``install_jars`` is pointed at a stand-in ``mvn`` that records
the command line it was given (and, for the failure case, fails the way Maven
does on a checksum mismatch). No network and no real Maven are needed.
"""

from __future__ import annotations

import json
import os
import stat
import sys
from pathlib import Path

import pytest

from claimgraph.errors import ServerError
from claimgraph.graph.home import ServerHome
from claimgraph.graph.server_install import NEO4J_VERSION, install_jars

_FAKE_MVN = """#!{python}
import json, os, sys
args = sys.argv[1:]
with open({log!r}, "w") as fh:
    json.dump(args, fh)
if {fail!r}:
    print("[ERROR] Failed to execute goal: Checksum validation failed, expected abc but is def")
    sys.exit(1)
out = [a.split("=", 1)[1] for a in args if a.startswith("-DoutputDirectory=")][0]
os.makedirs(out, exist_ok=True)
open(os.path.join(out, "neo4j-kernel-{version}.jar"), "wb").close()
"""


def _fake_maven(tmp_path: Path, fail: bool) -> tuple[Path, Path]:
    log = tmp_path / "mvn-args.json"
    script = tmp_path / "mvn"
    script.write_text(
        _FAKE_MVN.format(python=sys.executable, log=str(log), fail=fail, version=NEO4J_VERSION),
        encoding="utf-8",
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script, log


def test_maven_runs_with_strict_checksums(tmp_path: Path) -> None:
    home = ServerHome(tmp_path / "home")
    mvn, log = _fake_maven(tmp_path, fail=False)
    assert install_jars(home, maven=str(mvn)) is True
    args = json.loads(log.read_text())
    assert "--strict-checksums" in args
    assert "-B" in args  # batch mode: no prompts, no progress noise
    assert "dependency:copy-dependencies" in args
    pom = Path(args[args.index("-f") + 1])
    assert f"<neo4j.version>{NEO4J_VERSION}</neo4j.version>" in pom.read_text()
    assert (home.lib / f"neo4j-kernel-{NEO4J_VERSION}.jar").exists()
    # Installed once: the next call does not run Maven again.
    log.unlink()
    assert install_jars(home, maven=str(mvn)) is False
    assert not log.exists()


def test_checksum_failure_is_one_clear_error_and_installs_nothing(tmp_path: Path) -> None:
    home = ServerHome(tmp_path / "home")
    mvn, log = _fake_maven(tmp_path, fail=True)
    with pytest.raises(ServerError) as caught:
        install_jars(home, maven=str(mvn))
    message = str(caught.value)
    assert "Checksum validation failed" in message and "\n" not in message
    assert "--strict-checksums" in json.loads(log.read_text())
    assert not home.lib.exists(), "a failed install must not leave jars to run"


def test_maven_from_the_environment_gets_the_same_flags(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mvn, log = _fake_maven(tmp_path, fail=False)
    monkeypatch.setenv("CLAIMGRAPH_MAVEN", str(mvn))
    monkeypatch.setenv("PATH", os.defpath)
    assert install_jars(ServerHome(tmp_path / "home")) is True
    assert "--strict-checksums" in json.loads(log.read_text())
