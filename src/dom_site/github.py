"""GitHub Actions: every problem on the pull request's changed line, and a run summary in Dutch first.

Inside a GitHub Actions run (GITHUB_ACTIONS=true) the message layer
(dom_site.messages) also writes each problem as a workflow command,

    ::error file=docs/x.md,line=12,title=Spelling::docs/x.md:12: … (English: …)

so GitHub shows it on that line of the pull request, and records it in a small
file for the summary. `python -m dom_site.github summary` then appends to
GITHUB_STEP_SUMMARY: the problems, the citable units (registry/ids.yml and the
`{#r-N}`/`{#m-N}`/`{#d-N}` headings in docs/) that the branch adds, changes or
retires compared with main, each with its words deleted and inserted, and how to
download the preview site (the `voorbeeld-site` artifact of .github/workflows/ci.yml).

Escaping follows GitHub's own rules (actions/toolkit, command.ts): in the message
`%`, CR and LF become `%25`, `%0D`, `%0A`; in a property also `:` and `,` become
`%3A` and `%2C`. A message therefore stays on one line: nothing in it (`::`, a
newline) can start a second command.
"""
from __future__ import annotations

import argparse
import difflib
import html
import json
import os
import re
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from dom_site import git, source
from dom_site.source import CITABLE_ID

ARTIFACT = "voorbeeld-site"
CONTEXT_WORDS = 8   # unchanged words shown on each side of a change in the summary
RUN_WORDS = 80      # at most this many words of one deleted or inserted run
ANNOTATIONS_PER_STEP = 10  # GitHub shows at most 10 error annotations of one step
DEFAULT_TITLE = "Probleem voor de redactie"
# A short Dutch title per program that reports problems: the builder, a check of
# `dom-site check` by name, or another command of `dom-site`.
TITLES = {
    "mkdocs": "Bouw van de site",
    "properdocs": "Bouw van de site",
    "mkdocs.yml": "Instellingen (mkdocs.yml)",
    # The checks of `dom-site check`, by name.
    "bestandsnamen": "Bestandsnaam",
    "veilig": "HTML in de tekst",
    "gegevens": "Gegevens bovenaan de pagina",
    "dorpen": "Dorpsgegevens",
    "codeblokken": "Codeblok",
    "koppen": "Kop-ID",
    "citeren": "Citeerbaar ID",
    "bronnen": "Voetnoot of bron",
    "feiten": "Voetnoot of bron",
    "vertaling": "Vertaling",
    "begrippen": "Begrippenlijst",
    "omleidingen": "Omleiding (mkdocs.yml)",
    "spelling": "Spelling",
    "markdown": "Opmaak (Markdown)",
    "afbeeldingen": "Afbeelding",
    "adressen": "Link naar een andere site",
    "site-html": "Gebouwde pagina",
    "site-links": "Link binnen de site",
    "site-geldig": "Geen geldige HTML",
    "site-letterlijk": "Ingediende tekst",
    "site-gegevens": "Gegevens van de site",
    "pdfs": "Bouw van de pdf",
    "links": "Link naar een andere site",
    "editions": "Bouw van een vaste versie",
    "release": "Nieuwe versie vastleggen",
    "translations": "Vertaling",
}


# --- workflow commands -----------------------------------------------------------

def active() -> bool:
    """True inside a GitHub Actions run."""
    return os.environ.get("GITHUB_ACTIONS") == "true"


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def workflow_command(command: str, properties: dict[str, str | int | None], message: str) -> str:
    """One workflow command on one line; properties without a value are left out."""
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items()
                     if value is not None and value != "")
    return f"::{command}{' ' + props if props else ''}::{escape_data(message)}"


def error_command(path: str | None, line: int | None, title: str, message: str) -> str:
    return workflow_command("error", {"file": path, "line": line if path else None, "title": title}, message)


def title_for(argv: Sequence[str] | None = None) -> str:
    """The short Dutch title of the program that reports (default: this process's command line):
    its script (`mkdocs`), or for `dom-site` its command (`dom-site pdfs`: pdfs)."""
    args = list(sys.argv if argv is None else argv)
    name = Path(args[0]).stem if args else ""
    if name == "dom-site" and len(args) > 1:
        name = args[1]
    return TITLES.get(name, DEFAULT_TITLE)


def one_line(text: str) -> str:
    """Text on one line that is no workflow command (for the plain message in a run)."""
    flat = " ⏎ ".join(re.split(r"\r\n|\r|\n", text))
    # The runner reads a line as a command when it starts with "::" after leading spaces.
    return "‣ " + flat if flat.lstrip().startswith("::") else flat


def problems_file(environ: Mapping[str, str] | None = None) -> Path | None:
    """Where this run's problems are collected for the summary: DOM_SITE_PROBLEMS, else the job's temporary folder."""
    env = os.environ if environ is None else environ
    given = env.get("DOM_SITE_PROBLEMS")
    if given:
        return Path(given)
    temp = env.get("RUNNER_TEMP")
    return Path(temp) / "dom-site-problems.jsonl" if temp and env.get("GITHUB_ACTIONS") == "true" else None


def annotate(path: str | None, line: int | None, message: str, *, title: str | None = None,
             stream: TextIO | None = None) -> None:
    """Write the problem as `::error` (when in a run) and keep it for the summary."""
    if not active():
        return
    title = title or title_for()
    print(error_command(path, line, title, message), file=stream or sys.stdout, flush=True)
    target = problems_file()
    if target is not None:
        try:
            with target.open("a", encoding="utf-8") as out:
                out.write(json.dumps({"path": path, "line": line, "title": title, "message": message},
                                     ensure_ascii=False) + "\n")
        except OSError:
            pass  # the summary then misses it; the annotation itself was written


# --- git ----------------------------------------------------------------------------

def merge_base(root: Path, bases: tuple[str, ...] = ("origin/main", "main")) -> tuple[str, str] | None:
    """(name, commit) of the point where HEAD left main."""
    for base in bases:
        found = git.output(root, "merge-base", "HEAD", base)
        if found and found.strip():
            return base, found.strip()
    return None


# --- citable units ------------------------------------------------------------------

@dataclass(frozen=True)
class Unit:
    anchor: str
    page: str
    status: str
    replaced_by: str
    title: str
    text: str


def units_in(markdown: str) -> dict[str, tuple[str, str]]:
    """Per citable ID in one page: (title, text), the text as the registry's checksums read it
    (the source model's unit rule, dom_site.source)."""
    page = source.parse("", markdown, "")
    return {anchor: (heading.text, text) for anchor, (heading, text) in page.units().items()
            if CITABLE_ID.match(anchor)}


def read_units(registry_text: str | None, read_page: Callable[[str], str | None]) -> dict[str, Unit] | None:
    """Every registered unit with its Dutch title and text; read_page(page) gives a page's Markdown or None.

    None when the registry cannot be read (citation_registry.ids_in): the rule `citeren` says why, at its line."""
    # Imported here: dom_site.messages imports this module, and citation_registry imports messages.
    from dom_site import citation_registry

    ids = citation_registry.ids_in(registry_text)
    if ids is None:
        return None
    pages: dict[str, dict[str, tuple[str, str]]] = {}
    units: dict[str, Unit] = {}
    for anchor, entry in ids.items():
        page = str(entry.get("page") or "")
        if page not in pages:
            markdown = read_page(page) if page else None
            pages[page] = units_in(markdown) if markdown else {}
        title, text = pages[page].get(str(anchor), ("", ""))
        units[str(anchor)] = Unit(str(anchor), page, str(entry.get("status") or ""),
                                  str(entry.get("replaced_by") or ""), title, text)
    return units


def units_at(root: Path, commit: str) -> dict[str, Unit] | None:
    return read_units(git.output(root, "show", f"{commit}:registry/ids.yml"),
                      lambda page: git.output(root, "show", f"{commit}:docs/{page}"))


def units_now(root: Path) -> dict[str, Unit] | None:
    def read(page: str) -> str | None:
        try:
            return (root / "docs" / page).read_text(encoding="utf-8")
        except OSError:
            return None
    try:
        registry = (root / "registry" / "ids.yml").read_text(encoding="utf-8")
    except OSError:
        registry = None
    return read_units(registry, read)


def same_text(a: str, b: str) -> bool:
    return a.split() == b.split()


def compare(before: dict[str, Unit], after: dict[str, Unit]) -> tuple[list[str], list[str], list[str]]:
    """IDs the branch adds, changes and retires (registry order)."""
    added = [a for a, u in after.items() if a not in before and u.status != "retired"]
    retired = [a for a, u in after.items() if u.status == "retired" and a in before and before[a].status != "retired"]
    changed = [a for a, u in after.items() if a in before and u.status != "retired" and before[a].status != "retired"
               and not same_text(before[a].text, u.text)]
    return added, changed, retired


# --- word-level difference --------------------------------------------------------------

MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~>-])")


def shown(words: list[str]) -> str:
    """Words as literal text in GitHub's Markdown (no HTML, no Markdown formatting)."""
    return MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(" ".join(words), quote=False))


def plain(text: str) -> str:
    """A unit's Markdown as words to compare: its heading line without the hashes and the {#id}."""
    first, _, rest = text.partition("\n")
    page = source.parse("", first, "")
    return f"{page.headings[0].text}\n{rest}" if page.headings and page.headings[0].id else text


def word_diff(old: str, new: str, context: int | None = None, limit: int | None = None) -> str:
    """The new text with deleted words in <del> and inserted words in <ins>.

    context: keep only that many unchanged words on each side of a change ("…" for the rest).
    limit: at most that many words in one deleted or inserted run.
    """
    a, b = old.split(), new.split()
    opcodes = difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes()
    parts: list[str] = []

    def run(words: list[str]) -> str:
        if limit is not None and len(words) > limit:
            return f"{shown(words[:limit])} … (+{len(words) - limit})"
        return shown(words)

    for index, (op, i1, i2, j1, j2) in enumerate(opcodes):
        if op == "equal":
            words = a[i1:i2]
            if context is not None and len(words) > 2 * context:
                head = words[:context] if index > 0 else []
                tail = words[-context:] if index < len(opcodes) - 1 else []
                parts.append(" … ".join(x for x in (shown(head), shown(tail)) if x) if head and tail
                             else " ".join(x for x in (shown(head), "…", shown(tail)) if x))
            else:
                parts.append(shown(words))
            continue
        if i2 > i1:
            parts.append(f"<del>{run(a[i1:i2])}</del>")
        if j2 > j1:
            parts.append(f"<ins>{run(b[j1:j2])}</ins>")
    return " ".join(part for part in parts if part)


# --- the summary ---------------------------------------------------------------------------

def read_problems(path: Path | None) -> list[dict[str, Any]]:
    seen: set[tuple[Any, ...]] = set()
    found: list[dict[str, Any]] = []
    if path is None or not path.exists():
        return found
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            item = json.loads(line)
        except json.JSONDecodeError:
            continue
        key = (item.get("path"), item.get("line"), item.get("message"))
        if key not in seen:
            seen.add(key)
            found.append(item)
    return found


def problems_section(problems: list[dict[str, Any]], limit: int = 100) -> list[str]:
    out = ["### Problemen (problems)", ""]
    if not problems:
        return out + ["Geen problemen gevonden. (No problems found.)", ""]
    listed_nl, listed_en = ("ze allemaal", "all of them") if len(problems) <= limit else (f"de eerste {limit}", f"the first {limit}")
    out.append(f"{len(problems)} probleem/problemen. GitHub zet er per stap hoogstens {ANNOTATIONS_PER_STEP} bij hun "
               f"regel in \"Files changed\"; hier staan {listed_nl}. ({len(problems)} problem(s). GitHub shows at most "
               f"{ANNOTATIONS_PER_STEP} per step on their line under \"Files changed\"; here are {listed_en}.)")
    out.append("")
    for item in problems[:limit]:
        where = f"{item['path']}:{item['line']}" if item.get("path") else "—"
        out.append(f"- `{where}` ({shown([str(item.get('title') or '')])}): {shown(one_line(str(item['message'])).split())}")
    if len(problems) > limit:
        out.append(f"- … en nog {len(problems) - limit} (and {len(problems) - limit} more)")
    return out + [""]


def units_section(root: Path) -> list[str]:
    out = ["### Citeerbare onderdelen (citable units)", ""]
    base = merge_base(root)
    if base is None:
        return [*out, ("Vergelijken met `main` lukte niet (geen gemeenschappelijke commit gevonden). "
                       "(Could not compare with `main`: no common commit found.)"), ""]
    name, commit = base
    before, after = units_at(root, commit) or {}, units_now(root)
    if after is None:
        return [*out, ("Het register `registry/ids.yml` is in deze wijziging niet te lezen; wat er mis is, staat "
                       "hierboven bij de problemen. (`registry/ids.yml` cannot be read in this change; what is wrong "
                       "is listed above with the problems.)"), ""]
    added, changed, retired = compare(before, after)
    out.append(f"Vergeleken met `{name}` (commit `{commit[:12]}`). (Compared with `{name}`.) "
               "Doorgestreept (<del>zo</del>): weggehaald; onderstreept (<ins>zo</ins>): toegevoegd. "
               "(Struck through: deleted; underlined: inserted.)")
    out.append("")
    if not (added or changed or retired):
        return [*out, ("Deze wijziging voegt geen citeerbaar onderdeel toe, verandert er geen en trekt er geen in. "
                       "(This change adds, changes or retires no citable unit.)"), ""]
    def new_only(anchor: str) -> tuple[str, str]:
        return "", after[anchor].text

    def old_and_new(anchor: str) -> tuple[str, str]:
        return before[anchor].text, after[anchor].text

    groups: tuple[tuple[str, list[str], Callable[[str], tuple[str, str]]], ...] = (
        ("Nieuw (added)", added, new_only), ("Gewijzigd (changed)", changed, old_and_new),
        ("Ingetrokken (retired)", retired, old_and_new))
    for heading, ids, texts in groups:
        if not ids:
            continue
        out += [f"#### {heading}", ""]
        for anchor in ids:
            unit = after[anchor]
            title = unit.title or before.get(anchor, unit).title
            line = f"- **{anchor.upper()}** {shown(title.split())} (`docs/{unit.page}`)"
            if unit.status == "retired":
                line += (f"; vervangen door **{unit.replaced_by.upper()}** (replaced by {unit.replaced_by.upper()})"
                         if unit.replaced_by else "; zonder opvolger (no replacement)")
            old, new = texts(anchor)
            diff = word_diff(plain(old), plain(new), context=CONTEXT_WORDS, limit=RUN_WORDS)
            out += [line, "", f"  > {diff or '(geen tekst / no text)'}", ""]
    return out


def preview_section(environ: Mapping[str, str]) -> list[str]:
    out = ["### Voorbeeld van de site (preview of the site)", ""]
    outcome = environ.get("PREVIEW_OUTCOME", "")
    url = environ.get("PREVIEW_URL", "")
    run = ""
    if environ.get("GITHUB_SERVER_URL") and environ.get("GITHUB_REPOSITORY") and environ.get("GITHUB_RUN_ID"):
        run = f"{environ['GITHUB_SERVER_URL']}/{environ['GITHUB_REPOSITORY']}/actions/runs/{environ['GITHUB_RUN_ID']}"
    if outcome and outcome != "success":
        return [*out, ("Er is deze keer geen voorbeeld: een stap hiervoor mislukte. Los eerst de problemen op. "
                       "(There is no preview this time: an earlier step failed. Fix the problems first.)"), ""]
    where = f"[{ARTIFACT}]({url})" if url else f"`{ARTIFACT}`"
    out.append(f"1. Download {where}" + (f" onder \"Artifacts\" op [de pagina van deze controle]({run})" if run else
                                          " onder \"Artifacts\" op de pagina van deze controle")
               + ". (Download it under \"Artifacts\" on this run's page.)")
    out.append("2. Pak het zip-bestand uit. (Unzip it.)")
    out.append("3. Open in die map een terminal en typ `python3 -m http.server`; open dan http://localhost:8000/ "
               "in de browser. (In that folder run `python3 -m http.server`, then open http://localhost:8000/.)")
    return out + [""]


def summary(root: Path, environ: Mapping[str, str] | None = None) -> str:
    environ = dict(os.environ if environ is None else environ)
    lines = ["## Controle van deze wijziging (check of this change)", ""]
    lines += problems_section(read_problems(problems_file(environ)))
    lines += units_section(root)
    lines += preview_section(environ)
    return "\n".join(lines).rstrip() + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dom_site.github", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("summary", help="append the run summary to $GITHUB_STEP_SUMMARY (else print it)")
    run.add_argument("--root", type=Path, default=Path.cwd(), help="the repository (default: here)")
    args = parser.parse_args(argv)
    text = summary(args.root.resolve())
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if target:
        with open(target, "a", encoding="utf-8") as out:
            out.write(text)
    else:
        print(text, end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
