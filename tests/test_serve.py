"""`make serve` rebuilds when an editor changes any input: pages, glossary, registries, schemas, templates, theme.

MkDocs says at the start which paths it watches; every folder of inputs must be among them.
One change outside docs/ then shows that a change there is a rebuild (each rebuild of the
whole site costs seconds, and what a watched path does on a change is MkDocs' own).
"""
from __future__ import annotations

import os
import queue
import re
import socket
import subprocess
import threading
import time
from pathlib import Path

from project_copy import copy_project

from dom_site.processes import builder, end_group


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_serve_rebuilds_on_every_input(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    server = subprocess.Popen([*builder(), "serve", "--strict",
                               "--dev-addr", f"127.0.0.1:{free_port()}"], cwd=project, env=env, text=True,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in server.stdout or []], daemon=True).start()

    def wait_for(text: str, seconds: float = 90) -> list[str]:
        deadline = time.monotonic() + seconds
        seen: list[str] = []
        while time.monotonic() < deadline:
            try:
                line = lines.get(timeout=1)
            except queue.Empty:
                continue
            seen.append(line)
            if text in line:
                return seen
        raise AssertionError(f"no '{text}' within {seconds} s:\n{''.join(seen[-20:])}")

    try:
        started = wait_for("Serving on")
        [watching] = [line for line in started if "Watching paths for changes:" in line]
        watched = set(re.findall(r"'([^']+)'", watching.split("Watching paths for changes:", 1)[1]))
        assert {"docs", "mkdocs.yml", "overrides", "includes", "registry", "schemas", "sjablonen"} <= watched, watched
        path = project / "registry" / "ids.yml"
        time.sleep(1.5)  # the watcher's debounce: one change, one rebuild
        path.write_text(path.read_text("utf-8") + "\n", "utf-8")
        seen = wait_for("Reloading browsers")  # MkDocs' last word after a rebuild
        assert any("Building documentation" in line for line in seen), "registry/ids.yml: no rebuild"
    finally:
        end_group(server)  # type: ignore[arg-type]
