"""Spelling: cspell with the Dutch dictionary for `*.md` and English for `*.en.md`.

    .venv/bin/dom-site check spelling               # every file cspell.json names

What is checked and what is skipped lives in `cspell.json`: the reactie as
submitted is never "corrected", and code, links and HTML tags are skipped. Names
and terms that the dictionaries lack (villages, organisations, words such as
omgevingsplanactiviteit) are in `cspell-woorden.txt`. cspell itself is a Node
package pinned in package.json; `make setup` installs it with `npm ci`.
"""
from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from dom_site.checks.common import Problem, beyond_unclosed_data, relative
from dom_site.processes import run  # every step has a time limit and ends with its children
from dom_site.source import language_of

# In the project folder.
CSPELL = Path("node_modules") / ".bin" / "cspell"
CONFIG = Path("cspell.json")
WORDLIST = "cspell-woorden.txt"


def missing_tool(tool: Path, root: Path) -> Problem:
    """The message when `npm ci` has not run: the check cannot say anything else."""
    return Problem(relative(tool, root), 1, f"{tool.name} is niet geïnstalleerd",
                   "draai 'make setup' (dat voert 'npm ci' uit)",
                   f"{tool.name} is not installed", "run 'make setup' (it runs 'npm ci')")


def run_cspell(files: list[Path], root: Path) -> dict[str, Any]:
    """Run cspell with the JSON reporter and return its parsed report."""
    cmd = [str(root / CSPELL), "lint", "--config", str(root / CONFIG), "--no-progress", "--no-summary",
           "--no-color", "--no-gitignore", "--show-suggestions",
           "--reporter", "@cspell/cspell-json-reporter"]
    if files:
        # cspell only checks files under its root; give it their common folder.
        resolved = [f.resolve() for f in files]
        common = os.path.commonpath([str(p.parent) for p in resolved])
        cmd += ["--root", common, *map(str, resolved)]
    else:
        cmd += ["--root", str(root)]
    result = run(cmd, step="spelling (cspell)", cwd=root, timeout=300)
    if result.returncode not in (0, 1) or not result.stdout.strip():
        raise RuntimeError(f"cspell failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    found: dict[str, Any] = json.loads(result.stdout)
    return found


def problem_for(issue: dict[str, Any], root: Path) -> Problem:
    """Turn one cspell issue into an editor's message, Dutch first."""
    path = Path(unquote(urlsplit(str(issue["uri"])).path))
    word = str(issue["text"])
    suggestions = [str(s) for s in issue.get("suggestions", [])][:3]
    english = language_of(path.name) == "en"
    taal, language = ("Engels", "English") if english else ("Nederlands", "Dutch")
    if suggestions:
        hint_nl = f"bedoelt u {' of '.join(repr(s) for s in suggestions)}? Verbeter het woord"
        hint_en = f"did you mean {' or '.join(repr(s) for s in suggestions)}? Correct the word"
    else:
        hint_nl, hint_en = "verbeter het woord", "correct the word"
    return Problem(
        relative(path, root), int(issue["row"]),
        f"het woord '{word}' staat niet in het woordenboek ({taal})",
        f"{hint_nl}; is het een naam of vakterm, zet het dan in {WORDLIST}",
        f"the word '{word}' is not in the dictionary ({language})",
        f"{hint_en}; if it is a name or a term, add it to {WORDLIST}",
    )


# One word a line, as the list's own header says: letters and digits, a hyphen, an apostrophe or a
# dot inside ("Midden-Drenthe", "z'n"). cspell reads "- Drijberkamp" or "Drijberkamp," as that text,
# so the word stays unknown on the page, and its suggestion is the broken line itself.
WORD = re.compile(r"[^\W_](?:[\w'’.-]*[^\W_])?")
LIST_MARKS = "-*•+–—"
TRAILING = ",;:.!?"


def word_list(root: Path) -> tuple[list[Problem], set[str]]:
    """The word list's lines that are not one word, each with the word to write; and those words."""
    problems: list[Problem] = []
    meant: set[str] = set()
    path = root / WORDLIST
    if not path.is_file():
        return problems, meant
    for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
        entry = line.strip()
        if not entry or entry.startswith("#") or WORD.fullmatch(entry):
            continue
        words = entry.lstrip(LIST_MARKS).strip().rstrip(TRAILING).split()
        meant.update(words)
        if len(words) == 1:
            fix_nl, fix_en = f"schrijf alleen het woord: '{words[0]}'", f"write the word alone: '{words[0]}'"
        else:
            fix_nl = "zet elk woord op een eigen regel, zonder teken ervoor of erachter"
            fix_en = "put each word on a line of its own, without a mark before or after it"
        problems.append(Problem(WORDLIST, number, f"de regel '{entry}' is niet één woord alleen; zo leest de "
                                "spellingcontrole hem, en kent zij het woord op de pagina's nog niet",
                                fix_nl, f"the line '{entry}' is not one word alone; the spelling check reads it so, "
                                "and still does not know the word on the pages", fix_en))
    return problems, meant


def findings(root: Path, files: list[Path] | None = None) -> list[Problem]:
    """cspell with the project's settings on files, or on the files its config names; and the word
    list's lines that are not one word (a word on a page that such a line means is said there, once)."""
    if not (root / CSPELL).exists():
        return [missing_tool(root / CSPELL, root)]
    found = run_cspell(files or [], root)
    listed, meant = word_list(root)
    pages = [problem_for(issue, root) for issue in found.get("issues", []) if str(issue["text"]) not in meant]
    return listed + beyond_unclosed_data(pages, root)
