"""The project's one message format for editors: `path:line: Dutch — fix (English: … — …)`.

Every hook and every check reports through this, so an editor reads the same
shape of message in `mkdocs serve`, in `make check` and in CI. `say()` prints a
problem; inside a GitHub Actions run it also writes it as a workflow command
(dom_site.github), so the problem shows on its line of the pull request.
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from typing import TextIO

from dom_site import github

# A message that starts with its place: "docs/x.md:12: …".
LOCATED = re.compile(r"^(?P<path>[^\s:][^:\n]*?):(?P<line>[0-9]+): (?P<rest>.+)$", re.DOTALL)


@dataclass(frozen=True)
class Problem:
    """One thing an editor must fix, said in Dutch first and English after it."""

    path: str
    line: int
    wrong_nl: str
    fix_nl: str
    wrong_en: str
    fix_en: str
    # What the mistake is about ("id:d-41", "page:over/extra.en.md"). Two rules that see
    # the same mistake give it the same subject, and an editor reads only the first
    # (dom_site.rules.run): one mistake, one message, one fix.
    subject: str | None = field(default=None, compare=False)
    # Other subjects this one message says too: an ID changed in one language is also "an ID the
    # other page lacks", "a heading the other page lacks" and "an ID not in the registry".
    covers: tuple[str, ...] = field(default=(), compare=False)

    @property
    def subjects(self) -> tuple[str, ...]:
        return ((self.subject,) if self.subject is not None else ()) + self.covers

    def __str__(self) -> str:
        return (f"{self.path}:{self.line}: {self.wrong_nl} — {self.fix_nl} "
                f"(English: {self.wrong_en} — {self.fix_en})")


def problem(path: str, line: int, wrong_nl: str, fix_nl: str, wrong_en: str, fix_en: str) -> str:
    """The message as text, for hooks that raise it."""
    return str(Problem(path, line, wrong_nl, fix_nl, wrong_en, fix_en))


def locate(message: str) -> tuple[str, int] | None:
    """The path and line a message in the project's format starts with."""
    match = LOCATED.match(message)
    return (match["path"], int(match["line"])) if match else None


def say(message: Problem | str, *, title: str | None = None, stream: TextIO | None = None,
        echo: bool = True) -> None:
    """Print a problem for the editor; in a GitHub Actions run also as `::error file=…,line=…`.

    message: a Problem, or a text in the same format (then its path and line are read
    from its start; a text without them is annotated without a place).
    echo=False: only the workflow command (the text was printed already, e.g. by MkDocs).
    """
    text = str(message)
    out = stream or sys.stdout
    if echo:
        # In a run, one line: a newline inside a message could otherwise start a workflow command.
        print(github.one_line(text) if github.active() else text, file=out, flush=True)
    match = LOCATED.match(text)
    if isinstance(message, Problem) or match is None:
        path, line = (message.path, message.line) if isinstance(message, Problem) else (None, None)
        said = text.removeprefix(f"{path}:{line}: ") if path else text
    else:
        path, line, said = match["path"], int(match["line"]), match["rest"]
    # GitHub shows the place itself; the annotation says what is wrong and how to fix it.
    github.annotate(path, line, said, title=title, stream=out)
