"""Shared fixtures: the full site (as `make build` makes it) once per test run, and a browser per worker."""
from __future__ import annotations

import os

# Under `make properdocs` every build in this process is ProperDocs': its `replacement` module
# turns each later `mkdocs.*` import into the `properdocs.*` one, so it must come first.
if os.environ.get("DOM_BUILDER") == "properdocs":
    import properdocs.replacement  # noqa: F401

import fcntl
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from dom_site import citation_registry
from dom_site.pdfs import PDFS
from dom_site.processes import builder, run

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")

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


# --- The full site: MkDocs, the PDFs, the frozen editions ---------------------------------

def missing_parts(site: Path) -> list[str]:
    """What a full site (make build) has and this one lacks: pages, PDFs, frozen editions."""
    wanted = ["index.html", "en/index.html"]
    for first, name in PDFS.items():
        folder = first.removesuffix("index.md")
        wanted += [f"{folder}{name}", f"en/{folder}{name}"]
    registry = citation_registry.load_registry(ROOT / "registry" / "ids.yml")
    wanted += [f"versies/{release['version']}/reactie/index.html" for release in registry.releases]
    return [part for part in wanted if not (site / part).is_file()]


def make_full_site(dest: Path) -> None:
    """The steps of `make build`, into dest: the strict MkDocs build, the PDFs, the frozen editions."""
    steps = [[*builder(), "build", "--strict", "--clean", "-d", str(dest)],
             [sys.executable, str(ROOT / "scripts" / "build_pdfs.py"), "--site", str(dest)],
             [sys.executable, str(ROOT / "scripts" / "build_editions.py"), "--site", str(dest)]]
    for cmd in steps:
        result = run(cmd, step=Path(cmd[1]).name if cmd[1].endswith(".py") else "mkdocs build", cwd=ROOT,
                     timeout=900)
        assert result.returncode == 0, f"{' '.join(cmd)} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The full built site. `make test` builds it once (make build) and passes SITE_DIR=site.

    Without SITE_DIR the first worker builds it into the run's shared temporary folder
    under a lock, and the other workers use that one (a failed build fails them all,
    with its output).
    """
    given = os.environ.get("SITE_DIR")
    if given:
        site = Path(given).resolve()
        missing = missing_parts(site)
        assert not missing, (f"SITE_DIR={given} is not a full site (make build): {missing[:5]} missing — run "
                             "'make build' first, or run pytest without SITE_DIR to build it in a temporary folder")
        return site
    # pytest-xdist's workers share the parent of their temporary folders; alone, our own is the run's.
    in_worker = "PYTEST_XDIST_WORKER" in os.environ
    shared = tmp_path_factory.getbasetemp().parent if in_worker else tmp_path_factory.getbasetemp()
    site, failed = shared / "full-site", shared / "full-site.failed"
    with (shared / "full-site.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        assert not failed.exists(), failed.read_text("utf-8")
        if not missing_parts(site):
            return site
        shutil.rmtree(site, ignore_errors=True)
        try:
            make_full_site(site)
        except BaseException as error:
            failed.write_text(f"building the full site failed (in another worker):\n{error}", "utf-8")
            raise
    return site


@pytest.fixture(scope="session")
def node_tools() -> None:
    """The Node tools of the content checks (cspell, markdownlint): a failure that says what to run, never a skip."""
    for tool in ("cspell", "markdownlint-cli2"):
        assert (ROOT / "node_modules" / ".bin" / tool).exists(), (
            f"node_modules/.bin/{tool} ontbreekt: draai 'make setup' (npm ci) "
            f"(English: {tool} is missing: run 'make setup', which runs npm ci)")


# --- Browser fixtures (Chromium from the distribution, driven by Playwright) -------

from static_host import CHROMIUM_ARGS, chromium_path, serve  # noqa: E402  (scripts/ is on pytest's path)


@pytest.fixture(scope="session")
def site_url(site_dir: Path) -> Iterator[str]:
    """Serve the built site on 127.0.0.1 like a plain static host (GitHub Pages) does."""
    with serve(site_dir) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """One Chromium per worker for the whole run."""
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
