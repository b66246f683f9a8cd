"""`dom-site`: the project's one command line (make calls it; so can an editor).

    dom-site check                    every check of the sources: no build, no browser
    dom-site check koppen citeren     only these checks
    dom-site check --build            the sources, then a strict build (no PDFs) and every check of it
    dom-site check --site site        the sources and an already built site
    dom-site checks                   the list of checks, with what each one looks at
    dom-site config                   can the build use mkdocs.yml? (make build and make serve ask first)
    dom-site pdfs --site site         print the PDFs of a built site (Chromium)
    dom-site editions --site site     build every release's frozen edition into the site (or copy it from the cache in .git/dom-site-cache)
    dom-site release 1.1              freeze a release in registry/ids.yml
    dom-site translations             which English pages are behind their Dutch page
    dom-site links --online           ask every external address (the weekly workflow)
    dom-site bench                    benchmarks, as ratios against a baseline in the same run
    dom-site lighthouse --site site   Lighthouse scores of the main pages

Every problem is one line, `file:line: wat er mis is — hoe je het oplost (English: …)`,
at the Markdown line where an editor fixes it; all checks report into one list and
the exit code is 1 when it is not empty. Node tools (cspell, markdownlint) and the
W3C checker run as subprocesses under a time limit; everything else runs in-process.
"""
from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from dom_site import github, rules
from dom_site.messages import Problem, say
from dom_site.project import here

if TYPE_CHECKING:
    from dom_site import config_file


@dataclass(frozen=True)
class Check:
    name: str
    about: str                                   # Dutch — English
    # Gets the project folder and the built site (None for source checks). None for the
    # rules: they run together (dom_site.rules.run), so one mistake two rules see is one message.
    run: Callable[[Path, Path | None], list[Problem]] | None = None
    needs_site: bool = False


def _tool_checks() -> list[Check]:
    from dom_site.checks import external_links, images, markdown, spelling

    return [
        Check("spelling", "spelling met cspell — spelling with cspell", lambda root, _: spelling.findings(root)),
        Check("markdown", "Markdown-stijl met markdownlint — Markdown style", lambda root, _: markdown.findings(root)),
        Check("afbeeldingen", "beschrijving, herkomst en grootte van afbeeldingen — images", lambda root, _: images.findings(root)),
        Check("adressen", "vorm van externe adressen — form of external addresses", lambda root, _: external_links.findings(root)),
    ]


def _site_checks() -> list[Check]:
    from dom_site.checks import site_data, site_html, site_links, site_valid_html, site_verbatim

    def on_site(run: Callable[[Path, Path], list[Problem]]) -> Callable[[Path, Path | None], list[Problem]]:
        return lambda root, site: run(site, root) if site is not None else []

    return [
        Check("site-html", "taal, hreflang en niets van andere websites — lang, hreflang, no other hosts",
              on_site(site_html.findings), True),
        Check("site-links", "elke link in de gebouwde site werkt — every link of the built site works",
              on_site(site_links.findings), True),
        Check("site-geldig", "geldige HTML (W3C Nu checker) — valid HTML", on_site(site_valid_html.findings), True),
        Check("site-letterlijk", "de reactie woord voor woord — the response word for word",
              on_site(site_verbatim.findings), True),
        Check("site-gegevens", "onderdelen.json en versies.atom — the units JSON and the feed",
              on_site(site_data.findings), True),
    ]


def all_checks() -> list[Check]:
    """Every check, in the order their messages are read: the sources' rules first."""
    return [Check(name, rules.about(name)) for name in rules.names()] \
        + _tool_checks() + _site_checks()


def rules_context(root: Path) -> rules.Context:
    """The rules' context with the settings of root's mkdocs.yml, as the build (dom-regels) has them;
    raises config_file.Refused when mkdocs.yml cannot be used."""
    from dom_site import config_file
    from dom_site.plugins.rules import settings_of

    config = config_file.load(root / "mkdocs.yml")
    return rules.Context.of(root, Path(config.docs_dir), settings_of(config))


def say_refused(refused: config_file.Refused) -> None:
    """mkdocs.yml's mistakes, each said once (on its line of the pull request in CI)."""
    for problem in refused.problems:
        say(problem, title=github.TITLES["mkdocs.yml"])


def read_config(root: Path) -> int:
    """0 when the build can use root's mkdocs.yml; else each mistake once, at its line, Dutch first.

    `make build` and `make serve` ask this before MkDocs starts: MkDocs itself would say a
    misspelt setting in English, at no line, and stop ("Aborted with a configuration error!").
    """
    from dom_site import config_file

    try:
        config_file.load(root / "mkdocs.yml")
    except config_file.Refused as refused:
        say_refused(refused)
        print(_failed(len(refused.problems)))
        return 1
    return 0


def build_site(root: Path, dest: Path) -> bool:
    """A strict build of the site into dest, in-process (no PDFs, no frozen editions).

    False when it stopped: the build printed the editor's messages itself, once.
    """
    from mkdocs.__main__ import ColorFormatter
    from mkdocs.exceptions import MkDocsException

    from dom_site import build_log, config_file
    from dom_site.project import build_here

    # What `mkdocs build` prints, printed here too: in this process no MkDocs command line set
    # up its console, and a plugin's error (a term defined twice in the glossary) went unsaid.
    console = logging.StreamHandler(sys.stderr)
    # MkDocs' colours on a terminal; plain text in a log file or a pipe, as `mkdocs build` writes there.
    console.setFormatter(ColorFormatter() if sys.stderr.isatty() else logging.Formatter("%(levelname)-7s -  %(message)s"))
    console.setLevel(logging.WARNING)
    loggers = build_log.builder_loggers()
    for logger in loggers:
        logger.addHandler(console)
    try:
        build_here(root / "mkdocs.yml", dest)
    except config_file.Refused as refused:  # mkdocs.yml cannot be used: nothing was built
        say_refused(refused)
        return False
    except MkDocsException:  # Abort, PluginError: the build said why
        return False
    finally:
        for logger in loggers:
            logger.removeHandler(console)
    return True


def check(names: list[str], site: Path | None, build: bool, root: Path) -> int:
    known = {c.name: c for c in all_checks()}
    unknown = [name for name in names if name not in known]
    if unknown:
        print(f"onbekende controle: {', '.join(unknown)} — kies uit: {', '.join(known)} "
              f"(unknown check: {', '.join(unknown)} — choose from the list of `dom-site checks`)")
        return 2
    chosen = [known[name] for name in names] if names else list(known.values())
    problems: list[tuple[str, Problem]] = []  # with the name of the check that found it
    started = time.monotonic()
    rule_names = [c.name for c in chosen if c.run is None]
    if rule_names:
        from dom_site import config_file

        try:
            context = rules_context(root)
        except config_file.Refused as refused:  # mkdocs.yml cannot be used: nothing else can be checked
            say_refused(refused)
            print(_failed(len(refused.problems), time.monotonic() - started))
            return 1
        problems += rules.run_named(context, rule_names)
    for item in chosen:
        if item.run is not None and not item.needs_site:
            problems += [(item.name, problem) for problem in item.run(root, None)]
    site_checks = [c for c in chosen if c.needs_site]
    built = True
    with tempfile.TemporaryDirectory(prefix="dom-site-") as tmp:
        if build and site_checks and not problems:
            site = Path(tmp) / "site"
            built = build_site(root, site)
        if site is not None and built:
            for item in site_checks:
                if item.run is not None:
                    problems += [(item.name, problem) for problem in item.run(root, site)]
    problems = one_per_subject(problems)
    for name, problem in problems:
        say(problem, title=github.TITLES.get(name))
    took = time.monotonic() - started
    if not built:
        print(f"\nDe bouw stopte: los de meldingen hierboven op. (The build stopped: fix the messages above.) [{took:.1f} s]")
        return 1
    if problems:
        print(_failed(len(problems), took))
        return 1
    ran = len([c for c in chosen if not c.needs_site or site is not None or build])
    print(f"Alle controles geslaagd ({ran}). (All checks passed.) [{took:.1f} s]")
    return 0


def one_per_subject(problems: list[tuple[str, Problem]]) -> list[tuple[str, Problem]]:
    """The first problem of each subject: two checks that see one mistake (markdownlint's bare
    address and the addresses check's http) give it one subject, and the editor reads it once,
    as the rules do among themselves (dom_site.rules.run)."""
    seen: set[str] = set()
    kept: list[tuple[str, Problem]] = []
    for name, problem in problems:
        if problem.subject is not None and problem.subject in seen:
            continue
        seen.update(problem.subjects)
        kept.append((name, problem))
    return kept


def _failed(count: int, took: float | None = None) -> str:
    return (f"\n{count} fout(en) — elke regel zegt waar en hoe je die oplost. "
            f"({count} problem(s) — each line says where and how to fix it.)"
            + (f" [{took:.1f} s]" if took is not None else ""))


def built_site(text: str) -> Path:
    """--site: a built site, as an absolute path (the checks place a page's problems by
    its path inside the site, and `--site site` is how it is typed)."""
    site = Path(text).resolve()
    if not (site / "index.html").is_file():
        raise argparse.ArgumentTypeError(
            f"geen gebouwde site: {text}/index.html ontbreekt — bouw haar eerst met 'make build' "
            f"(not a built site: {text}/index.html is missing — build it first with 'make build')")
    return site


def main(argv: list[str] | None = None, root: Path | None = None) -> int:
    """The command in argv, on the project in root (default: the one the command runs in, here())."""
    if os.environ.get("DOM_BUILDER") == "properdocs":
        # make properdocs: every build in this process is ProperDocs' (its replacement module
        # turns each later `mkdocs.*` import into the `properdocs.*` one, so it comes first).
        import properdocs.replacement  # noqa: F401
    parser = argparse.ArgumentParser(prog="dom-site", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    checking = commands.add_parser("check", help="controleer de inhoud (check the content)")
    checking.add_argument("names", nargs="*", help="alleen deze controles (only these checks)")
    where = checking.add_mutually_exclusive_group()
    where.add_argument("--site", type=built_site, help="ook deze gebouwde site controleren (also check this built site)")
    where.add_argument("--build", action="store_true", help="bouw de site en controleer haar (build and check it)")
    commands.add_parser("checks", help="de lijst van controles (the list of checks)")
    commands.add_parser("config", help="kan de bouw mkdocs.yml gebruiken? (can the build use mkdocs.yml?)")
    pdfs = commands.add_parser("pdfs", help="de PDF's van een gebouwde site (the PDFs of a built site)")
    pdfs.add_argument("--site", type=built_site, default="site")
    release = commands.add_parser("release", help="een versie vastleggen (freeze a release)")
    release.add_argument("version")
    release.add_argument("--date")
    editions = commands.add_parser("editions", help="de bevroren versies (the frozen editions)")
    editions.add_argument("--site", type=built_site, default="site")
    editions.add_argument("--fresh", action="store_true", help="ook wat al in de cache staat opnieuw bouwen (build again, ignore the cache)")
    links = commands.add_parser("links", help="externe adressen opvragen (ask external addresses)")
    links.add_argument("--online", action="store_true")
    links.add_argument("--github-output")
    commands.add_parser("bench", help="benchmarks (ratios in one run)", add_help=False)
    lighthouse = commands.add_parser("lighthouse", help="Lighthouse-scores (Lighthouse scores)")
    lighthouse.add_argument("--site", type=built_site, default="site")
    translations = commands.add_parser("translations", help="welke Engelse pagina's achterlopen (translations)")
    translations.add_argument("--docs")
    translations.add_argument("--stamp", nargs="+", metavar="X.en.md")
    args, rest = parser.parse_known_args(argv)
    if rest and args.command != "bench":
        parser.error(f"onbekend (unknown): {' '.join(rest)}")

    root = root or here()
    if args.command == "check":
        return check(args.names, args.site, args.build, root)
    if args.command == "checks":
        for item in all_checks():
            print(f"{item.name:16} {item.about}{' (gebouwde site / built site)' if item.needs_site else ''}")
        return 0
    if args.command == "config":
        return read_config(root)
    if args.command == "pdfs":
        from dom_site import print_pdfs
        return print_pdfs.main(["--site", str(args.site)], root)
    if args.command == "editions":
        from dom_site import frozen
        return frozen.main(["--site", str(args.site), *(["--fresh"] if args.fresh else [])], root)
    if args.command == "links":
        from dom_site.checks import external_links
        return external_links.main([*(["--online"] if args.online else []),
                                    *(["--github-output", args.github_output] if args.github_output else [])], root)
    if args.command == "bench":
        from dom_site import bench, bench_bytes
        return bench.main(rest, root) or bench_bytes.main([], root)
    if args.command == "lighthouse":
        from dom_site import lighthouse as scores
        return scores.main(["--site", str(args.site)], root)
    if args.command == "release":
        from dom_site import release as releasing
        return releasing.main([args.version, *(["--date", args.date] if args.date else [])], root)
    from dom_site import translations as report
    return report.main([*(["--docs", args.docs] if args.docs else []), *(["--stamp", *args.stamp] if args.stamp else [])], root)


if __name__ == "__main__":
    sys.exit(main())
