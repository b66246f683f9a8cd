"""git as the project asks it a question: one call, its output or None, never longer than a time limit.

The build reads dates, old texts and the merge base from git, and must keep going where
there is no git (a downloaded zip) or git fails (a shallow clone): the caller decides
what None means. Every call has a time limit and ends with its children (dom_site.processes).
"""
from __future__ import annotations

from pathlib import Path

from dom_site.processes import StepFailed, run

TIMEOUT = 60  # seconds for one git call: the build never hangs on git


def output(cwd: Path, *args: str, timeout: float = TIMEOUT) -> str | None:
    """The output of `git args` in cwd; None when git is missing, fails or takes longer than timeout.

    Paths come out as they are (core.quotePath=false), not with their accents escaped.
    """
    try:
        result = run(["git", "-c", "core.quotePath=false", *args], step="git", about=" ".join(args[:2]),
                     cwd=cwd, timeout=timeout)
    except StepFailed:
        return None
    return result.stdout if result.returncode == 0 else None
