"""Markdown lint: markdownlint-cli2 with rules fitted to this site, said in plain Dutch.

    .venv/bin/dom-site check markdown               # docs/**/*.md and CONTRIBUTING.md

Which rules apply, and why some are off, is in `.markdownlint-cli2.yaml`. This
check runs the tool and rewrites each finding as `path:line: wat er mis is — hoe
je het oplost (English: …)`, because the tool's own English rule names mean
nothing to a village editor.
"""
from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from dom_site import source, sources
from dom_site.checks import external_links
from dom_site.checks.common import Problem, beyond_unclosed_data, relative
from dom_site.data_file import closest
from dom_site.processes import run  # every step has a time limit and ends with its children
from dom_site.rules import fences

MARKDOWNLINT = Path("node_modules") / ".bin" / "markdownlint-cli2"  # in the project folder (npm ci)
FINDING = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+)(?::\d+)? (?:error|warning) (?P<rule>MD\d{3})/(?P<names>\S+) "
    r"(?P<desc>.*?)(?: \[(?P<detail>[^\]]*)\])?(?: \[Context: (?P<context>.*)\])?$"
)

# rule: (what is wrong, how to fix it) in Dutch, then the same in English.
MESSAGES: dict[str, tuple[str, str, str, str]] = {
    "MD001": ("de kop slaat een niveau over", "gebruik één # meer dan de kop erboven (### na ##)",
              "the heading skips a level", "use one # more than the heading above (### after ##)"),
    "MD003": ("de kop is anders geschreven dan de andere koppen", "schrijf een kop met # aan het begin: ## Kop",
              "the heading is written differently from the others", "start a heading with #: ## Heading"),
    "MD004": ("de opsomming gebruikt verschillende tekens", "begin elk punt van een opsomming met een streepje (-)",
              "the list uses different markers", "start every list item with a dash (-)"),
    "MD005": ("de punten van deze lijst springen niet even ver in", "begin ze met evenveel spaties",
              "the items of this list are not indented equally", "start them with the same number of spaces"),
    "MD007": ("een lijst binnen een lijst springt niet 4 spaties in", "zet precies 4 spaties voor het streepje, geen tab",
              "a nested list is not indented by 4 spaces", "put exactly 4 spaces before the dash, no tab"),
    "MD009": ("er staan spaties aan het eind van de regel", "haal de spaties na het laatste teken weg",
              "there are spaces at the end of the line", "remove the spaces after the last character"),
    "MD010": ("er staat een tab in de regel", "vervang de tab door spaties (4 spaties om in te springen)",
              "the line contains a tab", "replace the tab with spaces (4 spaces to indent)"),
    "MD011": ("de link is omgedraaid: (tekst)[adres]", "schrijf [tekst](adres)",
              "the link is reversed: (text)[address]", "write [text](address)"),
    "MD014": ("voor de opdrachten in het codeblok staat een $", "haal de $ weg",
              "the commands in the code block start with $", "remove the $"),
    "MD018": ("na de #-tekens van de kop staat geen spatie", "zet een spatie na de #-tekens: ## Kop",
              "there is no space after the heading's # signs", "put a space after the # signs: ## Heading"),
    "MD019": ("na de #-tekens van de kop staan meer spaties", "laat één spatie staan",
              "there are several spaces after the heading's # signs", "keep one space"),
    "MD020": ("de kop heeft geen spatie binnen de # aan het eind", "haal de #-tekens aan het eind weg",
              "the closed heading lacks a space inside its # signs", "remove the closing # signs"),
    "MD021": ("de kop heeft meer spaties binnen de # aan het eind", "haal de #-tekens aan het eind weg",
              "the closed heading has several spaces inside its # signs", "remove the closing # signs"),
    "MD022": ("boven of onder de kop ontbreekt een lege regel", "zet een lege regel boven en onder elke kop",
              "a blank line is missing above or below the heading", "put a blank line above and below every heading"),
    "MD023": ("de kop begint niet aan het begin van de regel", "haal de spaties voor de # weg",
              "the heading does not start at the beginning of the line", "remove the spaces before the #"),
    "MD024": ("dezelfde kop staat twee keer in hetzelfde deel", "maak de koppen verschillend",
              "the same heading appears twice in the same section", "make the headings different"),
    "MD025": ("de pagina heeft meer dan één titel (# Titel)", "gebruik één # alleen voor de titel bovenaan; maak van de andere koppen ##",
              "the page has more than one title (# Title)", "use a single # only for the title at the top; make the others ##"),
    "MD026": ("de kop eindigt op een leesteken", "haal de punt, komma of dubbele punt aan het eind van de kop weg",
              "the heading ends with punctuation", "remove the full stop, comma or colon at the end of the heading"),
    "MD027": ("na het >-teken van het citaat staan meer spaties", "laat één spatie staan",
              "there are several spaces after the quote's >", "keep one space"),
    "MD028": ("een lege regel splitst het citaat in tweeën", "zet ook op de lege regel een >, of haal de lege regel weg",
              "a blank line splits the quote in two", "put a > on the blank line too, or remove it"),
    "MD029": ("de nummering van de lijst klopt niet", "nummer 1. 2. 3. op volgorde",
              "the numbering of the list is wrong", "number 1. 2. 3. in order"),
    "MD031": ("boven of onder het codeblok ontbreekt een lege regel", "zet een lege regel boven en onder de regels met ```",
              "a blank line is missing around the code block", "put a blank line above and below the ``` lines"),
    "MD032": ("boven of onder de lijst ontbreekt een lege regel; zonder die regel wordt het geen lijst",
              "zet een lege regel boven en onder de lijst",
              "a blank line is missing around the list; without it the list is not a list",
              "put a blank line above and below the list"),
    "MD034": ("er staat een los webadres in de tekst", "zet het tussen < en > of maak er een link van: [tekst](https://…)",
              "there is a bare web address in the text", "put it between < and > or make it a link: [text](https://…)"),
    "MD035": ("de scheidingslijnen zijn verschillend geschreven", "schrijf een scheidingslijn overal als ---",
              "the horizontal rules are written differently", "write every horizontal rule as ---"),
    "MD037": ("er staan spaties binnen de * of _ van schuine of vette tekst", "schrijf *woord* of **woord** zonder spaties aan de binnenkant",
              "there are spaces inside the * or _ of emphasis", "write *word* or **word** without inner spaces"),
    "MD038": ("er staan spaties binnen de ` van de code", "haal de spaties binnen de ` weg",
              "there are spaces inside the code's backticks", "remove the spaces inside the backticks"),
    "MD039": ("er staan spaties binnen de [ ] van de link", "haal de spaties aan de binnenkant van [ en ] weg",
              "there are spaces inside the link's [ ]", "remove the spaces inside [ and ]"),
    "MD040": ("bij het codeblok staat niet wat voor tekst het is", "zet achter de eerste ``` een soort, bijvoorbeeld ```text",
              "the code block does not say its language", "put a language after the first ```, for example ```text"),
    "MD041": ("de pagina begint niet met een titel", "begin de pagina met # en de titel",
              "the page does not start with a title", "start the page with # and the title"),
    "MD042": ("de link heeft geen adres", "vul het adres in tussen ( en ), of haal de link weg",
              "the link has no address", "fill in the address between ( and ), or remove the link"),
    "MD047": ("het bestand eindigt niet met een nieuwe regel", "zet een Enter na de laatste regel",
              "the file does not end with a newline", "press Enter after the last line"),
    "MD048": ("de codeblokken zijn verschillend geschreven", "begin en eindig elk codeblok met ```",
              "the code blocks are fenced differently", "fence every code block with ```"),
    "MD049": ("schuine tekst is op verschillende manieren geschreven", "schrijf schuine tekst overal als *woord*",
              "emphasis is written in different ways", "write emphasis as *word* everywhere"),
    "MD050": ("vette tekst is op verschillende manieren geschreven", "schrijf vette tekst overal als **woord**",
              "strong text is written in different ways", "write strong text as **word** everywhere"),
    "MD052": ("een verwijzing [tekst][naam] heeft geen definitie", "zet onderaan een regel [naam]: adres, of controleer de naam",
              "a reference [text][name] has no definition", "add a line [name]: address at the bottom, or check the name"),
    "MD053": ("een definitie [naam]: adres wordt nergens gebruikt", "haal de regel weg, of verwijs ernaar in de tekst",
              "a definition [name]: address is not used", "remove the line, or refer to it in the text"),
    "MD054": ("deze soort link is hier niet toegestaan", "schrijf een link als [tekst](adres)",
              "this kind of link is not allowed here", "write a link as [text](address)"),
    "MD055": ("de rijen van de tabel beginnen of eindigen verschillend met |", "begin en eindig elke rij met |",
              "the table rows start or end differently with |", "start and end every row with |"),
    "MD056": ("deze rij van de tabel heeft een ander aantal cellen dan de kop", "tel de |-tekens: elke rij heeft evenveel cellen",
              "this table row has a different number of cells than the header", "count the | signs: every row has the same number of cells"),
    "MD058": ("boven of onder de tabel ontbreekt een lege regel; zonder die regel wordt het geen tabel",
              "zet een lege regel boven en onder de tabel",
              "a blank line is missing around the table; without it the table is not a table",
              "put a blank line above and below the table"),
    "MD059": ("de tekst van de link zegt niet waar hij heen gaat", "schrijf waar de link heen gaat, zoals [de reactie van DOM](…) in plaats van [hier](…)",
              "the link text does not say where it goes", "say where the link goes, like [DOM's response](…) instead of [here](…)"),
}


def missing_tool(root: Path) -> Problem:
    return Problem(relative(root / MARKDOWNLINT, root), 1, "markdownlint-cli2 is niet geïnstalleerd",
                   "draai 'make setup' (dat voert 'npm ci' uit)",
                   "markdownlint-cli2 is not installed", "run 'make setup' (it runs 'npm ci')")


def problem_for(line: str, root: Path) -> Problem | None:
    """One line of markdownlint-cli2 output as an editor's message; None if it is no finding."""
    match = FINDING.match(line.strip())
    if not match:
        return None
    rule = match["rule"]
    path = relative((root / match["path"]).resolve(), root)
    context = (match["context"] or match["detail"] or "").removeprefix("Context: ").strip('"')
    if rule == "MD034" and external_links.plain_http(context):
        # The addresses check also refuses it (http): one message, with the fix for both.
        return Problem(path, int(match["line"]), "er staat een los webadres in de tekst, en het begint niet met "
                       "https:// (MD034)", "maak er een link van met het https://-adres van de bron: [tekst](https://…)",
                       f"there is a bare web address in the text, and it does not start with https:// [{context}]",
                       "make it a link with the source's https:// address: [text](https://…)",
                       subject=external_links.subject(path, int(match["line"]), context))
    if rule == "MD034" and "@" in context and "://" not in context:
        # markdownlint says "bare URL" of an e-mail address too: its fix is a mailto: link, not https://.
        return Problem(path, int(match["line"]), "er staat een los e-mailadres in de tekst (MD034)",
                       f"maak er een link van: [{context}](mailto:{context})",
                       f"there is a bare e-mail address in the text [{context}]",
                       f"make it a link: [{context}](mailto:{context})",
                       subject=f"fact:{path}:{match['line']}")  # the facts rule's, where it also wants a source
    if rule == "MD052" and '"^' in (match["detail"] or ""):
        # Two footnotes side by side ([^a][^b]) look like a reference link to markdownlint; Python-Markdown
        # renders both, and whether a footnote's key exists is the sources rule's.
        return None
    detail = f" [{match['detail']}]" if match["detail"] else ""
    if rule in MESSAGES:
        wrong_nl, fix_nl, wrong_en, fix_en = MESSAGES[rule]
    else:
        wrong_nl, fix_nl = "de Markdown volgt een regel niet", f"lees de uitleg van {rule} bij markdownlint"
        wrong_en, fix_en = match["desc"], f"read markdownlint's explanation of {rule}"
    return Problem(path, int(match["line"]), f"{wrong_nl} ({rule})", fix_nl, f"{wrong_en}{detail}", fix_en,
                   subject=fences.subject(path, int(match["line"])) if rule == "MD040"
                   else sources.definition_subject(path, int(match["line"])) if rule == "MD053" and '"^' in detail
                   else None)


# markdownlint's rules that want a blank line around a block: headings, code blocks, lists, tables.
BLANK_LINE_RULES = {"MD022", "MD031", "MD032", "MD058"}


def check(files: list[Path], root: Path) -> list[Problem]:
    """markdownlint-cli2 with the project's settings on files (none: the globs of its config)."""
    tool = root / MARKDOWNLINT
    if not tool.exists():
        return [missing_tool(root)]
    cmd = [str(tool)]
    if files:
        # Only these files, not also the globs in the config.
        cmd += ["--no-globs", *(str(f.resolve()) for f in files)]
    result = run(cmd, step="markdownlint", cwd=root, timeout=300)
    found = [(line, match) for line in (result.stdout + "\n" + result.stderr).splitlines()
             if (match := FINDING.match(line.strip()))]
    # A tab before a nested list item is also "not indented by 4 spaces": one mistake, said as the tab.
    tabs = {(match["path"], match["line"]) for _, match in found if match["rule"] == "MD010"}
    # One blank line missing between two blocks (a heading straight above a table or a list) is one
    # mistake, though each block's rule says it: said once, at the first of the two lines.
    blank = {(match["path"], int(match["line"])) for _, match in found if match["rule"] in BLANK_LINE_RULES}
    # One item written with another mark (* among -) starts a list of its own for markdownlint, which then
    # misses a blank line above it; Python-Markdown keeps one list: said once, as the mark (a probe).
    marks = {(match["path"], int(match["line"])) for _, match in found if match["rule"] == "MD004"}
    kept = [line for line, match in found
            if not (match["rule"] in ("MD007", "MD005") and (match["path"], match["line"]) in tabs)
            and not (match["rule"] in BLANK_LINE_RULES and (match["path"], int(match["line"]) - 1) in blank)
            and not (match["rule"] == "MD032" and {(match["path"], int(match["line"]) + step) for step in (0, 1)} & marks)]
    # (A finding may be no problem here: problem_for says which.)
    problems = tables_in_lists([p for p in (problem_for(line, root) for line in kept) if p is not None], root)
    if result.returncode != 0 and not found:
        raise RuntimeError(f"markdownlint-cli2 failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return problems


def tables_in_lists(problems: list[Problem], root: Path) -> list[Problem]:
    """A table without blank lines is one mistake, not one at its first row and one at its last; and a
    table indented less than four spaces under a list item is the list's only with four: its fix
    says so (a helper's probe: blank lines alone put the table outside the list, and split the list)."""
    kept: list[Problem] = []
    said: set[tuple[str, int]] = set()
    for problem in problems:
        if not problem.wrong_nl.endswith("(MD058)"):
            kept.append(problem)
            continue
        try:
            lines = (root / problem.path).read_text("utf-8").splitlines()
        except OSError:
            kept.append(problem)
            continue
        first = problem.line
        while first > 1 and source.TABLE_ROW.match(lines[first - 2]):
            first -= 1
        if (problem.path, first) in said:
            continue
        said.add((problem.path, first))
        row = lines[first - 1] if first <= len(lines) else ""
        indent = len(row) - len(row.lstrip(" "))
        if 0 < indent < 4:
            problem = replace(problem, line=first,
                              fix_nl="zet een lege regel boven en onder de tabel, en spring elke rij vier spaties in: "
                              "zo hoort de tabel bij het punt van de lijst erboven",
                              fix_en="put a blank line above and below the table, and indent every row by four spaces: "
                              "so the table belongs to the list item above it")
        kept.append(problem)
    return kept


# Material's admonitions and collapsible blocks: "!!! note", "??? tip "Titel"", "???+ info"; Python-Markdown
# needs no space after the marks (!!!note is one too).
ADMONITION = re.compile(r'^(?P<indent>\s*)(?P<marker>!!!|\?\?\?\+?)\s*(?P<rest>.*)$')
# Words after the type that place the block (Material: !!! tip inline end), not a title.
PLACEMENT = {"inline", "end"}
# Two marks or four, before a block's type ("?? note", "!!!! tip"): Python-Markdown shows the line as text.
NEAR_ADMONITION = re.compile(r'^\s*(?P<marker>!!|!{4,}|\?\?\+?|\?{4,}\+?)\s*(?P<kind>[A-Za-z-]+)(?P<rest>(?:\s.*)?)$')
# A title between curly quotes, as a word processor writes them: Admonition needs straight ones.
CURLY_TITLE = re.compile(r'^[“”„‘’‚"]+(?P<title>.*?)[“”„‘’‚"]+$')
# A definition whose colon has no space after it (":De groep"): Python-Markdown's definition
# list needs one to four; without, the term and its explanation show as one line of text.
DEFINITION_WITHOUT_SPACE = re.compile(r"^:(?P<text>[^\W\d_].*)$")
# The types Material styles, with their other names (its admonition reference); any other
# word renders as a plain grey box with the word as its English-looking title.
TYPES = {"note", "abstract", "summary", "tldr", "info", "todo", "tip", "hint", "important", "success", "check",
         "done", "question", "help", "faq", "warning", "caution", "attention", "failure", "fail", "missing",
         "danger", "error", "bug", "example", "quote", "cite"}
# What a Dutch writer types for them.
DUTCH_TYPES = {"opmerking": "note", "notitie": "note", "let-op": "warning", "letop": "warning",
               "waarschuwing": "warning", "informatie": "info", "belangrijk": "important", "gevaar": "danger",
               "voorbeeld": "example", "vraag": "question", "citaat": "quote", "samenvatting": "abstract",
               "fout": "failure", "gelukt": "success"}


def read(file: Path, root: Path) -> tuple[str, list[str], list[tuple[int, str]]]:
    """A page as these checks read it: its name in a message, its lines, and the lines the reader's text
    is on (the source model's: no code, comments or front matter)."""
    text, where = file.read_text(encoding="utf-8"), relative(file, root)
    return where, text.splitlines(), source.parse(where, text, where).text_lines


def empty_body(lines: list[str], number: int, indent: int, where: str, what: tuple[str, str]) -> list[Problem]:
    """A block (admonition, tab) opened on line `number` whose next text is not indented 4 spaces
    deeper: the block ends at once, empty, and its text shows as ordinary text below it."""
    body = next((text for text in lines[number:] if text.strip()), None)
    inner = indent + 4
    if body is not None and len(body) - len(body.lstrip(" ")) >= inner:
        return []
    nl, en = what
    return [Problem(where, number, f"{nl} is leeg: de tekst eronder springt niet in",
                    f"zet {inner} spaties voor elke regel van de tekst in {nl}",
                    f"{en} is empty: the text below it is not indented",
                    f"put {inner} spaces before every line of {en}'s text")]


def admonitions(files: list[Path], root: Path) -> list[Problem]:
    """Admonitions that markdownlint cannot see: no type, an unclosed title, or a body that is not indented.

    A body without its 4 extra spaces ends the admonition at once: the box stays
    empty and its text shows as ordinary text below it.
    """
    problems: list[Problem] = []
    for file in files:
        where, lines, text_lines = read(file, root)
        for number, line in text_lines:
            match = ADMONITION.match(line)
            near = near_admonition(line, number, where)  # also '!!!! tip', which ADMONITION reads as '!!!'
            if near or not match:
                problems += near
                continue
            rest = match["rest"] or ""
            if not rest or not rest[0].isalpha():
                problems.append(Problem(where, number, "het blok (!!! of ???) heeft geen soort",
                                        "schrijf de soort erachter, zoals !!! note of !!! tip \"Titel\"",
                                        "the block (!!! or ???) has no type", "add its type, like !!! note or !!! tip \"Title\""))
                continue
            kind, *words = rest.split()
            if kind.lower() not in TYPES:
                # Python-Markdown takes any word; Material styles only its own types (a capital is fine).
                meant = DUTCH_TYPES.get(kind.lower()) or closest(kind.lower(), sorted(TYPES)) or "note"
                after = rest[len(kind):].strip()
                if after and '"' not in after and all(word not in PLACEMENT for word in words):
                    after = f'"{after}"'  # the title it meant, quoted
                write = " ".join([match["marker"], meant, *([after] if after else [])])
                problems.append(Problem(where, number, f"het blok heeft de soort '{kind}', die de site niet kent",
                                        f"schrijf {write} (de soorten zijn Engelse woorden: note, info, tip, "
                                        "warning, danger, example, question, quote)",
                                        f"the block has the type '{kind}', which the site does not know",
                                        f"write {write} (the types are English words: note, info, tip, "
                                        "warning, danger, example, question, quote)"))
            elif (curly := CURLY_TITLE.match(" ".join(words))) and any(mark in rest for mark in "“”„‘’‚"):
                write = f'{match["marker"]} {kind} "{curly["title"]}"'
                problems.append(Problem(where, number, "de titel van het blok staat tussen gekrulde aanhalingstekens "
                                        "(“ ”); de site kent alleen rechte (\")",
                                        f"schrijf {write}",
                                        "the block's title is between curly quotation marks (“ ”); the site knows only "
                                        "straight ones (\")", f"write {write}"))
            elif '"' not in rest and any(word not in PLACEMENT for word in words):
                # Admonition reads each word as a class: the title is lost, the type's English name shows.
                marker = match["marker"]
                title = " ".join(words)
                problems.append(Problem(where, number, f"de titel '{title}' staat niet tussen aanhalingstekens; "
                                        "zo toont de site hem niet",
                                        f"schrijf {marker} {kind} \"{title}\"",
                                        f"the title '{title}' is not between quotation marks; the site does not show it",
                                        f"write {marker} {kind} \"{title}\""))
            elif rest.count('"') % 2:
                problems.append(Problem(where, number, "de titel van het blok mist een aanhalingsteken",
                                        "zet de titel tussen twee aanhalingstekens: !!! note \"Titel\"",
                                        "the block's title lacks a quotation mark", "put the title between two quotation marks: !!! note \"Title\""))
            problems += empty_body(lines, number, len(match["indent"]), where, ("het blok", "the block"))
    return problems


def near_admonition(line: str, number: int, where: str) -> list[Problem]:
    """A block's type after two marks or four ('?? note'): the reader sees the marks and the type as text."""
    near = NEAR_ADMONITION.match(line)
    if not near or (near["kind"].lower() not in TYPES and near["kind"].lower() not in DUTCH_TYPES):
        return []
    marker = "???" if near["marker"].startswith("?") else "!!!"
    marker += "+" if near["marker"].endswith("+") else ""
    write = f"{marker} {near['kind']}{near['rest']}".rstrip()
    return [Problem(where, number, f"het blok begint met {near['marker']}; alleen !!! of ??? (drie tekens) maakt er een "
                    "blok van, anders toont de site deze regel als tekst", f"schrijf {write}",
                    f"the block starts with {near['marker']}; only !!! or ??? (three marks) makes a block of it, "
                    "otherwise the site shows this line as text", f"write {write}")]


# Material's content tabs: === "Titel" (=== + for the one open at first).
TAB = re.compile(r'^(?P<indent>\s*)===\+?(?:\s+(?P<rest>.*))?$')
# A task list's box written so that pymdownx.tasklist makes no box of it: "-[ ]", "- []", "- [v]".
BROKEN_TASK = re.compile(r"^\s*(?:[-*+]\[[ xX]?\]|[-*+]\s+\[(?:|[vV✓✔/o-])\])(?:\s|$)")
# The line under a table's header as Python-Markdown takes it: only |, :, - and spaces, so also
# |--|, |-| and | :-- | (a helper's probe: three dashes a cell were asked, and valid tables refused).
TABLE_SEPARATOR = re.compile(r"^[\s|:-]*-[\s|:-]*$")
# A note to the writers left in the text; CONTRIBUTING: no placeholder text on a page.
PLACEHOLDER = re.compile(r"\b(?:TODO|FIXME|TBD)\b")
# Bold opened and never closed in its paragraph: the reader sees the two stars ("**Let op: …").
# Not a mark: between two digits (2**3), a line of only stars or underscores (a rule, ***).
BOLD = re.compile(r"(?<!\d)(?:\*\*|__)|(?:\*\*|__)(?!\d)")  # not between two digits: 2**3


def unrendered(files: list[Path], root: Path) -> list[Problem]:
    """What Python-Markdown shows as plain text without a word, and markdownlint lets pass: a tab's
    title without quotation marks or its text not indented, a task list's box written wrongly,
    a table without its line of dashes, bold left open, an HTML block never closed, and a note to
    the writers (TODO)."""
    problems: list[Problem] = []
    for file in files:
        where, lines, prose = read(file, root)
        previous_table = False
        for number, line in prose:
            if (tab := TAB.match(line)):
                rest = (tab["rest"] or "").strip()
                if not (len(rest) > 1 and rest.startswith('"') and rest.endswith('"')):
                    title = rest.strip('"') or "Titel"
                    problems.append(Problem(where, number, "de titel van het tabblad staat niet tussen aanhalingstekens; "
                                            "zo toont de site het tabblad niet", f'schrijf === "{title}"',
                                            "the tab's title is not between quotation marks; the site does not show the tab",
                                            f'write === "{title}"'))
                else:
                    problems += empty_body(lines, number, len(tab["indent"]), where, ("het tabblad", "the tab"))
            if (definition := DEFINITION_WITHOUT_SPACE.match(line)) and number > 1 and lines[number - 2].strip():
                words = definition["text"].split()
                start = " ".join(words[:3]) + (" …" if len(words) > 3 else "")
                problems.append(Problem(where, number, "na de dubbele punt van deze uitleg staat geen spatie; zo toont de "
                                        "site de term en de uitleg als één gewone regel tekst",
                                        f"zet drie spaties na de dubbele punt: ':   {start}'",
                                        "there is no space after the colon of this definition; so the site shows the "
                                        "term and its explanation as one plain line of text",
                                        f"put three spaces after the colon: ':   {start}'"))
            if BROKEN_TASK.match(line):
                problems.append(Problem(where, number, "het vakje van deze takenlijst is verkeerd geschreven; "
                                        "de site toont geen vakje", "schrijf - [ ] voor een open taak of - [x] voor een "
                                        "taak die klaar is, met een spatie na het streepje",
                                        "this task list's box is written wrongly; the site shows no box",
                                        "write - [ ] for an open task or - [x] for a done one, with a space after the dash"))
            is_table = bool(source.TABLE_ROW.match(line))
            if is_table and not previous_table:
                following = lines[number] if number < len(lines) else ""
                if source.TABLE_ROW.match(following) and not TABLE_SEPARATOR.match(following):
                    columns = max(line.strip().strip("|").count("|") + 1, 1)
                    dashes = "| " + " | ".join(["---"] * columns) + " |"
                    problems.append(Problem(where, number + 1, "de tabel mist de regel met streepjes onder de "
                                            "kopregel; de site toont haar als één alinea vol |-tekens",
                                            f"zet deze regel erboven: {dashes}",
                                            "the table lacks the line of dashes below its header; the site shows it as "
                                            "one paragraph full of | signs", f"put this line above it: {dashes}"))
            previous_table = is_table
            if (note := PLACEHOLDER.search(source.CODE_SPAN.sub("", line))):
                problems.append(Problem(where, number, f"hier staat nog een notitie voor de schrijvers ({note.group(0)})",
                                        "schrijf de tekst af, of haal de zin weg tot hij af is",
                                        f"a note to the writers is still here ({note.group(0)})",
                                        "finish the text, or remove the sentence until it is finished"))
        problems += bold_left_open(prose, where)
        problems += unclosed_html(prose, where)
        problems += html_in_container(prose, where)
    return problems


def unclosed_html(prose: list[tuple[int, str]], where: str) -> list[Problem]:
    """An HTML block (<div>, <details>, a pasted <table>) that the page never closes: Python-Markdown
    takes the rest of the page into it, so its headings and text vanish into the block or show as HTML."""
    return [Problem(where, block.start, f"het HTML-blok <{block.tag}> op deze regel wordt nergens gesloten; "
                    "zo valt de rest van de pagina erin (koppen en tekst verdwijnen of staan er als HTML)",
                    f"zet </{block.tag}> op een eigen regel waar het blok eindigt",
                    f"the HTML block <{block.tag}> on this line is never closed; so the rest of the page falls "
                    "into it (headings and text vanish or show as HTML)",
                    f"put </{block.tag}> on a line of its own where the block ends")
            for block in source.html_blocks(prose) if block.end is None]


def html_in_container(prose: list[tuple[int, str]], where: str) -> list[Problem]:
    """An HTML block inside a list item or a block (!!!, ???, ===): Python-Markdown reads HTML blocks
    only at the start of a line, so there it puts the tags inside paragraphs (HTML no browser should get)
    and ignores `markdown` in them."""
    problems: list[Problem] = []
    for index, (number, line) in enumerate(prose):
        text = source.CODE_SPAN.sub("", line).expandtabs(4)
        indent = len(text) - len(text.lstrip())
        # The tag that would open an HTML block at the start of a line (source.html_blocks), four spaces in or more.
        found = source.HTML_BLOCK_START.match(text.lstrip()) if indent >= 4 else None
        if not found or found["tag"].lower() not in source.HTML_BLOCK_TAGS:
            continue
        # The line it belongs to: the nearest one above it that is indented less.
        above = next((text for _, text in reversed(prose[:index])
                      if text.strip() and len(text) - len(text.lstrip()) < indent), "")
        if not (source.LIST_ITEM.match(above) or source.TITLE.match(above)):
            continue  # not in a list item or a block: not this rule's
        tag = found["tag"].lower()
        problems.append(Problem(where, number, f"een HTML-blok (<{tag}>) binnen een lijstpunt of een blok (!!!) "
                                "zet de site niet goed om: de tags komen midden in een alinea",
                                f"haal <{tag}> en </{tag}> weg en schrijf de tekst in Markdown; wil je een kader, "
                                "gebruik dan een blok: !!! tip met de tekst 4 spaties verder",
                                f"an HTML block (<{tag}>) inside a list item or a block (!!!) is not converted "
                                "properly: its tags end up inside a paragraph",
                                f"remove <{tag}> and </{tag}> and write the text in Markdown; for a box, use a block: "
                                "!!! tip with its text 4 spaces further in"))
    return problems


def bold_left_open(prose: list[tuple[int, str]], where: str) -> list[Problem]:
    """Bold that its block (dom_site.source.blocks: a paragraph, a list item, a heading, a table cell)
    does not close.

    Bold closed in the next block is one mistake, one message; a block's marks that close each
    other are bold as the reader sees it.
    """
    parts: list[list[tuple[int, str]]] = []
    for block in source.blocks(prose):
        if block.kind == "row":
            # Each cell of a table row is a block of its own: bold cannot run on into the next cell.
            number, line = block.lines[0]
            parts += [[(number, cell)] for cell in re.split(r"(?<!\\)\|", source.CODE_SPAN.sub("", line))]
        else:
            parts.append(list(block.lines))
    problems: list[Problem] = []
    pending: dict[str, int] = {}  # what the block before left open, and where
    for part in parts:
        left: dict[str, int] = {}
        for number, line in part:
            for mark in BOLD.findall(source.NOT_TEXT.sub(" ", source.CODE_SPAN.sub("", line))):
                if left.pop(mark, None) is None:
                    left[mark] = number
        for mark in [m for m in left if m in pending]:
            problems.append(bold_across(mark, pending.pop(mark), left.pop(mark), where))
        problems += open_bold(pending, where)
        pending = left
    return problems + open_bold(pending, where)


def bold_across(mark: str, opens: int, closes: int, where: str) -> Problem:
    """Bold opened in one block (a paragraph, a list item, a heading) and closed in the next: both marks show."""
    return Problem(where, opens, f"vet begint hier met {mark} maar sluit pas op regel {closes}, in een volgend blok "
                   f"(alinea, lijstpunt of kop); de lezer ziet dan twee keer {mark}",
                   f"zet {mark} achter het laatste vette woord van dit blok en haal {mark} op regel {closes} weg",
                   f"bold starts here with {mark} but closes only on line {closes}, in the next block (paragraph, "
                   f"list item or heading); readers would see {mark} twice",
                   f"put {mark} after the last bold word of this block and remove {mark} on line {closes}")


def open_bold(opened: dict[str, int], where: str) -> list[Problem]:
    """A message for each bold mark its paragraph never closed, at the line that opens it."""
    return [Problem(where, number, f"vet begint hier met {mark} maar sluit niet in dezelfde alinea (of kop, lijstpunt, "
                    f"tabelcel); de lezer ziet dan {mark} in de tekst",
                    f"zet {mark} ook achter het laatste vette woord, of haal {mark} weg",
                    f"bold starts here with {mark} but does not close in the same paragraph (or heading, list item, "
                    f"table cell); readers would see {mark} in the text",
                    f"put {mark} after the last bold word too, or remove {mark}")
            for mark, number in opened.items()]


def findings(root: Path, files: list[Path] | None = None) -> list[Problem]:
    """The three checks on files, or on every page in the project's docs/."""
    pages = files or sorted((root / "docs").rglob("*.md"))
    return beyond_unclosed_data(check(files or [], root) + admonitions(pages, root) + unrendered(pages, root), root)
