"""Shared fixtures: one strict build of the real site per test session."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from dom_site.processes import builder, run

ROOT = Path(__file__).resolve().parent.parent

# The tests break things on purpose: in a GitHub Actions run their problems must not become
# annotations of the pull request nor lines of its summary (tests/test_github_messages.py sets them itself).
for _name in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "DOM_SITE_PROBLEMS"):
    os.environ.pop(_name, None)


def build_site(dest: Path, config: Path | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """Run the strict MkDocs build the way `make build` does (never with -q), under a time limit."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    cmd = [*builder(), "build", "--strict", "--clean", "-d", str(dest)]
    if config is not None:
        cmd += ["-f", str(config)]
    return run(cmd, step="mkdocs build", about=str(cwd), cwd=cwd, env=env, timeout=600)


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built site. `make test` builds once and passes SITE_DIR; alone, we build here."""
    given = os.environ.get("SITE_DIR")
    if given:
        return Path(given).resolve()
    dest = tmp_path_factory.mktemp("site")
    config = os.environ.get("MKDOCS_CONFIG")
    result = build_site(dest, Path(config) if config else None)
    assert result.returncode == 0, f"strict build failed:\n{result.stdout}\n{result.stderr}"
    return dest


# --- Browser fixtures (Chromium from the distribution, driven by Playwright) -------

from dom_site.static_host import CHROMIUM_ARGS, chromium_path, serve  # noqa: E402


@pytest.fixture(scope="session")
def site_url(site_dir: Path):
    """Serve the built site on 127.0.0.1 like a plain static host (GitHub Pages) does."""
    with serve(site_dir) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture()
def page(browser):
    context = browser.new_context(locale="nl-NL")
    opened = context.new_page()
    yield opened
    context.close()
