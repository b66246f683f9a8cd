"""Every program the project starts: with a time limit, in its own process group, ended with its children.

A browser blocked by a dialog, a Node tool waiting on input or a nested build that
hangs must never keep a build or CI job running: on timeout or interrupt the whole
process group is ended (first SIGTERM, then SIGKILL), and the message says which
step and which file it was working on.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

GRACE_SECONDS = 5


class StepFailed(RuntimeError):
    """A step that timed out or could not start; str() is the editor's message."""


def end_group(process: subprocess.Popen[Any]) -> None:
    """End a process and everything it started: SIGTERM, a short grace, then SIGKILL."""
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=GRACE_SECONDS)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        pass
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    process.wait()


def run(cmd: Sequence[str | os.PathLike[str]], *, step: str, timeout: float, about: str = "",
        cwd: str | Path | None = None, env: Mapping[str, str] | None = None,
        capture: bool = True, check: bool = False, stdin_text: str | bytes | None = None,
        text: bool = True) -> subprocess.CompletedProcess[Any]:
    """Run cmd like subprocess.run, but never for longer than timeout seconds.

    step names what the project was doing ("PDF maken", "spelling"), about the file
    it was working on; both go into the message when the step has to be stopped.
    """
    where = f" ({about})" if about else ""
    process: subprocess.Popen[Any]
    try:
        process = subprocess.Popen(
            [str(part) for part in cmd], cwd=cwd, env=dict(env) if env is not None else None, text=text,
            stdin=subprocess.PIPE if stdin_text is not None else subprocess.DEVNULL,
            stdout=subprocess.PIPE if capture else None, stderr=subprocess.PIPE if capture else None,
            start_new_session=True)
    except OSError as error:
        raise StepFailed(f"{step}{where}: kon niet starten: {error} — installeer het programma of kijk de opdracht na "
                         f"(English: could not start: {error} — install the program or check the command)") from error
    try:
        stdout, stderr = process.communicate(stdin_text, timeout=timeout)
    except subprocess.TimeoutExpired as error:
        end_group(process)
        raise StepFailed(f"{step}{where}: gestopt na {timeout:g} seconden zonder resultaat — kijk of de pagina een "
                         f"script, dialoog of eindeloze lus bevat, of draai de stap los om te zien waar hij blijft hangen "
                         f"(English: stopped after {timeout:g} seconds without a result — check the page for a script, "
                         f"dialog or endless loop, or run the step alone to see where it hangs)") from error
    except BaseException:
        end_group(process)
        raise
    finally:
        # Children a finished leader left behind belong to the step too.
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
    result = subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)
    if check and result.returncode != 0:
        raise StepFailed(f"{step}{where}: mislukt (exit {result.returncode}) — lees de uitvoer hierboven "
                         f"(English: failed (exit {result.returncode}) — read the output above)\n"
                         f"{_tail(stderr)}")
    return result


def _tail(output: str | bytes | None) -> str:
    if isinstance(output, bytes):
        output = output.decode("utf-8", "replace")
    return (output or "")[-2000:]


def builder() -> list[str]:
    """The command that builds the site: MkDocs, or ProperDocs when DOM_BUILDER=properdocs (make properdocs)."""
    name = os.environ.get("DOM_BUILDER", "mkdocs")
    return [sys.executable, "-m", "properdocs" if name == "properdocs" else "mkdocs"]
