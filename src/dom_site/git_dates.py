"""When each file last changed, from one `git log` pass over a folder.

The date is the author date of the newest commit that changed the file, the same
as `git log -1 --format=%as -- FILE`. One process for the whole folder, not one
per page. In a shallow clone the oldest commits are cut off: a file whose newest
commit is such a boundary commit may be older than that, so it gets no date.
"""
from __future__ import annotations

from pathlib import Path

from dom_site.processes import StepFailed, run

GIT_TIMEOUT_SECONDS = 60


class History:
    """The last-change date per file (paths relative to the repository), or why there is none."""

    def __init__(self, dates: dict[str, str], missing_reason: str | None = None, shallow: bool = False,
                 top: Path | None = None) -> None:
        self.top = top  # the repository's top folder: the paths are relative to it
        self.dates = dates
        self.missing_reason = missing_reason
        self.shallow = shallow

    def date_of(self, repo_path: str) -> str | None:
        return self.dates.get(repo_path)


def _git(args: list[str], cwd: Path) -> str | None:
    try:
        result = run(["git", "-c", "core.quotePath=false", *args], step="git", about=" ".join(args[:2]),
                     cwd=cwd, timeout=GIT_TIMEOUT_SECONDS)
    except StepFailed:
        return None
    return result.stdout if result.returncode == 0 else None


def read_history(folder: Path) -> History:
    """Every file's last-change date under folder, from one git log."""
    top = _git(["rev-parse", "--show-toplevel"], folder)
    if top is None:
        return History({}, "geen git-geschiedenis (no git history)")
    repo = Path(top.strip())
    shallow_file = _git(["rev-parse", "--git-path", "shallow"], repo)
    boundary: set[str] = set()
    if shallow_file is not None:
        path = Path(shallow_file.strip())
        path = path if path.is_absolute() else repo / path
        if path.is_file():
            boundary = set(path.read_text().split())
    log = _git(["log", "--cc", "--name-only", "--format=%x1e%H %as", "--", str(folder.resolve())], repo)
    if log is None:
        return History({}, "git log mislukt (git log failed)")
    dates: dict[str, str] = {}
    seen: set[str] = set()
    for record in log.split("\x1e")[1:]:
        lines = [line for line in record.splitlines() if line.strip()]
        if not lines:
            continue
        commit, day = lines[0].split(" ", 1)
        for name in lines[1:]:
            if name in seen:
                continue
            seen.add(name)
            if commit not in boundary:
                dates[name] = day
    if not seen:
        return History({}, "geen commits voor deze map (no commits for this folder)", bool(boundary), repo)
    return History(dates, None, bool(boundary), repo)
