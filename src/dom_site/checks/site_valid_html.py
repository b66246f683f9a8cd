"""Every built page is valid HTML: the W3C Nu HTML checker (vnu-jar) finds no error.

Browsers forgive invalid HTML, but assistive technology, search engines and
reference managers read the page as written. The checker is the one the W3C
runs; package.json pins it (vnu-jar, run with Java 17 or newer).

Every error is reported as `path:line: …`, on the Markdown page the HTML was
built from where there is one (docs/x.md or docs/x.en.md), at the line that holds
the HTML vnu points at (raw HTML written in the text, an ID given twice), else at
its first line; without a Markdown page, on the built file. The message names the
built file and its line. The frozen editions under
versies/ are checked too: their words are as released, their markup is made
valid like the live site's (dom_site.valid_markup, applied by `dom-site editions`).

Usage: dom-site check site-geldig --site site
"""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from dom_site import source as markdown_source
from dom_site.checks.common import Problem, html_pages, relative, source_of
from dom_site.processes import StepFailed, run

VNU = Path("node_modules") / "vnu-jar" / "build" / "dist" / "vnu.jar"  # in the project folder (npm ci)
TIMEOUT = 300  # seconds for the whole site (about 10 s on the CI machine)
FIX_NL = ("meestal komt dit door ruwe HTML in de tekst of door een sjabloon in overrides/; "
          "verbeter die HTML zodat de W3C-controle (vnu) geen fout meer vindt")
FIX_EN = ("usually raw HTML in the text or a template in overrides/ causes it; "
          "correct that HTML until the W3C checker (vnu) finds no error")


def pages(site: Path) -> list[Path]:
    """The built pages to check: every HTML file, the frozen editions' too."""
    return list(html_pages(site))


# One short run: the quick compiler only and one garbage collector thread use half the CPU
# time of Java's defaults for the same wall time (818 pages: about 6 s of CPU instead of 15,
# measured with /usr/bin/time); that compiler's frames are larger, so vnu's schema needs more
# stack than the 512k its own advice names.
JAVA_OPTIONS = ["-Xss4m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"]


def run_checker(vnu: Path, files: list[Path], timeout: float) -> tuple[int, str] | None:
    """vnu's exit code and JSON report; None when it ran out of time (its process group is then ended)."""
    cmd = [shutil.which("java") or "java", *JAVA_OPTIONS, "-jar", str(vnu), "--errors-only", "--format", "json",
           *map(str, files)]
    try:
        result = run(cmd, step="W3C-controle (vnu)", timeout=timeout, about=f"{len(files)} pagina's")
    except StepFailed:
        return None
    return result.returncode, result.stderr or result.stdout


DUPLICATE_ID = re.compile(r"^Duplicate ID “(?P<id>[^”]+)”")
STRAY = ": Stray end tag "
FOLLOW_ONS = ("seen, but there were open elements", ": Unclosed element ")
# What vnu says of the raw HTML editors write most, in Dutch with its fix (else vnu's English and the general fix).
IN_DUTCH: tuple[tuple[re.Pattern[str], str, str], ...] = (
    (re.compile(r"^The “(?P<a>[^”]+)” element is obsolete"),
     "het element <{a}> is verouderd en hoort niet meer in een webpagina",
     "haal <{a}> weg; schrijf de tekst in gewone Markdown (**vet**, _schuin_), de vormgeving is die van de site"),
    (re.compile(r"^Stray end tag “(?P<a>[^”]+)”"),
     "er staat een </{a}> die geen <{a}> sluit", "haal </{a}> weg, of zet de <{a}> erbij die het sluit"),
    (re.compile(r"^End tag “(?P<a>[^”]+)” seen, but there were open elements"),
     "</{a}> sluit terwijl er binnenin nog iets open staat", "sluit eerst wat binnen <{a}> geopend is"),
    (re.compile(r"^Attribute “(?P<a>[^”]+)” not allowed on element “(?P<b>[^”]+)”"),
     "het attribuut {a} hoort niet bij <{b}>", "haal {a}=… weg bij <{b}>"),
)


def markdown_line(markdown: Path, message: dict[str, Any]) -> int:
    """The line of the Markdown page that holds what vnu points at, else 1 (a template's error).

    Read with the source model, so code blocks are not searched: for an ID given twice, the
    last heading or raw HTML that gives it; else the tag vnu points at, as written in raw
    HTML, when exactly one line holds it (a common tag such as </p> could be any of them).
    """
    page = markdown_source.parse("", markdown.read_text(encoding="utf-8"), "")
    if (match := DUPLICATE_ID.match(str(message.get("message", "")))):
        anchor = match["id"]
        given = sorted([h.line for h in page.headings if h.id == anchor]
                       + [n for n, text in page.text_lines if f'id="{anchor}"' in text or f"id='{anchor}'" in text])
        if given:
            return given[-1]
    extract = str(message.get("extract") or "")
    start, length = int(message.get("hiliteStart") or 0), int(message.get("hiliteLength") or 0)
    pointed = (extract[start:start + length].strip().splitlines() or [""])[0]
    # The line of vnu's extract around it, as written: it tells two </p> apart.
    around = extract[extract.rfind("\n", 0, start) + 1:].split("\n", 1)[0].strip()
    for needle in (pointed, around):
        if "<" in needle:
            holding = [n for n, text in page.text_lines if needle in text]
            if len(holding) == 1:
                return holding[0]
    return 1


def problems_from(report_json: str, site: Path, root: Path) -> list[Problem]:
    """vnu's JSON report as editors' messages."""
    found: list[Problem] = []
    for message in json.loads(report_json or "{}").get("messages", []):
        if message.get("type") not in ("error", "non-document-error", "fatal"):
            continue
        page = Path(unquote(urlsplit(str(message.get("url", ""))).path))
        line = int(message.get("lastLine") or message.get("firstLine") or 1)
        try:
            built = f"{site.name}/{page.relative_to(site).as_posix()}"
            source = source_of(site, page, root / "docs")
        except ValueError:
            built, source = relative(page, root), None
        said = " ".join(str(message.get("message", "")).split())
        where, at = (relative(source, root), markdown_line(source, message)) if source else (built, line)
        wrong_nl, fix_nl = f"de gebouwde pagina {built} is geen geldige HTML (regel {line}): {said}", FIX_NL
        for pattern, wrong, fix in IN_DUTCH:
            if (match := pattern.match(said)):
                wrong_nl = f"de gebouwde pagina {built} is geen geldige HTML (regel {line}): {wrong.format(**match.groupdict())}"
                fix_nl = fix.format(**match.groupdict())
                break
        found.append(Problem(where, at, wrong_nl, fix_nl,
                             f"the built page {built} is not valid HTML (line {line}): {said}", FIX_EN))
    return without_follow_ons(found)


def without_follow_ons(found: list[Problem]) -> list[Problem]:
    """A page's problems without those vnu finds only because of one at a Markdown line.

    A stray </div> in the text also leaves the template's </div>s, </article> and </main>
    unmatched; vnu names those too ("End tag … seen, but there were open elements", "Unclosed
    element"). One mistake, one message: while a page has an error at a line of its text, its
    first-line errors wait, and a stray end tag's follow-ons are left out (they come back on
    the next run if they were not follow-ons).
    """
    located = {p.path for p in found if p.line > 1 and p.path.endswith(".md")}
    stray = {p.path for p in found if STRAY in p.wrong_en}
    return [p for p in found if not (p.path in located and p.line == 1)
            and not (p.path in stray and any(follow in p.wrong_en for follow in FOLLOW_ONS))]


def check(site: Path, root: Path, timeout: float = TIMEOUT) -> list[Problem]:
    vnu = root / VNU
    if not vnu.is_file():
        return [Problem(relative(vnu, root), 1, "de W3C-controle (vnu-jar) is niet geïnstalleerd",
                        "draai 'make setup' (dat voert 'npm ci' uit)",
                        "the W3C checker (vnu-jar) is not installed", "run 'make setup' (it runs 'npm ci')")]
    if shutil.which("java") is None:
        return [Problem(relative(vnu, root), 1, "Java ontbreekt; de W3C-controle heeft Java 17 of nieuwer nodig",
                        "installeer Java (bijvoorbeeld het pakket openjdk-17-jre-headless)",
                        "Java is missing; the W3C checker needs Java 17 or newer",
                        "install Java (for example the package openjdk-17-jre-headless)")]
    files = pages(site.resolve())
    if not files:
        return [Problem(relative(site, root), 1, "er zijn geen gebouwde pagina's om te controleren", "draai eerst 'make build'",
                        "there are no built pages to check", "run 'make build' first")]
    result = run_checker(vnu, files, timeout)
    if result is None:
        return [Problem(relative(vnu, root), 1, f"de W3C-controle was na {timeout:g} seconden niet klaar en is gestopt",
                        "draai de controle opnieuw; blijft het zo, kijk dan of Java vastloopt",
                        f"the W3C checker had not finished after {timeout:g} seconds and was stopped",
                        "run the check again; if it keeps happening, see whether Java hangs")]
    code, output = result
    try:
        problems = problems_from(output, site.resolve(), root)
    except json.JSONDecodeError:
        problems = []
    if code != 0 and not problems:
        return [Problem(relative(vnu, root), 1, f"de W3C-controle stopte met code {code}: {output.strip()[:300]}",
                        "lees de melding; draai 'make setup' opnieuw",
                        f"the W3C checker stopped with code {code}", "read the message; run 'make setup' again")]
    return problems


def findings(site: Path, root: Path) -> list[Problem]:
    return check(site, root, TIMEOUT)
