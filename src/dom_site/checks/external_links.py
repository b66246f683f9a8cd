"""External links: every source address is well formed, and (weekly) still answers.

    .venv/bin/dom-site check adressen                 # offline: form only
    .venv/bin/dom-site links --online                 # also ask every site
    … links --online --github-output "$GITHUB_OUTPUT"   # the weekly workflow

Offline (this is what `make check` and pull requests run) it only reads
docs/**/*.md and includes/: every external address starts with https:// and
names a host. It never touches the network, so a site that is down for an hour
never blocks an editor's pull request.

With --online it asks each address once (HEAD, then GET when a site refuses
HEAD), with a timeout, a few at a time. Broken: not found (404, 410), a server
error (5xx), or no answer at all. Sites that refuse robots (401, 403, 429) are
listed as "not checked", not as broken. The weekly workflow
(.github/workflows/links.yml) turns the report into an issue.
"""
from __future__ import annotations

import argparse
import re
import secrets
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from dom_site import source
from dom_site.checks.common import Problem, relative, report

URL = re.compile(r"https?://[^\s<>\"'`\[\]{}|\\^]+", re.IGNORECASE)
# Hosts that never exist on the internet; examples may use them freely.
EXAMPLE_HOSTS = re.compile(r"(^|\.)(invalid|example|test|localhost)$|(^|\.)example\.(com|org|net)$|^127\.|^\[?::1\]?$")
TIMEOUT_S = 20
WORKERS = 6
USER_AGENT = "dom-woonvisie-linkcheck/1 (weekly check of the sources cited on the site)"
NOT_VERIFIABLE = {401, 403, 429}
FOLDERS = ("docs/", "includes/")  # what this check reads


@dataclass(frozen=True)
class Link:
    path: str
    line: int
    url: str


@dataclass(frozen=True)
class Answer:
    """What a site said: an HTTP status, or why there was no answer."""

    status: int | None
    error: str = ""

    @property
    def broken(self) -> bool:
        return self.status is None or self.status in {404, 410} or self.status >= 500

    @property
    def unverifiable(self) -> bool:
        return self.status in NOT_VERIFIABLE

    def describe(self) -> tuple[str, str]:
        """(Dutch, English) words for the answer."""
        if self.status is None:
            return f"geen antwoord ({self.error})", f"no answer ({self.error})"
        if self.status in {404, 410}:
            return f"pagina niet gevonden ({self.status})", f"page not found ({self.status})"
        if self.status >= 500:
            return f"fout bij de website ({self.status})", f"server error ({self.status})"
        return f"status {self.status}", f"status {self.status}"


def trim(url: str) -> str:
    """Drop sentence punctuation after a URL, and a ')' that closes Markdown, not the URL."""
    url = url.rstrip(".,;:!?*_")
    while url.endswith(")") and url.count(")") > url.count("("):
        url = url[:-1].rstrip(".,;:!?*_")
    return url


def extract_links(text: str, path: str) -> list[Link]:
    """Every external http(s) address in a Markdown text, outside fenced code blocks."""
    links: list[Link] = []
    for number, line in source.parse("", text, "").text_lines:  # outside fenced code and comments
        for found in URL.finditer(line):
            url = trim(found.group(0))
            host = (urlsplit(url).hostname or "").lower()
            # One address once per line: [http://a.nl](http://a.nl) is one mistake.
            if not EXAMPLE_HOSTS.search(host) and Link(path, number, url) not in links:
                links.append(Link(path, number, url))
    return links


def collect(root: Path) -> list[Link]:
    """Every address in the pages of the project's docs/ and includes/."""
    links: list[Link] = []
    for folder in (root / folder for folder in FOLDERS):
        for path in sorted(folder.rglob("*.md")):  # nothing when the folder does not exist
            links += extract_links(path.read_text(encoding="utf-8", errors="replace"), relative(path, root))
    return links


def plain_http(url: str) -> bool:
    """An http:// address this check refuses (not one of the example hosts)."""
    parts = urlsplit(url)
    return parts.scheme.lower() == "http" and not EXAMPLE_HOSTS.search((parts.hostname or "").lower())


def subject(path: str, line: int, url: str) -> str:
    """What a problem with this address is about. markdownlint's bare-address message on an
    http:// address (dom_site.checks.markdown) carries the same subject and a fix for both:
    `dom-site check` says the first of the two (one mistake, one message)."""
    # markdownlint shortens what it quotes to 30 characters and "...": both sides compare those.
    return f"address:{path}:{line}:{trim(url.removesuffix('...'))[:30]}"


def form_problems(links: Iterable[Link]) -> list[Problem]:
    """Offline: what is wrong with an address as written."""
    problems: list[Problem] = []
    for link in links:
        parts = urlsplit(link.url)
        if parts.scheme.lower() != "https":
            problems.append(Problem(link.path, link.line, f"het adres '{link.url}' begint niet met https://",
                                    "gebruik het https://-adres van de bron (de meeste websites hebben dat)",
                                    f"the address '{link.url}' does not start with https://",
                                    "use the source's https:// address (most websites have one)",
                                    subject=subject(link.path, link.line, link.url)))
        elif not parts.hostname or "." not in parts.hostname:
            problems.append(Problem(link.path, link.line, f"in het adres '{link.url}' ontbreekt de naam van de website",
                                    "kopieer het volledige adres uit de adresbalk van de browser",
                                    f"the address '{link.url}' has no website name",
                                    "copy the full address from the browser's address bar"))
    return problems


def ask(url: str) -> Answer:
    """Ask one site, politely: HEAD first, GET when HEAD is refused or fails."""
    import requests  # only the weekly run needs the network

    headers = {"User-Agent": USER_AGENT}
    try:
        response = requests.head(url, headers=headers, timeout=TIMEOUT_S, allow_redirects=True)
        if response.status_code < 400 and response.status_code not in NOT_VERIFIABLE:
            return Answer(response.status_code)
    except requests.RequestException:
        pass
    try:
        with requests.get(url, headers=headers, timeout=TIMEOUT_S, allow_redirects=True, stream=True) as response:
            return Answer(response.status_code)
    except requests.RequestException as error:
        return Answer(None, type(error).__name__)


def check_online(links: list[Link], asker: Callable[[str], Answer] = ask) -> dict[str, Answer]:
    """One answer per unique address."""
    urls = sorted({link.url for link in links})
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        return dict(zip(urls, pool.map(asker, urls), strict=True))


def broken_problems(links: Iterable[Link], answers: dict[str, Answer]) -> list[Problem]:
    problems: list[Problem] = []
    for link in links:
        answer = answers.get(link.url)
        if answer is None or not answer.broken:
            continue
        said_nl, said_en = answer.describe()
        problems.append(Problem(link.path, link.line, f"de link naar {link.url} werkt niet: {said_nl}",
                                "zoek het nieuwe adres van de bron, of een bewaarde kopie (zoals in het Internet Archive), en pas de voetnoot aan",
                                f"the link to {link.url} is broken: {said_en}",
                                "find the source's new address, or an archived copy (such as in the Internet Archive), and update the footnote"))
    return problems


def issue_body(problems: list[Problem], unverifiable: list[str]) -> str:
    """The weekly issue's text: Dutch first, what to do, then every broken link."""
    lines = [
        "De wekelijkse controle van de externe links vond links die niet meer werken.",
        "Zoek per link het nieuwe adres van de bron, of een bewaarde kopie, en pas de voetnoot aan in het genoemde bestand en de genoemde regel.",
        "",
        "*The weekly external link check found links that no longer work. For each one, find the source's new "
        "address or an archived copy, and update the footnote in the file and line named.*",
        "",
    ]
    lines += [f"- `{p.path}:{p.line}`: {p.wrong_nl} (*{p.wrong_en}*)" for p in problems]
    if unverifiable:
        lines += ["", "Niet te controleren (de website weigert robots); kijk zelf even (*not checked, the site refuses robots*):", ""]
        lines += [f"- {url}" for url in unverifiable]
    return "\n".join(lines) + "\n"


def write_github_output(target: Path, problems: list[Problem], unverifiable: list[str]) -> None:
    """Step outputs for the workflow: broken=true|false and the issue body."""
    delimiter = f"EINDE_{secrets.token_hex(8)}"
    with target.open("a", encoding="utf-8") as out:
        out.write(f"broken={'true' if problems else 'false'}\n")
        out.write(f"report<<{delimiter}\n{issue_body(problems, unverifiable)}{delimiter}\n")


def findings(root: Path) -> list[Problem]:
    """Offline: every address is well formed (what make check and pull requests run)."""
    return form_problems(collect(root))


def main(argv: list[str] | None, root: Path) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--online", action="store_true", help="ask every site (the weekly workflow)")
    parser.add_argument("--github-output", type=Path, help="write step outputs here (with --online)")
    args = parser.parse_args(argv)
    links = collect(root)
    problems = form_problems(links)
    if not args.online:
        return report(problems)
    answers = check_online(links)
    problems += broken_problems(links, answers)
    unverifiable = sorted(url for url, answer in answers.items() if answer.unverifiable)
    print(f"{len({link.url for link in links})} adressen gecontroleerd; niet te controleren: {len(unverifiable)}")
    if args.github_output:
        write_github_output(args.github_output, problems, unverifiable)
    return report(problems)


