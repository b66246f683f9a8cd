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
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from dom_site import citation_registry
from dom_site.pdfs import PDFS
from dom_site.processes import builder, end_group, run

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")

# The tests break things on purpose: in a GitHub Actions run their problems must not become
# annotations of the pull request nor lines of its summary (tests/test_github_messages.py sets them itself).
for _name in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "DOM_SITE_PROBLEMS"):
    os.environ.pop(_name, None)


def build_site(dest: Path, config: Path | None = None, cwd: Path = ROOT,
               env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the strict MkDocs build the way `make build` does (never with -q), under a time limit;
    env: variables to set for it besides this process' own."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true", **(env or {})}
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


# The full site is built by `make build` (one definition of it), in the background, by the
# first worker that collected a test needing it; the tests that need no site run first
# (pytest_collection_modifyitems), so the build overlaps them. The markers tell every
# worker when it is done: full-site.done, or full-site.failed with the build's output.
BUILD_TIMEOUT_SECONDS = 900
_build: tuple[threading.Thread, subprocess.Popen[str]] | None = None


def needs_site(item: pytest.Item) -> bool:
    return "site_dir" in getattr(item, "fixturenames", ())


def shared_folder(config: pytest.Config) -> Path:
    """This run's temporary folder, the same for every pytest-xdist worker."""
    base: Path = config._tmp_path_factory.getbasetemp()  # type: ignore[attr-defined]
    return base.parent if "PYTEST_XDIST_WORKER" in os.environ else base


def site_destination(config: pytest.Config) -> Path:
    """BUILD_SITE (make test: site/, which make test leaves for the deploy), else this run's temporary folder."""
    given = os.environ.get("BUILD_SITE")
    return (ROOT / given).resolve() if given else shared_folder(config) / "full-site"


def write_marker(marker: Path, text: str) -> None:
    """Write a marker another worker polls for whole: it appears with its text, never empty.

    A plain write_text creates the file first; a worker that saw it then read "" and served
    the site from the current folder (Path("") is "."), and every browser test failed.
    """
    partial = marker.with_name(marker.name + ".partial")
    partial.write_text(text, "utf-8")
    os.replace(partial, marker)


def start_full_build(config: pytest.Config) -> None:
    """Start `make build` in the background, once per run (the first worker to get here)."""
    global _build
    shared = shared_folder(config)
    with (shared / "full-site.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        started = shared / "full-site.started"
        if started.exists():
            return
        started.write_text(str(os.getpid()), "utf-8")
    dest = site_destination(config)
    log = shared / "full-site.log"
    with log.open("w") as out:
        # Its own process group, like every step (dom_site.processes): ended whole on timeout or interrupt.
        process = subprocess.Popen(["make", "--no-print-directory", "build", f"SITE={dest}"], cwd=ROOT, text=True,
                                   stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
                                   start_new_session=True)

    def wait() -> None:
        try:
            returncode = process.wait(BUILD_TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            end_group(process)
            returncode = -1
        if returncode == 0 and not missing_parts(dest):
            write_marker(shared / "full-site.done", str(dest))
        else:
            output = log.read_text("utf-8", errors="replace")[-8000:]
            write_marker(shared / "full-site.failed",
                         f"make build SITE={dest} failed (exit {returncode}; install what it names, or run it alone):\n{output}")

    thread = threading.Thread(target=wait, name="make build", daemon=True)
    thread.start()
    _build = (thread, process)


def pytest_collection_modifyitems(session: pytest.Session, config: pytest.Config, items: list[pytest.Item]) -> None:
    """The tests that need no site first, in the same order in every worker: the site's build overlaps them.

    A module whose first test needs no site keeps its order (its own fixture site is made once per worker).
    """
    first: dict[str, bool] = {}
    for item in items:
        first.setdefault(item.nodeid.split("::")[0], needs_site(item))
    items.sort(key=lambda item: needs_site(item) and first[item.nodeid.split("::")[0]])


def pytest_collection_finish(session: pytest.Session) -> None:
    """Start the full site's build when a selected test needs it (never for --collect-only)."""
    if session.config.option.collectonly or os.environ.get("SITE_DIR"):
        return
    if any(needs_site(item) for item in session.items):
        start_full_build(session.config)


def pytest_sessionfinish(session: pytest.Session) -> None:
    """The worker that started the build waits for it; interrupted, it ends it: nothing is left running."""
    if _build is None:
        return
    thread, process = _build
    try:
        thread.join(BUILD_TIMEOUT_SECONDS)
    finally:
        if process.poll() is None:
            end_group(process)


def made_once(config: pytest.Config, name: str, make: Callable[[Path], None]) -> Path:
    """A fixture folder made once per run for every worker: the first makes it under a lock, the others reuse it."""
    shared = shared_folder(config)
    folder, made = shared / name, shared / f"{name}.made"
    with (shared / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not made.exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            make(folder)
            made.touch()
    return folder


@pytest.fixture(scope="session")
def site_dir(pytestconfig: pytest.Config) -> Path:
    """The full built site (make build): SITE_DIR when given, else the one this run builds (BUILD_SITE or a temporary folder)."""
    given = os.environ.get("SITE_DIR")
    if given:
        site = Path(given).resolve()
        missing = missing_parts(site)
        assert not missing, (f"SITE_DIR={given} is not a full site (make build): {missing[:5]} missing — run "
                             "'make build' first, or run pytest without SITE_DIR to build it")
        return site
    shared = shared_folder(pytestconfig)
    done, failed = shared / "full-site.done", shared / "full-site.failed"
    deadline = time.monotonic() + BUILD_TIMEOUT_SECONDS + 60
    while not (done.exists() or failed.exists()):
        assert time.monotonic() < deadline, "the full site's build (make build) did not finish in time"
        time.sleep(0.5)
    assert not failed.exists(), failed.read_text("utf-8")
    return Path(done.read_text("utf-8"))


@pytest.fixture(scope="session")
def node_tools() -> None:
    """The Node tools of the content checks (cspell, markdownlint): a failure that says what to run, never a skip."""
    for tool in ("cspell", "markdownlint-cli2"):
        assert (ROOT / "node_modules" / ".bin" / tool).exists(), (
            f"node_modules/.bin/{tool} ontbreekt: draai 'make setup' (npm ci) "
            f"(English: {tool} is missing: run 'make setup', which runs npm ci)")


# --- Browser fixtures (Chromium from the distribution, driven by Playwright) -------

from dom_site.static_host import CHROMIUM_ARGS, chromium_path, serve  # noqa: E402


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
