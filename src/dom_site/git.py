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


def blobs(cwd: Path, specs: list[str], timeout: float = TIMEOUT) -> list[bytes | None] | None:
    """The contents of each `revision:path` in specs, from one `git cat-file --batch` (None for one git
    does not have); None instead of the list when git is missing, fails or takes too long."""
    try:
        result = run(["git", "cat-file", "--batch"], step="git", about="cat-file --batch", cwd=cwd, timeout=timeout,
                     stdin_text="".join(f"{spec}\n" for spec in specs).encode("utf-8"), text=False)
    except StepFailed:
        return None
    if result.returncode != 0:
        return None
    out: bytes = result.stdout
    found: list[bytes | None] = []
    at = 0
    for _ in specs:
        end = out.index(b"\n", at)
        header, at = out[at:end].split(), end + 1
        if not header or header[-1] == b"missing" or len(header) != 3:  # "<spec> missing"
            found.append(None)
            continue
        size = int(header[2])
        found.append(out[at:at + size])
        at += size + 1  # the content, then a newline
    return found
