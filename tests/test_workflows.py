"""The GitHub workflows are valid, least-privilege and pinned (actionlint, zizmor, schema)."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
BIN = Path(sys.executable).parent


def run(*cmd: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, timeout=600, cwd=ROOT, capture_output=True, text=True)


def test_there_are_workflows() -> None:
    names = {w.name for w in WORKFLOWS}
    assert {"ci.yml", "deploy.yml"} <= names


def test_actionlint_finds_nothing() -> None:
    result = run(str(BIN / "actionlint"), *map(str, WORKFLOWS))
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_finds_nothing() -> None:
    result = run(str(BIN / "zizmor"), "--offline", "--no-progress", ".github/workflows")
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflows_match_githubs_schema() -> None:
    result = run(str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.github-workflows", *map(str, WORKFLOWS))
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_full_commit_sha(workflow: Path) -> None:
    uses = re.findall(r"uses:\s*([^\s#]+)", workflow.read_text("utf-8"))
    assert uses
    for action in uses:
        assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", action), f"{workflow.name}: {action} is not pinned to a SHA"


def test_only_the_deploy_job_may_write() -> None:
    deploy = (ROOT / ".github" / "workflows" / "deploy.yml").read_text("utf-8")
    ci = (ROOT / ".github" / "workflows" / "ci.yml").read_text("utf-8")
    assert "pages: write" not in ci and "id-token: write" not in ci
    top, _, jobs = deploy.partition("\njobs:")
    assert "permissions:\n  contents: read" in top
    assert "group: pages" in top and "cancel-in-progress: false" in top
    build, _, deploy_job = jobs.partition("\n  deploy:")
    assert "write" not in build
    assert "pages: write" in deploy_job and "id-token: write" in deploy_job
