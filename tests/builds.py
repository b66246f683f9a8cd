"""Builds for the tests: in this process by default, like MkDocs' own tests.

`build(config_file, site_dir, docs_dir=...)` loads a config the way `mkdocs build` does
(strict, with the plugins' startup and shutdown events) and builds it here, without a
new Python, and returns what the command line would have printed. `docs_copy()` copies
what the real build reads (docs/, mkdocs.yml and the folders it watches), so a test can
break a page and build the real configuration on it, in this process.

Under `make properdocs` (DOM_BUILDER=properdocs) the same calls go to ProperDocs:
conftest imports `properdocs.replacement` first, which makes every `mkdocs.*` import
ProperDocs'.
"""
from __future__ import annotations

import contextlib
import io
import logging
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# The loggers the builders write to (MkDocs, and ProperDocs under make properdocs).
LOGGERS = ("mkdocs", "properdocs")


@dataclass(frozen=True)
class Built:
    """The outcome of one build: did it succeed, and everything it printed (log lines and messages)."""

    returncode: int
    stderr: str
    site: Path

    @property
    def stdout(self) -> str:  # the command line prints everything on stderr too
        return ""


class _Lines(logging.Handler):
    """Formats records as the command line does: 'WARNING -  message'."""

    def __init__(self, out: io.StringIO) -> None:
        super().__init__(level=logging.INFO)
        self.out = out

    def emit(self, record: logging.LogRecord) -> None:
        self.out.write(f"{record.levelname:<8}-  {record.getMessage()}\n")


@contextlib.contextmanager
def _printed() -> Iterator[io.StringIO]:
    """Everything printed meanwhile (stdout, stderr, and the builders' log lines as the command
    line formats them), in one buffer."""
    out = io.StringIO()
    handler = _Lines(out)
    loggers = [logging.getLogger(name) for name in LOGGERS]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
    try:
        with contextlib.redirect_stderr(out), contextlib.redirect_stdout(out):
            yield out
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.removeHandler(handler)
            logger.setLevel(level)


def build(config_file: Path = ROOT / "mkdocs.yml", site_dir: Path | None = None, docs_dir: Path | None = None,
          **overrides: Any) -> Built:
    """Build config_file strictly into site_dir, in this process; overrides replace config keys."""
    from mkdocs import exceptions

    from dom_site.project import build_here

    assert site_dir is not None, "give the build a site_dir (a temporary folder)"
    returncode = 0
    with _printed() as out:
        kwargs: dict[str, Any] = dict(overrides)
        if docs_dir is not None:
            kwargs["docs_dir"] = str(docs_dir)
        try:
            build_here(config_file, site_dir, **kwargs)
        except (exceptions.MkDocsException, SystemExit) as error:  # Abort, ConfigurationError, PluginError
            out.write(f"{error}\n")
            returncode = 1
    return Built(returncode, out.getvalue(), site_dir)


def command(argv: list[str], root: Path) -> Built:
    """`dom-site <argv>` typed in the project folder root, run in this process
    (tests/test_content_checks.py runs the command line itself once, as a smoke test)."""
    from dom_site import cli

    with _printed() as out, contextlib.chdir(root):  # relative paths (--site site) are the copy's
        try:
            returncode = cli.main(argv, root)
        except SystemExit as error:  # argparse, or a command that stops with a message
            if isinstance(error.code, str):
                out.write(f"{error.code}\n")
            returncode = 1 if isinstance(error.code, str) else error.code or 0
    return Built(returncode, out.getvalue(), root / "site")


def inputs() -> list[str]:
    """What the real build reads, relative to the project: mkdocs.yml, docs/ and the folders it watches.

    mkdocs.yml's `watch:` lists every input besides docs/ (tests/test_serve.py proves it
    by changing each one under `mkdocs serve`), so this list is kept nowhere by hand.
    """
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)  # !ENV and friends
    config = yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader=Loader)
    return ["mkdocs.yml", str(config.get("docs_dir", "docs")), *config.get("watch", [])]


def docs_copy(dest: Path) -> Path:
    """A copy of what the real build reads (docs/, mkdocs.yml and its watched folders) in dest; returns dest/docs.

    The rules take the folder of mkdocs.yml as the project's root and docs/ as a folder
    inside it (messages read 'docs/…:line:'), so docs/ cannot be copied alone: its
    neighbours come along, about 1 MB, and nothing else (no scripts, no node_modules).
    """
    dest.mkdir(parents=True, exist_ok=True)
    for part in inputs():
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, dest / part)
    return dest / "docs"
