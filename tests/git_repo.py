"""One way for the tests to run git in a repository they make: a fixed identity, no signing, a time limit."""
from __future__ import annotations

import os
from pathlib import Path

from dom_site.processes import run

IDENTITY = {"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.invalid",
            "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.invalid"}


def git(repo: Path, *args: str, date: str | None = None) -> str:
    """git's output (stripped); fails the test when git fails. date (YYYY-MM-DD): the commit's day."""
    env = {**os.environ, **IDENTITY}
    if date:
        env |= {"GIT_AUTHOR_DATE": f"{date}T12:00:00+01:00", "GIT_COMMITTER_DATE": f"{date}T12:00:00+01:00"}
    result = run(["git", "-c", "commit.gpgsign=false", *args], step="git", cwd=repo, env=env, check=True, timeout=60)
    return str(result.stdout).strip()
